package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.core.relationship.Facts.*;
import static org.entente.core.relationship.NigerStory.*;
import static org.entente.testsupport.Facts.idOf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.entente.core.FactId;
import org.entente.core.relationship.RelationshipCommand.CorrectFact;
import org.entente.core.relationship.RelationshipCommand.RetractFacts;
import org.junit.jupiter.api.Test;

/**
 * A partial history (a {@link DyadHistory.Summary} plus a reader of the stored facts) decides every
 * command exactly as the whole history does, and reads the stored facts only when a command is not an
 * append of a new fact id.
 */
class PartialHistoryTest {

    /** What deciding a command gave: its events, or the rejection's class and message. */
    private record Outcome(List<RelationshipEvent> events, String rejection) {
    }

    private static Outcome decide(DyadHistory history, RelationshipCommand command) {
        try {
            List<RelationshipEvent> events = Decider.decide(command, history);
            events.forEach(e -> Decider.evolve(history, e));
            return new Outcome(events, null);
        } catch (RuntimeException e) {
            return new Outcome(List.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The partial twin of a whole history, reading a copy of it when needed and counting the reads. */
    private static DyadHistory partialOf(DyadHistory whole, Set<FactId> absent, AtomicInteger reads) {
        DyadHistory stored = whole.copy();
        DyadHistory partial = DyadHistory.partial(whole.dyad(), whole.summary());
        partial.attach(() -> {
            reads.incrementAndGet();
            return stored.copy();
        }, absent);
        return partial;
    }

    /** Commands of every kind, some rejected: the story in a shuffled order, talks, re-records, conflicts, corrections, retractions. */
    private static List<RelationshipCommand> mixed(Random random) {
        List<RelationshipCommand> commands = new ArrayList<>(usa());
        for (int i = 0; i < 12; i++) {
            commands.add(fact("talks-" + i, "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10), USA, NER).holdTalks().command());
        }
        Collections.shuffle(commands, random);
        List<RelationshipCommand> more = new ArrayList<>(commands);
        for (int i = 0; i < 10; i++) {
            RelationshipCommand earlier = commands.get(random.nextInt(commands.size()));
            FactId id = idOf(earlier);
            int at = random.nextInt(more.size() + 1);
            switch (random.nextInt(4)) {
                case 0 -> more.add(at, earlier); // recorded again: a no-op once recorded
                case 1 -> more.add(at, fact(id.value(), "2024-09-30", USA, NER).holdTalks().command()); // other content: a conflict unless talks
                case 2 -> more.add(at, new CorrectFact(fact(id.value(), "2024-0" + (1 + random.nextInt(9)) + "-05", USA, NER)
                        .holdTalks().command(), "a later report"));
                default -> more.add(at, new RetractFacts(List.of(id), "never happened"));
            }
        }
        return more;
    }

    @Test
    void aPartialHistoryDecidesEveryCommandAsTheWholeHistoryDoes() {
        IntStream.rangeClosed(1, 30).forEach(seed -> {
            Random random = new Random(seed);
            List<RelationshipCommand> commands = mixed(random);
            int split = random.nextInt(commands.size());
            DyadHistory whole = DyadHistory.empty(NER_USA);
            commands.subList(0, split).forEach(c -> decide(whole, c));
            Set<FactId> absent = new HashSet<>();
            commands.forEach(c -> absent.add(idOf(c)));
            whole.entries().forEach(e -> absent.remove(e.fact().fact().id()));
            DyadHistory partial = partialOf(whole, absent, new AtomicInteger());

            for (RelationshipCommand c : commands.subList(split, commands.size())) {
                assertThat(decide(partial, c)).as("seed %d, %s", seed, c).isEqualTo(decide(whole, c));
            }
            assertThat(partial.facts()).as("seed %d", seed).isEqualTo(whole.facts());
            assertThat(partial.state()).as("seed %d", seed).isEqualTo(whole.state());
            assertThat(partial.skippedByRules()).as("seed %d", seed).isEqualTo(whole.skippedByRules());
            assertThat(new HashSet<>(partial.entries())).as("seed %d", seed).isEqualTo(new HashSet<>(whole.entries()));
        });
    }

    @Test
    void batchesDecidedOnAPartialHistoryGiveTheSameEventsAndRejections() {
        IntStream.rangeClosed(1, 20).forEach(seed -> {
            Random random = new Random(seed);
            List<RelationshipCommand> commands = mixed(random);
            int split = random.nextInt(commands.size());
            DyadHistory whole = DyadHistory.empty(NER_USA);
            commands.subList(0, split).forEach(c -> decide(whole, c));
            DyadHistory partial = partialOf(whole, Set.of(), new AtomicInteger());
            List<RelationshipCommand> rest = commands.subList(split, Math.min(commands.size(), split + 3));

            Outcome fromWhole;
            Outcome fromPartial;
            try {
                fromWhole = new Outcome(Decider.decideAll(rest, whole), null);
            } catch (RuntimeException e) {
                fromWhole = new Outcome(List.of(), e.getMessage());
            }
            try {
                fromPartial = new Outcome(Decider.decideAll(rest, partial), null);
            } catch (RuntimeException e) {
                fromPartial = new Outcome(List.of(), e.getMessage());
            }
            assertThat(fromPartial).as("seed %d", seed).isEqualTo(fromWhole);
        });
    }

    @Test
    void appendingNewFactsReadsNothingAndGivesTheSameStateAsTheWholeHistory() {
        DyadHistory whole = recorded(NER_USA, usa().subList(0, 3));
        List<FactCommand> rest = new ArrayList<>(usa().subList(3, usa().size()));
        Set<FactId> absent = new HashSet<>();
        rest.forEach(c -> absent.add(c.fact().id()));
        AtomicInteger reads = new AtomicInteger();
        DyadHistory partial = partialOf(whole, absent, reads);

        for (FactCommand c : rest) {
            assertThat(decide(partial, c)).isEqualTo(decide(whole, c));
        }

        assertThat(reads).hasValue(0);
        assertThat(partial.isPartial()).isTrue();
        assertThat(partial.state()).isEqualTo(whole.state());
        assertThat(partial.size()).isEqualTo(whole.size());
        assertThat(partial.summary()).isEqualTo(whole.summary());
        assertThat(partial.compacted().summary()).isEqualTo(whole.summary());
    }

    @Test
    void aRetroactiveFactReadsTheStoredFactsOnceAndIsCheckedAgainstEveryLaterFact() {
        DyadHistory whole = recorded(NER_USA, usa());
        AtomicInteger reads = new AtomicInteger();
        FactCommand earlyExit = fact("agadez-early-exit", "2024-06-01", USA, NER).completeWithdrawal().forces("usa-forces-agadez").command();
        DyadHistory partial = partialOf(whole, Set.of(earlyExit.fact().id()), reads);

        RuleViolationException e = rejection(partial, earlyExit);

        assertThat(e.brokenFact()).contains(id("usa-handover-201"));
        assertThat(e.getMessage()).isEqualTo(rejection(whole, earlyExit).getMessage());
        assertThat(reads).hasValue(1);
        assertThat(partial.isPartial()).isFalse();
    }

    @Test
    void aFactIdNotKnownToBeAbsentIsLookedUpInTheStoredFacts() {
        DyadHistory whole = recorded(NER_USA, usa());
        AtomicInteger reads = new AtomicInteger();
        DyadHistory partial = partialOf(whole, Set.of(), reads);

        assertThat(decide(partial, USA_COMPLETE).events()).as("recorded already: nothing to add").isEmpty();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aPartialHistoryWithoutAReaderAnswersFromItsSummaryAndRefusesLookupsNamingWhatIsMissing() {
        DyadHistory whole = recorded(NER_USA, usa().subList(0, 3));
        DyadHistory partial = DyadHistory.partial(NER_USA, whole.summary());

        assertThat(partial.state()).isEqualTo(whole.state());
        assertThat(partial.size()).isEqualTo(3);
        assertThatThrownBy(() -> Decider.decide(USA_DENOUNCE, partial))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NER-USA: this history holds only what appends need")
                .hasMessageContaining("no reader of its stored facts was attached");
    }

    @Test
    void aSummaryThatContradictsItselfIsRefusedSayingWhatIsNeeded() {
        RelationshipState state = RelationshipState.empty(NER_USA);
        assertThatThrownBy(() -> new DyadHistory.Summary(state, Optional.empty(), 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a summary of NER-USA with 2 fact(s) in force, 0 skipped and no last fact is inconsistent; it needs"
                        + " 0 <= skipped <= size, and a last fact exactly when size > 0");
        DyadHistory.Summary ofFrance = recorded(FRA_NER, france()).summary();
        assertThatThrownBy(() -> DyadHistory.partial(NER_USA, ofFrance))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a summary of FRA-NER cannot be the history of NER-USA");
    }
}
