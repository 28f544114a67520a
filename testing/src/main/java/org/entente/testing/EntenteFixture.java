package org.entente.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.relationship.FactBuilder;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.Rule;
import org.entente.core.relationship.RuleViolationException;
import org.entente.seeds.Seeds;
import org.entente.simulation.Scenario;
import org.entente.simulation.Simulation;
import org.entente.timeline.TimelineEntry;
import org.entente.timeline.TimelineFilter;

/**
 * A scenario test in the given/when/then shape of Axon's test fixtures: given a history (a bundled
 * seed, facts), when facts are recorded on their dates or a what-if branch runs, then expectations on
 * partnerships, portfolios, dropped facts, rejections or recorded events.
 *
 * <pre>{@code
 * EntenteFixture.given().seed("niger-2024")
 *         .whenBranch(Scenario.branchAt(LocalDate.of(2024, 3, 15))
 *                 .remove(FactId.of("usa-denounce"), FactId.of("usa-schedule"), FactId.of("usa-deadline")))
 *         .then()
 *         .dropped("usa-complete")
 *         .partnership(Dyad.of(NER, USA), LocalDate.of(2024, 10, 1)).hasStatus(ACTIVE);
 *
 * EntenteFixture.given().facts(stationing)
 *         .when().facts(completionWithoutSchedule)
 *         .then().rejectedWith(RuleViolationException.class, "no withdrawal is scheduled");
 * }</pre>
 *
 * <p>Every stage is immutable until {@link WhenStage#then()}, which opens a fresh
 * {@link Entente#inMemory()}, records the given history (all of it at once: a given fact that breaks a
 * rule is a mistake in the test and throws {@link IllegalStateException}), then runs the when-stage.
 * Failure messages show what was expected, what was found, and the facts that led there.
 *
 * <h2>Closing</h2>
 * The {@link ThenStage} owns that in-memory store. In a test run with {@link EntenteExtension} (or
 * {@link EntenteTest @EntenteTest}), every store a fixture opens on the test's thread is closed after
 * the test (after the class, for one opened in {@code @BeforeAll}), so a one-line test needs no
 * cleanup. Without the extension the stage is {@link AutoCloseable}: close it, for example with
 * try-with-resources, or its store stays in memory until the JVM ends.
 *
 * <pre>{@code
 * try (EntenteFixture.ThenStage then = given().seed("niger-2024").then()) {
 *     then.partnership(Dyad.of(NER, USA), LocalDate.of(2024, 4, 30)).hasStatus(WINDING_DOWN);
 * }
 * }</pre>
 */
public final class EntenteFixture {

    private final List<FactCommand> facts;

    private EntenteFixture(List<FactCommand> facts) {
        this.facts = List.copyOf(facts);
    }

    /**
     * An empty history, to add a seed and facts to.
     *
     * @return a fixture with no facts
     */
    public static EntenteFixture given() {
        return new EntenteFixture(List.of());
    }

    /**
     * The history also holds the facts of this bundled seed ({@code "niger-2024"}).
     *
     * @param name the bundled seed's name
     * @return a fixture whose history also holds the seed's facts
     * @throws IllegalArgumentException naming the bundled seeds when none has this name
     */
    public EntenteFixture seed(String name) {
        Objects.requireNonNull(name, "seed name");
        return facts(Seeds.bundled(name).commands());
    }

    /**
     * The history also holds these facts (any order; each is checked on the date it happened).
     *
     * @param more the facts
     * @return a fixture whose history also holds these facts
     */
    public EntenteFixture facts(FactCommand... more) {
        return facts(Arrays.asList(more));
    }

