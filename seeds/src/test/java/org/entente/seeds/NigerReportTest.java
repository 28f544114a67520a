package org.entente.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.partnership.Partnership;
import org.entente.report.Report;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of the bundled seed, read as a browser would get it (the HTML and its embedded data):
 * on every day of Niger's whole history the lanes, the trends and the data the slider draws from
 * give what {@code partnership()} gives, and the United States' lane is the issue's story.
 */
class NigerReportTest {

    private static final Country NER = Country.of("NER");
    private static final Clock END_OF_2025 = Clock.fixed(Instant.parse("2025-12-31T12:00:00Z"), ZoneOffset.UTC);
    private static Entente entente;
    private static Report report;
    private static String html;
    private static Document page;

    @BeforeAll
    static void load() {
        entente = Entente.inMemory();
        entente.recordAll(Seeds.bundled("niger-2024").commands());
        // From Niger's first fact (the French agreements, 1977) to the end of 2025: every day of the story and after.
        report = Report.builder(entente, NER).from(LocalDate.of(1977, 1, 1)).asOf(LocalDate.of(2024, 4, 30))
                .to(LocalDate.of(2025, 12, 31)).origin("the bundled seed niger-2024").clock(END_OF_2025).build();
        html = report.toHtml();
        page = Jsoup.parse(html);
    }

    @AfterAll
    static void close() {
        entente.close();
    }

    private static Partnership partnership(String partner, LocalDate day) {
        return entente.partnership(Dyad.of(NER, Country.of(partner)), When.asOf(day));
    }

