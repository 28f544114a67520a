package org.entente;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.NullArgumentProbe;
import org.entente.core.FactId;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactBuilder;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.RelationshipState;
import org.entente.core.store.BatchProgress;
import org.entente.partnership.Definitions;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.partnership.Status;
import org.entente.partnership.RepresentationLevel;
import org.entente.series.Series;
import org.entente.series.SeriesQuery;
import org.entente.series.SeriesRow;
import org.entente.series.Step;
import org.entente.simulation.DroppedFact;
import org.entente.simulation.PortfolioComparison;
import org.entente.simulation.Scenario;
import org.entente.simulation.Simulation;
import org.entente.timeline.Changes;
import org.entente.timeline.DyadChanges;
import org.entente.timeline.Timeline;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every public method of {@link Entente}, its builder, {@link When} and the timeline, partnership, series and simulation
 * types, given null in each reference parameter, throws a NullPointerException saying what is null and what to give
 * ("dyad is null; give Dyad.of(a, b) ..."); and a closed Entente refuses every read and write. Found by reflection,
 * so that a method added later is held to it too.
 */
class NullArgumentsTest {

    private static final Set<String> EXEMPT = Set.of("equals", "compareTo", "hashCode", "toString");
    private static final Country NER = Country.of("NER");
    private static final Country USA = Country.of("USA");
    private static final Dyad NER_USA = Dyad.of(NER, USA);
    private static final LocalDate DAY = LocalDate.of(2024, 4, 30);

    private static Entente entente;
    private static final Map<Class<?>, Object> SAMPLES = new HashMap<>();
    private static final Map<Class<?>, Object> INSTANCES = new LinkedHashMap<>();

