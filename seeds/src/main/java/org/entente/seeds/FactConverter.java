package org.entente.seeds;

import com.fasterxml.jackson.core.JsonToken;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.entente.core.Actor;
import org.entente.core.CameoCode;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Precision;
import org.entente.core.Source;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactHeader;
import org.entente.core.relationship.FactKind;
import org.entente.core.relationship.MissionLevel;

/**
 * Turns the facts of a seed file into commands, reporting every problem of each fact (not only the
 * first) at the line and column of the value concerned.
 */
final class FactConverter {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    private final Problems problems;
    private final boolean scenario;
    private final Map<FactId, Integer> lines = new HashMap<>();

    /**
     * A converter for the facts of one file.
     *
     * @param scenario whether the file is a scenario: its facts are hypothetical, and a fact without
     *                 sources has one, {@link Source#hypothetical()}
     */
    FactConverter(Problems problems, boolean scenario) {
        this.problems = problems;
        this.scenario = scenario;
    }

    /** The line of the fact with this id, when a fact of the file has it (even one with problems). */
    Optional<Integer> lineOf(FactId id) {
        return Optional.ofNullable(lines.get(id));
    }

    /**
     * The fact, or empty when it has problems (all of them reported).
     *
     * @param problemsBefore how many problems there were before the fact was read, so that the ones
     *                       found while reading it can be attached to its id
     */
    Optional<SeedFact> convert(Node node, int problemsBefore) {
        if (!(node instanceof Node.Mapping mapping)) {
            if (!(node instanceof Node.Invalid)) {
                problems.add(node.line(), node.column(), Optional.empty(), "", "a fact is a mapping with "
                        + String.join(", ", FactSchema.COMMON) + ", " + FactSchema.SOURCES
                        + " and the fields of its kind; found " + Values.describe(node));
            }
            return Optional.empty();
        }
        return new Fact(mapping, problemsBefore).convert();
    }

    /** One fact being converted. */
    private final class Fact {

        private final Node.Mapping mapping;
        private final int problemsBefore;
        private Optional<FactId> id = Optional.empty();
        private FactKind kind;

        Fact(Node.Mapping mapping, int problemsBefore) {
            this.mapping = mapping;
            this.problemsBefore = problemsBefore;
        }

        Optional<SeedFact> convert() {
            Fields fields = new Fields(mapping, "");
            id = fields.required("id").flatMap(n -> fields.scalarText("id", n)).flatMap(text -> {
                try {
                    return Optional.of(FactId.of(text));
                } catch (IllegalArgumentException e) {
                    fields.problem(fields.entry("id").value(), "id", e.getMessage());
                    return Optional.empty();
                }
            });
            id.ifPresent(fact -> {
                problems.attach(problemsBefore, fact);
                Node.Entry entry = fields.entry("id");
                Integer first = lines.putIfAbsent(fact, mapping.line());
                if (first != null) {
                    fields.problem(entry.value(), "id", "duplicate fact id '" + fact + "'; the fact at line " + first
                            + " has it already, and ids are unique in a " + (scenario ? "scenario" : "seed"));
                }
            });
            fields.required("kind").flatMap(n -> fields.scalarText("kind", n)).ifPresent(text -> {
                try {
                    kind = FactKind.fromSlug(text);
                } catch (IllegalArgumentException e) {
                    fields.problem(fields.entry("kind").value(), "kind", e.getMessage());
                }
            });
            checkFieldNames();
            Optional<HappenedOn> happened = happened(fields);
            Optional<Actor> actor = fields.actor("actor");
            Optional<Actor> target = fields.actor("target");
            if (actor.isPresent() && target.isPresent() && actor.get().equals(target.get())) {
                fields.problem(fields.entry("target").value(), "target", "actor and target are both " + actor.get().code()
                        + "; a fact is between two distinct actors (countries or organisations)");
            }
            Optional<List<Source>> sources = sources(fields);
            Function<FactHeader, FactCommand> command = kind == null ? null : command(fields);
            if (problems.count() > problemsBefore || command == null) {
                return Optional.empty();
            }
            SeedLocation location = new SeedLocation(problems.file(), mapping.line(), mapping.column());
            try {
                FactHeader header = new FactHeader(id.orElseThrow(), happened.orElseThrow(), actor.orElseThrow(),
                        target.orElseThrow(), sources.orElseThrow());
                return Optional.of(new SeedFact(command.apply(header), location));
            } catch (IllegalArgumentException e) {
                // The checks above should have caught it; the core's message says what is wrong.
                problems.add(mapping.line(), mapping.column(), id, "", e.getMessage());
                return Optional.empty();
            }
        }

