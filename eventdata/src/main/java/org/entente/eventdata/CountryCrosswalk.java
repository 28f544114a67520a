package org.entente.eventdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.entente.core.Country;
import org.entente.eventdata.CountryMatch.Outcome;
import org.entente.eventdata.CountryMatch.Scheme;

/**
 * The one place where Entente turns other datasets' country identities into its own (ISO 3166-1
 * alpha-3, {@link Country}) and back.
 *
 * <ul>
 *   <li>CAMEO actor country codes (GDELT {@code Actor1CountryCode}, PLOVER {@code actor}): ISO alpha-3,
 *       except the legacy codes {@code ROM→ROU}, {@code TMP→TLS}, {@code MTN→MNE}, {@code IMY→IMN};
 *       region codes such as {@code WAF} and {@code AFR} are not countries and are reported;</li>
 *   <li>FIPS 10-4 (GDELT's {@code *Geo_CountryCode}): Niger is {@code NG}, Nigeria {@code NI};</li>
 *   <li>Correlates of War numbers and letters: Niger is 436/{@code NIR}, Nigeria 475/{@code NIG};</li>
 *   <li>ICEWS country names ("Russian Federation", "Moldova, Republic of"); "Occupied Palestinian
 *       Territory" is not a state and is reported.</li>
 * </ul>
 *
 * <p>Nothing is guessed: a code or name in no table is {@link Outcome#UNKNOWN}, one that could mean two
 * countries {@link Outcome#AMBIGUOUS}, and every ISO code the tables give is checked with
 * {@link Country#isValid(String)} when they load. The tables are Entente's own, in this package's
 * resources ({@code fips-10-4.tsv}, {@code cow-states.tsv}, {@code cameo-country-codes.tsv},
 * {@code icews-country-names.tsv}), each with its provenance in its header.
 *
 * <pre>{@code
 * CountryCrosswalk crosswalk = CountryCrosswalk.standard();
 * crosswalk.fips("NG").country();        // Optional[NER]
 * crosswalk.cow(475).country();          // Optional[NGA]
 * crosswalk.cameo("WAF").outcome();      // NOT_A_COUNTRY
 * crosswalk.cowNumberOf(Country.of("NER"));  // OptionalInt[436]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CountryCrosswalk {

    private static final Set<String> MISSING_MARKERS = Set.of("", "NA", "N/A", "NULL", "NONE", "-", "---");
    private static final Pattern CODE3 = Pattern.compile("[A-Z]{3}");
    private static final Pattern CODE2 = Pattern.compile("[A-Z]{2}");

    private static volatile CountryCrosswalk standard;

    private final Map<String, Row> fips;
    private final Map<Country, String> fipsOf;
    private final Map<Integer, Row> cowByNumber;
    private final Map<String, Row> cowByLetters;
    private final Map<Country, Integer> cowNumberOf;
    private final Map<Country, String> cowLettersOf;
    private final Map<String, Row> cameo;
    private final Map<String, Row> icews;
    private final Map<Country, String> icewsNameOf;
    private final Map<String, Country> ententeNames;

    /** One table row: the country, or why there is none. */
    private record Row(String key, Optional<Country> country, Outcome outcome, String name, String detail) {
    }

    private CountryCrosswalk() {
        List<String[]> fipsRows = table("fips-10-4.tsv", 3);
        fips = new LinkedHashMap<>();
        Map<Country, List<String>> fipsCodes = new HashMap<>();
        for (String[] r : fipsRows) {
            Row row = row("fips-10-4.tsv", r[0], r[1], r[2], r.length > 3 ? r[3] : "");
            putOnce("fips-10-4.tsv", fips, r[0], row);
            row.country.ifPresent(c -> fipsCodes.computeIfAbsent(c, k -> new ArrayList<>()).add(r[0]));
        }
        Map<Country, String> fipsBack = new HashMap<>();
        // Several FIPS codes for one ISO country (UMI's islands, Svalbard and Jan Mayen): no single answer back.
        fipsCodes.forEach((c, codes) -> {
            if (codes.size() == 1) {
                fipsBack.put(c, codes.get(0));
            }
        });
        fipsOf = Collections.unmodifiableMap(fipsBack);

        cowByNumber = new LinkedHashMap<>();
        cowByLetters = new LinkedHashMap<>();
        Map<Country, Integer> numberBack = new HashMap<>();
        Map<Country, String> lettersBack = new HashMap<>();
        for (String[] r : table("cow-states.tsv", 4)) {
            int number;
            try {
                number = Integer.parseInt(r[0]);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("cow-states.tsv: '" + r[0] + "' is not a number");
            }
            Row row = row("cow-states.tsv", r[1], r[2], r[3], r.length > 4 ? r[4] : "");
            putOnce("cow-states.tsv", cowByNumber, number, row);
            putOnce("cow-states.tsv", cowByLetters, r[1], row);
            row.country.ifPresent(c -> {
                if (numberBack.put(c, number) != null) {
                    throw new IllegalStateException("cow-states.tsv: " + c + " has two numbers");
                }
                lettersBack.put(c, r[1]);
            });
        }
        cowNumberOf = Collections.unmodifiableMap(numberBack);
        cowLettersOf = Collections.unmodifiableMap(lettersBack);

        cameo = new LinkedHashMap<>();
        for (String[] r : table("cameo-country-codes.tsv", 3)) {
            if (Country.isValid(r[0])) {
                throw new IllegalStateException("cameo-country-codes.tsv: " + r[0]
                        + " is an ISO code; the table lists only CAMEO's exceptions");
            }
            putOnce("cameo-country-codes.tsv", cameo, r[0], row("cameo-country-codes.tsv", r[0], r[1], r[2], r.length > 3 ? r[3] : ""));
        }

        icews = new LinkedHashMap<>();
        Map<Country, String> namesBack = new HashMap<>();
        for (String[] r : table("icews-country-names.tsv", 2)) {
            String note = r.length > 2 ? r[2] : "";
            Row row = "?".equals(r[1])
                    ? new Row(r[0], Optional.empty(), Outcome.AMBIGUOUS, r[0], requireText("icews-country-names.tsv", r[0], note))
                    : row("icews-country-names.tsv", r[0], r[1], r[0], note);
            putOnce("icews-country-names.tsv", icews, normalizeName(r[0]), row);
            row.country.ifPresent(c -> namesBack.putIfAbsent(c, r[0]));
        }
        icewsNameOf = Collections.unmodifiableMap(namesBack);

        Map<String, Country> own = new HashMap<>();
        for (Country c : Country.all()) {
            own.put(normalizeName(c.name()), c);
        }
        ententeNames = Collections.unmodifiableMap(own);
    }

    /**
     * Entente's tables (loaded once).
     *
     * @return the crosswalk of Entente's bundled tables, shared by every caller
     */
    public static CountryCrosswalk standard() {
        CountryCrosswalk s = standard;
        if (s == null) {
            synchronized (CountryCrosswalk.class) {
                s = standard;
                if (s == null) {
                    s = new CountryCrosswalk();
                    standard = s;
                }
            }
        }
        return s;
    }

    // ------------------------------------------------------------------------------------ lookups

    /**
     * {@return an ISO 3166-1 alpha-3 code, any letter case; an unknown code's detail suggests close ones}
     *
     * @param code three letters, any case, blanks around ignored; {@code ""}, {@code NA}, {@code NULL} and the like are
     *        {@link Outcome#MISSING}
     */
    public CountryMatch iso(String code) {
        Objects.requireNonNull(code, "code");
        String key = code.strip().toUpperCase(Locale.ROOT);
        if (MISSING_MARKERS.contains(key)) {
            return CountryMatch.problem(Scheme.ISO, code, Outcome.MISSING, "");
        }
        if (Country.isValid(key)) {
            return CountryMatch.found(Scheme.ISO, code, Country.of(key));
        }
        String why;
        try {
            Country.of(key);
            why = "";
        } catch (IllegalArgumentException e) {
            why = e.getMessage();
        }
        return CountryMatch.problem(Scheme.ISO, code, Outcome.UNKNOWN, why);
    }

    /**
     * {@return a CAMEO actor country code: an ISO code is that country; the legacy codes ({@code ROM}, {@code
     * TMP}, {@code MTN}, {@code IMY}) are mapped; region codes ({@code WAF}, {@code AFR}, ...) are
     * {@link Outcome#NOT_A_COUNTRY}}
     *
     * @param code a CAMEO actor code such as {@code NER} or {@code ROM}, any case; {@code NA} and the like are missing
     */
    public CountryMatch cameo(String code) {
        Objects.requireNonNull(code, "code");
        String key = code.strip().toUpperCase(Locale.ROOT);
        if (MISSING_MARKERS.contains(key)) {
            return CountryMatch.problem(Scheme.CAMEO, code, Outcome.MISSING, "");
        }
        Row row = cameo.get(key);
        if (row != null) {
            return match(Scheme.CAMEO, code, row);
        }
        if (CODE3.matcher(key).matches() && Country.isValid(key)) {
            return CountryMatch.found(Scheme.CAMEO, code, Country.of(key));
        }
        return CountryMatch.problem(Scheme.CAMEO, code, Outcome.UNKNOWN, "");
    }

    /**
     * {@return a FIPS 10-4 country code, as in GDELT's geography fields: {@code NG} is Niger, {@code NI} Nigeria}
     *
     * @param code two letters, any case, such as {@code NG}; {@code NA} and the like are missing
     */
    public CountryMatch fips(String code) {
        Objects.requireNonNull(code, "code");
        String key = code.strip().toUpperCase(Locale.ROOT);
        if (MISSING_MARKERS.contains(key)) {
            return CountryMatch.problem(Scheme.FIPS, code, Outcome.MISSING, "");
        }
        Row row = CODE2.matcher(key).matches() ? fips.get(key) : null;
        return row == null ? CountryMatch.problem(Scheme.FIPS, code, Outcome.UNKNOWN, "") : match(Scheme.FIPS, code, row);
    }

    /**
     * {@return a Correlates of War state number: 436 is Niger, 475 Nigeria, 2 the United States}
     *
     * @param number a COW state number (ccode), such as {@code 436}
     */
    public CountryMatch cow(int number) {
        Row row = cowByNumber.get(number);
        String input = Integer.toString(number);
        return row == null ? CountryMatch.problem(Scheme.COW, input, Outcome.UNKNOWN, "") : match(Scheme.COW, input, row);
    }

    /**
     * {@return a Correlates of War letter code: {@code NIR} is Niger, {@code NIG} Nigeria (not ISO codes)}
     *
     * @param letters a COW state abbreviation such as {@code NIR}, any case; {@code NA} and the like are missing
     */
    public CountryMatch cowLetters(String letters) {
        Objects.requireNonNull(letters, "letters");
        String key = letters.strip().toUpperCase(Locale.ROOT);
        if (MISSING_MARKERS.contains(key)) {
            return CountryMatch.problem(Scheme.COW_LETTERS, letters, Outcome.MISSING, "");
        }
        Row row = cowByLetters.get(key);
        return row == null ? CountryMatch.problem(Scheme.COW_LETTERS, letters, Outcome.UNKNOWN, "")
                : match(Scheme.COW_LETTERS, letters, row);
    }

    /**
     * {@return a country name as ICEWS writes it ("Russian Federation"), or as Entente names the country;
     * letter case, accents, apostrophe styles, "&amp;" and repeated blanks do not matter} {@code NA}
     * is {@link Outcome#MISSING}.
     *
     * @param name a country name such as {@code "Niger"} or {@code "Russian Federation"}
     */
    public CountryMatch icewsName(String name) {
        Objects.requireNonNull(name, "name");
        String key = normalizeName(name);
        if (MISSING_MARKERS.contains(key.toUpperCase(Locale.ROOT))) {
            return CountryMatch.problem(Scheme.ICEWS_NAME, name, Outcome.MISSING, "");
        }
        Row row = icews.get(key);
        if (row != null) {
            return match(Scheme.ICEWS_NAME, name, row);
        }
        Country own = ententeNames.get(key);
        return own != null ? CountryMatch.found(Scheme.ICEWS_NAME, name, own)
                : CountryMatch.problem(Scheme.ICEWS_NAME, name, Outcome.UNKNOWN, "");
    }

    // ----------------------------------------------------------------------------------- back out

    /**
     * {@return the country's CAMEO code: its ISO code (CAMEO's legacy codes are never written)}
     *
     * @param country any country Entente knows
     */
    public String cameoOf(Country country) {
        return Objects.requireNonNull(country, "country").code();
    }

    /**
     * {@return the country's FIPS 10-4 code; empty when it has none or several (the US minor islands)}
     *
     * @param country any country Entente knows
     */
    public Optional<String> fipsOf(Country country) {
        return Optional.ofNullable(fipsOf.get(Objects.requireNonNull(country, "country")));
    }

    /**
     * {@return the country's Correlates of War number; empty when COW does not list it (Hong Kong, the Holy See...)}
     *
     * @param country any country Entente knows
     */
    public OptionalInt cowNumberOf(Country country) {
        Integer n = cowNumberOf.get(Objects.requireNonNull(country, "country"));
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /**
     * {@return the country's Correlates of War letter code, when COW lists it}
     *
     * @param country any country Entente knows
     */
    public Optional<String> cowLettersOf(Country country) {
        return Optional.ofNullable(cowLettersOf.get(Objects.requireNonNull(country, "country")));
    }

    /**
     * {@return the name ICEWS writes for the country, or Entente's name when the ICEWS table has none}
     *
     * @param country any country Entente knows
     */
    public String icewsNameOf(Country country) {
        Objects.requireNonNull(country, "country");
        return icewsNameOf.getOrDefault(country, country.name());
    }

    // ---------------------------------------------------------------------------------- internals

    /**
     * The key a name is matched on: accents dropped, lower case, typographic apostrophes as {@code '},
     * {@code &} as "and", blanks collapsed.
     */
    static String normalizeName(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'').replace("&", " and ");
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static CountryMatch match(Scheme scheme, String input, Row row) {
        return row.country.isPresent() ? CountryMatch.found(scheme, input, row.country.get())
                : CountryMatch.problem(scheme, input, row.outcome,
                row.outcome == Outcome.NOT_A_COUNTRY && !row.name.equalsIgnoreCase(input.strip())
                        ? row.name + ": " + row.detail : row.detail);
    }

    private static Row row(String table, String key, String iso, String name, String reason) {
        if ("-".equals(iso)) {
            return new Row(key, Optional.empty(), Outcome.NOT_A_COUNTRY, name, requireText(table, key, reason));
        }
        if (!Country.isValid(iso) || !iso.equals(iso.toUpperCase(Locale.ROOT))) {
            throw new IllegalStateException(table + ": " + key + " maps to '" + iso + "', which is not an ISO 3166-1 alpha-3 code Entente knows");
        }
        return new Row(key, Optional.of(Country.of(iso)), Outcome.FOUND, name, "");
    }

    private static String requireText(String table, String key, String text) {
        if (text.isBlank()) {
            throw new IllegalStateException(table + ": " + key + " needs a reason or candidates in its last column");
        }
        return text.strip();
    }

    private static <K> void putOnce(String table, Map<K, Row> map, K key, Row row) {
        if (map.put(key, row) != null) {
            throw new IllegalStateException(table + ": " + key + " appears twice");
        }
    }

    /** The rows of a bundled table, comments and the header left out. */
    static List<String[]> table(String resource, int minColumns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = CountryCrosswalk.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath of entente-eventdata");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length < minColumns) {
                    throw new IllegalStateException(resource + ": bad row '" + line + "'");
                }
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
