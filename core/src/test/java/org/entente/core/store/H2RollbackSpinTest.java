package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cause of the 100% CPU hang on a full disk, shown on plain H2 2.5.252 in a child JVM: after an
 * insert fails with ENOSPC the store stops; the second rollback of the connection throws after
 * deregistering its version usage and deregisters it again as the statement ends, leaving the current
 * version's counter at -1; a stopped store never moves to a new version, so the third statement (a pool's
 * rollback) loops forever in {@code MVStore.registerVersionUsage}. {@link JdbcTransactions} therefore runs
 * no statement on a stopped database ({@link H2DiskFullTest} checks it). Should an H2 upgrade make this
 * test fail with "no spin", the bug is fixed upstream and the guard can be reconsidered.
 */
class H2RollbackSpinTest {

    @TempDir
    Path dir;

    @Test
    void onPlainH2TheThirdRollbackAfterAFullDiskSpinsInRegisterVersionUsage() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                H2RollbackSpin.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            String out = new String(child.getInputStream().readAllBytes());
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).contains("insert failed")
                    .contains("rollback 2 returned; counter -1")
                    .contains("rollback 3 STUCK in org.h2.mvstore.MVStore.registerVersionUsage");
        } finally {
            child.destroyForcibly();
        }
    }
}
