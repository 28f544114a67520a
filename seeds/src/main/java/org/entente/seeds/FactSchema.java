package org.entente.seeds;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.Precision;
import org.entente.core.Source;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.FactHeader;
import org.entente.core.relationship.FactKind;
import org.entente.core.relationship.MissionLevel;

/** The fields of a fact, kind by kind, as {@code seeds/FORMAT.md} documents them. */
final class FactSchema {

    /** The fields every fact has, in the order messages list them; {@code sources} comes last. */
    static final List<String> COMMON = List.of("id", "kind", "happened", "actor", "target");
    static final String SOURCES = "sources";

    /** The fields of a source. */
    static final List<String> SOURCE_FIELDS = List.of("kind", "confidence", "publisher", "title", "address", "published", "note");

    /** The fields of the header. */
    static final List<String> HEADER_FIELDS = List.of("format", "title", "description", "organisations", "facts");

    /** The fields of a scenario file's header: a seed's, and the real facts it removes. */
    static final String REMOVE = "remove";
    static final List<String> SCENARIO_HEADER_FIELDS = List.of("format", "title", "description", "facts", REMOVE);

    static final Choice<AgreementKind> AGREEMENT_KINDS = Choice.of("an agreement kind", AgreementKind.class);
    static final Choice<CooperationDomain> DOMAINS = Choice.of("a cooperation domain", CooperationDomain.class);
    static final Choice<EnvoyRole> ROLES = Choice.of("an envoy role", EnvoyRole.class);
    static final Choice<MissionLevel> LEVELS = Choice.of("a head of mission's level", MissionLevel.values(), e -> Choice.slug(e.name()));
    static final Choice<AttacheService> SERVICES = Choice.of("an attaché's service",
            new AttacheService[] {AttacheService.DEFENCE, AttacheService.ARMY, AttacheService.NAVAL, AttacheService.AIR}, AttacheService::text);
    static final Choice<Precision> PRECISIONS = Choice.of("a precision", Precision.class);
    static final Choice<Source.Kind> SOURCE_KINDS = Choice.of("a kind of source", Source.Kind.class);
    static final Choice<Source.Confidence> CONFIDENCES = Choice.of("a confidence", Source.Confidence.class);

