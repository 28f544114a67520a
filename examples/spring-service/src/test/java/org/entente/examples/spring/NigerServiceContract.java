package org.entente.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.partnership.Partnership;
import org.entente.partnership.Status;
import org.entente.seeds.Seeds;
import org.entente.spring.boot.EntenteBuilderCustomizer;
import org.entente.spring.boot.EntenteListeners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The service as a client sees it, on one store (each subclass names one): the Niger seed loaded up to
 * 2024-03-15 ({@code sample.seed.until}), the Entente's clock on 2024-03-16, the day Niger denounced its agreement
 * with the United States. Every answer is checked against what the library answers for the same query.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sample.seed.until=2024-03-15", "logging.level.org.axonframework=WARN"})
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class NigerServiceContract {

    static final Country NER = Country.of("NER");
    static final Dyad NER_USA = Dyad.parse("NER-USA");
    static final Clock MARCH_16 = Clock.fixed(Instant.parse("2024-03-16T12:00:00Z"), ZoneOffset.UTC);
    static final Duration WAIT = Duration.ofSeconds(30);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The day the service believes it is, for the current statuses it is told about. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OnMarch16 {
        @Bean
        EntenteBuilderCustomizer march16() {
            return builder -> builder.clock(MARCH_16);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Entente entente;

    @Autowired
    EntenteListeners listeners;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void nigersPartnershipsOnADayAreTheLibrarysAnswerAsJson() throws Exception {
        LocalDate day = LocalDate.of(2024, 3, 10);
        HttpResponse<String> response = get("/partnerships/NER?asOf=" + day);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));

        JsonNode body = json.readTree(response.body());
        assertThat(body.get("country").asText()).isEqualTo("NER");
        assertThat(body.get("date").asText()).isEqualTo(day.toString());
        Map<String, String> served = new TreeMap<>();
        body.get("partners").forEach(p -> served.put(p.get("dyad").asText(), p.get("status").asText()));
        Map<String, String> library = new TreeMap<>();
        for (Partnership p : entente.portfolio(NER, When.asOf(day)).partners()) {
            library.put(p.dyad().id(), p.status().name());
        }
        assertThat(served).isEqualTo(library).containsKey(NER_USA.id());
        assertThat(served.get(NER_USA.id())).isEqualTo(entente.partnership(NER_USA, When.asOf(day)).status().name());
    }

    @Test
    void anUnknownCountryIsABadRequestWithTheLibrarysSuggestion() throws Exception {
        HttpResponse<String> response = get("/partnerships/NIG");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("NIG").contains("NER (Niger)");
    }

    @Test
    void recordingTheDenunciationIsLoggedAsAPartnershipChangeAndCounted(CapturedOutput output) throws Exception {
        LocalDate today = LocalDate.now(MARCH_16);
        Status before = entente.partnership(NER_USA, When.asOf(today)).status();
        double accepted = acceptedCommands();
        entente.record(Seeds.bundled("niger-2024").fact(FactId.of("usa-denounce")).orElseThrow().command());
        Status after = entente.partnership(NER_USA, When.asOf(today)).status();
        assertThat(after).isNotEqualTo(before);

        assertThat(listeners.awaitCaughtUp(WAIT)).isTrue();
        assertThat(output.getOut()).contains("partnership changed: NER-USA " + before + " -> " + after)
                .contains("(FACT_RECORDED usa-denounce)");
        assertThat(acceptedCommands()).as("entente.commands{outcome=accepted} on /actuator/metrics").isEqualTo(accepted + 1);
    }

    /** The application's metrics endpoint: Entente's meters are in the application's registry. */
    private double acceptedCommands() throws Exception {
        HttpResponse<String> response = get("/actuator/metrics/entente.commands?tag=outcome:accepted");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode count = json.readTree(response.body()).get("measurements").get(0);
        assertThat(count.get("statistic").asText()).isEqualTo("COUNT");
        return count.get("value").asDouble();
    }

    @Test
    void healthIsUpWithTheStoreAndTheChangeLogsSubscription() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode entente = json.readTree(response.body()).get("components").get("entente");
        assertThat(entente.get("status").asText()).isEqualTo("UP");
        assertThat(entente.get("details").get("store").asText()).isEqualTo(expectedStore());
        assertThat(entente.get("details").get("subscriptions").get("changeLog#log").get("running").asBoolean()).isTrue();
    }

    /** The store this subclass runs on, as the health indicator names it. */
    abstract String expectedStore();

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