    /**
     * The history also holds these facts, said with the fluent API (any order; each is checked on the
     * date it happened): {@code facts(Fact.id("usa-forces").on(2013, 2, 22).by(USA).towards(NER)...stationForces().invited())}.
     * Each builder's {@link FactBuilder#command()} is taken now, so a builder changed afterwards does not
     * change this fixture.
     *
     * @param first the first fact
     * @param more the other facts
     * @return a fixture whose history also holds these facts
     * @throws IllegalStateException naming the fact and each missing value, when a builder cannot build its command
     * @throws IllegalArgumentException naming the fact and the bad value, when a builder holds one
     */
    public EntenteFixture facts(FactBuilder<?, ?> first, FactBuilder<?, ?>... more) {
        return facts(commands(first, more));
    }

    /**
     * The history also holds these facts, for example a seed file's: {@code facts(Seeds.read(path).commands())}.
     *
     * @param more the facts
     * @return a fixture whose history also holds these facts
     */
    public EntenteFixture facts(List<? extends FactCommand> more) {
        List<FactCommand> all = new ArrayList<>(facts);
        more.forEach(f -> all.add(Objects.requireNonNull(f, "fact")));
        return new EntenteFixture(all);
    }

    /**
     * The when-stage: facts to record on their dates, or a branch to run.
     *
     * @return the when-stage
     */
    public WhenStage when() {
        return new WhenStage(this, List.of(), Optional.empty());
    }

    /**
     * Shorthand for {@code when().branch(scenario)}.
     *
     * @param scenario the what-if branch to run on the given history
     * @return the when-stage
     */
    public WhenStage whenBranch(Scenario scenario) {
        return when().branch(scenario);
    }

    /**
     * Expectations on the given history itself, with nothing happening: {@code when().then()}.
     *
     * @return the then-stage, to state expectations
     */
    public ThenStage then() {
        return when().then();
    }

    private static FactCommand[] commands(FactBuilder<?, ?> first, FactBuilder<?, ?>[] more) {
        Objects.requireNonNull(more, "facts");
        FactCommand[] commands = new FactCommand[more.length + 1];
        commands[0] = Objects.requireNonNull(first, "fact").command();
        for (int i = 0; i < more.length; i++) {
            commands[i + 1] = Objects.requireNonNull(more[i], "fact").command();
        }
        return commands;
    }

    /**
     * What happens: facts recorded one by one on their dates, as an application would (the first one
     * rejected stops the stage), or a what-if branch of the given history. Immutable.
     *
     * <pre>{@code
     * given().seed("niger-2024").when().facts(turkeySigns).then().partnership(NER_TUR, june30).hasSecurityWeight(3);
     * }</pre>
     */
    public static final class WhenStage {
        private final EntenteFixture given;
        private final List<FactCommand> facts;
        private final Optional<Scenario> branch;

        private WhenStage(EntenteFixture given, List<FactCommand> facts, Optional<Scenario> branch) {
            this.given = given;
            this.facts = List.copyOf(facts);
            this.branch = branch;
        }

        /**
         * Records these facts, in this order, after the given history.
         *
         * @param more the facts
         * @return the when-stage
         * @throws IllegalStateException when the stage already runs a branch
         */
        public WhenStage facts(FactCommand... more) {
            if (branch.isPresent()) {
                throw new IllegalStateException("a when-stage records facts or runs a branch, not both: "
                        + "put the facts into the scenario with Scenario.add(...)");
            }
            List<FactCommand> all = new ArrayList<>(facts);
            Arrays.stream(more).forEach(f -> all.add(Objects.requireNonNull(f, "fact")));
            return new WhenStage(given, all, branch);
        }

        /**
         * Records these facts, said with the fluent API, in this order, after the given history:
         * {@code when().facts(Fact.id("rus-complete").on(2024, 6, 1).by(RUS).towards(NER).source(s).completeWithdrawal())}.
         * Each builder's {@link FactBuilder#command()} is taken now, so a builder changed afterwards does
         * not change this stage.
         *
         * @param first the first fact
         * @param more the other facts
         * @return the when-stage
         * @throws IllegalStateException when the stage already runs a branch, or naming the fact and each
         *         missing value when a builder cannot build its command
         * @throws IllegalArgumentException naming the fact and the bad value, when a builder holds one
         */
        public WhenStage facts(FactBuilder<?, ?> first, FactBuilder<?, ?>... more) {
            return facts(commands(first, more));
        }

