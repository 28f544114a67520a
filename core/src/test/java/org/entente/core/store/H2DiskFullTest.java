package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.entente.testsupport.Facts.talks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.FactCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk is reported as such in one line, within a bound (no spin), and the store opens afterwards
 * with every acknowledged fact. On a real 8 MB tmpfs when this process may mount one (root), else on a
 * simulated disk whose writes fail with ENOSPC ({@link QuotaFilePath}); the simulated one always runs too.
 */
class H2DiskFullTest {

    @TempDir
    Path root;

    /** A disk that can fill up and be freed. */
    private interface Disk {
        EntenteStore.Builder store(Path dir);

        void fill() throws Exception;

        void free() throws Exception;
    }

    @Test
    void aFullSmallFilesystemIsReportedInOneLineAndTheStoreReopensWithEveryAcknowledgedFact() throws Exception {
        Path mount = Files.createDirectory(root.resolve("mnt"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            System.err.println("H2DiskFullTest: cannot mount a tmpfs (" + said.trim() + "); running on the simulated full disk");
            fillsUpAndRecovers(simulated(), root.resolve("simulated-instead"));
            return;
        }
        try {
            Path ballast = mount.resolve("ballast");
            fillsUpAndRecovers(new Disk() {
                @Override
                public EntenteStore.Builder store(Path dir) {
                    return EntenteStore.builder().h2(dir);
                }

                @Override
                public void fill() throws Exception {
                    Files.write(ballast, new byte[2_000_000]);
                }

                @Override
                public void free() throws Exception {
                    Files.delete(ballast);
                }
            }, mount.resolve("store"));
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWriteFailingWithNoSpaceLeftIsReportedInOneLineAndTheStoreReopensWithEveryAcknowledgedFact() throws Exception {
        fillsUpAndRecovers(simulated(), root.resolve("store"));
    }

    private static Disk simulated() {
        QuotaFilePath.register();
        return new Disk() {
            @Override
            public EntenteStore.Builder store(Path dir) {
                return EntenteStore.builder().h2(dir).h2Underlay("quota:");
            }

            @Override
            public void fill() {
                QuotaFilePath.fillAfter(6_000_000);
            }

            @Override
            public void free() {
                QuotaFilePath.free();
            }
        };
    }

    private static void fillsUpAndRecovers(Disk disk, Path dir) throws Exception {
        List<Country> countries = Country.all();
        List<FactId> acknowledged = new ArrayList<>();
        RuntimeException failure = null;
        long failedAfterMillis = -1;
        disk.fill();
        try {
            EntenteStore store = disk.store(dir).build();
            int n = 0;
            for (int round = 0; round < 200 && failure == null; round++) {
                List<FactCommand> batch = new ArrayList<>();
                for (int i = 0; i < 500; i++, n++) {
                    batch.add(talks("t-" + n, "2020-01-01", countries.get(n % 50), countries.get(50 + (n / 50) % 100)));
                }
                long start = System.nanoTime();
                try {
                    store.recordAll(batch);
                    batch.forEach(c -> acknowledged.add(c.fact().id()));
                } catch (RuntimeException e) {
                    failure = e;
                    failedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
            }
            if (failure == null) {
                fail("the disk never filled up");
            }
            assertThat(failedAfterMillis).as("the failing batch returned within a bound").isLessThan(60_000);
            Throwable reported = failure instanceof BatchWriteException ? failure.getCause() : failure;
            assertThat(reported).isInstanceOf(DiskFullException.class);
            assertThat(((DiskFullException) reported).directory()).isEqualTo(dir);
            assertThat(failure.getMessage()).doesNotContain("\n").doesNotContain("aggregate identifier")
                    .contains("the disk holding the store " + dir + " is full (No space left on device)");
            // Later writes on the still-full disk return at once with the same report. On plain H2 the third
            // statement after such a failure spun forever in MVStore.registerVersionUsage: the store stops
            // instead, and runs no statement on the stopped database.
            for (int k = 0; k < 3; k++) {
                long start = System.nanoTime();
                FactCommand after = talks("after-" + k, "2020-01-01", countries.get(1), countries.get(2 + k));
                Throwable again = catchAny(() -> store.record(after));
                assertThat(again).as("write #" + k + " after the disk filled").isInstanceOf(DiskFullException.class);
                assertThat(again.getMessage()).doesNotContain("\n");
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
            }
            CompletableFuture.runAsync(store::close).get(60, TimeUnit.SECONDS);
            assertNoThreadSpinsInH2();
        } finally {
            disk.free();
        }
        try (EntenteStore reopened = disk.store(dir).build()) {
            for (FactId id : acknowledged) {
                assertThat(reopened.dyadOf(id)).as("acknowledged fact " + id).isPresent();
            }
            reopened.record(talks("after-free", "2020-01-01", countries.get(1), countries.get(2)));
            assertThat(reopened.dyadOf(FactId.of("after-free"))).contains(Dyad.of(countries.get(1), countries.get(2)));
        }
        assertThat(acknowledged).as("some batches were acknowledged before the disk filled").isNotEmpty();
    }

    /** No thread of this JVM is in H2's version-usage loop, sampled for a second. */
    private static void assertNoThreadSpinsInH2() throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            Thread.getAllStackTraces().forEach((thread, stack) -> assertThat(stack)
                    .as("thread " + thread.getName())
                    .noneMatch(frame -> frame.getMethodName().equals("registerVersionUsage")));
            Thread.sleep(100);
        }
    }

    private static Throwable catchAny(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
