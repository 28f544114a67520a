package org.entente.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code --scale} tier at a tiny size (2,000 facts on each backend) and checks that
 * {@code results-scale.json} holds every key of {@link ResultKeys#SCALE}, at the top for PostgreSQL
 * and under {@code h2} for H2, and that the tier dropped its schema. Nothing about speed.
 */
class ScaleTierSmokeTest {

    @TempDir
    Path directory;

    @Test
    void aTinyScaleRunWritesEveryKeyForBothBackends() throws Exception {
        Postgres.freshSchema("scale_reachable").close(); // skips (or fails when required) without PostgreSQL
        String url = System.getProperty("entente.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("entente.postgres.user", "postgres");
        Path out = directory.resolve("results-scale.json");
        ScaleTier.run(Harness.Options.parse("--scale", "--scale-pg", "2000", "--scale-h2", "2000", "--scale-append", "500",
                "--scale-import", "500", "--pg-url", url, "--pg-user", user, "--out", out.toString(), "--work", directory.resolve("work").toString()));

        JsonNode results = new ObjectMapper().readTree(out.toFile());
        List<String> problems = new ArrayList<>();
        for (ResultKeys.Key key : ResultKeys.SCALE) {
            ResultKeys.check(results, key, "", problems);
            if (!key.path().equals("second_instance_ready_seconds")) {
                ResultKeys.check(results.path("h2"), key, "h2.", problems);
            }
        }
        assertThat(problems).as("keys missing, not finite or not positive in %s", out).isEmpty();
        assertThat(results.path("backend").asText()).isEqualTo("postgresql");
        assertThat(results.path("h2").path("backend").asText()).isEqualTo("h2");
        assertThat(results.path("command_dyad_events").asInt()).as("the command dyad's facts").isEqualTo(2000);
        assertThat(results.path("heap_ok").asBoolean()).as("the -Xmx512m probe finished: %s", results.path("heap_probe")).isTrue();
        String schema = results.path("postgresql_schema").asText();
        assertThat(schema).startsWith("entente_scale_");
        assertThat(schemaExists(url, user, schema)).as("the tier's schema %s is dropped", schema).isFalse();
    }

    private static boolean schemaExists(String url, String user, String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, "");
             java.sql.PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
