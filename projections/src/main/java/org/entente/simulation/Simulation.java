package org.entente.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.internal.Require;
import org.entente.core.relationship.Decider;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RuleViolationException;
import org.entente.internal.FactView;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;

/**
 * The outcome of a {@link Scenario}: real history (the baseline) and the branch, side by side. Only
 * the dyads the scenario changes are replayed; every other dyad is the baseline's own view, shared,
 * not copied. Immutable and safe to read from any thread; nothing is written to the store.
 *
 * <pre>{@code
 * Simulation s = entente.simulate(Scenario.branchAt(LocalDate.of(2024, 5, 31))
 *         .add(new FactCommand.SignAgreement(header, AgreementKind.DEFENCE_COOPERATION, Optional.empty())));
 * s.compare(NER, LocalDate.of(2024, 6, 30)).toText();
 * }</pre>
 */
public final class Simulation {

    /** What a simulation reads of real history; implemented by {@code Entente}. */
    public interface Baseline {
        /**
         * {@return a dyad's facts as known at the instant (now when null), as a view}
         *
         * @param dyad the two actors (countries or organisations)
         * @param knownAt the recording instant to read history as of; null for as known now
         */
        FactView view(Dyad dyad, Instant knownAt);

        /**
         * {@return the dyads a country has facts in}
         *
         * @param country any country
         */
        Set<Dyad> dyadsOf(Actor country);

        /**
         * {@return the dyad a real fact id belongs to}
         *
         * @param fact the id of a real fact, current or retracted
         */
        Optional<Dyad> dyadOf(FactId fact);
    }

    private final Scenario scenario;
    private final Baseline baseline;
    private final int windowDays;
    private final Map<Dyad, FactView> branchViews;
    private final List<DroppedFact> dropped;
    private final Map<Dyad, FactView> baselineViews = new ConcurrentHashMap<>();

    private Simulation(Scenario scenario, Baseline baseline, int windowDays, Map<Dyad, FactView> branchViews,
                       List<DroppedFact> dropped) {
        this.scenario = scenario;
        this.baseline = baseline;
        this.windowDays = windowDays;
        this.branchViews = Collections.unmodifiableMap(branchViews);
        this.dropped = List.copyOf(dropped);
    }

