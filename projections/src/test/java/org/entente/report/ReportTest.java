package org.entente.report;

import org.entente.internal.Runs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.entente.Entente;
import org.entente.NigerStoryAccess;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.Source;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactCommand;
import org.entente.partnership.Status;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report's page, checked without a browser: stored text appears only escaped, nothing in the
 * page refers outside it but the timeline's web links, the range's defaults, the knowledge filters,
 * and the builder's refusals. {@code NigerReportTest} (module seeds) walks every day of the Niger seed.
 */
class ReportTest {

    static final Country NER = Country.of("NER");
    static final Country USA = Country.of("USA");
    static final Country TUR = Country.of("TUR");
    static final Clock DECEMBER_2024 = Clock.fixed(Instant.parse("2024-12-31T12:00:00Z"), ZoneOffset.UTC);

    static final String SCRIPT = "</script><script>alert(1)</script>";
    static final String IMAGE = "<img src=x onerror=alert(2)>";
    static final String COMMENT = "<!-- <script>alert(3)</script>";
    static final String QUOTES = "\" onmouseover=\"alert(4)\" x='";

    private Entente entente;

    @BeforeEach
    void open() {
        entente = Entente.inMemory();
        entente.recordAll(NigerStoryAccess.facts());
    }

    @AfterEach
    void close() {
        entente.close();
    }

    private static Source hostile(String address) {
        return Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher(SCRIPT).withTitle(IMAGE + QUOTES)
                .withAddress(address).withPublished(LocalDate.of(2024, 5, 2)).withNote(COMMENT + "\n" + SCRIPT);
    }

    private void recordHostileFacts() {
        entente.record(Fact.id("tur-hostile-talks").on(2024, 5, 2).by(TUR).towards(NER).source(hostile("javascript:alert(5)"))
                .holdTalks().subject(SCRIPT + IMAGE));
        entente.record(Fact.id("tur-hostile-sign").on(2024, 5, 3).by(TUR).towards(NER).source(hostile("//evil.example/x.js"))
                .source(hostile("https://news.example/a?b=1&c=2"))
                .source(hostile("https://x.example/\"><script>alert(7)</script>")).source(hostile("data:text/html,<script>alert(6)</script>"))
                .signAgreement(AgreementKind.DEFENCE_COOPERATION).title(COMMENT + QUOTES));
        entente.record(Fact.id("tur-hostile-attache").on(2024, 5, 4).by(TUR).towards(NER).source(hostile("https://ok.example/page"))
                .appointAttache(IMAGE).rank(SCRIPT));
        entente.retract(SCRIPT + " " + COMMENT, org.entente.core.FactId.of("tur-hostile-talks"));
    }

    private Report niger() {
        return Report.builder(entente, NER).from(LocalDate.of(2023, 1, 1)).to(LocalDate.of(2024, 12, 31))
                .asOf(LocalDate.of(2024, 4, 30)).origin("the test's story " + SCRIPT).clock(DECEMBER_2024).build();
    }

