package org.entente.core;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.entente.core.internal.Require;
import org.entente.core.text.TerminalText;

/**
 * An intergovernmental organisation, identified by its acronym ({@code ECOWAS}, {@code AU}, {@code EU},
 * {@code UN}).
 *
 * <p>Its stored {@linkplain #code() code} is {@code "ORG:"} and the acronym ({@code ORG:ECOWAS}): an ISO
 * 3166-1 alpha-3 code is three letters and nothing else, so no organisation's code can equal a
 * {@link Country}'s, whatever codes ISO assigns later (many acronyms are three letters: OAS, AES, SCO,
 * OIF). Organisations come from a table that Entente owns ({@code organisations.tsv}, with its provenance
 * in its header): an English name and, where the CAMEO manual (v1.1b3) gives one, the CAMEO actor code.
 * Instances are interned: {@code Organisation.of("ECOWAS") == Organisation.of(" org:ecowas ")}.
 *
 * <p>This is the reference table only: facts between countries and organisations are not yet recorded.
 *
 * <pre>{@code
 * Organisation ecowas = Organisation.of("ECOWAS");
 * ecowas.code();              // "ORG:ECOWAS"
 * ecowas.name();              // "Economic Community of West African States"
 * ecowas.cameoCode();         // Optional[IGOWAS]
 * Organisation.of("ECOWA");   // IllegalArgumentException:
 *                             // "ECOWA is not an organisation Entente knows; did you mean ECOWAS (Economic Community of West African States)?"
 * }</pre>
 */
public final class Organisation implements Actor, Comparable<Organisation> {

    /** The prefix of every organisation's {@linkplain #code() code}: {@value}. */
    public static final String CODE_PREFIX = "ORG:";

    private static final String FILE = "organisations.tsv";
    private static final Pattern ACRONYM = Pattern.compile("[A-Z][A-Z0-9]{1,11}");
    /** A CAMEO actor code is a sequence of three-letter codes: IGO, then the organisation's (IGOWAS). */
    private static final Pattern CAMEO_ACTOR = Pattern.compile("(?:[A-Z]{3})+");
    private static final int MAX_NAME = 200;

    private static final Map<String, Organisation> BY_ACRONYM = load();

    private final String acronym;
    private final String code;
    private final String name;
    private final String cameoCode;

    private Organisation(String acronym, String name, String cameoCode) {
        this.acronym = acronym;
        this.code = CODE_PREFIX + acronym;
        this.name = name;
        this.cameoCode = cameoCode;
    }

    /**
     * {@return the organisation with this acronym, with or without the {@code ORG:} prefix, in any letter
     * case, surrounding blanks ignored}
     *
     * @param acronymOrCode an acronym such as {@code "ECOWAS"} or {@code "ecowas"}, or a code such as
     *                      {@code "ORG:ECOWAS"}; not null
     * @throws IllegalArgumentException naming the text and the closest organisations when it names none
     */
    public static Organisation of(String acronymOrCode) {
        Require.nonNull(acronymOrCode, "organisation acronym", "an acronym such as Organisation.of(\"ECOWAS\") or a code such as \"ORG:ECOWAS\"");
        return find(acronymOrCode, BY_ACRONYM);
    }

    /**
     * {@return whether {@link #of(String)} would accept this text}
     *
     * @param acronymOrCode any text, null included (null and unknown acronyms give false)
     */
    public static boolean isValid(String acronymOrCode) {
        return acronymOrCode != null && BY_ACRONYM.containsKey(acronymOf(acronymOrCode));
    }

    /** {@return every organisation Entente knows, sorted by code} */
    public static List<Organisation> all() {
        return List.copyOf(BY_ACRONYM.values());
    }

    /** {@return the stable code stored in events: {@code "ORG:"} and the acronym, for example {@code "ORG:ECOWAS"}} */
    @Override
    public String code() {
        return code;
    }

    /** {@return the acronym, for example {@code "ECOWAS"}: 2 to 12 characters, A-Z and 0-9, starting with a letter} */
    public String acronym() {
        return acronym;
    }

    /** {@return the English name, for example {@code "Economic Community of West African States"}} */
    @Override
    public String name() {
        return name;
    }

    /**
     * {@return the CAMEO actor code given by the CAMEO manual v1.1b3, for example {@code IGOWAS} for ECOWAS;
     * empty where the manual gives none (the African Union, the AES, BRICS)}
     */
    public Optional<String> cameoCode() {
        return Optional.ofNullable(cameoCode);
    }

