package org.entente.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link OverheadBench} at a small size and checks that it measured what it says: one "off" and one
 * "on" run, the "on" run's registry seeing its commands and queries and its ten subscribers delivering
 * changes without failing and still running after the queries, every figure a finite positive number. Not a timed test: nothing is asserted about speed.
 */
class OverheadBenchSmokeTest {

    @TempDir
    Path directory;

    @Test
    void aSmallRunMeasuresBothConfigurationsWithTheSubscribersAtWork() throws Exception {
        Path out = directory.resolve("overhead.json");
        Path work = directory.resolve("work");
        Map<String, Object> returned = OverheadBench.run(OverheadBench.Options.parse("--size", "1500", "--rounds", "1", "--queries", "2000",
                "--warm", "100", "--work", work.toString(), "--out", out.toString()));

        JsonNode results = new ObjectMapper().readTree(out.toFile());
        JsonNode runs = results.path("runs");
        assertThat(runs.size()).as("runs in %s", out).isEqualTo(2);
        assertThat(runs.get(0).path("configuration").asText()).isEqualTo("off");
        assertThat(runs.get(1).path("configuration").asText()).isEqualTo("on");
        for (JsonNode run : runs) {
            for (String key : new String[] {"write_seconds", "facts_per_sec", "p50_micros", "p99_micros"}) {
                assertThat(run.path(key).isNumber()).as("%s of the %s run is a number: %s", key, run.path("configuration"), run).isTrue();
                assertThat(run.path(key).asDouble()).as("%s of the %s run", key, run.path("configuration")).isPositive().isFinite();
            }
            assertThat(run.path("queries").asInt()).isEqualTo(2000);
        }
        JsonNode on = runs.get(1);
        assertThat(on.path("changes_delivered").path("every dyad").asLong())
                .as("the four subscribers of every dyad were told of changes: %s", on).isPositive();
        assertThat(on.path("listener_failures").asLong()).isZero();
        assertThat(on.path("subscriptions_running_after_queries").asInt()).isEqualTo(10);
        assertThat(on.path("subscribers_caught_up_after_write_seconds").asDouble())
                .isGreaterThanOrEqualTo(on.path("projections_caught_up_after_write_seconds").asDouble());
        assertThat(runs.get(0).has("changes_delivered")).as("the off run has no subscriber").isFalse();
        assertThat(on.path("metered_partnership_queries").asLong())
                .as("the registry timed every partnership query of the on store: each draw once, the warm ones, the timed ones: %s", on)
                .isEqualTo(OverheadBench.DRAWS + 100 + 2000);
        assertThat(on.path("metered_commands").asLong()).as("the registry counted the commands recorded").isEqualTo(1500);
        assertThat(results.path("axon_meters").asBoolean()).as("axon-micrometer is on the bench's class path").isTrue();
        assertThat(runs.get(0).has("meters")).as("the off run has no registry").isFalse();

        JsonNode summary = results.path("summary");
        assertThat(summary.path("write_ratio").asDouble()).isPositive().isFinite();
        assertThat(summary.path("query_ratio").asDouble()).isPositive().isFinite();
        assertThat(summary.path("write_ratio").asDouble())
                .isCloseTo(on.path("facts_per_sec").asDouble() / runs.get(0).path("facts_per_sec").asDouble(),
                        org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(OverheadBench.table(returned)).contains("| recordAll facts/s, on / off |", "| partnership p50 (µs), off / on |");
        assertThat(Files.exists(work)).as("the work directory is deleted at the end").isFalse();
    }

    @Test
    void optionsOutOfRangeAreRefusedNamingTheValueAndWhatIsAccepted() {
        assertThatThrownBy(() -> OverheadBench.Options.parse("--rounds", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rounds 0: expected at least 1");
        assertThatThrownBy(() -> OverheadBench.Options.parse("--size", "ten"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--size ten: expected a whole number of at least 100");
        assertThatThrownBy(() -> OverheadBench.Options.parse("--metrics"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --metrics").hasMessageContaining("--size N");
        assertThatThrownBy(() -> OverheadBench.Options.parse("--mix", "4,3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--mix 4,3: expected three counts A,C,D of at least 0");
        assertThatThrownBy(() -> OverheadBench.Options.parse("--mix", "4,-1,3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--mix 4,-1,3");
        assertThat(OverheadBench.Options.parse("--mix", "0,0,10").mix()).isEqualTo(new OverheadBench.Mix(0, 0, 10));
        assertThat(OverheadBench.Options.parse().mix()).isEqualTo(new OverheadBench.Mix(4, 3, 3));
        assertThatThrownBy(() -> OverheadBench.Options.parse("--queries"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--queries needs a value");
    }
}
