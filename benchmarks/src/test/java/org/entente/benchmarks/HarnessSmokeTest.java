package org.entente.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole harness at a tiny size and checks that {@code results.json} is complete: every key
 * present, a finite number, positive where it must be. Not a timed test: nothing is asserted about
 * speed.
 */
class HarnessSmokeTest {

    @TempDir
    Path directory;

    @Test
    void aTinyRunWritesEveryResultAsAFiniteNumber() throws Exception {
        Path out = directory.resolve("results.json");
        Harness.run(Harness.Options.parse("--tiny", "--out", out.toString(), "--work", directory.resolve("work").toString()));

        JsonNode results = new ObjectMapper().readTree(out.toFile());
        List<String> problems = new ArrayList<>();
        for (ResultKeys.Key key : ResultKeys.HEADLINE) {
            ResultKeys.check(results, key, "", problems);
        }
        JsonNode sizes = results.path("sizes");
        assertThat(sizes.size()).as("sizes in %s", out).isEqualTo(2);
        sizes.fields().forEachRemaining(size -> {
            for (ResultKeys.Key key : ResultKeys.PER_SIZE) {
                ResultKeys.check(size.getValue(), key, "sizes." + size.getKey() + ".", problems);
            }
            assertThat(size.getValue().path("ingest").path("rows_identical").asBoolean())
                    .as("the raw baseline wrote the same rows as Entente at size %s", size.getKey()).isTrue();
        });
        for (String mode : new String[] {"rebuild_512m", "rebuild_512m_online"}) {
            JsonNode probe = sizes.path("3000").path(mode);
            assertThat(probe.path("ok").asBoolean()).as("the -Xmx512m %s probe of the largest size: %s", mode, probe).isTrue();
            assertThat(probe.path("peak_heap_mb").asDouble()).as("its peak heap").isPositive();
        }
        assertThat(sizes.path("3000").path("rebuild_512m").path("events").asLong())
                .as("the offline rebuild read every event").isGreaterThanOrEqualTo(3000);
        assertThat(results.path("backend").asText()).as("backend in %s", out).isEqualTo("h2");
        assertThat(results.path("command_dyad_events").asLong()).as("the command dyad's events").isGreaterThanOrEqualTo(2000);
        assertThat(results.path("heap_limit_mb").asInt()).as("the heap probe's limit").isEqualTo(512);
        assertThat(sizes.path("3000").path("targets").path("heap_probe").path("queries").asInt())
                .as("the heap probe answered its partnership queries").isEqualTo(10_000);
        assertThat(problems).as("keys missing, not finite or not positive in %s", out).isEmpty();
    }
}