        /** Fields that no kind accepts, or that this kind does not accept. */
        private void checkFieldNames() {
            List<String> accepted = kind == null ? List.copyOf(FactSchema.ALL_FIELDS) : FactSchema.accepted(kind);
            for (Node.Entry entry : mapping.entries().values()) {
                if (accepted.contains(entry.key())) {
                    continue;
                }
                String message = kind == null
                        ? "unknown field '" + entry.key() + "'; no kind of fact accepts it" + FactSchema.hint(entry.key(), accepted)
                        : "unknown field '" + entry.key() + "' for " + kind.slug() + FactSchema.hint(entry.key(), accepted)
                        + "; accepted: " + String.join(", ", accepted);
                problems.add(entry.line(), entry.column(), id, entry.key(), message);
            }
        }

        private Optional<HappenedOn> happened(Fields fields) {
            Optional<Node> node = fields.required("happened");
            if (node.isEmpty()) {
                return Optional.empty();
            }
            Node value = node.get();
            if (value instanceof Node.Mapping m) {
                Fields inner = new Fields(m, "happened.");
                inner.unknown(List.of("day", "precision"), "a date");
                Optional<LocalDate> day = inner.required("day").flatMap(n -> inner.scalarText("day", n)).flatMap(t -> {
                    try {
                        return Optional.of(Values.parseDay(t));
                    } catch (IllegalArgumentException e) {
                        inner.problem(inner.entry("day").value(), "day", e.getMessage());
                        return Optional.empty();
                    }
                });
                Optional<Precision> precision = inner.choice("precision", FactSchema.PRECISIONS, false);
                return day.flatMap(d -> happenedOn(fields, m, d,
                        precision.orElse(Precision.DAY)));
            }
            return fields.scalarText("happened", value).flatMap(text -> {
                try {
                    Values.Parsed parsed = Values.parseHappened(text);
                    return happenedOn(fields, value, parsed.day(), parsed.precision());
                } catch (IllegalArgumentException e) {
                    fields.problem(value, "happened", e.getMessage());
                    return Optional.empty();
                }
            });
        }

        private Optional<HappenedOn> happenedOn(Fields fields, Node at, LocalDate day, Precision precision) {
            try {
                return Optional.of(HappenedOn.of(day, precision));
            } catch (IllegalArgumentException e) {
                fields.problem(at, "happened", e.getMessage());
                return Optional.empty();
            }
        }

        private Optional<List<Source>> sources(Fields fields) {
            Node.Entry entry = fields.entry(FactSchema.SOURCES);
            if (entry == null || entry.value() instanceof Node.Scalar s && s.isNull()) {
                if (scenario) {
                    // A made-up fact of a scenario needs no source of its own (FORMAT.md).
                    return Optional.of(List.of(Source.hypothetical()));
                }
                fields.problem(mapping, FactSchema.SOURCES, "missing sources: every fact needs at least one source, such as"
                        + " sources: [{kind: article, confidence: reported, publisher: Reuters}]");
                return Optional.empty();
            }
            Node value = entry.value();
            if (value instanceof Node.Invalid) {
                return Optional.empty();
            }
            if (!(value instanceof Node.Sequence list)) {
                fields.problem(value, FactSchema.SOURCES, "expected " + FactSchema.EXPECTED.get("sources") + ", found "
                        + Values.describe(value));
                return Optional.empty();
            }
            if (list.items().isEmpty()) {
                fields.problem(value, FactSchema.SOURCES, scenario
                        ? "sources is empty: leave 'sources' out for the default source (kind hypothetical, confidence"
                        + " reported), or give at least one source such as {kind: hypothetical, confidence: confirmed}"
                        : "sources is empty: every fact needs at least one source, such as"
                        + " {kind: article, confidence: reported, publisher: Reuters}");
                return Optional.empty();
            }
            List<Source> sources = new ArrayList<>();
            boolean complete = true;
            for (int i = 0; i < list.items().size(); i++) {
                Optional<Source> source = source(fields, list.items().get(i), "sources[" + i + "]");
                complete &= source.isPresent();
                source.ifPresent(sources::add);
            }
            return complete ? Optional.of(sources) : Optional.empty();
        }