    /** What each field holds, for "missing" and "expected" messages. */
    static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("id", "a fact id such as usa-denounce: letters, digits, '.', '_', ':' or '-'"),
            Map.entry("kind", "a kind of fact such as denounce-agreement"),
            Map.entry("happened", "a date: " + Values.HAPPENED_FORMS),
            Map.entry("actor", "an ISO 3166-1 alpha-3 country code such as NER, or an organisation's acronym such as ECOWAS"),
            Map.entry("target", "an ISO 3166-1 alpha-3 country code such as USA, or an organisation's acronym such as ECOWAS"),
            Map.entry("sources", "a list of sources such as [{kind: article, confidence: reported, publisher: Reuters}]"),
            Map.entry("agreement-kind", "one of " + AGREEMENT_KINDS.accepted()),
            Map.entry("title", "text"),
            Map.entry("agreement", "the fact id of the agreement's signing, such as usa-sofa-2012"),
            Map.entry("level", "one of " + LEVELS.accepted()),
            Map.entry("name", "text, such as Serkan Kaya"),
            Map.entry("rank", "text, such as Colonel"),
            Map.entry("service", "one of " + SERVICES.accepted()),
            Map.entry("appointment", "the fact id of the envoy's appointment or accreditation"),
            Map.entry("role", "one of " + ROLES.accepted()),
            Map.entry("location", "text, such as Niamey"),
            Map.entry("size", "a whole number of personnel, at least 1, such as 1000"),
            Map.entry("bases", "a list of base names such as [Air Base 101]"),
            Map.entry("invited", "true (at the host's invitation) or false"),
            Map.entry("forces", "a list of fact ids of stationings, such as [usa-forces-niamey]"),
            Map.entry("deadline", "a day such as 2024-09-15"),
            Map.entry("base", "the base's name, such as Air Base 201"),
            Map.entry("domains", "a list of one or more of " + DOMAINS.accepted()),
            Map.entry("subject", "text"),
            Map.entry("description", "text"),
            Map.entry("sanctions", "the fact id of the sanctions' imposition"),
            Map.entry("cameo", "a CAMEO event code, quoted, such as \"042\""),
            Map.entry("scope", "text, such as decision-making bodies"),
            Map.entry("effective", "a day such as 2025-01-29"));

    /** What the fields of a kind are. */
    record Spec(List<String> required, List<String> optional) {
    }

    private static final Map<FactKind, Spec> SPECS = new EnumMap<>(FactKind.class);
    /** Every field some kind accepts. */
    static final Set<String> ALL_FIELDS;

    static {
        Set<String> all = new LinkedHashSet<>(COMMON);
        for (FactKind kind : FactKind.values()) {
            Spec spec = spec(kind);
            SPECS.put(kind, spec);
            all.addAll(spec.required());
            all.addAll(spec.optional());
        }
        all.add(SOURCES);
        ALL_FIELDS = java.util.Collections.unmodifiableSet(all);
    }

    /** The shape of a fact: which of its fields may be lists or mappings. */
    static final Shape SOURCE_LIST = Shape.list(Shape.MAPPING_OF_SCALARS, FactHeader.MAX_SOURCES,
            "a fact has at most " + FactHeader.MAX_SOURCES + " sources");
    static final Shape FACT = Shape.mapping(FactSchema::shapeOf);

    private FactSchema() {
    }

    private static Shape shapeOf(String field) {
        switch (field) {
            case "happened":
                return Shape.MAPPING_OF_SCALARS;
            case "forces":
            case "bases":
            case "domains":
                return Shape.LIST_OF_SCALARS;
            case SOURCES:
                return SOURCE_LIST;
            default:
                return Shape.SCALAR;
        }
    }

    private static Spec spec(FactKind kind) {
        return switch (kind) {
            case ESTABLISH_RELATIONS, RESTORE_RELATIONS, DOWNGRADE_RELATIONS, SEVER_RELATIONS,
                    JOIN, REINSTATE_MEMBERSHIP, WITHDRAW -> new Spec(List.of(), List.of());
            case ACCREDIT_AMBASSADOR -> new Spec(List.of(), List.of("level", "name"));
            case APPOINT_ATTACHE -> new Spec(List.of(), List.of("name", "rank", "service"));
            case RECALL_ENVOY, EXPEL_ENVOY -> new Spec(List.of("role"), List.of("appointment"));
            case SIGN_AGREEMENT -> new Spec(List.of("agreement-kind"), List.of("title"));
            case SUSPEND_AGREEMENT, DENOUNCE_AGREEMENT, RESTORE_AGREEMENT -> new Spec(List.of("agreement"), List.of());
            case STATION_FORCES -> new Spec(List.of("invited"), List.of("location", "size", "bases"));
            case DEMAND_WITHDRAWAL, COMPLETE_WITHDRAWAL -> new Spec(List.of(), List.of("forces"));
            case SCHEDULE_WITHDRAWAL -> new Spec(List.of(), List.of("deadline", "forces"));
            case HAND_OVER_BASE -> new Spec(List.of("forces", "base"), List.of());
            case PLEDGE_COOPERATION -> new Spec(List.of("domains"), List.of());
            case HOLD_TALKS -> new Spec(List.of(), List.of("subject"));
            case IMPOSE_SANCTIONS -> new Spec(List.of("description"), List.of());
            case LIFT_SANCTIONS -> new Spec(List.of("sanctions"), List.of());
            case RECORD_INTERACTION -> new Spec(List.of("cameo", "description"), List.of());
            case SUSPEND_MEMBERSHIP -> new Spec(List.of(), List.of("scope"));
            case ANNOUNCE_WITHDRAWAL -> new Spec(List.of("effective"), List.of());
        };
    }

    static Spec specOf(FactKind kind) {
        return SPECS.get(kind);
    }

    /** Every field a fact of this kind accepts, in the order messages list them. */
    static List<String> accepted(FactKind kind) {
        Spec spec = SPECS.get(kind);
        List<String> fields = new ArrayList<>(COMMON);
        fields.addAll(spec.required());
        fields.addAll(spec.optional());
        fields.add(SOURCES);
        return fields;
    }

    /** The kinds whose facts accept this field (beyond the common ones). */
    static List<FactKind> kindsAccepting(String field) {
        List<FactKind> kinds = new ArrayList<>();
        for (FactKind kind : FactKind.values()) {
            Spec spec = SPECS.get(kind);
            if (spec.required().contains(field) || spec.optional().contains(field)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /**
     * A hint for a field of a fact that is not accepted: the kebab-case spelling of a camelCase or
     * snake_case name, or the kinds it belongs to.
     */
    static String hint(String field, List<String> accepted) {
        return hint(field, accepted, true);
    }

    /** A hint for a field that is not accepted; {@code kinds}: whether to name the kinds that have it. */
    static String hint(String field, List<String> accepted, boolean kinds) {
        String kebab = field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(java.util.Locale.ROOT);
        if (!kebab.equals(field) && accepted.contains(kebab)) {
            return "; field names are kebab-case: did you mean '" + kebab + "'?";
        }
        List<FactKind> having = kindsAccepting(field);
        if (kinds && !having.isEmpty()) {
            return "; it is a field of " + having.stream().map(FactKind::slug).collect(java.util.stream.Collectors.joining(", "));
        }
        if (field.equals("<<")) {
            return "; YAML merge keys (<<) are not supported: write the fields out, or alias a whole value";
        }
        return "";
    }
}