        /**
         * Runs this what-if branch of the given history (nothing is recorded).
         *
         * @param scenario the what-if branch to run on the given history
         * @return the when-stage
         * @throws IllegalStateException when the stage already records facts or runs a branch
         */
        public WhenStage branch(Scenario scenario) {
            Objects.requireNonNull(scenario, "scenario");
            if (!facts.isEmpty() || branch.isPresent()) {
                throw new IllegalStateException("a when-stage records facts or runs one branch, not both");
            }
            return new WhenStage(given, facts, Optional.of(scenario));
        }

        /**
         * Opens a fresh in-memory Entente, records the given history, runs this stage and returns the
         * expectations on the outcome. A rejection of the when-stage is kept for
         * {@link ThenStage#rejectedWith}. The returned stage owns the store: {@link EntenteExtension}
         * closes it after the test; without the extension, close it (see {@link EntenteFixture}).
         *
         * @return the expectations, holding the open store
         * @throws IllegalStateException when the given history breaks a rule (the store is closed then)
         */
        public ThenStage then() {
            Entente entente = Entente.inMemory();
            try {
                if (!given.facts.isEmpty()) {
                    entente.recordAll(given.facts);
                }
            } catch (RuntimeException e) {
                entente.close();
                throw new IllegalStateException("the given history was rejected, so the test cannot run: " + e.getMessage(), e);
            }
            List<FactCommand> recorded = new ArrayList<>();
            Simulation simulation = null;
            RuntimeException rejection = null;
            try {
                if (branch.isPresent()) {
                    simulation = entente.simulate(branch.get());
                } else {
                    for (FactCommand f : facts) {
                        entente.record(f);
                        recorded.add(f);
                    }
                }
            } catch (RuntimeException e) {
                rejection = e;
            }
            ThenStage stage = new ThenStage(entente, describe(), branch.isPresent(), recorded, Optional.ofNullable(simulation),
                    Optional.ofNullable(rejection));
            FixtureScope.track(stage);
            return stage;
        }

        private String describe() {
            if (branch.isPresent()) {
                return "the branch at " + branch.get().branchDate() + SimulationAssert.changes(branch.get());
            }
            return facts.isEmpty() ? "nothing happening" : "recording " + facts.stream().map(c -> c.fact().id().value()).toList();
        }
    }

    /**
     * Expectations on what the when-stage did. Methods that check the outcome return this stage, so
     * they chain; {@link #partnership}, {@link #portfolio} and {@link #comparison} lead to AssertJ
     * assertions. In a branch they read the branch; otherwise the store as known now. The stage owns
     * its in-memory store until {@link #close()} (which {@link EntenteExtension} calls after the test).
     *
     * <pre>{@code
     * then().dropped("usa-complete").partnership(NER_USA, october).hasStatus(ACTIVE);
     * then().rejectedWith(RuleViolationException.class, "no withdrawal is scheduled")
     *       .partnership(NER_USA, august).hasForcesOf(USA);   // the rejected fact changed nothing
     * }</pre>
     */
    public static final class ThenStage implements AutoCloseable {
        private final Entente entente;
        private final String action;
        private final List<FactCommand> recorded;
        private final Optional<Simulation> simulation;
        private final Optional<RuntimeException> rejection;
        private final boolean isBranch;
        private boolean rejectionExpected;
        private volatile boolean closed;

        private ThenStage(Entente entente, String action, boolean isBranch, List<FactCommand> recorded,
                          Optional<Simulation> simulation, Optional<RuntimeException> rejection) {
            this.entente = entente;
            this.action = action;
            this.isBranch = isBranch;
            this.recorded = List.copyOf(recorded);
            this.simulation = simulation;
            this.rejection = rejection;
        }