        private Optional<Source> source(Fields fields, Node node, String path) {
            if (node instanceof Node.Invalid) {
                return Optional.empty();
            }
            if (!(node instanceof Node.Mapping m)) {
                fields.problem(node, path, "a source is a mapping with kind, confidence and optionally publisher, title,"
                        + " address, published and note; found " + Values.describe(node));
                return Optional.empty();
            }
            Fields source = new Fields(m, path + ".");
            source.unknown(FactSchema.SOURCE_FIELDS, "a source");
            Optional<Source.Kind> kind = source.choice("kind", FactSchema.SOURCE_KINDS, true);
            Optional<Source.Confidence> confidence = source.choice("confidence", FactSchema.CONFIDENCES, true);
            Optional<String> publisher = source.sourceText("publisher");
            Optional<String> title = source.sourceText("title");
            Optional<String> address = source.sourceText("address");
            Optional<String> note = source.sourceText("note");
            Optional<LocalDate> published = source.day("published", false);
            if (kind.isEmpty() || confidence.isEmpty() || source.failed()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Source(kind.get(), confidence.get(), publisher, title, address, published, note));
            } catch (IllegalArgumentException e) {
                fields.problem(m, path, e.getMessage());
                return Optional.empty();
            }
        }

        /** Reads the kind's own fields; the function makes the command once the header is known. */
        private Function<FactHeader, FactCommand> command(Fields f) {
            return switch (kind) {
                case ESTABLISH_RELATIONS -> FactCommand.EstablishRelations::new;
                case RESTORE_RELATIONS -> FactCommand.RestoreRelations::new;
                case DOWNGRADE_RELATIONS -> FactCommand.DowngradeRelations::new;
                case SEVER_RELATIONS -> FactCommand.SeverRelations::new;
                case ACCREDIT_AMBASSADOR -> {
                    Optional<MissionLevel> level = f.choice("level", FactSchema.LEVELS, false);
                    Optional<String> name = f.text("name", false);
                    yield h -> new FactCommand.AccreditAmbassador(h,
                            level.orElse(MissionLevel.AMBASSADOR), name);
                }
                case APPOINT_ATTACHE -> {
                    Optional<String> name = f.text("name", false);
                    Optional<String> rank = f.text("rank", false);
                    Optional<AttacheService> service = f.choice("service", FactSchema.SERVICES, false);
                    yield h -> new FactCommand.AppointAttache(h, name, rank, service.orElse(AttacheService.DEFENCE));
                }
                case RECALL_ENVOY, EXPEL_ENVOY -> {
                    Optional<EnvoyRole> role = f.choice("role", FactSchema.ROLES, true);
                    Optional<FactId> appointment = f.factId("appointment", false);
                    yield kind == FactKind.RECALL_ENVOY
                            ? h -> new FactCommand.RecallEnvoy(h, appointment, role.orElseThrow())
                            : h -> new FactCommand.ExpelEnvoy(h, appointment, role.orElseThrow());
                }
                case SIGN_AGREEMENT -> {
                    Optional<AgreementKind> agreementKind =
                            f.choice("agreement-kind", FactSchema.AGREEMENT_KINDS, true);
                    Optional<String> title = f.text("title", false);
                    yield h -> new FactCommand.SignAgreement(h, agreementKind.orElseThrow(), title);
                }
                case SUSPEND_AGREEMENT, DENOUNCE_AGREEMENT, RESTORE_AGREEMENT -> {
                    Optional<FactId> agreement = f.factId("agreement", true);
                    if (kind == FactKind.SUSPEND_AGREEMENT) {
                        yield h -> new FactCommand.SuspendAgreement(h, agreement.orElseThrow());
                    }
                    yield kind == FactKind.DENOUNCE_AGREEMENT
                            ? h -> new FactCommand.DenounceAgreement(h, agreement.orElseThrow())
                            : h -> new FactCommand.RestoreAgreement(h, agreement.orElseThrow());
                }
                case STATION_FORCES -> {
                    Optional<String> location = f.text("location", false);
                    Optional<Integer> size = f.size("size");
                    Optional<List<String>> bases = f.texts("bases");
                    Optional<Boolean> invited = f.bool("invited");
                    yield h -> new FactCommand.StationForces(h, location, size, bases.orElse(List.of()), invited.orElseThrow());
                }
                case DEMAND_WITHDRAWAL -> {
                    Optional<List<FactId>> forces = f.factIds("forces");
                    yield h -> new FactCommand.DemandWithdrawal(h, forces.orElse(List.of()));
                }
                case SCHEDULE_WITHDRAWAL -> {
                    Optional<LocalDate> deadline = f.day("deadline", false);
                    Optional<List<FactId>> forces = f.factIds("forces");
                    yield h -> new FactCommand.ScheduleWithdrawal(h, deadline, forces.orElse(List.of()));
                }
                case HAND_OVER_BASE -> {
                    Optional<FactId> forces = f.oneFactId("forces");
                    Optional<String> base = f.text("base", true);
                    yield h -> new FactCommand.HandOverBase(h, forces.orElseThrow(), base.orElseThrow());
                }
                case COMPLETE_WITHDRAWAL -> {
                    Optional<List<FactId>> forces = f.factIds("forces");
                    yield h -> new FactCommand.CompleteWithdrawal(h, forces.orElse(List.of()));
                }
                case PLEDGE_COOPERATION -> {
                    Optional<List<CooperationDomain>> domains = f.domains("domains");
                    yield h -> new FactCommand.PledgeCooperation(h, domains.orElseThrow());
                }
                case HOLD_TALKS -> {
                    Optional<String> subject = f.text("subject", false);
                    yield h -> new FactCommand.HoldTalks(h, subject);
                }
                case IMPOSE_SANCTIONS -> {
                    Optional<String> description = f.text("description", true);
                    yield h -> new FactCommand.ImposeSanctions(h, description.orElseThrow());
                }
                case LIFT_SANCTIONS -> {
                    Optional<FactId> sanctions = f.factId("sanctions", true);
                    yield h -> new FactCommand.LiftSanctions(h, sanctions.orElseThrow());
                }
                case JOIN -> FactCommand.Join::new;
                case REINSTATE_MEMBERSHIP -> FactCommand.ReinstateMembership::new;
                case WITHDRAW -> FactCommand.Withdraw::new;
                case SUSPEND_MEMBERSHIP -> {
                    Optional<String> scope = f.text("scope", false);
                    yield h -> new FactCommand.SuspendMembership(h, scope);
                }
                case ANNOUNCE_WITHDRAWAL -> {
                    Optional<LocalDate> effective = f.day("effective", true);
                    yield h -> new FactCommand.AnnounceWithdrawal(h, effective.orElseThrow());
                }
                case RECORD_INTERACTION -> {
                    Optional<CameoCode> code = f.cameo("cameo");
                    Optional<String> description = f.text("description", true);
                    yield h -> new FactCommand.RecordInteraction(h, code.orElseThrow(), description.orElseThrow());
                }
            };
        }