    /**
     * Runs a scenario against real history.
     *
     * @param scenario the branch date, facts to add and real facts to remove
     * @param baseline where real history is read from (an {@code Entente} gives its own)
     * @param windowDays the status and pledge window's length in days (180 by default)
     * @return the baseline and the branch side by side, with the real facts the branch drops
     * @throws RuleViolationException   when a hypothetical fact breaks a rule (the message a real one gets)
     * @throws IllegalArgumentException when a removal names an unknown fact or one not after the branch
     *                                  date, or an addition is not after the branch date or reuses a fact id
     */
    public static Simulation run(Scenario scenario, Baseline baseline, int windowDays) {
        Require.nonNull(scenario, "scenario", "a Scenario such as Scenario.branchAt(LocalDate.of(2024, 4, 1))");
        Require.nonNull(baseline, "baseline", "the real history to branch from");
        Instant knownAt = scenario.knownAt().orElse(null);
        Map<Dyad, List<FactEvent>> additions = new LinkedHashMap<>();
        Set<FactId> ids = new java.util.HashSet<>();
        for (FactCommand c : scenario.additions()) {
            FactEvent e = c.toEvent();
            if (!e.fact().happened().day().isAfter(scenario.branchDate())) {
                throw new IllegalArgumentException("hypothetical fact " + e.fact().id() + " happened on " + e.fact().happened().day()
                        + ", not after the branch date " + scenario.branchDate());
            }
            if (!ids.add(e.fact().id()) || baseline.dyadOf(e.fact().id()).isPresent()) {
                throw new IllegalArgumentException("hypothetical fact id " + e.fact().id()
                        + " is already used by a real or another hypothetical fact; give it an id of its own");
            }
            additions.computeIfAbsent(e.dyad(), d -> new ArrayList<>()).add(e);
        }
        Map<Dyad, Set<FactId>> removals = new LinkedHashMap<>();
        for (FactId id : scenario.removals()) {
            Dyad dyad = baseline.dyadOf(id).orElseThrow(() -> new IllegalArgumentException(
                    "fact " + id + " is not recorded; only real facts can be removed"));
            FactEvent real = baseline.view(dyad, knownAt).facts().stream().filter(f -> f.fact().id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("fact " + id + " is not in force in real history"
                            + (knownAt == null ? "" : " as known at " + knownAt) + " (retracted or not yet recorded)"));
            if (!real.fact().happened().day().isAfter(scenario.branchDate())) {
                throw new IllegalArgumentException("fact " + id + " happened on " + real.fact().happened().day()
                        + ", not after the branch date " + scenario.branchDate() + "; only later facts can be removed");
            }
            removals.computeIfAbsent(dyad, d -> new java.util.HashSet<>()).add(id);
        }
        Set<Dyad> touched = new TreeSet<>(additions.keySet());
        touched.addAll(removals.keySet());
        Map<Dyad, FactView> branchViews = new HashMap<>();
        List<DroppedFact> dropped = new ArrayList<>();
        for (Dyad dyad : touched) {
            List<FactEvent> real = baseline.view(dyad, knownAt).facts();
            List<FactEvent> added = additions.getOrDefault(dyad, List.of());
            Set<FactId> removed = removals.getOrDefault(dyad, Set.of());
            Decider.Replay replay = replay(dyad, real, added, removed);
            Set<FactEvent> skippedInReal = Collections.newSetFromMap(new IdentityHashMap<>());
            Decider.replay(dyad, real, e -> false).skipped().forEach(s -> skippedInReal.add(s.fact()));
            for (Decider.Skipped s : replay.skipped()) {
                if (!skippedInReal.contains(s.fact())) {
                    dropped.add(new DroppedFact(s.fact(), s.reason(), causes(dyad, real, added, removed, s.fact())));
                }
            }
            branchViews.put(dyad, FactView.of(dyad, replay.kept()));
        }
        dropped.sort((a, b) -> DyadHistory.ORDER.compare(a.fact(), b.fact()));
        return new Simulation(scenario, baseline, windowDays, branchViews, dropped);
    }

    private static Decider.Replay replay(Dyad dyad, List<FactEvent> real, List<FactEvent> added, Set<FactId> removed) {
        List<FactEvent> facts = new ArrayList<>();
        for (FactEvent e : real) {
            if (!removed.contains(e.fact().id())) {
                facts.add(e);
            }
        }
        facts.addAll(added);
        facts.sort(DyadHistory.ORDER);
        Set<FactEvent> hypothetical = Collections.newSetFromMap(new IdentityHashMap<>());
        hypothetical.addAll(added);
        return Decider.replay(dyad, facts, hypothetical::contains);
    }

    /**
     * The changes that explain why a fact breaks: the first that alone makes it break, or else each
     * change without which it would hold (the removal of two schedulings, either of which would do).
     */
    private static List<FactId> causes(Dyad dyad, List<FactEvent> real, List<FactEvent> added, Set<FactId> removed,
                                       FactEvent broken) {
        List<FactId> changes = new ArrayList<>(removed.stream().sorted().toList());
        added.stream().map(e -> e.fact().id()).forEach(changes::add);
        for (FactId change : changes) {
            if (breaks(dyad, real, only(added, change), removed.contains(change) ? Set.of(change) : Set.of(), broken)) {
                return List.of(change);
            }
        }
        List<FactId> necessary = new ArrayList<>();
        for (FactId change : changes) {
            List<FactEvent> otherAdded = added.stream().filter(e -> !e.fact().id().equals(change)).toList();
            Set<FactId> otherRemoved = new java.util.HashSet<>(removed);
            otherRemoved.remove(change);
            if (!breaks(dyad, real, otherAdded, otherRemoved, broken)) {
                necessary.add(change);
            }
        }
        return necessary;
    }

    private static List<FactEvent> only(List<FactEvent> added, FactId change) {
        return added.stream().filter(e -> e.fact().id().equals(change)).toList();
    }