    @Override
    public int compareTo(Organisation other) {
        return code.compareTo(other.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Organisation other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** The code, for example {@code "ORG:ECOWAS"}. */
    @Override
    public String toString() {
        return code;
    }

    /** The bundled table, by acronym, sorted. */
    static Map<String, Organisation> bundled() {
        return BY_ACRONYM;
    }

    /** The acronym the text would name: blanks stripped, upper case, without the {@code ORG:} prefix. */
    static String acronymOf(String text) {
        String normalized = text.strip().toUpperCase(Locale.ROOT);
        return normalized.startsWith(CODE_PREFIX) ? normalized.substring(CODE_PREFIX.length()) : normalized;
    }

    /** {@link #of(String)} against a given table (the bundled one, or a test's). */
    static Organisation find(String text, Map<String, Organisation> table) {
        Organisation found = table.get(acronymOf(text));
        if (found == null) {
            throw new IllegalArgumentException(unknownMessage(text, table));
        }
        return found;
    }

    private static String unknownMessage(String raw, Map<String, Organisation> table) {
        StringBuilder message = new StringBuilder(ActorCodes.shown(raw)).append(" is not an organisation Entente knows");
        List<Organisation> near = suggestions(acronymOf(raw), table);
        if (near.isEmpty()) {
            return message.append("; expected an acronym such as ECOWAS (Economic Community of West African States)")
                    .append(" or EU (European Union), with or without the ORG: prefix").toString();
        }
        return message.append("; did you mean ").append(describe(near)).append('?').toString();
    }

    /** {@code ECOWAS (Economic Community of West African States) or EU (European Union)}. */
    static String describe(List<Organisation> organisations) {
        return organisations.stream().map(o -> o.acronym + " (" + o.name + ")").collect(Collectors.joining(" or "));
    }

    /**
     * Organisations whose acronym or name starts with the letters typed (ECOWA: ECOWAS), or a word of whose
     * name does (SAHEL: the AES and the G5 Sahel), or whose acronym is one edit away (ECOWAD, NAOT: NATO), at
     * most three.
     */
    static List<Organisation> suggestions(String typed, Map<String, Organisation> table) {
        if (typed.length() < 2) {
            return List.of();
        }
        Set<Organisation> found = new LinkedHashSet<>();
        for (Organisation o : table.values()) {
            String name = o.name.toUpperCase(Locale.ROOT);
            if (o.acronym.startsWith(typed) || name.startsWith(typed)) {
                found.add(o);
            }
        }
        for (Organisation o : table.values()) {
            if (typed.length() >= 4 && anyWordStartsWith(o.name.toUpperCase(Locale.ROOT), typed)) {
                found.add(o);
            }
        }
        for (Organisation o : table.values()) {
            if (typed.length() >= 3 && oneEditApart(o.acronym, typed)) {
                found.add(o);
            }
        }
        return found.stream().limit(3).collect(Collectors.toList());
    }

    private static boolean anyWordStartsWith(String name, String typed) {
        for (String word : name.split("[ \\-]+")) {
            if (word.startsWith(typed)) {
                return true;
            }
        }
        return false;
    }

    /** One character replaced, inserted or removed, or two neighbours swapped. */
    private static boolean oneEditApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int start = 0;
        while (start < Math.min(a.length(), b.length()) && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        if (a.length() != b.length()) {
            String longer = a.length() > b.length() ? a : b;
            String shorter = longer == a ? b : a;
            return longer.substring(start + 1).equals(shorter.substring(start));
        }
        if (a.substring(start + 1).equals(b.substring(start + 1))) {
            return true;
        }
        return start + 1 < a.length() && a.charAt(start) == b.charAt(start + 1) && a.charAt(start + 1) == b.charAt(start)
                && a.substring(start + 2).equals(b.substring(start + 2));
    }

    /**
     * Reads a table in the form of {@code organisations.tsv}: {@code #} comments and blank lines skipped, then
     * rows of acronym, CAMEO actor code or nothing, and English name, separated by tabs.
     *
     * @throws IllegalStateException naming the file, the line and what is wrong with a bad row
     */
    static Map<String, Organisation> parse(List<String> lines, String file) {
        Map<String, Organisation> byAcronym = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            String problem;
            if (cells.length != 3) {
                problem = "expected 3 tab-separated columns (acronym, CAMEO code or nothing, name), found " + cells.length;
            } else if (!ACRONYM.matcher(cells[0]).matches()) {
                problem = "the acronym must be 2 to 12 characters, A-Z and 0-9, starting with a letter";
            } else if (!cells[1].isEmpty() && !CAMEO_ACTOR.matcher(cells[1]).matches()) {
                problem = "the CAMEO actor code must be empty or three-letter codes such as IGOWAS";
            } else if (cells[2].isBlank() || !cells[2].strip().equals(cells[2]) || cells[2].length() > MAX_NAME
                    || TerminalText.needsEscape(cells[2])) {
                problem = "the name must be 1 to " + MAX_NAME + " printable characters without surrounding blanks";
            } else if (byAcronym.containsKey(cells[0])) {
                problem = "the acronym " + cells[0] + " is already on an earlier row";
            } else {
                byAcronym.put(cells[0], new Organisation(cells[0], cells[2], cells[1].isEmpty() ? null : cells[1]));
                continue;
            }
            throw new IllegalStateException(file + " line " + (i + 1) + ": bad row '" + TerminalText.escape(line) + "': " + problem);
        }
        return Collections.unmodifiableMap(byAcronym);
    }

    private static Map<String, Organisation> load() {
        return parse(ActorCodes.resourceLines(FILE), FILE);
    }
}