        /** Typed reading of the fields of one mapping (the fact, a source, a date). */
        private final class Fields {

            private final Node.Mapping map;
            private final String prefix;
            private final int problemsAtStart = problems.count();

            Fields(Node.Mapping map, String prefix) {
                this.map = map;
                this.prefix = prefix;
            }

            boolean failed() {
                return problems.count() > problemsAtStart;
            }

            Node.Entry entry(String field) {
                return map.entries().get(field);
            }

            void problem(Node at, String field, String message) {
                problems.add(at.line(), at.column(), id, prefix + field, message);
            }

            /** Fields of a nested mapping that are not accepted. */
            void unknown(List<String> accepted, String what) {
                for (Node.Entry e : map.entries().values()) {
                    if (!accepted.contains(e.key())) {
                        problems.add(e.line(), e.column(), id, prefix + e.key(), "unknown field " + Values.quote(e.key()) + " for "
                                + what + FactSchema.hint(e.key(), accepted, false)
                                + "; accepted: " + String.join(", ", accepted));
                    }
                }
            }

            /**
             * The field's value when it is there; a missing or null required field is reported. An
             * invalid value (reported already) gives empty without another problem.
             */
            Optional<Node> required(String field) {
                return value(field, true);
            }

            Optional<Node> value(String field, boolean required) {
                Node.Entry e = entry(field);
                if (e == null || e.value() instanceof Node.Scalar s && s.isNull()) {
                    if (required) {
                        String who = prefix.isEmpty() ? (FactSchema.COMMON.contains(field) || kind == null
                                ? "every fact has it" : kind.slug() + " needs it")
                                : prefix.startsWith("sources") ? "every source has it" : "a date written as a mapping has it";
                        problem(e == null ? map : e.value(), field, "missing required field '" + field + "' (" + who
                                + "): " + expected(field));
                    }
                    return Optional.empty();
                }
                if (e.value() instanceof Node.Invalid) {
                    return Optional.empty();
                }
                return Optional.of(e.value());
            }

