package org.entente.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.entente.Entente;
import org.entente.core.relationship.FactCommand;
import org.entente.durability.Digests;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances split the projection work of a large history on PostgreSQL; one is killed with
 * SIGKILL mid-way; the other takes over its segments once the claims time out, and the projection
 * rows equal a single-instance rebuild.
 */
class InstanceDeathTest {

    static final int FACTS = 3000;
    private static final String URL = System.getProperty("entente.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("entente.postgres.user", "postgres");

    @TempDir
    Path temp;
    private Postgres postgres;
    private DataSource ds;

    @BeforeEach
    void createSchema() {
        postgres = Postgres.freshSchema("death");
        ds = postgres.dataSource();
    }

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private int claimedBy(String ownerLike) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM tokenentry WHERE processorname = 'entente-projections' AND owner LIKE ?")) {
            ps.setString(1, ownerLike);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private long rows() throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM entente_projection_fact")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** An instance with Entente's own pool (a connection per statement made most of the test's time). */
    private Entente.Builder instance() {
        return Entente.builder().postgres(CrashChild.schemaUrl(URL, postgres.schema()), USER, "", 4).segments(4);
    }

    @Test
    void theSurvivorTakesOverTheDeadInstancesSegmentsAndTheRowsEqualASingleInstanceRebuild() throws Exception {
        try (Entente writer = instance().build()) {
            writer.pauseProcessing();
            List<FactCommand> history = new ArrayList<>();
            for (int i = 0; i < FACTS; i++) {
                history.add(CrashWriter.talks("death", i));
            }
            writer.recordAll(history);
        }
        Path errors = temp.resolve("instance.err");
        try (ChildJvm other = ChildJvm.start(ProcessingInstance.class, errors, URL, USER, postgres.schema())) {
            String started = other.readLine();
            assertThat(started).as("child errors: %s", Files.exists(errors) ? Files.readString(errors) : "").startsWith("STARTED");
            Instant deadline = Instant.now().plusSeconds(60);
            while (claimedBy("%") < 2 && Instant.now().isBefore(deadline)) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            }
            try (Entente survivor = instance().processorBatchSize(5).claimTimeout(Duration.ofSeconds(2)).build()) {
                while ((claimedBy("%") < 4 || rows() < FACTS / 10) && Instant.now().isBefore(deadline)) {
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                }
                int segmentsBeforeDeath = claimedBy("%");
                long rowsAtDeath = rows();
                other.kill();
                assertThat(segmentsBeforeDeath).as("both instances held segments").isEqualTo(4);
                assertThat(rowsAtDeath).as("killed mid-way").isLessThan(FACTS);
                survivor.awaitCaughtUp(Duration.ofSeconds(120));
                assertThat(rows()).isEqualTo(FACTS);
                String processed = Digests.projectionRows(survivor);
                survivor.rebuildProjections();
                assertThat(Digests.projectionRows(survivor)).isEqualTo(processed);
                System.out.printf("instance death: 2 instances, 4 segments, %d facts, killed at %d rows, 0 lost, 0 duplicated%n",
                        FACTS, rowsAtDeath);
            }
        }
    }
}