        /**
         * Assertions on a dyad's partnership on a date; failures list the dyad's facts up to the date.
         *
         * @param dyad the two actors (countries or organisations)
         * @param date the day the partnership is given for
         * @return assertions on the partnership
         */
        public PartnershipAssert partnership(Dyad dyad, LocalDate date) {
            requireOutcome();
            return simulation
                    .map(s -> new PartnershipAssert(s.partnership(dyad, date), SimulationAssert.branch(s)))
                    .orElseGet(() -> new PartnershipAssert(entente.partnership(dyad, When.asOf(date)), EntenteAssert.history(entente)));
        }

        /**
         * Assertions on a country's portfolio on a date; failures list its facts up to the date.
         *
         * @param country the country whose partners are checked
         * @param date the day the portfolio is given for
         * @return assertions on the portfolio
         */
        public PortfolioAssert portfolio(Country country, LocalDate date) {
            requireOutcome();
            return simulation
                    .map(s -> new PortfolioAssert(s.portfolio(country, date), SimulationAssert.branch(s)))
                    .orElseGet(() -> new PortfolioAssert(entente.portfolio(country, When.asOf(date)), EntenteAssert.history(entente)));
        }

        /**
         * Assertions on how a country's portfolio on a date differs between the given history and the branch.
         *
         * @param country the country whose portfolios are compared
         * @param date the day both portfolios are given for
         * @return assertions on the comparison
         * @throws IllegalStateException when the when-stage is not a branch
         */
        public PortfolioComparisonAssert comparison(Country country, LocalDate date) {
            return new PortfolioComparisonAssert(branch("comparison").compare(country, date));
        }

        /**
         * The branch drops exactly these real facts, named by id, in any order (none: it drops nothing).
         *
         * @param facts the ids of the real facts the branch drops; none to say it drops nothing
         * @return the then-stage, to state expectations
         * @throws IllegalStateException when the when-stage is not a branch
         */
        public ThenStage dropped(String... facts) {
            new SimulationAssert(branch("dropped")).dropped(facts);
            return this;
        }

        /**
         * The when-stage was rejected with an exception of this type whose message contains this
         * part. Afterwards the state can still be checked: the rejected fact changed nothing.
         *
         * @param type the exception's class, or a superclass of it
         * @param messagePart text the exception's message must contain, case-sensitive
         * @return the then-stage, to state expectations
         */
        public ThenStage rejectedWith(Class<? extends Throwable> type, String messagePart) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(messagePart, "messagePart");
            requireOpen();
            String expectation = "Expecting " + action + "\n  to be rejected with " + type.getSimpleName() + " containing \""
                    + messagePart + "\"\n";
            if (rejection.isEmpty()) {
                throw new AssertionError(expectation + "but it succeeded" + recordedText());
            }
            Throwable e = rejection.get();
            if (!type.isInstance(e) || e.getMessage() == null || !e.getMessage().contains(messagePart)) {
                throw new AssertionError(expectation + "but it was rejected with " + e.getClass().getSimpleName() + ": "
                        + e.getMessage(), e);
            }
            rejectionExpected = true;
            return this;
        }

        /**
         * The when-stage was rejected for breaking this rule: a {@link RuleViolationException} whose
         * {@link RuleViolationException#rule()} is {@code rule} (directly, or among a batch's violations).
         *
         * @param rule the rule the rejected fact breaks
         * @return the then-stage, to state expectations
         */
        public ThenStage rejectedBy(Rule rule) {
            Objects.requireNonNull(rule, "rule");
            requireOpen();
            String expectation = "Expecting " + action + "\n  to be rejected by rule " + rule + " (" + rule.description() + ")\n";
            if (rejection.isEmpty()) {
                throw new AssertionError(expectation + "but it succeeded" + recordedText());
            }
            Throwable e = rejection.get();
            List<RuleViolationException> violations = new ArrayList<>();
            if (e instanceof RuleViolationException r) {
                violations.add(r);
            } else if (e instanceof org.entente.core.store.BatchRejectedException batch) {
                batch.violations().stream().map(org.entente.core.store.BatchViolation::error)
                        .filter(RuleViolationException.class::isInstance).map(RuleViolationException.class::cast)
                        .forEach(violations::add);
            }
            if (violations.stream().noneMatch(v -> v.rule() == rule)) {
                throw new AssertionError(expectation + "but it was rejected with " + e.getClass().getSimpleName()
                        + (violations.isEmpty() ? "" : " by rule " + violations.stream().map(v -> v.rule().name()).toList())
                        + ": " + e.getMessage(), e);
            }
            rejectionExpected = true;
            return this;
        }

