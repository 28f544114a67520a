package org.entente.eventdata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.entente.core.Organisation;
import org.entente.eventdata.OrganisationMatch.Outcome;
import org.entente.eventdata.OrganisationMatch.Scheme;

/**
 * The one place where Entente turns other datasets' identities of intergovernmental organisations into
 * its own ({@link Organisation}, {@code ORG:ECOWAS}) and back; the companion of {@link CountryCrosswalk}.
 *
 * <ul>
 *   <li>CAMEO known-group codes (GDELT's {@code Actor1KnownGroupCode}): the organisation whose CAMEO actor
 *       code ({@link Organisation#cameoCode()}) ends with them, {@code WAS} for ECOWAS's {@code IGOWAS},
 *       {@code EEC} for the EU's {@code IGOEEC}, {@code UNO} for the UN's {@code IGOUNO} (the CAMEO manual
 *       v1.1b3, section 3.1.9: an organisation's own code is the suffix of the generic {@code IGO});</li>
 *   <li>names as ICEWS writes them ("European Union", "UN Security Council", "Secretariat (Organization of
 *       American States)"), through Entente's table {@code icews-organisation-names.tsv} and Entente's own
 *       names of every organisation;</li>
 *   <li>PLOVER's country names for non-state actors: {@code UNO} the UN, {@code EUR} the EU, {@code IGO}
 *       any other (PLOVER manual, "Non-state international actors");</li>
 *   <li>Entente's own code, {@code ORG:ECOWAS}.</li>
 * </ul>
 *
 * <p>Nothing is guessed: a code or name in no table is {@link Outcome#UNKNOWN}, one that could mean two
 * organisations {@link Outcome#AMBIGUOUS} (two registered organisations with CAMEO's {@code IGOCEM}, which
 * the manual gives both COMESA and CEMAC; the name "G5"). Organisations registered with
 * {@link Organisation#register} are found by their CAMEO code and their name as soon as they are registered.
 *
 * <pre>{@code
 * OrganisationCrosswalk organisations = OrganisationCrosswalk.standard();
 * organisations.cameoGroup("WAS").organisation();              // Optional[ORG:ECOWAS]
 * organisations.name("UN Security Council").organisation();    // Optional[ORG:UN]
 * organisations.name("Council of Europe").outcome();           // UNLISTED (not the EU)
 * organisations.ploverCodeOf(Organisation.of("EU"));           // "EUR"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class OrganisationCrosswalk {

    private static final String NAMES = "icews-organisation-names.tsv";
    private static final Pattern GROUP = Pattern.compile("[A-Z]{3}");
    /** "Secretariat (Organization of American States)": a sub-actor and, in parentheses, whose it is. */
    private static final Pattern SUB_ACTOR = Pattern.compile("^(.+?)\\s*\\(([^()]+)\\)$");
    /** PLOVER's codes of the two organisations it names apart from the generic IGO. */
    private static final Map<String, String> PLOVER_CODES = Map.of("UNO", "UN", "EUR", "EU");
    private static final String PLOVER_GENERIC = "IGO";

    private static volatile OrganisationCrosswalk standard;

    /** The table's rows by normalized name: an acronym, or why there is none. */
    private final Map<String, Row> names;
    /** Entente's own names, indexed for the organisations known when last asked (registrations change it). */
    private volatile Index index = new Index(List.of(), Map.of());

    private record Row(String name, String acronym, Outcome outcome, String note) {
    }

    private record Index(List<Organisation> organisations, Map<String, List<Organisation>> byName) {
    }

    private OrganisationCrosswalk() {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String[] r : CountryCrosswalk.table(NAMES, 2)) {
            String note = r.length > 2 ? r[2] : "";
            Row row;
            if ("-".equals(r[1]) || "?".equals(r[1])) {
                if (note.isBlank()) {
                    throw new IllegalStateException(NAMES + ": " + r[0] + " needs a reason or candidates in its last column");
                }
                row = new Row(r[0], "", "-".equals(r[1]) ? Outcome.UNLISTED : Outcome.AMBIGUOUS, withoutSample(note));
            } else {
                if (!Organisation.isValid(r[1]) || !Organisation.of(r[1]).isBundled() || !r[1].equals(Organisation.of(r[1]).acronym())) {
                    throw new IllegalStateException(NAMES + ": " + r[0] + " maps to '" + r[1]
                            + "', which is not the acronym of an organisation of Entente's bundled table");
                }
                row = new Row(r[0], r[1], Outcome.FOUND, note);
            }
            if (rows.put(CountryCrosswalk.normalizeName(r[0]), row) != null) {
                throw new IllegalStateException(NAMES + ": " + r[0] + " appears twice");
            }
        }
        names = Collections.unmodifiableMap(rows);
    }

    /**
     * Entente's tables (loaded once); the organisations themselves are read from {@link Organisation#all()}
     * at each lookup, so registrations count.
     *
     * @return the crosswalk of Entente's bundled tables, shared by every caller
     */
    public static OrganisationCrosswalk standard() {
        OrganisationCrosswalk s = standard;
        if (s == null) {
            synchronized (OrganisationCrosswalk.class) {
                s = standard;
                if (s == null) {
                    s = new OrganisationCrosswalk();
                    standard = s;
                }
            }
        }
        return s;
    }

    // ------------------------------------------------------------------------------------ lookups

    /**
     * {@return the organisation of a CAMEO known-group code, as GDELT's {@code Actor1KnownGroupCode} gives it:
     * the one whose CAMEO actor code ends with these three letters}
     *
     * @param code three letters such as {@code WAS} (ECOWAS) or {@code EEC} (the EU), any case; {@code ""},
     *             {@code NA} and the like are {@link Outcome#MISSING}
     */
    public OrganisationMatch cameoGroup(String code) {
        Objects.requireNonNull(code, "code");
        String key = code.strip().toUpperCase(Locale.ROOT);
        if (Text.isMissing(key)) {
            return OrganisationMatch.problem(Scheme.CAMEO_GROUP, code, Outcome.MISSING, "");
        }
        if (!GROUP.matcher(key).matches()) {
            return OrganisationMatch.problem(Scheme.CAMEO_GROUP, code, Outcome.UNKNOWN, "a known-group code is three letters");
        }
        List<Organisation> found = new ArrayList<>();
        for (Organisation o : Organisation.all()) {
            if (o.cameoCode().filter(c -> c.endsWith(key)).isPresent()) {
                found.add(o);
            }
        }
        if (found.size() == 1) {
            return OrganisationMatch.found(Scheme.CAMEO_GROUP, code, found.get(0));
        }
        if (found.isEmpty()) {
            return OrganisationMatch.problem(Scheme.CAMEO_GROUP, code, Outcome.UNKNOWN,
                    "no organisation Entente knows has a CAMEO actor code ending in " + key);
        }
        return OrganisationMatch.problem(Scheme.CAMEO_GROUP, code, Outcome.AMBIGUOUS, found.stream()
                .map(o -> o.acronym() + " (" + o.name() + ", " + o.cameoCode().orElseThrow() + ")")
                .collect(Collectors.joining(" or ")));
    }

    /**
     * {@return an organisation's name as ICEWS writes it ("European Union", "UN Security Council"), or as
     * Entente names the organisation; a sub-actor such as "Secretariat (Organization of American States)" is the
     * organisation in parentheses} Letter case, accents, apostrophe styles, "&amp;" and repeated blanks do not
     * matter; {@code NA} is {@link Outcome#MISSING}.
     *
     * @param name a name such as {@code "European Union"} or {@code "Shanghai Cooperation Organization"}
     */
    public OrganisationMatch name(String name) {
        Objects.requireNonNull(name, "name");
        if (Text.isMissing(name)) {
            return OrganisationMatch.problem(Scheme.NAME, name, Outcome.MISSING, "");
        }
        OrganisationMatch whole = byName(name, name);
        if (whole.outcome() != Outcome.UNKNOWN) {
            return whole;
        }
        Matcher sub = SUB_ACTOR.matcher(name.strip());
        return sub.matches() ? byName(name, sub.group(2)) : whole;
    }

    private OrganisationMatch byName(String input, String name) {
        String key = CountryCrosswalk.normalizeName(name);
        Row row = names.get(key);
        if (row != null) {
            return switch (row.outcome) {
                case FOUND -> OrganisationMatch.found(Scheme.NAME, input, Organisation.of(row.acronym));
                case UNLISTED, AMBIGUOUS -> OrganisationMatch.problem(Scheme.NAME, input, row.outcome, row.note);
                default -> throw new IllegalStateException("table row of outcome " + row.outcome);
            };
        }
        List<Organisation> own = index().byName.getOrDefault(key, List.of());
        if (own.size() == 1) {
            return OrganisationMatch.found(Scheme.NAME, input, own.get(0));
        }
        if (own.size() > 1) {
            return OrganisationMatch.problem(Scheme.NAME, input, Outcome.AMBIGUOUS,
                    own.stream().map(o -> o.acronym() + " (" + o.name() + ")").collect(Collectors.joining(" or "))
                            + " have this name");
        }
        return OrganisationMatch.problem(Scheme.NAME, input, Outcome.UNKNOWN, "");
    }

    /**
     * {@return a PLOVER actor code: {@code UNO} is the UN, {@code EUR} the EU (in PLOVER; in CAMEO {@code EUR} is the
     * region Europe); {@code IGO}, PLOVER's code for any other intergovernmental organisation, names none}
     *
     * @param code {@code UNO}, {@code EUR} or {@code IGO}, any case
     */
    public OrganisationMatch ploverCode(String code) {
        Objects.requireNonNull(code, "code");
        String key = code.strip().toUpperCase(Locale.ROOT);
        if (Text.isMissing(key)) {
            return OrganisationMatch.problem(Scheme.PLOVER, code, Outcome.MISSING, "");
        }
        String acronym = PLOVER_CODES.get(key);
        if (acronym != null) {
            return OrganisationMatch.found(Scheme.PLOVER, code, Organisation.of(acronym));
        }
        return OrganisationMatch.problem(Scheme.PLOVER, code, Outcome.UNKNOWN, PLOVER_GENERIC.equals(key)
                ? "PLOVER's code for any intergovernmental organisation but the UN and the EU; an entity_name says which"
                : "PLOVER names organisations UNO, EUR or IGO");
    }

    /**
     * {@return Entente's own code of an organisation, as Entente's exports write it ({@code ORG:ECOWAS}); an unknown
     * one's detail suggests close acronyms}
     *
     * @param code {@code ORG:} and an acronym, any case
     */
    public OrganisationMatch code(String code) {
        Objects.requireNonNull(code, "code");
        if (Text.isMissing(code)) {
            return OrganisationMatch.problem(Scheme.ENTENTE, code, Outcome.MISSING, "");
        }
        String key = code.strip().toUpperCase(Locale.ROOT);
        if (key.startsWith(Organisation.CODE_PREFIX) && Organisation.isValid(key)) {
            return OrganisationMatch.found(Scheme.ENTENTE, code, Organisation.of(key));
        }
        if (!key.startsWith(Organisation.CODE_PREFIX)) {
            return OrganisationMatch.problem(Scheme.ENTENTE, code, Outcome.UNKNOWN, "an organisation's code starts with "
                    + Organisation.CODE_PREFIX);
        }
        String why;
        try {
            Organisation.of(key);
            why = "";
        } catch (IllegalArgumentException e) {
            why = e.getMessage();
        }
        return OrganisationMatch.problem(Scheme.ENTENTE, code, Outcome.UNKNOWN, why);
    }

    // ----------------------------------------------------------------------------------- back out

    /**
     * {@return the organisation's PLOVER actor code: {@code UNO} for the UN, {@code EUR} for the EU, {@code IGO}
     * for any other}
     *
     * @param organisation any organisation
     */
    public String ploverCodeOf(Organisation organisation) {
        Objects.requireNonNull(organisation, "organisation");
        return PLOVER_CODES.entrySet().stream().filter(e -> e.getValue().equals(organisation.acronym()))
                .map(Map.Entry::getKey).findFirst().orElse(PLOVER_GENERIC);
    }

    // ---------------------------------------------------------------------------------- internals

    /** Entente's names of the organisations known now; rebuilt when a registration changed them. */
    private Index index() {
        List<Organisation> now = Organisation.all();
        Index i = index;
        if (i.organisations.equals(now)) {
            return i;
        }
        Map<String, List<Organisation>> byName = new LinkedHashMap<>();
        for (Organisation o : now) {
            byName.computeIfAbsent(CountryCrosswalk.normalizeName(o.name()), k -> new ArrayList<>()).add(o);
        }
        i = new Index(now, byName);
        index = i;
        return i;
    }

    /** The table's notes say where a name was met ("; sample"); reports need only the reason. */
    private static String withoutSample(String note) {
        return note.endsWith("; sample") ? note.substring(0, note.length() - "; sample".length()) : note;
    }
}
