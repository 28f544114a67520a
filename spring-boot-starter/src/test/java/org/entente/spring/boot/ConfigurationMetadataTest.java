package org.entente.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata that IDEs complete {@code entente.*} from: generated from {@link EntenteProperties}
 * at compile time and shipped in the jar, with a description and the default of each property.
 */
class ConfigurationMetadataTest {

    @Test
    void theJarDescribesEveryPropertyWithItsDefault() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        metadata.get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
        assertThat(properties).containsOnlyKeys(
                "entente.store", "entente.h2.directory",
                "entente.postgres.url", "entente.postgres.user", "entente.postgres.password", "entente.postgres.pool-size",
                "entente.window-days", "entente.read-timeout",
                "entente.health.max-lag", "entente.health.max-consecutive-failures",
                "entente.listeners.enabled");
        assertThat(properties.values()).allSatisfy(p ->
                assertThat(p.path("description").asText()).as("description of %s", p.get("name")).isNotBlank());
        assertThat(properties.get("entente.store").get("type").asText()).endsWith("EntenteProperties$Store");
        assertThat(properties.get("entente.h2.directory").get("defaultValue").asText()).isEqualTo("entente-data");
        assertThat(properties.get("entente.window-days").get("defaultValue").asInt()).isEqualTo(180);
        assertThat(properties.get("entente.read-timeout").get("defaultValue").asText()).isEqualTo("10s");
        assertThat(properties.get("entente.health.max-lag").get("defaultValue").asLong()).isEqualTo(10_000);
        assertThat(properties.get("entente.listeners.enabled").get("defaultValue").asBoolean()).isTrue();
        // The defaults the metadata shows are those the properties bind to.
        EntenteProperties bound = new EntenteProperties();
        assertThat(bound.getWindowDays()).isEqualTo(properties.get("entente.window-days").get("defaultValue").asInt());
        assertThat(bound.getHealth().getMaxConsecutiveFailures())
                .isEqualTo(properties.get("entente.health.max-consecutive-failures").get("defaultValue").asInt());
        assertThat(bound.getPostgres().getPoolSize()).isEqualTo(properties.get("entente.postgres.pool-size").get("defaultValue").asInt());
    }

    @Test
    void theAutoConfigurationsAreRegisteredForSpringBootToFind() throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList())
                    .containsExactly(EntenteAutoConfiguration.class.getName(), EntenteHealthAutoConfiguration.class.getName(),
                            EntenteMetricsAutoConfiguration.class.getName());
        }
    }
}
