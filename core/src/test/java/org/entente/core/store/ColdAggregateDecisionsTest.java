package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.Decider;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.RelationshipCommand.CorrectFact;
import org.entente.core.relationship.RelationshipCommand.RetractFacts;
import org.junit.jupiter.api.Test;

/** Every command on a cold aggregate (snapshot every 2 events, no aggregate cache) decides as the whole history. */
class ColdAggregateDecisionsTest {

    private static final Dyad NER_USA = Dyad.of(NER, USA);

    private static List<RelationshipCommand> mixed(Random random) {
        List<RelationshipCommand> commands = new ArrayList<>(nigerUsa());
        for (int i = 0; i < 12; i++) {
            commands.add(talks("talks-" + i, "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10), USA, NER));
        }
        Collections.shuffle(commands, random);
        List<RelationshipCommand> more = new ArrayList<>(commands);
        for (int i = 0; i < 14; i++) {
            RelationshipCommand earlier = commands.get(random.nextInt(commands.size()));
            FactId id = idOf(earlier);
            int at = random.nextInt(more.size() + 1);
            switch (random.nextInt(5)) {
                case 0 -> more.add(at, earlier);
                case 1 -> more.add(at, talks(id.value(), "2024-09-30", USA, NER));
                case 2 -> more.add(at, new CorrectFact(talks(id.value(), "2024-0" + (1 + random.nextInt(9)) + "-05", USA, NER), "later"));
                case 3 -> more.add(talks(id.value(), "2024-09-30", FRA, NER)); // the id in another dyad, at the end
                default -> more.add(at, new RetractFacts(List.of(id), "never happened"));
            }
        }
        return more;
    }

    private static Dyad dyadOf(RelationshipCommand c) {
        if (c instanceof FactCommand f) {
            return f.fact().dyad();
        }
        if (c instanceof CorrectFact cf) {
            return cf.revised().fact().dyad();
        }
        return NER_USA;
    }

    private static String whole(DyadHistory h, RelationshipCommand c) {
        if (!dyadOf(c).equals(NER_USA)) {
            return null;
        }
        try {
            List<org.entente.core.relationship.RelationshipEvent> events = Decider.decide(c, h);
            events.forEach(e -> Decider.evolve(h, e));
            return "events " + events.size();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    @Test
    void singleRecordsOnAColdAggregateDecideAsTheWholeHistory() {
        for (int seed = 1; seed <= 12; seed++) {
            List<RelationshipCommand> commands = mixed(new Random(seed));
            DyadHistory h = DyadHistory.empty(NER_USA);
            try (EntenteStore store = EntenteStore.builder().inMemory().snapshotThreshold(2).aggregateCache(false).build()) {
                for (RelationshipCommand c : commands) {
                    String want = whole(h, c);
                    String got;
                    try {
                        got = "events " + store.record(c).events();
                    } catch (RuntimeException e) {
                        got = e.getClass().getSimpleName();
                    }
                    if (want != null) {
                        assertThat(got).as("seed %d: %s", seed, c).isEqualTo(want);
                    }
                }
                DyadHistory stored = store.history(NER_USA).orElseThrow();
                assertThat(stored.facts()).as("seed %d", seed).isEqualTo(h.facts());
                assertThat(stored.state()).as("seed %d", seed).isEqualTo(h.state());
            }
        }
    }

    @Test
    void batchesOnAColdAggregateDecideAsTheWholeHistory() {
        for (int seed = 1; seed <= 12; seed++) {
            List<RelationshipCommand> commands = mixed(new Random(seed));
            commands.removeIf(c -> !dyadOf(c).equals(NER_USA));
            DyadHistory h = DyadHistory.empty(NER_USA);
            try (EntenteStore store = EntenteStore.builder().inMemory().snapshotThreshold(2).aggregateCache(false).chunkSize(2).build()) {
                for (int from = 0; from < commands.size(); from += 5) {
                    List<RelationshipCommand> batch = commands.subList(from, Math.min(commands.size(), from + 5));
                    DyadHistory trial = h.copy();
                    boolean ok = true;
                    int events = 0;
                    for (RelationshipCommand c : batch) {
                        String w = whole(trial, c);
                        if (!w.startsWith("events")) {
                            ok = false;
                            break;
                        }
                        events += Integer.parseInt(w.substring(7));
                    }
                    String want = ok ? "events " + events : "rejected";
                    if (ok) {
                        h = trial;
                    }
                    String got;
                    try {
                        BatchResult r = store.recordAll(batch);
                        got = r.violations().isEmpty() ? "events " + r.events() : "rejected";
                    } catch (RuntimeException e) {
                        got = "rejected";
                    }
                    assertThat(got).as("seed %d: batch at %d", seed, from).isEqualTo(want);
                }
                DyadHistory stored = store.history(NER_USA).orElse(DyadHistory.empty(NER_USA));
                assertThat(stored.facts()).as("seed %d", seed).isEqualTo(h.facts());
                assertThat(stored.state()).as("seed %d", seed).isEqualTo(h.state());
            }
        }
    }
}