    @Test
    void everyLaneGivesThePartnershipsStatusOnEveryDayOfTheRange() {
        Elements lanes = page.select("#lanes-chart g.lane");
        assertThat(lanes).extracting(l -> l.attr("data-partner")).containsExactlyInAnyOrder("USA", "FRA", "CHN", "RUS", "TUR");
        long days = 0;
        for (Element lane : lanes) {
            String partner = lane.attr("data-partner");
            LocalDate next = report.from();
            String previous = null;
            for (Element segment : lane.select("rect.segment")) {
                LocalDate from = LocalDate.parse(segment.attr("data-from"));
                LocalDate to = LocalDate.parse(segment.attr("data-to"));
                assertThat(from).as("%s: no gap or overlap before %s", partner, from).isEqualTo(next);
                assertThat(segment.attr("data-status")).as("%s: a segment differs from the one before", partner).isNotEqualTo(previous);
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    assertThat(partnership(partner, d).status().name()).as("%s on %s", partner, d).isEqualTo(segment.attr("data-status"));
                    days++;
                }
                previous = segment.attr("data-status");
                next = to.plusDays(1);
            }
            assertThat(next).as("%s's lane ends on the last day", partner).isEqualTo(report.to().plusDays(1));
        }
        assertThat(days).isEqualTo(5 * (report.to().toEpochDay() - report.from().toEpochDay() + 1));
    }

    @Test
    void theDataTheSliderDrawsFromGivesEachDaysStatusWeightTrendAndMembership() throws Exception {
        String json = page.getElementById("report-data").data();
        JsonNode lanes = new ObjectMapper().readTree(json).get("lanes");
        for (JsonNode lane : lanes) {
            String partner = lane.get("partner").asText();
            LocalDate next = report.from();
            for (JsonNode span : lane.get("spans")) {
                LocalDate from = LocalDate.parse(span.get(0).asText());
                LocalDate to = LocalDate.parse(span.get(1).asText());
                assertThat(from).as("%s's spans follow one another", partner).isEqualTo(next);
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    Partnership p = partnership(partner, d);
                    assertThat(span.get(2).asText() + " " + span.get(3).asInt() + " " + span.get(4).asText() + " " + span.get(5).asText())
                            .as("%s on %s", partner, d)
                            .isEqualTo(p.status() + " " + p.securityWeight() + " " + p.trend() + " " + p.membershipStatus());
                }
                assertThat(span.get(6).asDouble()).as("%s's temperature on %s", partner, from).isEqualTo(partnership(partner, from).temperature());
                next = to.plusDays(1);
            }
        }
    }

    @Test
    void everyTrendStripGivesThePartnershipsTrendOnEveryDay() {
        for (Element figure : page.select("figure.temperature")) {
            String partner = figure.attr("data-partner");
            for (Element run : figure.select("rect.trend")) {
                LocalDate to = LocalDate.parse(run.attr("data-to"));
                for (LocalDate d = LocalDate.parse(run.attr("data-from")); !d.isAfter(to); d = d.plusDays(1)) {
                    assertThat(partnership(partner, d).trend().name()).as("%s on %s", partner, d).isEqualTo(run.attr("data-trend"));
                }
            }
        }
    }

    @Test
    void theUnitedStatesWindDownFromTheSixteenthOfMarchAndEndOnTheFifthOfAugust() {
        Elements usa = page.select("#lanes-chart g.lane[data-partner=USA] rect.segment");
        assertThat(usa).extracting(s -> s.attr("data-status") + " " + s.attr("data-from") + " " + s.attr("data-to"))
                .containsSubsequence("WINDING_DOWN 2024-03-16 2024-08-04", "ENDED 2024-08-05 2025-12-31");
        assertThat(usa.last().attr("data-status")).isEqualTo("ENDED");
        Elements markers = page.select("#lanes-chart g.lane[data-partner=USA] g.marker");
        assertThat(markers).extracting(m -> m.attr("data-fact")).contains("usa-denounce", "usa-schedule", "usa-complete");
        assertThat(markers.select("[data-fact=usa-denounce]").attr("data-day")).isEqualTo("2024-03-16");
    }

    @Test
    void theBoardOnTheThirtiethOfAprilIsTheIssuesAndItsFactsHaveTheirSources() {
        assertThat(page.select("#board-table tbody tr")).extracting(r -> r.attr("data-partner") + " " + r.attr("data-status"))
                .containsExactly("USA WINDING_DOWN", "FRA ENDED", "CHN STRENGTHENING", "RUS STRENGTHENING", "TUR STRENGTHENING");
        assertThat(page.getElementById("diversification").attr("data-value")).isEqualTo("0.72");
        assertThat(page.getElementById("diversification").text()).isEqualTo("0.72");
        assertThat(page.getElementById("security-partners").text()).isEqualTo("TUR 2, CHN 1, RUS 1, USA 1");
        Element schedule = page.getElementById("fact-usa-schedule");
        assertThat(schedule.select("li.source")).isNotEmpty();
        assertThat(schedule.text()).contains("2024-04-19", "schedule withdrawal", "USA \u2192 NER");
        for (Element marker : page.select("g.marker")) {
            assertThat(page.getElementById("fact-" + marker.attr("data-fact"))).as(marker.attr("data-fact")).isNotNull();
            assertThat(marker.selectFirst("title").text()).contains("; sources: ");
        }
        for (Element e : page.select("[href]")) {
            assertThat(e.attr("href")).as("a reference leaving the page").matches("#.*|https?://.*");
        }
        assertThat(page.select("[src]")).isEmpty();
    }

    @Test
    void theDefaultNigerReportIsSmall() {
        Report defaults = Report.builder(entente, NER).origin("the bundled seed niger-2024").build();
        int bytes = defaults.toHtml().getBytes(StandardCharsets.UTF_8).length;
        int whole = html.getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("Niger report: %,d bytes from %s to %s (defaults); %,d bytes from 1977 to 2025%n",
                bytes, defaults.from(), defaults.to(), whole);
        assertThat(bytes).isLessThan(300_000);
        assertThat(whole).isLessThan(400_000);
        assertThat(defaults.partners()).extracting(Actor::code).containsExactlyInAnyOrder("USA", "FRA", "CHN", "RUS", "TUR");
    }
}
