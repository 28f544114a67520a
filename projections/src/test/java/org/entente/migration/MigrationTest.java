package org.entente.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;
import static org.entente.testsupport.Moments.tick;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.entente.Entente;
import org.entente.NigerStoryAccess;
import org.entente.When;
import org.entente.core.FactId;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.store.BatchProgress;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.StoreCopy;
import org.entente.testsupport.Postgres;
import org.entente.timeline.Timeline;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving from H2 to PostgreSQL, and a store through an export file: the copy keeps recording times,
 * positions and fact ids, and answers every asOf and knownAt query as the source did.
 */
class MigrationTest {

    @TempDir
    Path temp;

    /** A source with history recorded at three moments, a retraction and a correction among them. */
    private List<Instant> recordSource(Path dir) {
        List<Instant> moments = new ArrayList<>();
        try (Entente source = Entente.h2(dir)) {
            List<org.entente.core.relationship.FactCommand> story = NigerStoryAccess.facts();
            source.recordAll(story.subList(0, 15));
            moments.add(tick());
            source.recordAll(story.subList(15, story.size()));
            moments.add(tick());
            source.record(new RelationshipCommand.RetractFacts(List.of(FactId.of("chn-talks-2023")), "duplicate"));
            source.record(new RelationshipCommand.CorrectFact(talks("tur-visit", "2024-07-18", TUR, NER), "a day later"));
            moments.add(tick());
            source.awaitCaughtUp(Duration.ofSeconds(30));
        }
        return moments;
    }

    /** Everything a reader can ask, at several dates and instants, as JSON to compare (every field, recording times included). */
    private static List<String> answers(Entente e, List<Instant> moments) {
        List<String> out = new ArrayList<>();
        for (String d : List.of("2023-06-01", "2024-04-30", "2024-10-01")) {
            When now = When.asOf(LocalDate.parse(d));
            out.add(e.portfolio(NER, now).toJson());
            for (Instant m : moments) {
                out.add(e.portfolio(NER, now.knownAt(m)).toJson());
            }
        }
        out.add(Timeline.of(NER, e.timeline(NER, TimelineFilter.all())).toJson());
        for (Instant m : moments) {
            out.add(Timeline.of(NER, e.timeline(NER, TimelineFilter.all().knownAt(m))).toJson());
        }
        return out;
    }

    private void assertSameAnswers(Path sourceDir, List<Instant> moments, Supplier<Entente> target) {
        List<String> expected;
        try (Entente source = Entente.h2(sourceDir)) {
            source.awaitCaughtUp(Duration.ofSeconds(30));
            expected = answers(source, moments);
        }
        try (Entente copy = target.get()) {
            copy.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(answers(copy, moments)).containsExactlyElementsOf(expected);
            // New facts continue after the copied positions.
            copy.record(talks("after-migration", "2025-01-01", USA, NER));
            assertThat(copy.timeline(NER, TimelineFilter.all().from(LocalDate.of(2025, 1, 1)))).hasSize(1);
        }
    }

    @Test
    void migratingFromH2ToPostgresKeepsEveryAnswer() {
        Path sourceDir = temp.resolve("h2");
        List<Instant> moments = recordSource(sourceDir);
        try (Postgres pg = Postgres.freshSchema("migrate")) {
            StoreCopy.Summary summary;
            try (EntenteStore from = EntenteStore.builder().h2(sourceDir).build();
                 EntenteStore to = EntenteStore.builder().postgres(pg.dataSource()).build()) {
                summary = StoreCopy.copy(from, to, BatchProgress.NONE);
            }
            assertThat(summary.events()).isEqualTo(NigerStoryAccess.facts().size() + 2);
            assertThat(summary.factIds()).isEqualTo(NigerStoryAccess.facts().size());
            assertSameAnswers(sourceDir, moments, () -> Entente.postgres(pg.dataSource()));
        }
    }

    @Test
    void anExportFileRestoresTheSameHistoryIntoAnEmptyStore() {
        Path sourceDir = temp.resolve("h2");
        List<Instant> moments = recordSource(sourceDir);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (EntenteStore from = EntenteStore.builder().h2(sourceDir).build()) {
            StoreCopy.export(from, file);
        }
        assertThat(file.toString(StandardCharsets.UTF_8)).startsWith(StoreCopy.FORMAT + "\n");
        Path restored = temp.resolve("restored");
        try (EntenteStore to = EntenteStore.builder().h2(restored).build()) {
            StoreCopy.importInto(to, new ByteArrayInputStream(file.toByteArray()));
        }
        assertSameAnswers(sourceDir, moments, () -> Entente.h2(restored));
    }

    @Test
    void aCopyIntoAStoreThatHoldsEventsIsRefusedAndChangesNothing() {
        Path sourceDir = temp.resolve("h2");
        recordSource(sourceDir);
        try (EntenteStore from = EntenteStore.builder().h2(sourceDir).build();
             EntenteStore to = EntenteStore.builder().h2(temp.resolve("busy")).build()) {
            to.record(talks("already-here", "2024-01-01", USA, NER));
            assertThatThrownBy(() -> StoreCopy.copy(from, to, BatchProgress.NONE))
                    .isInstanceOfSatisfying(org.entente.core.store.TargetNotEmptyException.class, e -> {
                        assertThat(e.events()).isEqualTo(1);
                        assertThat(e.factIds()).isEqualTo(1);
                        assertThat(e.snapshots()).isZero();
                    })
                    .hasMessageContaining("already holds 1 event(s) and 1 fact id(s); copy into an empty database");
            assertThat(to.history(org.entente.core.Dyad.of(NER, USA)).orElseThrow().size()).isEqualTo(1);
        }
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedNamingTheLine() {
        try (EntenteStore to = EntenteStore.builder().h2(temp.resolve("t")).build()) {
            assertThatThrownBy(() -> StoreCopy.importInto(to, new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8))))
                    .hasMessage("line 1: expected 'entente-store-export/3' (or 'entente-store-export/2' or 'entente-store-export/1' of earlier"
                            + " versions), found 'hello';"
                            + " not an Entente store export");
            assertThatThrownBy(() -> StoreCopy.importInto(to, new ByteArrayInputStream(
                    (StoreCopy.FORMAT + "\n{\"table\":\"users\"}\n").getBytes(StandardCharsets.UTF_8))))
                    .hasMessageContaining("line 2: unknown table 'users'");
        }
    }
}