        /**
         * The when-stage recorded exactly these events, in order, as the store gives them back. The
         * event a command records is {@code command.toEvent()}.
         *
         * @param expected the events the when-stage should have recorded, in order; none to say it recorded nothing
         * @return the then-stage, to state expectations
         * @throws IllegalStateException when the when-stage is a branch, which records nothing
         */
        public ThenStage events(FactEvent... expected) {
            if (isBranch) {
                throw new IllegalStateException("events are what when().facts(...) records; a branch records nothing");
            }
            requireOutcome();
            List<FactEvent> found = recordedEvents();
            List<FactEvent> wanted = List.of(expected);
            if (!found.equals(wanted)) {
                String details = lines(wanted).equals(lines(found))
                        ? "\nThey differ in details:\n  expected " + wanted + "\n  recorded " + found : "";
                throw new AssertionError("Expecting " + action + "\n  to record these events, in order:\n" + lines(wanted)
                        + "\nbut it recorded:\n" + lines(found) + details);
            }
            return this;
        }

        private List<FactEvent> recordedEvents() {
            List<FactEvent> out = new ArrayList<>();
            for (FactCommand c : recorded) {
                entente.timeline(c.fact().dyad(), TimelineFilter.all()).stream()
                        .map(TimelineEntry::fact)
                        .filter(e -> e.fact().id().equals(c.fact().id()))
                        .forEach(out::add);
            }
            return out;
        }

        private Simulation branch(String what) {
            if (!isBranch) {
                throw new IllegalStateException(what + " needs a branch: use whenBranch(scenario)");
            }
            requireOutcome();
            return simulation.orElseThrow(() -> new AssertionError("Expecting " + action + " to run, but it was rejected: "
                    + rejection.map(Throwable::getMessage).orElse("") + "; there is no branch to read", rejection.orElse(null)));
        }

        /**
         * Closes the in-memory store this stage opened; nothing can be checked on the stage afterwards.
         * {@link EntenteExtension} calls it after the test; without the extension, call it (or use
         * try-with-resources). Closing twice does nothing.
         */
        @Override
        public void close() {
            closed = true;
            entente.close();
        }

        /** The store this stage opened: for the kit's own tests. */
        Entente entente() {
            return entente;
        }

        private void requireOpen() {
            if (closed) {
                throw new IllegalStateException("this fixture's store is closed (after its test, or by close()); "
                        + "check the outcome before the test ends");
            }
        }

        private void requireOutcome() {
            requireOpen();
            if (rejection.isPresent() && !rejectionExpected) {
                throw new AssertionError("Expecting " + action + " to succeed, but it was rejected with "
                        + rejection.get().getClass().getSimpleName() + ": " + rejection.get().getMessage()
                        + "\n(if that is what the test expects, say so first with rejectedWith(...))", rejection.get());
            }
        }

        private String recordedText() {
            if (simulation.isPresent()) {
                return "";
            }
            List<FactEvent> events = recordedEvents();
            return events.isEmpty() ? "" : "; it recorded:\n" + lines(events);
        }

        private static String lines(List<FactEvent> events) {
            return events.isEmpty() ? "  (none)" : events.stream().map(e -> "  " + Render.fact(e)).collect(Collectors.joining("\n"));
        }
    }
}
