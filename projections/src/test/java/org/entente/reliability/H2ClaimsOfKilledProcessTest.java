package org.entente.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.NER;
import static org.entente.testsupport.Facts.TUR;
import static org.entente.testsupport.Facts.nigerUsa;
import static org.entente.testsupport.Facts.talks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.entente.Entente;
import org.entente.core.Dyad;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed while its projections held their claims leaves them in the token table. Only one
 * process opens an H2 file at a time, so the next open releases them and the projections resume at once;
 * before, they waited for the claim to time out (10 s by default, plus the processor's 5 s claim
 * interval), which was most of every rerun in the crash harness. Here the claim timeout is an hour:
 * a store that waited for it would not catch up within the test's 30 seconds.
 */
class H2ClaimsOfKilledProcessTest {

    private static final String KILLED = "4242@a-host-that-is-gone/8c1f4d3e";

    @TempDir
    Path directory;

    @Test
    void theClaimsOfAKilledProcessAreReleasedOnOpenAndTheProjectionsResumeAtOnce() throws Exception {
        try (Entente entente = Entente.builder().h2(directory).build()) {
            entente.recordAll(nigerUsa());
            entente.awaitCaughtUp(Duration.ofSeconds(30));
        }
        int claimed = sql("UPDATE TokenEntry SET owner = '" + KILLED + "', timestamp = '" + java.time.Instant.now() + "'");
        assertThat(claimed).as("token rows claimed for the killed process").isPositive();

        try (Entente entente = Entente.builder().h2(directory).claimTimeout(Duration.ofHours(1)).build()) {
            entente.record(talks("after-the-kill", "2024-09-01", NER, TUR));
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(entente.timeline(Dyad.of(NER, TUR), TimelineFilter.all())).hasSize(1);
            assertThat(owners(entente)).doesNotContain(KILLED);
        }
    }

    @Test
    void aClaimOfAnotherStoreOfThisJvmIsKept() throws Exception {
        try (Entente entente = Entente.builder().h2(directory).build()) {
            entente.recordAll(nigerUsa());
            entente.awaitCaughtUp(Duration.ofSeconds(30));
        }
        String sibling = ManagementFactory.getRuntimeMXBean().getName() + "/another-store-of-this-jvm";
        sql("UPDATE TokenEntry SET owner = '" + sibling + "', timestamp = '" + java.time.Instant.now() + "'");

        try (Entente entente = Entente.builder().h2(directory).claimTimeout(Duration.ofHours(1)).build()) {
            assertThat(owners(entente)).as("claims of a store this JVM may still have open").contains(sibling);
        }
    }

    private int sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("entente"), "sa", "");
             Statement s = c.createStatement()) {
            return s.executeUpdate(statement);
        }
    }

    /** The owners in the token table, read through the open store. */
    private static List<String> owners(Entente entente) throws Exception {
        List<String> owners = new ArrayList<>();
        try (Connection c = entente.store().connections().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT owner FROM TokenEntry");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                owners.add(rs.getString(1));
            }
        }
        return owners;
    }
}
