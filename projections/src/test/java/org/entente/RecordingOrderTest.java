package org.entente;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RuleViolationException;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.timeline.TimelineEntry;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The order in which facts are recorded never shows in what Entente answers: facts of a dyad are
 * ordered by (day, rank, fact id) whatever the order they arrived in, including retroactive inserts
 * that the rules accept.
 */
class RecordingOrderTest {

    private static final List<Country> COUNTRIES = List.of(NER, USA, FRA, TUR, CHN, RUS);
    private static final List<Country> PARTNERS = List.of(USA, FRA, TUR, CHN, RUS);

    private static Observed reference;

    /** Everything Entente answers about the story, on every day where something changes. */
    private record Observed(List<Partnership> partnerships, List<Portfolio> portfolios, List<List<Shown>> timelines) {
    }

    /** A timeline entry without its recording instants, which differ from one store to another. */
    private record Shown(FactEvent fact, int revision, boolean retracted) {
    }

    @BeforeAll
    static void recordTheStoryInItsOwnOrder() {
        try (Entente entente = Entente.inMemory()) {
            entente.recordAll(NigerStory.facts());
            reference = observe(entente);
        }
    }

    private static List<LocalDate> dates() {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (FactCommand f : NigerStory.facts()) {
            LocalDate day = f.fact().happened().day();
            dates.add(day.minusDays(1));
            dates.add(day);
            dates.add(day.plusDays(179));
            dates.add(day.plusDays(180));
        }
        dates.add(LocalDate.of(2024, 4, 30));
        dates.add(LocalDate.of(2030, 1, 1));
        return new ArrayList<>(dates);
    }

    private static Observed observe(Entente entente) {
        List<Partnership> partnerships = new ArrayList<>();
        List<Portfolio> portfolios = new ArrayList<>();
        for (LocalDate date : dates()) {
            for (Country partner : PARTNERS) {
                partnerships.add(entente.partnership(Dyad.of(NER, partner), When.asOf(date)));
            }
            for (Country country : COUNTRIES) {
                portfolios.add(entente.portfolio(country, When.asOf(date)));
            }
        }
        List<List<Shown>> timelines = new ArrayList<>();
        timelines.add(shown(entente.timeline(NER, TimelineFilter.all())));
        for (Country partner : PARTNERS) {
            timelines.add(shown(entente.timeline(Dyad.of(NER, partner), TimelineFilter.all())));
        }
        return new Observed(partnerships, portfolios, timelines);
    }

    private static List<Shown> shown(List<TimelineEntry> entries) {
        return entries.stream().map(e -> new Shown(e.fact(), e.revision(), e.retracted())).toList();
    }

    private static Observed observeAfter(Consumer<Entente> recording) {
        try (Entente entente = Entente.inMemory()) {
            recording.accept(entente);
            return observe(entente);
        }
    }

    /**
     * Records facts one by one in the given order; a fact the rules reject (because what it names is
     * not recorded yet) waits until the others have been tried. Returns the order that was accepted.
     */
    private static List<FactCommand> recordAsAccepted(Entente entente, List<FactCommand> order) {
        Deque<FactCommand> waiting = new ArrayDeque<>(order);
        List<FactCommand> accepted = new ArrayList<>();
        int rejectedInARow = 0;
        while (!waiting.isEmpty()) {
            FactCommand next = waiting.removeFirst();
            try {
                entente.record(next);
                accepted.add(next);
                rejectedInARow = 0;
            } catch (RuleViolationException e) {
                waiting.addLast(next);
                if (++rejectedInARow > waiting.size()) {
                    throw new AssertionError("no remaining fact can be recorded: " + waiting, e);
                }
            }
        }
        return accepted;
    }

    @Test
    void theStorySeenHasPartnershipsPortfoliosAndTimelines() {
        assertThat(reference.partnerships()).isNotEmpty();
        assertThat(reference.timelines().get(0)).hasSize(NigerStory.facts().size());
        assertThat(reference.partnerships()).extracting(Partnership::status).contains(
                org.entente.partnership.Status.ACTIVE, org.entente.partnership.Status.WINDING_DOWN,
                org.entente.partnership.Status.ENDED, org.entente.partnership.Status.STRENGTHENING);
    }

    @Test
    void recordingOneByOneGivesTheSameAnswersAsOneBatch() {
        Observed oneByOne = observeAfter(e -> NigerStory.facts().forEach(e::record));

        assertThat(oneByOne).isEqualTo(reference);
    }

