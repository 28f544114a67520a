package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactHeader;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.StoreCopy;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a child JVM in the middle of {@code store-import} and of {@code migrate} (H2 to
 * PostgreSQL), twice in a row: the target is then an unfinished import (never a store that opens
 * silently with events and no fact ids), and the same command run again completes it, with every
 * event, snapshot and fact id of the source, each fact id once.
 */
class BackupCrashTest {

    private static final int FACTS = 3000;
    /** Rows per committed chunk of an import (StoreCopy's). */
    private static final long CHUNK_ROWS = 1000;
    private static final List<Country> PARTNERS = List.of("USA", "FRA", "CHN", "TUR", "RUS", "DEU", "ITA", "GBR")
            .stream().map(Country::of).toList();

    @TempDir
    Path dir;

    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);
    private long[] sourceCounts;

    @BeforeEach
    void source() throws Exception {
        try (EntenteStore source = EntenteStore.builder().h2(dir.resolve("source")).build()) {
            List<FactCommand> facts = new ArrayList<>();
            for (int i = 0; i < FACTS; i++) {
                Country partner = PARTNERS.get(i % PARTNERS.size());
                facts.add(new FactCommand.HoldTalks(new FactHeader(FactId.of("t-" + i), HappenedOn.day(LocalDate.of(2020, 1, 1).plusDays(i % 1500)),
                        partner, Country.of("NER"), List.of(Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED))), Optional.of("talks " + i)));
            }
            source.recordAll(facts);
            sourceCounts = counts(source.connections()::getConnection);
        }
        assertThat(sourceCounts[2]).isEqualTo(FACTS);
    }

    private interface Connections {
        Connection get() throws Exception;
    }

    /** Events, snapshots, fact ids, distinct fact ids. */
    private static long[] counts(Connections connections) throws Exception {
        try (Connection c = connections.get(); Statement s = c.createStatement()) {
            long[] n = new long[4];
            String[] queries = {"SELECT COUNT(*) FROM DomainEventEntry", "SELECT COUNT(*) FROM SnapshotEventEntry",
                "SELECT COUNT(*) FROM entente_fact_id", "SELECT COUNT(DISTINCT fact_id) FROM entente_fact_id"};
            for (int i = 0; i < queries.length; i++) {
                try (ResultSet rs = s.executeQuery(queries[i])) {
                    rs.next();
                    n[i] = rs.getLong(1);
                }
            }
            return n;
        }
    }

    private CliTest.Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EntenteCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    /** Starts the child, kills it with SIGKILL after a random committed chunk (and a random instant of the next), returns the chunks it reported. */
    private int killDuring(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), BackupChild.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectError(dir.resolve("child-" + System.nanoTime() + ".err").toFile()).start();
        int killAfter = 1 + random.nextInt(3);
        int chunks = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("ROWS ")) {
                    chunks++;
                    String[] parts = line.split(" ");
                    long left = Long.parseLong(parts[2]) - Long.parseLong(parts[1]);
                    // Killed while at least two chunks are left, so that the random wait cannot let the
                    // child finish the import (a resumed import has fewer chunks than the kill may wait for).
                    if (chunks == killAfter || left <= 3L * CHUNK_ROWS) {
                        killAfter = chunks;
                        Thread.sleep(random.nextInt(40));
                        break;
                    }
                }
                assertThat(line).as("the child ended before it was killed (seed %d)", seed).isNotEqualTo("DONE");
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(chunks).as("chunks committed before the kill (seed %d); see %s", seed, dir).isEqualTo(killAfter);
        return chunks;
    }

    @Test
    void aKilledStoreImportIsFinishedByRunningItAgain() throws Exception {
        Path file = dir.resolve("backup.jsonl");
        assertThat(cli("--store", dir.resolve("source").toString(), "store-export", file.toString()).code()).isZero();
        Path target = dir.resolve("target");
        for (int kill = 0; kill < 2; kill++) {
            killDuring("import", target.toString(), file.toString());
            try (EntenteStore store = EntenteStore.builder().h2(target).build()) {
                assertThat(StoreCopy.unfinishedImport(store)).as("seed %d", seed).hasValueSatisfying(m -> assertThat(m)
                        .contains("from " + file.toAbsolutePath() + " stopped after"));
            }
        }
        long start = System.nanoTime();
        CliTest.Run retry = cli("--store", target.toString(), "store-import", file.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(retry.code()).as("seed %d: %s", seed, retry.err()).isZero();
        assertThat(retry.err()).contains("resumed an interrupted import of the same rows after");
        assertThat(retry.out()).contains("restored " + sourceCounts[0] + " event(s), " + sourceCounts[1] + " snapshot(s) and "
                + sourceCounts[2] + " fact id(s)");
        try (EntenteStore store = EntenteStore.builder().h2(target).build()) {
            assertThat(counts(store.connections()::getConnection)).as("seed %d", seed)
                    .containsExactly(sourceCounts[0], sourceCounts[1], sourceCounts[2], sourceCounts[2]);
            assertThat(StoreCopy.unfinishedImport(store)).isEmpty();
        }
        System.out.printf("store-import of %d rows, resumed after two kills, finished in %d ms (projections included)%n",
                sourceCounts[0] + sourceCounts[1] + sourceCounts[2], millis);
    }

    @Test
    void aKilledMigrationToPostgresIsFinishedByRunningItAgain() throws Exception {
        try (Postgres pg = Postgres.freshSchema("backup_crash")) {
            String url = System.getProperty("entente.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = System.getProperty("entente.postgres.user", "postgres");
            DataSource target = pg.dataSource();
            for (int kill = 0; kill < 2; kill++) {
                killDuring("migrate", dir.resolve("source").toString(), url, user, pg.schema());
                try (EntenteStore store = EntenteStore.builder().postgres(target).build()) {
                    assertThat(StoreCopy.unfinishedImport(store)).as("seed %d", seed).hasValueSatisfying(m -> assertThat(m)
                            .contains("from EntenteStore[H2 " + dir.resolve("source").toAbsolutePath()));
                }
            }
            long start = System.nanoTime();
            CliTest.Run retry = cli("--store", dir.resolve("source").toString(), "migrate", "--to", url + "?currentSchema=" + pg.schema(),
                    "--user", user);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(retry.code()).as("seed %d: %s", seed, retry.err()).isZero();
            assertThat(retry.err()).contains("resumed an interrupted import of the same rows after");
            assertThat(retry.out()).contains("migrated " + sourceCounts[0] + " event(s)");
            assertThat(counts(target::getConnection)).as("seed %d", seed)
                    .containsExactly(sourceCounts[0], sourceCounts[1], sourceCounts[2], sourceCounts[2]);
            try (EntenteStore store = EntenteStore.builder().postgres(target).build()) {
                assertThat(StoreCopy.unfinishedImport(store)).isEmpty();
            }
            System.out.printf("migrate of %d rows to PostgreSQL, resumed after two kills, finished in %d ms (projections included)%n",
                    sourceCounts[0] + sourceCounts[1] + sourceCounts[2], millis);
        }
        assertThat(Files.exists(dir.resolve("source"))).isTrue();
    }
}
