package org.entente.core;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.entente.core.internal.Require;

/**
 * A country, identified by its ISO 3166-1 alpha-3 code ({@code NER}, {@code USA}, {@code TUR}).
 *
 * <p>Codes are checked against the JDK's list ({@link Locale#getISOCountries(Locale.IsoCountryCode)});
 * names come from a table that Entente owns ({@code countries.tsv}), so that they do not change when
 * the JDK renames a country. Instances are interned: {@code Country.of("NER") == Country.of("ner")}.
 *
 * <pre>{@code
 * Country niger = Country.of("NER");
 * niger.name();            // "Niger"
 * Country.of("NIG");       // IllegalArgumentException:
 *                          // "NIG is not an ISO 3166-1 alpha-3 code; did you mean NER (Niger) or NGA (Nigeria)?"
 * }</pre>
 */
public final class Country implements Actor {

    private static final Map<String, Country> BY_CODE = load();

    private final String code;
    private final String name;

    private Country(String code, String name) {
        this.code = code;
        this.name = name;
    }

    /**
     * {@return the country with this ISO 3166-1 alpha-3 code, in any letter case, surrounding blanks ignored}
     *
     * @param code an ISO 3166-1 alpha-3 code such as {@code "NER"} or {@code " ner "}; not null
     * @throws IllegalArgumentException naming the code and the closest valid codes when it is not one
     */
    public static Country of(String code) {
        Require.nonNull(code, "country code", "an ISO 3166 alpha-3 code such as Country.of(\"NER\")");
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        Country country = BY_CODE.get(normalized);
        if (country == null) {
            throw new IllegalArgumentException(unknownCodeMessage(code, normalized));
        }
        return country;
    }

    /**
     * {@return whether {@link #of(String)} would accept this code}
     *
     * @param code any text, null included (null and unknown codes give false)
     */
    public static boolean isValid(String code) {
        return code != null && BY_CODE.containsKey(code.strip().toUpperCase(Locale.ROOT));
    }

    /** {@return every country Entente knows, sorted by code} */
    public static List<Country> all() {
        return List.copyOf(BY_CODE.values());
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String name() {
        return name;
    }


    @Override
    public boolean equals(Object o) {
        return o instanceof Country other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** The code, for example {@code "NER"}. */
    @Override
    public String toString() {
        return code;
    }

    private static String unknownCodeMessage(String raw, String normalized) {
        StringBuilder message = new StringBuilder(ActorCodes.shown(raw)).append(" is not an ISO 3166-1 alpha-3 code");
        List<Country> near = suggestions(normalized);
        if (near.isEmpty()) {
            return message.append("; expected three letters such as NER (Niger) or USA (United States)").toString();
        }
        return message.append("; did you mean ").append(describe(near)).append('?').toString();
    }

    /** {@code NER (Niger) or NGA (Nigeria)}. */
    static String describe(List<Country> countries) {
        return countries.stream().map(c -> c.code + " (" + c.name + ")").collect(Collectors.joining(" or "));
    }

    /**
     * Countries whose name starts with the letters typed (NIG: Niger, Nigeria), or else codes one
     * letter away (NGR: NER, NGA), at most three. People mostly type a name's first letters or another
     * dataset's code (Correlates of War's NIG is Nigeria), so names come first.
     */
    static List<Country> suggestions(String typed) {
        if (typed.length() < 2) {
            return List.of();
        }
        java.util.LinkedHashSet<Country> found = new java.util.LinkedHashSet<>();
        for (Country c : BY_CODE.values()) {
            if (c.name.toUpperCase(Locale.ROOT).startsWith(typed)) {
                found.add(c);
            }
        }
        if (found.isEmpty() && typed.length() == 3) {
            for (Country c : BY_CODE.values()) {
                int differing = 0;
                for (int i = 0; i < 3; i++) {
                    differing += c.code.charAt(i) == typed.charAt(i) ? 0 : 1;
                }
                if (differing == 1) {
                    found.add(c);
                }
            }
        }
        return found.stream().limit(3).collect(Collectors.toList());
    }

    private static Map<String, Country> load() {
        Set<String> iso = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
        Map<String, Country> byCode = new TreeMap<>();
        for (String line : ActorCodes.resourceLines("countries.tsv")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 2 || !iso.contains(cells[0])) {
                throw new IllegalStateException("countries.tsv: bad row '" + line + "'");
            }
            byCode.put(cells[0], new Country(cells[0], cells[1]));
        }
        return Collections.unmodifiableMap(byCode);
    }
}
