package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check}, {@code repair} and a board that never fills a store which lost its events (issue 12). */
class CheckCommandsTest {

    @TempDir
    Path dir;

    private CliTest.Run run(String... args) {
        return CliTest.execute(args);
    }

    private String store() {
        return dir.resolve("store").toString();
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("store").resolve("entente"), "sa", "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void checkSaysConsistentAndRepairFixesGhostFactIdsAfterADryRunThatChangesNothing() throws Exception {
        assertThat(run("--store", store(), "load", "niger-2024").code()).isZero();
        CliTest.Run clean = run("--store", store(), "check");
        assertThat(clean.code()).isZero();
        assertThat(clean.out()).startsWith("consistent (").contains("events checked");

        sql("INSERT INTO entente_fact_id (fact_id, dyad) VALUES ('t-0', 'ABW-CCK')");
        CliTest.Run dirty = run("--store", store(), "check");
        assertThat(dirty.code()).isEqualTo(1);
        assertThat(dirty.out()).contains("FACT_IDS_OUT_OF_STEP").contains("(repairable)");

        CliTest.Run dry = run("--store", store(), "repair", "--dry-run");
        assertThat(dry.code()).isEqualTo(1);
        assertThat(dry.out()).contains("a repair would rebuild");
        assertThat(run("--store", store(), "check").code()).as("the dry run wrote nothing").isEqualTo(1);

        CliTest.Run repaired = run("--store", store(), "repair");
        assertThat(repaired.code()).isZero();
        assertThat(repaired.out()).contains("repaired: the fact-id table");
        assertThat(run("--store", store(), "check").code()).isZero();
    }

    @Test
    void boardRefusesAStoreWhoseEventsAreGoneAndDoesNotSeedIt() throws Exception {
        assertThat(run("--store", store(), "load", "niger-2024").code()).isZero();
        sql("DELETE FROM DomainEventEntry");
        Files.deleteIfExists(dir.resolve("store").resolve("entente.head"));

        CliTest.Run board = run("--store", store(), "board", "NER", "--as-of", "2024-04-30");
        assertThat(board.code()).isEqualTo(1);
        assertThat(board.err()).contains("is inconsistent and was not opened").contains("restore a backup into a new directory")
                .doesNotContain("loaded the bundled seed");
        assertThat(board.err().lines().count()).as("one line").isEqualTo(1);
        CliTest.Run check = run("--store", store(), "check");
        assertThat(check.out()).contains("EVENTS_MISSING");
    }

    @Test
    void boardDoesNotSeedAStoreWhoseFileWasEmptiedButWhoseHeadMarkRemains() throws Exception {
        assertThat(run("--store", store(), "load", "niger-2024").code()).isZero();
        Files.delete(dir.resolve("store").resolve("entente.mv.db"));

        CliTest.Run board = run("--store", store(), "board", "NER", "--as-of", "2024-04-30");
        assertThat(board.code()).isEqualTo(1);
        assertThat(board.err()).contains("entente.head").doesNotContain("loaded the bundled seed");
    }
}