            /** The text of a scalar, or a wrong-type problem. */
            Optional<String> scalarText(String field, Node node) {
                if (node instanceof Node.Scalar s && !s.isNull()) {
                    return Optional.of(s.text());
                }
                problem(node, field, "expected " + expected(field) + ", found " + Values.describe(node));
                return Optional.empty();
            }

            private String expected(String field) {
                if (prefix.startsWith("sources")) {
                    return "kind".equals(field) ? "one of " + FactSchema.SOURCE_KINDS.accepted()
                            : "confidence".equals(field) ? "one of " + FactSchema.CONFIDENCES.accepted()
                            : "published".equals(field) ? "a day such as 2024-04-24" : "text";
                }
                if (prefix.startsWith("happened")) {
                    return "day".equals(field) ? "a day such as 2024-04-15" : "one of " + FactSchema.PRECISIONS.accepted();
                }
                return FactSchema.EXPECTED.getOrDefault(field, "text");
            }

            Optional<String> text(String field, boolean required) {
                return value(field, required).flatMap(n -> scalarText(field, n)).flatMap(t -> {
                    if (t.isBlank()) {
                        problem(entry(field).value(), field, required ? "'" + field + "' is blank; expected " + expected(field)
                                : "'" + field + "' is blank; leave the field out instead");
                        return Optional.empty();
                    }
                    return Optional.of(t);
                });
            }

            /** Optional text of a source, at most {@link Source#MAX_TEXT} characters. */
            Optional<String> sourceText(String field) {
                return text(field, false).flatMap(t -> {
                    if (t.length() > Source.MAX_TEXT) {
                        problem(entry(field).value(), field, "a source's " + field + " has " + t.length()
                                + " characters; at most " + Source.MAX_TEXT + " are accepted");
                        return Optional.empty();
                    }
                    return Optional.of(t);
                });
            }

            <E> Optional<E> choice(String field, Choice<E> choice, boolean required) {
                return value(field, required).flatMap(n -> scalarText(field, n)).flatMap(t -> {
                    Optional<E> found = choice.find(t);
                    if (found.isEmpty()) {
                        problem(entry(field).value(), field, choice.refusal(t));
                    }
                    return found;
                });
            }

            /** A country's ISO code or an organisation's acronym, with or without {@code ORG:} ({@link Actor#of}). */
            Optional<Actor> actor(String field) {
                return required(field).flatMap(n -> scalarText(field, n)).flatMap(t -> {
                    try {
                        return Optional.of(Actor.of(t));
                    } catch (IllegalArgumentException e) {
                        problem(entry(field).value(), field, e.getMessage());
                        return Optional.empty();
                    }
                });
            }

            Optional<FactId> factId(String field, boolean required) {
                return value(field, required).flatMap(n -> scalarText(field, n)).flatMap(t -> toFactId(entry(field).value(), field, t));
            }

            private Optional<FactId> toFactId(Node at, String field, String text) {
                try {
                    return Optional.of(FactId.of(text.strip()));
                } catch (IllegalArgumentException e) {
                    problem(at, field, e.getMessage());
                    return Optional.empty();
                }
            }

            Optional<LocalDate> day(String field, boolean required) {
                return value(field, required).flatMap(n -> scalarText(field, n)).flatMap(t -> {
                    try {
                        return Optional.of(Values.parseDay(t));
                    } catch (IllegalArgumentException e) {
                        problem(entry(field).value(), field, e.getMessage());
                        return Optional.empty();
                    }
                });
            }

            Optional<Integer> size(String field) {
                return value(field, false).flatMap(n -> scalarText(field, n)).flatMap(t -> {
                    if (!WHOLE_NUMBER.matcher(t).matches() || Integer.parseInt(t) < 1) {
                        problem(entry(field).value(), field, "expected " + expected(field) + ", found " + Values.quote(t));
                        return Optional.empty();
                    }
                    return Optional.of(Integer.parseInt(t));
                });
            }

