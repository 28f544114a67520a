package org.entente.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.entente.Entente;
import org.entente.core.relationship.FactCommand;
import org.entente.subscription.SubscriptionTest.Collector;
import org.entente.subscription.SubscriptionTest.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A durable subscriber killed with SIGKILL at random moments (while facts are recorded and changes delivered),
 * then restarted, misses nothing and repeats at most the change it was handling when it died: the changes it
 * wrote, with each immediate repeat taken out, are those of a subscriber that was never killed, including the
 * changes time made while it was down. Kills: {@code -Dentente.subscriber.kills} (2 in the suite; the
 * reliability runs in RELIABILITY.md use more), seed {@code -Dentente.subscriber.seed}.
 */
class SubscriberKillTest {

    private static final LocalDate DAY = LocalDate.of(2024, 4, 30);
    private static final LocalDate LATER = DAY.plusDays(181);

    @Test
    void aKilledDurableSubscriberMissesNothingAndRepeatsOnlyWhatItWasHandling(@TempDir Path work) throws Exception {
        int kills = Integer.getInteger("entente.subscriber.kills", 2);
        long seed = Long.getLong("entente.subscriber.seed", System.nanoTime());
        Random random = new Random(seed);
        Path store = work.resolve("store");
        Path changes = work.resolve("changes.txt");
        int killed = 0;
        for (int i = 0; i < kills; i++) {
            // A line (a fact recorded or a change delivered) at which to kill: early, middle or late in the run.
            killed += run(store, changes, DAY, 1 + random.nextInt(45), work) ? 1 : 0;
        }
        assertThat(run(store, changes, DAY, Integer.MAX_VALUE, work)).as("the run that is not killed ends").isFalse();
        // Time passes while nobody runs: the next start is told what it changed.
        assertThat(run(store, changes, LATER, Integer.MAX_VALUE, work)).isFalse();

        List<String> written = Files.readAllLines(changes, StandardCharsets.UTF_8);
        List<String> distinct = new ArrayList<>();
        int repeats = 0;
        for (String line : written) {
            if (!distinct.isEmpty() && distinct.get(distinct.size() - 1).equals(line)) {
                repeats++;
            } else {
                distinct.add(line);
            }
        }
        assertThat(distinct).as("seed %d, %d kills", seed, killed).containsExactlyElementsOf(reference());
        assertThat(repeats).as("seed %d: at most one repeat per kill", seed).isLessThanOrEqualTo(killed);
        assertThat(distinct).anyMatch(l -> l.contains("TIME_PASSED"));
    }

    /** The changes a subscriber that is never killed is told, in memory. */
    private static List<String> reference() {
        MovableClock clock = new MovableClock(DAY);
        try (Entente entente = Entente.builder().inMemory().clock(clock).build()) {
            Collector heard = new Collector();
            try (Subscription s = entente.subscribe(Watch.all(), heard)) {
                for (FactCommand c : SubscriptionTest.facts(c -> SubscriptionTest.upTo(c, "2024-04-30"))) {
                    entente.record(c);
                }
                SubscriptionTest.caughtUp(s);
                clock.moveDays(181);
                SubscriptionTest.caughtUp(s);
                return heard.changes().stream().map(PartnershipChanged::toString).toList();
            }
        }
    }

    /** Runs the child until it prints {@code DONE} (false) or its {@code killAt}-th line, where it is killed (true). */
    private static boolean run(Path store, Path changes, LocalDate day, int killAt, Path work) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), SubscriberChild.class.getName(),
                store.toString(), changes.toString(), day.toString());
        Process p = new ProcessBuilder(command).redirectError(work.resolve("child-errors.txt").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int lines = 0;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("DONE")) {
                    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    assertThat(p.exitValue()).isZero();
                    return false;
                }
                assertThat(line).doesNotStartWith("STUCK");
                if (++lines >= killAt) {
                    p.destroyForcibly();
                    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    return true;
                }
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            throw new AssertionError("the child ended without DONE (exit " + p.exitValue() + "): "
                    + Files.readString(work.resolve("child-errors.txt")));
        } finally {
            p.destroyForcibly();
        }
    }
}