    private static boolean breaks(Dyad dyad, List<FactEvent> real, List<FactEvent> added, Set<FactId> removed, FactEvent fact) {
        try {
            return replay(dyad, real, added, removed).skipped().stream().anyMatch(s -> s.fact() == fact);
        } catch (RuleViolationException e) {
            return false; // those changes alone break a hypothetical fact first: not an explanation
        }
    }

    /** {@return the scenario} */
    public Scenario scenario() {
        return scenario;
    }

    /** {@return the dyads the scenario changes (the only ones replayed)} */
    public Set<Dyad> touched() {
        return new TreeSet<>(branchViews.keySet());
    }

    /**
     * Real facts after the branch date that would not have happened in the branch, in order.
     *
     * @return the dropped facts in happened order; empty when the branch keeps every real fact
     */
    public List<DroppedFact> dropped() {
        return dropped;
    }

    /**
     * {@return a dyad's partnership on a date in the branch}
     *
     * @param dyad the two actors (countries or organisations)
     * @param date the day the partnership is given for
     */
    public Partnership partnership(Dyad dyad, LocalDate date) {
        Require.nonNull(dyad, "dyad", "Dyad.of(a, b), such as Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        return branchView(dyad).partnership(date, windowDays);
    }

    /**
     * {@return a dyad's partnership on a date in real history}
     *
     * @param dyad the two actors (countries or organisations)
     * @param date the day the partnership is given for
     */
    public Partnership baselinePartnership(Dyad dyad, LocalDate date) {
        Require.nonNull(dyad, "dyad", "Dyad.of(a, b), such as Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        return baselineView(dyad).partnership(date, windowDays);
    }

    /**
     * {@return a country's portfolio on a date in the branch}
     *
     * @param country the country whose partners are listed
     * @param date the day the portfolio is given for
     */
    public Portfolio portfolio(Actor country, LocalDate date) {
        Require.nonNull(country, "country", "a Actor such as Country.of(\"NER\")");
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        return Portfolio.of(country, date, dyadsOf(country).stream().map(d -> partnership(d, date)).toList());
    }

    /**
     * {@return a country's portfolio on a date in real history}
     *
     * @param country the country whose partners are listed
     * @param date the day the portfolio is given for
     */
    public Portfolio baselinePortfolio(Actor country, LocalDate date) {
        Require.nonNull(country, "country", "a Actor such as Country.of(\"NER\")");
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        return Portfolio.of(country, date, dyadsOf(country).stream().map(d -> baselinePartnership(d, date)).toList());
    }

    /**
     * {@return a dyad's facts in the branch, in order}
     *
     * @param dyad the two actors (countries or organisations)
     */
    public List<FactEvent> facts(Dyad dyad) {
        Require.nonNull(dyad, "dyad", "Dyad.of(a, b), such as Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        return branchView(dyad).facts();
    }

    /**
     * {@return a dyad's facts in real history, in order}
     *
     * @param dyad the two actors (countries or organisations)
     */
    public List<FactEvent> baselineFacts(Dyad dyad) {
        Require.nonNull(dyad, "dyad", "Dyad.of(a, b), such as Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        return baselineView(dyad).facts();
    }

    /**
     * {@return a country's portfolio on a date in real history and in the branch, and what differs}
     *
     * @param country the country whose portfolios are compared
     * @param date the day both portfolios are given for
     */
    public PortfolioComparison compare(Actor country, LocalDate date) {
        requireDay(country, date);
        Portfolio before = baselinePortfolio(country, date);
        Portfolio after = portfolio(country, date);
        List<PortfolioComparison.PartnerChange> changes = new ArrayList<>();
        for (Dyad dyad : dyadsOf(country)) {
            Partnership b = baselinePartnership(dyad, date);
            Partnership a = partnership(dyad, date);
            if (b.status() != a.status() || b.securityWeight() != a.securityWeight()) {
                changes.add(new PortfolioComparison.PartnerChange(dyad.other(country), b.status(), a.status(),
                        b.securityWeight(), a.securityWeight()));
            }
        }
        return new PortfolioComparison(country, date, before, after, changes);
    }

    /**
     * {@return a readable account: the dropped facts, then the comparison of each country on each date}
     *
     * @param country the country whose portfolios are compared
     * @param dates the days to compare on, in the order to show
     */
    public String toText(Actor country, List<LocalDate> dates) {
        requireDates(country, dates);
        StringBuilder s = new StringBuilder("Branch at ").append(scenario.branchDate()).append(": ")
                .append(scenario.additions().size()).append(" hypothetical fact(s) added, ")
                .append(scenario.removals().size()).append(" real fact(s) removed; dyads replayed: ").append(touched()).append('\n');
        if (dropped.isEmpty()) {
            s.append("No real fact is dropped.\n");
        } else {
            s.append("Real facts that would not have happened:\n");
            dropped.forEach(d -> s.append("  ").append(d.describe()).append('\n'));
        }
        for (LocalDate date : dates) {
            s.append(compare(country, date).toText());
        }
        return s.toString();
    }

    /**
     * The {@code format} of {@link #toJson(Actor, List)}: {@value}. Fields may be added within a
     * version, never removed or renamed.
     */
    public static final String JSON_FORMAT = "entente-simulation/1";

    private static void requireDay(Actor country, LocalDate date) {
        Require.nonNull(country, "country", "a Actor such as Country.of(\"NER\")");
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
    }

    private static void requireDates(Actor country, List<LocalDate> dates) {
        Require.nonNull(country, "country", "a Actor such as Country.of(\"NER\")");
        Require.nonNull(dates, "dates", "a list of dates such as List.of(LocalDate.of(2024, 9, 1))");
        for (int i = 0; i < dates.size(); i++) {
            Require.nonNull(dates.get(i), "date #" + (i + 1) + " of the dates", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        }
    }

    /**
     * The same account as {@link #toText(Actor, List)}, as JSON for programs: {@code format}
     * ({@value #JSON_FORMAT}), {@code branchAt}, {@code added} and {@code removed} (how many facts the
     * scenario adds and removes), {@code country}, {@code touched} (the dyads replayed), {@code dropped}
     * ({@code fact}, {@code day}, {@code kind}, {@code rule}, {@code causes}) and {@code comparisons}, one
     * per date ({@code country}, {@code date}, {@code partners} that differ with {@code statusBefore},
     * {@code statusAfter}, {@code weightBefore}, {@code weightAfter}, then {@code diversificationBefore}
     * and {@code diversificationAfter} when there are security partners, and the {@code baseline} and
     * {@code branch} portfolios as {@link Portfolio#toJson()} writes them, without their {@code format}).
     *
     * @param country the country whose portfolio is compared
     * @param dates   the dates to compare on, in the order to show
     * @return indented JSON; control characters in stored text are written as {@code \}{@code uXXXX} escapes
     */
    public String toJson(Actor country, List<LocalDate> dates) {
        requireDates(country, dates);
        return org.entente.internal.JsonRendering.write(org.entente.internal.JsonRendering.simulation(JSON_FORMAT,
                scenario.branchDate(), scenario.additions().size(), scenario.removals().size(), country,
                touched().stream().map(Dyad::id).toList(), dropped, dates.stream().map(d -> compare(country, d)).toList()));
    }

    /**
     * One short line: {@code Simulation branching at 2024-03-15: 0 added, 3 removed, 1 dyad replayed, 1 real fact dropped}.
     */
    @Override
    public String toString() {
        int replayed = branchViews.size();
        return "Simulation branching at " + scenario.branchDate() + ": " + scenario.additions().size() + " added, "
                + scenario.removals().size() + " removed, " + replayed + (replayed == 1 ? " dyad" : " dyads") + " replayed, "
                + dropped.size() + (dropped.size() == 1 ? " real fact" : " real facts") + " dropped";
    }

    private List<Dyad> dyadsOf(Actor country) {
        Set<Dyad> all = new TreeSet<>(baseline.dyadsOf(country));
        branchViews.keySet().stream().filter(d -> d.contains(country)).forEach(all::add);
        return new ArrayList<>(all);
    }

    private FactView branchView(Dyad dyad) {
        FactView v = branchViews.get(dyad);
        return v != null ? v : baselineView(dyad);
    }

    private FactView baselineView(Dyad dyad) {
        return baselineViews.computeIfAbsent(dyad, d -> baseline.view(d, scenario.knownAt().orElse(null)));
    }
}
