package org.entente.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import org.entente.Entente;
import org.entente.core.FactId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM records facts and is killed with SIGKILL at random points; after each restart every
 * acknowledged fact is there, none twice, the store opens cleanly, and the projections equal a clean
 * rebuild.
 */
abstract class CrashDuringIngestContract {

    static final int KILLS = 4;
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    /** The child's arguments before RUN and COUNT. */
    abstract String[] storeArgs();

    abstract Entente open();

    static long count(Entente entente, String sql) throws Exception {
        try (Connection c = entente.store().connections().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyAcknowledgedFactSurvivesKillNineOnceAndProjectionsEqualACleanRebuild() throws Exception {
        Random random = new Random(20240426);
        Set<String> acknowledged = new LinkedHashSet<>();
        int killedAfterAcks = 0;
        ChildJvm next = spare(0);
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                int killAt = 20 + random.nextInt(150);
                String[] args = concat(storeArgs(), "run" + kill, "100000");
                try (ChildJvm child = next) {
                    child.go(args);
                    Path errors = child.errors();
                    // The next child starts and warms up while this one writes.
                    next = kill + 1 < KILLS ? spare(kill + 1) : null;
                    int acks = 0;
                    String line;
                    while ((line = child.readLine()) != null) {
                        if (line.startsWith("ACK ")) {
                            acknowledged.add(line.substring(4));
                            if (++acks == killAt) {
                                child.kill(); // SIGKILL closes its pipes: acknowledgements not read yet are not counted
                                break;
                            }
                        }
                    }
                    assertThat(acks).as("acknowledgements before kill %d (child errors: %s)", kill,
                            Files.exists(errors) ? Files.readString(errors) : "").isGreaterThanOrEqualTo(killAt);
                    killedAfterAcks += acks;
                }
            }
        } finally {
            if (next != null) {
                next.close(); // a spare left by a failed kill
            }
        }
        assertThat(killedAfterAcks).isGreaterThan(KILLS * 20);
        try (Entente entente = open()) {
            entente.awaitCaughtUp(WAIT);
            for (String id : acknowledged) {
                assertThat(entente.store().dyadOf(FactId.of(id))).as("acknowledged fact %s", id).isPresent();
            }
            long events = count(entente, "SELECT COUNT(*) FROM DomainEventEntry");
            long ids = count(entente, "SELECT COUNT(*) FROM entente_fact_id");
            long rows = count(entente, "SELECT COUNT(*) FROM entente_projection_fact");
            assertThat(events).as("one event per fact id: nothing recorded twice").isEqualTo(ids);
            assertThat(ids).isGreaterThanOrEqualTo(acknowledged.size());
            assertThat(rows).isEqualTo(events);
            System.out.printf("%s: %d kill points, %d facts acknowledged, %d stored, 0 lost, 0 duplicated%n",
                    getClass().getSimpleName(), KILLS, acknowledged.size(), ids);
            String digest = org.entente.durability.Digests.projectionRows(entente);
            entente.rebuildProjections();
            assertThat(org.entente.durability.Digests.projectionRows(entente)).isEqualTo(digest);
        }
    }

    private ChildJvm spare(int kill) throws java.io.IOException {
        return ChildJvm.spare(CrashWriter.class, temp.resolve("child-" + kill + ".err"), temp.resolve("warm-up-" + kill).toString());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