    @BeforeAll
    static void open() {
        entente = Entente.inMemory();
        FactCommand talks = Fact.id("usa-talks").on(2024, 4, 20).by(USA).towards(NER).background().holdTalks().command();
        entente.record(talks);
        Partnership partnership = entente.partnership(NER_USA, When.asOf(DAY));
        Portfolio portfolio = entente.portfolio(NER, When.asOf(DAY));
        Simulation simulation = entente.simulate(Scenario.branchAt(LocalDate.of(2024, 1, 1)));
        SAMPLES.putAll(Map.ofEntries(
                Map.entry(String.class, "a reason"), Map.entry(Country.class, NER), Map.entry(Dyad.class, NER_USA),
                Map.entry(org.entente.core.Actor.class, NER),
                Map.entry(org.entente.core.Organisation.class, org.entente.core.Organisation.of("ECOWAS")),
                Map.entry(LocalDate.class, DAY), Map.entry(Instant.class, Instant.parse("2024-05-01T00:00:00Z")),
                Map.entry(When.class, When.asOf(DAY)), Map.entry(TimelineFilter.class, TimelineFilter.all()),
                Map.entry(Scenario.class, Scenario.branchAt(LocalDate.of(2024, 1, 1))),
                Map.entry(Duration.class, Duration.ofSeconds(1)), Map.entry(BatchProgress.class, BatchProgress.NONE),
                Map.entry(List.class, List.of()), Map.entry(Set.class, Set.of()), Map.entry(Optional.class, Optional.empty()),
                Map.entry(FactId.class, FactId.of("usa-talks")), Map.entry(FactId[].class, new FactId[] {FactId.of("usa-talks")}),
                Map.entry(FactCommand[].class, new FactCommand[0]), Map.entry(RelationshipCommand.class, talks),
                Map.entry(FactCommand.class, talks), Map.entry(FactEvent.class, talks.toEvent()),
                Map.entry(FactBuilder.class, Fact.from(talks)), Map.entry(UnaryOperator.class, UnaryOperator.identity()),
                Map.entry(Path.class, Path.of("entente-data")),
                Map.entry(ProjectionCache.class, ProjectionCache.none()),
                Map.entry(RelationshipState.class, RelationshipState.empty(NER_USA)),
                Map.entry(RelationshipState.Relations.class, RelationshipState.empty(NER_USA).relations()),
                Map.entry(Partnership.class, partnership), Map.entry(Portfolio.class, portfolio),
                Map.entry(org.entente.timeline.TimelineEntry.class, entente.timeline(NER_USA, TimelineFilter.all()).get(0)),
                Map.entry(DyadChanges.class, entente.changes(NER_USA, DAY, DAY)),
                Map.entry(SeriesQuery.class, SeriesQuery.of(NER, DAY, DAY, Step.DAY)),
                Map.entry(java.util.OptionalDouble.class, java.util.OptionalDouble.empty()),
                Map.entry(java.io.Writer.class, new java.io.StringWriter()),
                Map.entry(io.micrometer.core.instrument.MeterRegistry.class, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
                Map.entry(org.entente.subscription.Watch.class, org.entente.subscription.Watch.all()),
                Map.entry(org.entente.subscription.PartnershipListener.class, (org.entente.subscription.PartnershipListener) c -> { }),
                Map.entry(org.entente.subscription.SubscriptionOptions.class, org.entente.subscription.SubscriptionOptions.fromNow()),
                Map.entry(java.time.Clock.class, java.time.Clock.systemUTC())));
        INSTANCES.put(Entente.class, entente);
        INSTANCES.put(Entente.Builder.class, Entente.builder());
        INSTANCES.put(When.class, When.asOf(DAY));
        INSTANCES.put(TimelineFilter.class, TimelineFilter.all());
        INSTANCES.put(Timeline.class, Timeline.of(NER, List.of()));
        INSTANCES.put(Changes.class, Changes.of(entente.changes(NER_USA, DAY, DAY)));
        INSTANCES.put(DyadChanges.class, entente.changes(NER_USA, DAY, DAY));
        INSTANCES.put(org.entente.timeline.TimelineEntry.class, entente.timeline(NER_USA, TimelineFilter.all()).get(0));
        INSTANCES.put(Partnership.class, partnership);
        INSTANCES.put(Portfolio.class, portfolio);
        INSTANCES.put(Definitions.class, null);
        INSTANCES.put(Scenario.class, Scenario.branchAt(LocalDate.of(2024, 1, 1)));
        INSTANCES.put(Simulation.class, simulation);
        INSTANCES.put(PortfolioComparison.class, simulation.compare(NER, DAY));
        Series series = entente.series(SeriesQuery.of(NER, DAY, DAY, Step.DAY).partner(USA));
        INSTANCES.put(SeriesQuery.class, series.query());
        INSTANCES.put(Series.class, series);
        INSTANCES.put(SeriesRow.class, series.rows().get(0));
        INSTANCES.put(DroppedFact.class, new DroppedFact(talks.toEvent(), "a rule", List.of()));
    }

    @AfterAll
    static void close() {
        entente.close();
    }

    @Test
    void everyNullArgumentOfThePublicApiIsNamedWithWhatToGive() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<Class<?>, Object> type : INSTANCES.entrySet()) {
            for (Executable e : publicExecutables(type.getKey(), true)) {
                checked += NullArgumentProbe.probe(e, type.getValue(), NullArgumentsTest::samples, failures);
            }
        }
        assertThat(checked).as("parameters checked").isGreaterThan(80);
        assertThat(failures).isEmpty();
    }

    @Test
    void theNestedResultRecordsNameANullComponent() {
        assertThatNullPointerException().isThrownBy(() -> new Partnership.Representation(NER, null, RepresentationLevel.NONE))
                .withMessageStartingWith("host is null; give ");
        assertThatNullPointerException().isThrownBy(() -> new Portfolio.SecurityPartner(null, 1, 1.0))
                .withMessageStartingWith("partner is null; give ");
        assertThatNullPointerException().isThrownBy(() -> new PortfolioComparison.PartnerChange(USA, Status.ACTIVE, null, 1, 0))
                .withMessageStartingWith("status after is null; give ");
    }

    @Test
    void theMessagesTheReviewerFoundNowSayWhatToGive() {
        assertThatNullPointerException().isThrownBy(() -> entente.partnership(null, When.asOf(DAY)))
                .withMessageStartingWith("dyad is null; give Dyad.of(a, b)");
        assertThatNullPointerException().isThrownBy(() -> entente.timeline(NER, null))
                .withMessage("filter is null; give a TimelineFilter such as TimelineFilter.all()");
        assertThatNullPointerException().isThrownBy(() -> entente.record((RelationshipCommand) null))
                .withMessageStartingWith("command is null; give a command such as Fact.id(");
        assertThatNullPointerException().isThrownBy(() -> entente.retract(null, FactId.of("usa-talks")))
                .withMessage("reason of the retraction is null; give why, in words");
        assertThatNullPointerException().isThrownBy(() -> entente.recordAll(null))
                .withMessageStartingWith("commands is null; give a list of commands");
        assertThatNullPointerException().isThrownBy(() -> entente.recordAll(java.util.Arrays.asList((RelationshipCommand) null)))
                .withMessage("command #1 of the batch is null; give a command, or leave it out");
        assertThatNullPointerException().isThrownBy(() -> Entente.h2(null)).withMessageStartingWith("directory is null; give ");
        assertThatNullPointerException().isThrownBy(() -> When.asOf(null)).withMessageStartingWith("date is null; give a LocalDate");
        assertThatNullPointerException().isThrownBy(() -> TimelineFilter.all().from(null))
                .withMessageStartingWith("first day is null; give a LocalDate");
        assertThatNullPointerException().isThrownBy(() -> entente.simulate(Scenario.branchAt(DAY)).toText(NER, null))
                .withMessageStartingWith("dates is null; give a list of dates");
        assertThatNullPointerException().isThrownBy(() -> Scenario.branchAt(DAY).remove(FactId.of("a"), null))
                .withMessageStartingWith("removal #2 of the scenario is null; give ");
    }

    @Test
    void datesOutsideTheAcceptedRangeAreRefusedWithTheRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> When.asOf(LocalDate.MIN))
                .withMessage("date " + LocalDate.MIN + " is outside the accepted range 1600-01-01 to 2199-12-31 (the dates a fact may have)");
        assertThatIllegalArgumentException().isThrownBy(() -> When.asOf(DAY).on(LocalDate.MAX))
                .withMessageStartingWith("date " + LocalDate.MAX + " is outside the accepted range");
        assertThatIllegalArgumentException().isThrownBy(() -> When.asOf(DAY).publishedBy(LocalDate.of(1500, 1, 1)))
                .withMessageStartingWith("publishedBy 1500-01-01 is outside the accepted range");
        assertThatIllegalArgumentException().isThrownBy(() -> entente.changes(NER, LocalDate.MIN, LocalDate.MAX))
                .withMessageStartingWith("date " + LocalDate.MIN + " is outside the accepted range 1600-01-01 to 2199-12-31");
        assertThatIllegalArgumentException().isThrownBy(() -> entente.changes(NER_USA, DAY, LocalDate.MAX))
                .withMessageStartingWith("date " + LocalDate.MAX + " is outside the accepted range");
        assertThat(When.asOf(LocalDate.of(2199, 12, 31)).date()).isEqualTo(LocalDate.of(2199, 12, 31));
    }

    @Test
    void aClosedEntenteRefusesEveryReadAndWrite() throws Exception {
        Entente closed = Entente.inMemory();
        closed.close();
        assertThatIllegalStateException().isThrownBy(() -> closed.partnership(NER_USA, When.asOf(DAY)))
                .withMessage("this Entente is closed");
        Set<String> notReadsNorWrites = Set.of("close", "store", "integrityOnOpen");
        List<String> answered = new ArrayList<>();
        int checked = 0;
        for (Executable e : publicExecutables(Entente.class, false)) {
            if (Modifier.isStatic(e.getModifiers()) || notReadsNorWrites.contains(e.getName())) {
                continue;
            }
            checked++;
            try {
                NullArgumentProbe.invoke(e, closed, samples(e));
                answered.add(e.getName() + ": answered");
            } catch (IllegalStateException refused) {
                if (!refused.getMessage().startsWith("this Entente is closed")) {
                    answered.add(e.getName() + ": " + refused.getMessage());
                }
            } catch (RuntimeException other) {
                answered.add(e.getName() + ": " + other);
            }
        }
        assertThat(checked).as("methods checked").isGreaterThan(20);
        assertThat(answered).isEmpty();
        closed.close();
    }

    private static List<Executable> publicExecutables(Class<?> type, boolean withConstructors) {
        List<Executable> out = new ArrayList<>();
        if (withConstructors) {
            out.addAll(List.of(type.getConstructors()));
        }
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge() && !EXEMPT.contains(m.getName())) {
                out.add(m);
            }
        }
        return out;
    }

    private static Object[] samples(Executable e) {
        Class<?>[] params = e.getParameterTypes();
        Object[] args = new Object[params.length];
        for (int j = 0; j < params.length; j++) {
            args[j] = sample(params[j], e);
        }
        return args;
    }

    private static Object sample(Class<?> type, Executable e) {
        if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 180 : (Object) 1L;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        Object sample = SAMPLES.get(type);
        if (sample != null) {
            return sample;
        }
        if (type.isInterface() && !type.isSealed()) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                throw new AssertionError("the sample " + type.getSimpleName() + " is not to be used");
            });
        }
        throw new AssertionError("no sample of " + type.getName() + " for " + e + "; add one to SAMPLES");
    }
}