            Optional<Boolean> bool(String field) {
                return required(field).flatMap(n -> {
                    if (n instanceof Node.Scalar s && (s.token() == JsonToken.VALUE_TRUE || s.token() == JsonToken.VALUE_FALSE)) {
                        return Optional.of(s.token() == JsonToken.VALUE_TRUE);
                    }
                    if (n instanceof Node.Scalar s && !s.isNull()
                            && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"))) {
                        return Optional.of(Boolean.parseBoolean(s.text()));
                    }
                    problem(n, field, "expected " + expected(field) + ", found " + Values.describe(n));
                    return Optional.empty();
                });
            }

            Optional<CameoCode> cameo(String field) {
                return required(field).flatMap(n -> scalarText(field, n)).flatMap(t -> {
                    try {
                        return Optional.of(CameoCode.of(t.strip()));
                    } catch (IllegalArgumentException e) {
                        problem(entry(field).value(), field, e.getMessage());
                        return Optional.empty();
                    }
                });
            }

            /** The items of a list of scalars, each read by {@code read}; duplicates are reported. */
            private <T> Optional<List<T>> list(String field, boolean required, boolean nonEmpty,
                                                Function<Node.Scalar, Optional<T>> read) {
                Optional<Node> node = value(field, required);
                if (node.isEmpty()) {
                    return Optional.empty();
                }
                if (!(node.get() instanceof Node.Sequence list)) {
                    problem(node.get(), field, "expected " + expected(field) + ", found " + Values.describe(node.get()));
                    return Optional.empty();
                }
                if (nonEmpty && list.items().isEmpty()) {
                    problem(list, field, "'" + field + "' is empty; expected " + expected(field));
                    return Optional.empty();
                }
                List<T> values = new ArrayList<>();
                Set<T> seen = new HashSet<>();
                boolean complete = true;
                for (int i = 0; i < list.items().size(); i++) {
                    Node item = list.items().get(i);
                    String path = field + "[" + i + "]";
                    Optional<T> value = Optional.empty();
                    if (item instanceof Node.Scalar s && !s.isNull()) {
                        value = read.apply(s);
                    } else if (!(item instanceof Node.Invalid)) {
                        problem(item, path, "expected " + expected(field) + ", found " + Values.describe(item) + " as an item");
                    }
                    if (value.isPresent() && !seen.add(value.get())) {
                        problem(item, path, Values.quote(String.valueOf(value.get()).toLowerCase(Locale.ROOT))
                                + " is listed twice");
                        value = Optional.empty();
                    }
                    complete &= value.isPresent();
                    value.ifPresent(values::add);
                }
                return complete ? Optional.of(values) : Optional.empty();
            }

            Optional<List<String>> texts(String field) {
                return list(field, false, false, s -> {
                    if (s.text().isBlank()) {
                        problem(s, field, "a blank item in '" + field + "'; expected " + expected(field));
                        return Optional.empty();
                    }
                    return Optional.of(s.text());
                });
            }

            Optional<List<FactId>> factIds(String field) {
                return list(field, false, false, s -> toFactId(s, field, s.text()));
            }

            Optional<List<CooperationDomain>> domains(String field) {
                return list(field, true, true, s -> {
                    Optional<CooperationDomain> d = FactSchema.DOMAINS.find(s.text());
                    if (d.isEmpty()) {
                        problem(s, field, FactSchema.DOMAINS.refusal(s.text()));
                    }
                    return d;
                });
            }

            /** hand-over-base names one stationing: {@code forces: usa-forces-niamey} or a list of one. */
            Optional<FactId> oneFactId(String field) {
                Optional<Node> node = required(field);
                if (node.isEmpty()) {
                    return Optional.empty();
                }
                Node n = node.get();
                if (n instanceof Node.Sequence list && list.items().size() == 1 && list.items().get(0) instanceof Node.Scalar s
                        && !s.isNull()) {
                    return toFactId(s, field, s.text());
                }
                if (n instanceof Node.Scalar s && !s.isNull()) {
                    return toFactId(n, field, s.text());
                }
                problem(n, field, "expected the fact id of one stationing, such as usa-forces-niamey (a base is handed"
                        + " over by one stationing), found " + (n instanceof Node.Sequence l
                        ? "a list of " + l.items().size() + " items" : Values.describe(n)));
                return Optional.empty();
            }
        }
    }
}