    @Test
    void recordingTheNewestFactsFirstWithRetroactiveInsertsGivesTheSameAnswers() {
        List<FactCommand> newestFirst = new ArrayList<>(NigerStory.facts());
        newestFirst.sort(Comparator.comparing((FactCommand f) -> f.fact().happened().day()).reversed());
        List<FactCommand> accepted = new ArrayList<>();

        Observed observed = observeAfter(e -> accepted.addAll(recordAsAccepted(e, newestFirst)));

        assertThat(accepted.get(0).fact().happened().day())
                .as("the first fact recorded is not the oldest, so later ones are inserted before it")
                .isAfter(accepted.get(accepted.size() - 1).fact().happened().day());
        assertThat(observed).isEqualTo(reference);
    }

    @ParameterizedTest(name = "shuffled with seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2024})
    void recordingInAShuffledOrderGivesTheSameAnswersOneByOneAndAsABatch(long seed) {
        List<FactCommand> shuffled = new ArrayList<>(NigerStory.facts());
        Collections.shuffle(shuffled, new Random(seed));
        List<FactCommand> accepted = new ArrayList<>();

        Observed oneByOne = observeAfter(e -> accepted.addAll(recordAsAccepted(e, shuffled)));
        Observed batch = observeAfter(e -> e.recordAll(accepted));

        assertThat(accepted).containsExactlyInAnyOrderElementsOf(NigerStory.facts());
        assertThat(oneByOne).isEqualTo(reference);
        assertThat(batch).isEqualTo(reference);
    }

    @Test
    void aBatchThenTheRestOneByOneGivesTheSameAnswers() {
        List<FactCommand> facts = NigerStory.facts();
        List<FactCommand> later = facts.stream().filter(f -> f.fact().happened().day().getYear() >= 2024).toList();
        List<FactCommand> earlier = facts.stream().filter(f -> !later.contains(f)).toList();

        Observed observed = observeAfter(e -> {
            e.recordAll(later.stream().filter(f -> f.fact().dyad().contains(CHN) || f.fact().dyad().contains(TUR)
                    || f.fact().dyad().contains(RUS)).toList());
            e.recordAll(earlier);
            later.stream().filter(f -> f.fact().dyad().contains(USA)).forEach(e::record);
        });

        assertThat(observed).isEqualTo(reference);
    }

    @Test
    void aStationingInsertedBeforeAWithdrawalScheduledForAllForcesJoinsThatWithdrawal() {
        // usa-schedule names no stationing: it concerns every US force present on its day. Recorded
        // before the Agadez stationing exists, it concerns Niamey only, until Agadez is inserted.
        List<FactCommand> story = nigerUsa();
        FactCommand agadez = story.stream().filter(f -> f.fact().id().value().equals("usa-forces-agadez")).findFirst().orElseThrow();
        List<FactCommand> upToSchedule = story.subList(0, 6).stream().filter(f -> f != agadez).toList();
        List<FactCommand> rest = story.subList(6, story.size());

        try (Entente late = Entente.inMemory(); Entente inOrder = Entente.inMemory()) {
            late.recordAll(upToSchedule);
            Partnership before = late.partnership(Dyad.of(NER, USA), When.asOf(LocalDate.of(2024, 4, 30)));
            late.record(agadez);
            late.recordAll(rest);
            inOrder.recordAll(story);

            assertThat(before.withdrawals()).extracting(f -> f.stationing().value()).containsExactly("usa-forces-niamey");
            for (LocalDate date : dates()) {
                assertThat(late.partnership(Dyad.of(NER, USA), When.asOf(date)))
                        .isEqualTo(inOrder.partnership(Dyad.of(NER, USA), When.asOf(date)));
            }
            assertThat(late.partnership(Dyad.of(NER, USA), When.asOf(LocalDate.of(2024, 4, 30))).withdrawals())
                    .extracting(f -> f.stationing().value()).containsExactly("usa-forces-niamey", "usa-forces-agadez");
        }
    }

    @Test
    void aRetroactiveInsertThatWouldBreakALaterFactIsRejectedAndChangesNothing() {
        try (Entente entente = Entente.inMemory()) {
            entente.recordAll(nigerUsa());
            Partnership before = entente.partnership(Dyad.of(NER, USA), When.asOf(LocalDate.of(2024, 6, 1)));

            // Completing the withdrawal of every US force in April leaves nothing for the May deadline.
            assertThatThrownBy(() -> entente.record(complete("early", "2024-04-20", USA, NER)))
                    .isInstanceOf(RuleViolationException.class);

            assertThat(entente.partnership(Dyad.of(NER, USA), When.asOf(LocalDate.of(2024, 6, 1)))).isEqualTo(before);
            assertThat(entente.timeline(Dyad.of(NER, USA), TimelineFilter.all())).hasSize(nigerUsa().size());
        }
    }
}