    @Test
    void hostileTextAppearsOnlyEscapedAndTheOnlyScriptsAreThePagesOwn() throws Exception {
        recordHostileFacts();
        String html = niger().toHtml();
        Document page = Jsoup.parse(html);

        Elements scripts = page.select("script");
        assertThat(scripts).hasSize(2);
        assertThat(scripts.get(0).attr("type")).isEqualTo("application/json");
        assertThat(scripts.get(0).id()).isEqualTo("report-data");
        assertThat(scripts.get(1).attributes().size()).isZero();
        assertThat(scripts.get(1).data()).isEqualTo(Page.script());
        assertThat(page.select("img, iframe, object, embed, frame, base, form, link, meta[http-equiv=refresh]")).isEmpty();
        for (Element e : page.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("an attribute of <%s>", e.tagName()).doesNotStartWith("on");
                assertThat(a.getValue().toLowerCase()).as("%s of <%s>", a.getKey(), e.tagName())
                        .doesNotContain("javascript:").doesNotContain("data:text");
            }
        }
        // The hostile text is there, as text: in the timeline, the board and the header.
        Element talks = page.getElementById("fact-tur-hostile-talks");
        assertThat(talks.text()).contains(SCRIPT + IMAGE).contains(SCRIPT).contains("javascript:alert(5)");
        assertThat(talks.attr("data-retracted")).isEqualTo("true");
        assertThat(talks.select(".note").text()).contains(COMMENT);
        assertThat(page.getElementById("fact-tur-hostile-sign").text()).contains(COMMENT + QUOTES);
        assertThat(page.getElementById("origin").text()).isEqualTo("the test's story " + SCRIPT);
        assertThat(talks.text()).contains("retracted").contains(SCRIPT + " " + COMMENT);
        // The raw page: no tag from the stored text, and nothing can end the data block early.
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img").doesNotContain("<!-- <");
        String block = html.substring(html.indexOf("<script type=\"application/json\" id=\"report-data\">"));
        block = block.substring(block.indexOf('>') + 1, block.indexOf("</script>"));
        assertThat(block).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        JsonNode data = new ObjectMapper().readTree(block);
        assertThat(data.get("format").asText()).isEqualTo(Report.DATA_FORMAT);
        JsonNode fact = null;
        for (JsonNode f : data.get("facts")) {
            if (f.get("id").asText().equals("tur-hostile-sign")) {
                fact = f;
            }
        }
        assertThat(fact).isNotNull();
        assertThat(fact.get("details").asText()).contains(COMMENT + QUOTES);
        assertThat(fact.get("sources").get(0).asText()).startsWith(SCRIPT + ", \u201c" + IMAGE + QUOTES + "\u201d, published 2024-05-02");
    }

    @Test
    void onlyTheTimelinesWebAddressesAreLinksAndNothingElseLeavesThePage() {
        recordHostileFacts();
        Document page = Jsoup.parse(niger().toHtml());
        assertThat(page.select("[src]")).isEmpty();
        List<String> outside = new ArrayList<>();
        for (Element e : page.select("[href], [xlink:href]")) {
            String href = e.hasAttr("href") ? e.attr("href") : e.attr("xlink:href");
            if (href.startsWith("#")) {
                continue;
            }
            outside.add(href);
            assertThat(href).matches("https?://[^/].*");
            assertThat(e.tagName()).isEqualTo("a");
            assertThat(e.attr("rel")).isEqualTo("noopener noreferrer");
            assertThat(e.closest("#timeline-table")).as("a link outside the timeline: %s", href).isNotNull();
        }
        assertThat(outside).containsExactlyInAnyOrder("https://news.example/a?b=1&c=2", "https://ok.example/page");
        Element sign = page.getElementById("fact-tur-hostile-sign");
        assertThat(sign.select("span.address")).extracting(Element::text).containsExactly("//evil.example/x.js",
                "https://x.example/\"><script>alert(7)</script>", "data:text/html,<script>alert(6)</script>");
        assertThat(page.getElementById("fact-tur-hostile-talks").select("span.address")).extracting(Element::text)
                .containsExactly("javascript:alert(5)");
        // Styles refer to nothing outside the page either: only the patterns of its own SVG.
        String styles = page.select("style").html() + page.select("[fill], [stroke]").eachAttr("fill");
        assertThat(styles.replace("url(#", "")).doesNotContain("url(").doesNotContain("@import");
        assertThat(page.select("[fill^=url]").eachAttr("fill")).allMatch(f -> f.matches("url\\(#p-[A-Z_]+\\)"));
    }

    @Test
    void thePolicyOfThePageForbidsEveryRequestAndNamesItsOwnScriptAndStyle() {
        Document page = Jsoup.parse(niger().toHtml());
        String policy = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(policy).startsWith("default-src 'none';")
                .contains("script-src " + Html.sha256Source(page.select("script").get(1).data()) + ";")
                .contains("style-src " + Html.sha256Source(page.selectFirst("style").data()) + ";")
                .contains("connect-src 'none'").doesNotContain("unsafe");
    }

    @Test
    void theLanesSegmentsAreThePartnershipsOfEveryDayAndTheBoardIsPortfolios() {
        Report report = niger();
        Document page = Jsoup.parse(report.toHtml());
        LocalDate from = report.from();
        for (Element lane : page.select("#lanes-chart g.lane")) {
            Dyad dyad = Dyad.of(NER, Country.of(lane.attr("data-partner")));
            LocalDate expected = from;
            for (Element segment : lane.select("rect.segment")) {
                LocalDate start = LocalDate.parse(segment.attr("data-from"));
                LocalDate end = LocalDate.parse(segment.attr("data-to"));
                assertThat(start).as("%s: segments follow one another", dyad).isEqualTo(expected);
                for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
                    assertThat(entente.partnership(dyad, When.asOf(d)).status().name()).as("%s on %s", dyad, d)
                            .isEqualTo(segment.attr("data-status"));
                }
                expected = end.plusDays(1);
            }
            assertThat(expected).as("%s: the segments cover the range", dyad).isEqualTo(report.to().plusDays(1));
        }
        Elements rows = page.select("#board-table tbody tr");
        assertThat(rows).extracting(r -> r.attr("data-partner") + " " + r.attr("data-status") + " " + r.attr("data-weight"))
                .containsExactly("USA WINDING_DOWN 1", "FRA ENDED 0", "CHN STRENGTHENING 1", "RUS STRENGTHENING 1", "TUR STRENGTHENING 2");
        assertThat(page.getElementById("diversification").attr("data-value")).isEqualTo("0.72");
        assertThat(page.getElementById("effective-partners").text()).isEqualTo("3.57");
        assertThat(page.select("#network line.edge")).extracting(e -> e.attr("data-partner") + " " + e.attr("data-status"))
                .containsExactlyInAnyOrder("USA WINDING_DOWN", "FRA ENDED", "CHN STRENGTHENING", "RUS STRENGTHENING", "TUR STRENGTHENING");
        assertThat(page.selectFirst("#network g.node.centre").attr("data-actor")).isEqualTo("NER");
    }

    @Test
    void theBoardsTemperatureIsThePartnershipsWithinOneHundredth() {
        Report report = niger();
        ReportData data = ReportData.read(entente, new ReportData.Settings(NER, java.util.Optional.empty(),
                java.util.Optional.of(report.from()), java.util.Optional.of(report.to()), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), "test", LocalDate.of(2024, 12, 31)));
        for (LocalDate d = report.from(); !d.isAfter(report.to()); d = d.plusDays(7)) {
            for (Board.Row row : Board.rows(data, d)) {
                double expected = entente.partnership(row.lane().dyad(), When.asOf(d)).temperature();
                assertThat(row.temperature()).as("%s on %s", row.lane().partner(), d).isCloseTo(expected,
                        org.assertj.core.api.Assertions.within(0.005));
            }
        }
    }

    @Test
    void theRangeEndsOnTheBoardsDayOrTodayAndStartsFiveYearsEarlierOrOnTheFirstFact() {
        Report today = Report.builder(entente, NER).clock(DECEMBER_2024).build();
        assertThat(today.to()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(today.asOf()).isEqualTo(today.to());
        assertThat(today.from()).isEqualTo(LocalDate.of(2019, 12, 31));
        Report april = Report.builder(entente, NER).asOf(LocalDate.of(2024, 4, 30)).clock(DECEMBER_2024).build();
        assertThat(april.to()).isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(april.from()).isEqualTo(LocalDate.of(2019, 4, 30));
        // Turkey's first fact is younger than five years: the range starts with it.
        Report turkey = Report.builder(entente, Dyad.of(NER, TUR)).clock(DECEMBER_2024).build();
        assertThat(turkey.from()).isEqualTo(LocalDate.of(2024, 4, 26));
        assertThat(turkey.partners()).containsExactly(TUR);
        Document page = Jsoup.parse(turkey.toHtml());
        assertThat(page.getElementById("report-header").attr("data-subject")).isEqualTo("NER-TUR");
        assertThat(page.getElementById("range").text()).contains("(the range starts with it)");
        assertThat(page.getElementById("diversification").attr("data-value")).isEmpty();
        assertThat(ReportData.defaultFrom(LocalDate.of(1601, 6, 1), java.util.Optional.empty())).isEqualTo(LocalDate.of(1600, 1, 1));
    }

    @Test
    void everyReadIsAsKnownAtTheInstantAndFromWhatWasPublishedByTheDay() {
        Instant before = tick();
        FactCommand late = Fact.id("tur-late-pledge").on(2024, 9, 1).by(TUR).towards(NER)
                .source(Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublished(LocalDate.of(2024, 9, 2)))
                .pledgeCooperation(org.entente.core.relationship.CooperationDomain.MILITARY).command();
        entente.record(late);
        LocalDate day = LocalDate.of(2025, 2, 1);
        Document now = Jsoup.parse(Report.builder(entente, NER).asOf(day).build().toHtml());
        Document then = Jsoup.parse(Report.builder(entente, NER).asOf(day).knownAt(before).build().toHtml());
        Document published = Jsoup.parse(Report.builder(entente, NER).asOf(day).publishedBy(LocalDate.of(2024, 9, 1)).build().toHtml());
        assertThat(now.getElementById("fact-tur-late-pledge")).isNotNull();
        assertThat(then.getElementById("fact-tur-late-pledge")).isNull();
        assertThat(published.getElementById("fact-tur-late-pledge")).isNull();
        assertThat(then.getElementById("report-header").attr("data-known-at")).isEqualTo(before.toString());
        assertThat(published.getElementById("report-header").attr("data-published-by")).isEqualTo("2024-09-01");
        assertThat(status(now, "TUR", day)).isEqualTo(entente.partnership(Dyad.of(NER, TUR), When.asOf(day)).status().name())
                .isEqualTo("STRENGTHENING");
        assertThat(status(then, "TUR", day)).isEqualTo(entente.partnership(Dyad.of(NER, TUR), When.asOf(day).knownAt(before)).status().name())
                .isEqualTo("ACTIVE");
        When press = When.asOf(day).publishedBy(LocalDate.of(2024, 9, 1));
        for (Element lane : published.select("#lanes-chart g.lane")) {
            Dyad dyad = Dyad.of(NER, Country.of(lane.attr("data-partner")));
            assertThat(status(published, lane.attr("data-partner"), day)).as(dyad.id())
                    .isEqualTo(entente.partnership(dyad, press).status().name());
        }
    }

    @Test
    void anOrganisationsReportFollowsEachMembershipToTheDayAWithdrawalTakesEffect() throws Exception {
        org.entente.core.Organisation ecowas = org.entente.core.Organisation.of("ECOWAS");
        entente.record(Fact.id("ner-joins").on(1975, 5, 28).by(NER).towards(ecowas).background().join());
        entente.record(Fact.id("ner-suspended").on(2023, 7, 30).by(ecowas).towards(NER).background().suspendMembership());
        entente.record(Fact.id("ner-announces").on(2024, 1, 28).by(NER).towards(ecowas).background()
                .announceWithdrawal(LocalDate.of(2025, 1, 29)));
        Report report = Report.builder(entente, ecowas).from(LocalDate.of(2023, 1, 1)).to(LocalDate.of(2025, 6, 30))
                .asOf(LocalDate.of(2024, 8, 1)).build();
        assertThat(report.partners()).containsExactly(NER);
        Document page = Jsoup.parse(report.toHtml());
        assertThat(page.selectFirst("#board-table tbody tr[data-partner=NER] .membership").text()).isEqualTo("membership: WITHDRAWING");
        assertThat(page.selectFirst("#network g.node.centre").attr("data-actor")).isEqualTo("ORG:ECOWAS");
        JsonNode spans = new ObjectMapper().readTree(page.getElementById("report-data").data()).get("lanes").get(0).get("spans");
        Dyad dyad = Dyad.of(NER, ecowas);
        List<String> changes = new ArrayList<>();
        for (JsonNode span : spans) {
            LocalDate to = LocalDate.parse(span.get(1).asText());
            for (LocalDate d = LocalDate.parse(span.get(0).asText()); !d.isAfter(to); d = d.plusDays(1)) {
                assertThat(span.get(5).asText()).as("membership on %s", d)
                        .isEqualTo(entente.partnership(dyad, When.asOf(d)).membershipStatus().name());
            }
            if (changes.isEmpty() || !changes.get(changes.size() - 1).endsWith(span.get(5).asText())) {
                changes.add(span.get(0).asText() + " " + span.get(5).asText());
            }
        }
        // The withdrawal takes effect on a day no fact happened: found all the same, on its day.
        assertThat(changes).containsExactly("2023-01-01 MEMBER", "2023-07-30 SUSPENDED", "2024-01-28 WITHDRAWING", "2025-01-29 FORMER");
    }

    /** The status a lane's segment gives for a day. */
    private static String status(Document page, String partner, LocalDate day) {
        for (Element s : page.select("#lanes-chart g.lane[data-partner=" + partner + "] rect.segment")) {
            if (!day.isBefore(LocalDate.parse(s.attr("data-from"))) && !day.isAfter(LocalDate.parse(s.attr("data-to")))) {
                return s.attr("data-status");
            }
        }
        throw new AssertionError("no segment of " + partner + " holds " + day);
    }

    /** An instant after every write so far and before every later one (see TimeTravelTest). */
    private static Instant tick() {
        Instant now = Instant.now();
        while (!Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(now)) {
            Thread.onSpinWait();
        }
        return now;
    }

    @Test
    void runsFindEveryOneWayChangeOnItsDayAsAskingEveryDayWould() {
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        TreeSet<LocalDate> breaks = new TreeSet<>(List.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 7, 15)));
        // Between breaks, two one-way changes each: the shape the statuses, weights and trends have.
        java.util.function.Function<LocalDate, List<Integer>> at = d -> List.of(
                d.isBefore(LocalDate.of(2024, 2, 10)) ? 1 : d.isBefore(LocalDate.of(2024, 3, 1)) ? 0 : d.isBefore(LocalDate.of(2024, 7, 15)) ? 2 : 3,
                d.isBefore(LocalDate.of(2024, 5, 5)) ? 7 : d.isBefore(LocalDate.of(2024, 7, 15)) ? 8 : d.isAfter(LocalDate.of(2024, 12, 30)) ? 5 : 9);
        int[] asked = {0};
        List<Runs.Run<List<Integer>>> runs = Runs.of(from, to, breaks, d -> {
            asked[0]++;
            return at.apply(d);
        }, v -> v);
        List<String> expected = new ArrayList<>();
        List<Integer> last = null;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!at.apply(d).equals(last)) {
                expected.add(d + " " + at.apply(d));
                last = at.apply(d);
            }
        }
        assertThat(runs).extracting(r -> r.from() + " " + r.first()).containsExactlyElementsOf(expected);
        assertThat(runs.get(runs.size() - 1).to()).isEqualTo(to);
        assertThat(asked[0]).as("days asked about").isLessThan(60);
    }

    @Test
    void theBuilderRefusesARangeOutOfOrderABoardDayOutsideItAndNamesEveryNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> Report.builder(entente, NER).from(LocalDate.of(2024, 5, 1))
                .to(LocalDate.of(2024, 4, 1)).build())
                .withMessage("the report's first day 2024-05-01 is after its last day 2024-04-01; give a first day on or before the last");
        assertThatIllegalArgumentException().isThrownBy(() -> Report.builder(entente, NER).from(LocalDate.of(2024, 1, 1))
                .to(LocalDate.of(2024, 4, 1)).asOf(LocalDate.of(2024, 4, 30)).build())
                .withMessageStartingWith("the board's day 2024-04-30 is outside the report's range 2024-01-01 to 2024-04-01");
        assertThatIllegalArgumentException().isThrownBy(() -> Report.builder(entente, NER).from(LocalDate.of(1500, 1, 1)))
                .withMessageStartingWith("from 1500-01-01 is outside the accepted range 1600-01-01 to 2199-12-31");
        assertThatIllegalArgumentException().isThrownBy(() -> Report.builder(entente, NER).origin(" "))
                .withMessageStartingWith("origin must be 1 to 2000 characters and not blank");
        assertThatNullPointerException().isThrownBy(() -> Report.builder(null, NER)).withMessageStartingWith("entente is null; give ");
        assertThatNullPointerException().isThrownBy(() -> Report.builder(entente, (Dyad) null)).withMessageStartingWith("subject is null; give ");
        assertThatNullPointerException().isThrownBy(() -> Report.builder(entente, NER).to(null)).withMessageStartingWith("to is null; give ");
        assertThatNullPointerException().isThrownBy(() -> Report.builder(entente, NER).knownAt(null)).withMessageStartingWith("knownAt is null; give ");
        assertThatNullPointerException().isThrownBy(() -> Report.builder(entente, NER).clock(null)).withMessageStartingWith("clock is null; give ");
        assertThatNullPointerException().isThrownBy(() -> niger().writeTo(null)).withMessageStartingWith("out is null; give ");
    }

    @Test
    void dataForTheScriptCannotEndItsElementAndStoredControlsAreShownNotObeyed() throws Exception {
        String json = "{\"a\":\"</script><!-- & \u2028\u2029 >\"}";
        String safe = Html.json(json);
        assertThat(safe).isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 \\u003e\"}");
        assertThat(new ObjectMapper().readTree(safe).get("a").asText()).isEqualTo("</script><!-- & \u2028\u2029 >");
        // Old stores may hold text the API now refuses: it is shown as \\uXXXX, never as the character.
        assertThat(ReportText.visible("a\u001b[2J\u202Eb\nc\ud800", false)).isEqualTo("a\\u001B[2J\\u202Eb\\u000Ac\\uD800");
        assertThat(ReportText.visible("a\nb \ud83d\ude00", true)).isEqualTo("a\nb \ud83d\ude00");
        assertThat(Html.text("<a href='x'>&\"</a>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
        assertThat(Html.link("HTTPS://example.org/x")).contains("HTTPS://example.org/x");
        assertThat(List.of("javascript:alert(1)", "//example.org/x", "http:/x", "ftp://example.org/x", "https://exa mple.org",
                "file:///etc/passwd", "mailto:a@example.org", " https://example.org/")).allMatch(a -> Html.link(a).isEmpty());
    }

    @Test
    void writingToAWriterGivesThePageThatToHtmlGivesAndTheReportOutlivesItsEntente() throws Exception {
        Report report;
        try (Entente other = Entente.inMemory()) {
            other.recordAll(NigerStoryAccess.facts());
            report = Report.builder(other, NER).from(LocalDate.of(2023, 1, 1)).to(LocalDate.of(2024, 12, 31)).clock(DECEMBER_2024).build();
        }
        StringWriter out = new StringWriter();
        report.writeTo(out);
        assertThat(out.toString()).isEqualTo(report.toHtml()).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(report).hasToString("report of NER from 2023-01-01 to 2024-12-31: 5 partners, " + report.facts() + " facts");
        assertThat(Status.values()).allMatch(s -> Jsoup.parse(out.toString()).getElementById("p-" + s.name()) != null);
    }
}
