package org.entente.core;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * <p>An organisation the table lacks can be {@linkplain #register(String, String) registered}:
 * {@code Entente.registerOrganisation} does it and keeps the registration in the store, and a seed's
 * {@code organisations:} section does it through the store. Registrations live in this JVM's table of
 * organisations, beside the bundled ones, so every store opened in the JVM sees them; registering an
 * acronym again with the same name is accepted, with another name refused.
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
public final class Organisation implements Actor {

    /** The prefix of every organisation's {@linkplain #code() code}: {@value}. */
    public static final String CODE_PREFIX = "ORG:";

    private static final String FILE = "organisations.tsv";
    private static final Pattern ACRONYM = Pattern.compile("[A-Z][A-Z0-9]{1,11}");
    /** A CAMEO actor code is a sequence of three-letter codes: IGO, then the organisation's (IGOWAS). */
    private static final Pattern CAMEO_ACTOR = Pattern.compile("(?:[A-Z]{3})+");
    private static final int MAX_NAME = 200;

    private static final Map<String, Organisation> BY_ACRONYM = load();
    /** Organisations registered in this JVM, by acronym; read far more often than written. */
    private static final java.util.concurrent.ConcurrentMap<String, Organisation> REGISTERED = new java.util.concurrent.ConcurrentSkipListMap<>();

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
        return find(acronymOrCode, known());
    }

    /**
     * Registers an organisation the bundled table lacks, for every store of this JVM; see the class
     * comment. Use {@code Entente.registerOrganisation}, which also keeps it in the store, unless no store
     * is involved.
     *
     * @param acronym   2 to 12 characters, A-Z and 0-9, starting with a letter (any letter case; an
     *                  {@code ORG:} prefix is accepted); not one of the bundled acronyms and not a country's
     *                  ISO 3166-1 alpha-3 code
     * @param name      the English name, 1 to 200 characters without control characters
     * @param cameoCode the CAMEO actor code, three-letter codes run together such as {@code IGOLGA}
     * @return the organisation, equal to the one already registered when the acronym and name are the same
     * @throws IllegalArgumentException naming the bad value and what is accepted, or the registration the
     *                                  acronym already has under another name
     */
    public static Organisation register(String acronym, String name, String cameoCode) {
        Require.nonNull(cameoCode, "CAMEO actor code", "three-letter codes run together such as \"IGOWAS\", or register(acronym, name) when there is none");
        return registerChecked(acronym, name, cameoCode);
    }

    /**
     * Registers an organisation that has no CAMEO actor code; see {@link #register(String, String, String)}.
     *
     * @param acronym 2 to 12 characters, A-Z and 0-9, starting with a letter
     * @param name    the English name, 1 to 200 characters without control characters
     * @return the organisation, equal to the one already registered when the acronym and name are the same
     * @throws IllegalArgumentException naming the bad value and what is accepted
     */
    public static Organisation register(String acronym, String name) {
        return registerChecked(acronym, name, null);
    }

    private static Organisation registerChecked(String acronym, String name, String cameoCode) {
        Require.nonNull(acronym, "organisation acronym", "2 to 12 characters A-Z and 0-9 such as \"LGA\"");
        Require.nonNull(name, "organisation name", "an English name such as \"Liptako-Gourma Authority\"");
        String a = acronymOf(acronym);
        if (!ACRONYM.matcher(a).matches()) {
            throw new IllegalArgumentException(ActorCodes.shown(acronym) + " is not an organisation acronym; expected 2 to 12 characters,"
                    + " A-Z and 0-9, starting with a letter, such as LGA");
        }
        if (BY_ACRONYM.containsKey(a)) {
            throw new IllegalArgumentException(a + " is already an organisation Entente knows (" + BY_ACRONYM.get(a).name()
                    + "); it cannot be registered again");
        }
        if (Country.isValid(a)) {
            throw new IllegalArgumentException(a + " is a country's ISO 3166-1 alpha-3 code (" + Country.of(a).name()
                    + "); an organisation's acronym cannot be one");
        }
        String n = name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the name of organisation " + a + " must have 1 to " + MAX_NAME
                    + " characters without control characters, got " + ActorCodes.shown(name));
        }
        String cameo = cameoCode == null || cameoCode.isBlank() ? null : cameoCode.strip().toUpperCase(Locale.ROOT);
        if (cameo != null && !CAMEO_ACTOR.matcher(cameo).matches()) {
            throw new IllegalArgumentException(ActorCodes.shown(cameoCode) + " is not a CAMEO actor code; expected three-letter"
                    + " codes run together, such as IGOWAS, or none");
        }
        Organisation wanted = new Organisation(a, n, cameo);
        Organisation held = REGISTERED.putIfAbsent(a, wanted);
        if (held != null && !(held.name.equals(n) && Objects.equals(held.cameoCode, cameo))) {
            throw new IllegalArgumentException(a + " is already registered as " + held.name
                    + (held.cameoCode == null ? "" : " (CAMEO " + held.cameoCode + ")") + "; it cannot be registered again as " + n);
        }
        return held == null ? wanted : held;
    }

    /**
     * {@return the organisation of a code as stored in events ({@code "ORG:LGA"}), even one this JVM has not
     * registered: it then stands for itself, with its acronym as its name, until it is registered}
     *
     * @param code an organisation's code with its prefix
     * @throws IllegalArgumentException when the text is not an organisation's code
     */
    static Organisation ofStoredCode(String code) {
        String a = acronymOf(code);
        Organisation known = known().get(a);
        if (known != null) {
            return known;
        }
        if (!code.startsWith(CODE_PREFIX) || !ACRONYM.matcher(a).matches()) {
            throw new IllegalArgumentException(ActorCodes.shown(code) + " is not an organisation's code; expected ORG: and an acronym");
        }
        return new Organisation(a, a, null);
    }

    /** {@return whether this organisation comes from the bundled table rather than a registration} */
    public boolean isBundled() {
        return BY_ACRONYM.containsKey(acronym);
    }

    /** The bundled table and the registrations, by acronym. */
    static Map<String, Organisation> known() {
        if (REGISTERED.isEmpty()) {
            return BY_ACRONYM;
        }
        Map<String, Organisation> all = new TreeMap<>(BY_ACRONYM);
        all.putAll(REGISTERED);
        return all;
    }

    /**
     * {@return whether {@link #of(String)} would accept this text}
     *
     * @param acronymOrCode any text, null included (null and unknown acronyms give false)
     */
    public static boolean isValid(String acronymOrCode) {
        return acronymOrCode != null && known().containsKey(acronymOf(acronymOrCode));
    }

    /** {@return every organisation Entente knows, bundled and registered, sorted by code} */
    public static List<Organisation> all() {
        return List.copyOf(known().values());
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
