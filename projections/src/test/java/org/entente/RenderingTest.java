package org.entente;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.FactKind;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.RelationshipState;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.partnership.RepresentationLevel;
import org.entente.partnership.Status;
import org.entente.partnership.Trend;
import org.entente.series.Series;
import org.entente.series.SeriesQuery;
import org.entente.series.Step;
import org.entente.simulation.Scenario;
import org.entente.simulation.Simulation;
import org.entente.timeline.Changes;
import org.entente.timeline.DyadChanges;
import org.entente.timeline.Timeline;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read models' text and JSON on the Niger story: the aligned tables the command line prints, the
 * documented JSON shapes (a format version first, no field beyond the documented ones), stored text
 * escaped, and one-line {@code toString()}s.
 */
class RenderingTest {

    static final Country NER = Country.of("NER");
    static final Country USA = Country.of("USA");
    static final Country TUR = Country.of("TUR");
    static final LocalDate APRIL_30 = LocalDate.of(2024, 4, 30);
    static final ObjectMapper JSON = new ObjectMapper();

    private static Entente entente;

    @BeforeAll
    static void record() {
        entente = Entente.inMemory();
        entente.recordAll(NigerStory.facts());
        entente.record(new RelationshipCommand.RetractFacts(List.of(FactId.of("chn-talks-2023")), "the meeting was in 2024"));
    }

    @AfterAll
    static void close() {
        entente.close();
    }

    // ------------------------------------------------------------------------------------- text

    @Test
    void aPortfoliosTextIsTheBoardOfTheCommandLine() {
        String text = entente.portfolio(NER, When.asOf(APRIL_30)).toText();
        // The story in code (NigerStory) gives no size for the US forces nor a location for the Russian ones.
        assertThat(text.split("\n", -1)).containsExactly(
                "Niger (NER) on 2024-04-30: 5 partners",
                "",
                "PARTNER            STATUS         AGREEMENTS IN FORCE  FORCES PRESENT"
                        + "                                                      ENVOYS IN POST                           LAST FACT",
                "USA United States  WINDING_DOWN   -                    USA at Air Base 101, withdrawing; USA at Air Base 201, withdrawing"
                        + "  -                                        2024-04-19 usa-schedule (schedule withdrawal)",
                "FRA France         ENDED          -                    -                                                                   -"
                        + "                                        2023-12-22 fra-complete (complete withdrawal)",
                "CHN China          STRENGTHENING  -                    -                                                                   -"
                        + "                                        2024-04-23 chn-pledge (pledge cooperation)",
                "RUS Russia         STRENGTHENING  -                    RUS at NER                                                          -"
                        + "                                        2024-04-10 rus-forces (station forces)",
                "TUR Turkey         STRENGTHENING  -                    -                                                                   TUR"
                        + " defence attaché Colonel Serkan Kaya  2024-04-26 tur-pledge (pledge cooperation)",
                "",
                "Security partners (weight of 4): TUR Turkey 2, CHN China 1, RUS Russia 1, USA United States 1",
                "Concentration 0.28, diversification 0.72, effective number of partners 3.57",
                "");
    }

    @Test
    void thePortfoliosHeadingNamesTheQuerysLimitsWhenGivenTheQuery() {
        When when = When.asOf(APRIL_30).knownAt(Instant.parse("2030-01-01T00:00:00Z")).publishedBy(LocalDate.of(2024, 4, 25));
        Portfolio p = entente.portfolio(NER, when);
        assertThat(p.toText(when)).startsWith("Niger (NER) on 2024-04-30, as known at 2030-01-01T00:00:00Z,"
                + " from sources published by 2024-04-25: ");
        assertThat(p.toText()).startsWith("Niger (NER) on 2024-04-30: ");
        assertThat(p.toText(When.asOf(APRIL_30))).isEqualTo(p.toText());
    }

    @Test
    void aPortfolioWithoutSecurityPartnersSaysSo() {
        Portfolio none = Portfolio.of(NER, APRIL_30, List.of());
        assertThat(none.toText()).isEqualTo("""
                Niger (NER) on 2024-04-30: 0 partners

                PARTNER  STATUS  AGREEMENTS IN FORCE  FORCES PRESENT  ENVOYS IN POST  LAST FACT

                Security partners: none
                """);
    }

    @Test
    void aPartnershipsTextHasOneAlignedRowPerAspect() {
        String text = entente.partnership(Dyad.of(NER, USA), When.asOf(APRIL_30)).toText();
        assertThat(text).isEqualTo("""
                NER-USA on 2024-04-30: WINDING_DOWN

                relations            presumed
                representation       NER in USA: none; USA in NER: none
                agreements in force  -
                forces present       USA at Air Base 101, withdrawing; USA at Air Base 201, withdrawing
                envoys in post       -
                sanctions in force   -
                last contact         2024-03-12 usa-talks-2024-03 (hold talks)
                last fact            2024-04-19 usa-schedule (schedule withdrawal)
                temperature          %s
                security weight      1 of 4
                facts                7
                """.formatted(String.format(java.util.Locale.ROOT, "%.2f, cooling",
                entente.partnership(Dyad.of(NER, USA), When.asOf(APRIL_30)).temperature())));
    }

    @Test
    void aTimelinesTextIsTheCommandLinesTableWithRevisionsAndRetractions() {
        Timeline turkey = Timeline.of(Dyad.of(NER, TUR), entente.timeline(Dyad.of(NER, TUR), TimelineFilter.all()));
        String text = turkey.toText();
        assertThat(text).startsWith("Timeline of NER-TUR: 4 facts\n\nDAY         KIND ");
        assertThat(text.lines().skip(3).map(l -> l.substring(0, 10))).containsExactly("2024-04-26", "2024-04-26", "2024-07-17", "2024-07-17");
        assertThat(text).contains("tur-attache").endsWith("\n");
        // Every row is as wide as its columns: the FACT column starts at the same place on each row.
        List<String> rows = text.lines().skip(2).toList();
        int factColumn = rows.get(0).indexOf("FACT");
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.charAt(factColumn - 1)).isEqualTo(' '));

        Timeline china = Timeline.of(Country.of("CHN"), entente.timeline(Country.of("CHN"), TimelineFilter.all()));
        assertThat(china.toText()).contains("chn-talks-2023 (retracted)");
        assertThat(Timeline.of(NER, List.of()).toText()).isEqualTo("""
                Timeline of NER: 0 facts

                DAY  KIND  ACTOR  TARGET  FACT  SOURCES
                """);
    }

    @Test
    void changesTextListsEachDyadThatChanged() {
        LocalDate from = LocalDate.of(2024, 4, 1);
        LocalDate to = LocalDate.of(2024, 10, 1);
        Changes niger = Changes.of(NER, from, to, entente.changes(NER, from, to));
        assertThat(niger.toText()).isEqualTo("""
                Changes of NER from 2024-04-01 to 2024-10-01: 4 dyads

                CHN-NER: status NONE -> STRENGTHENING

                NER-RUS: status NONE -> STRENGTHENING
                  + forces present: rus-forces

                NER-TUR: status NONE -> STRENGTHENING
                  + envoys in post: tur-attache

                NER-USA: status WINDING_DOWN -> ENDED
                  - forces present: usa-forces-niamey, usa-forces-agadez
                """);
        DyadChanges usa = entente.changes(Dyad.of(NER, USA), from, to);
        assertThat(usa.toText()).isEqualTo("""
                NER-USA: status WINDING_DOWN -> ENDED
                  - forces present: usa-forces-niamey, usa-forces-agadez
                """);
        assertThat(Changes.of(usa).toText()).startsWith("Changes of NER-USA from 2024-04-01 to 2024-10-01: 1 dyad\n\nNER-USA:");
        Changes nothing = Changes.of(entente.changes(Dyad.of(NER, USA), from, from));
        assertThat(nothing.dyads()).isEmpty();
        assertThat(nothing.toText()).isEqualTo("Changes of NER-USA from 2024-04-01 to 2024-04-01: none\n");
    }

    @Test
    void changesFromAfterToAreRefusedWithBothDates() {
        assertThatThrownBy(() -> Changes.of(NER, LocalDate.of(2024, 10, 1), LocalDate.of(2024, 4, 1), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from 2024-10-01 is after to 2024-04-01; expected from <= to");
    }

    // ---------------------------------------------------------------------------- hostile text

    /** A partnership as a store written before control characters were refused could give. */
    private static Partnership hostile() {
        Dyad dyad = Dyad.of(NER, USA);
        return new Partnership(dyad, APRIL_30, Status.ACTIVE,
                new RelationshipState.Relations(RelationshipState.RelationsStatus.PRESUMED, Optional.empty()),
                List.of(new Partnership.Representation(NER, USA, RepresentationLevel.NONE),
                        new Partnership.Representation(USA, NER, RepresentationLevel.NONE)),
                List.of(),
                List.of(new RelationshipState.Agreement(FactId.of("t-sign"), AgreementKind.STATUS_OF_FORCES,
                        Optional.of("SOFA\u001b]0;pwned\u0007\r\nforged row \u202e\u0085"), LocalDate.of(2024, 1, 1),
                        RelationshipState.AgreementStatus.IN_FORCE, LocalDate.of(2024, 1, 1))),
                List.of(), List.of(), List.of(), Optional.empty(),
                Optional.of(new RelationshipState.FactRef(FactId.of("t-sign"), FactKind.SIGN_AGREEMENT, LocalDate.of(2024, 1, 1))),
                0.5, Trend.STEADY, 1, 1);
    }

    @Test
    void storedControlCharactersAreEscapedInTextAndStayOnTheirRow() {
        Partnership p = hostile();
        String text = p.toText();
        assertThat(text).contains("status of forces since 2024 (SOFA\\u001B]0;pwned\\u0007\\r\\nforged row \\u202E\\u0085)");
        assertThat(text.chars().filter(c -> c != '\n' && org.entente.core.text.ControlCharacters.isControl(c))).isEmpty();
        assertThat(text.lines()).hasSize(13);
        String board = Portfolio.of(NER, APRIL_30, List.of(p)).toText();
        assertThat(board.chars().filter(c -> c != '\n' && org.entente.core.text.ControlCharacters.isControl(c))).isEmpty();
        assertThat(board.lines()).hasSize(7);
    }

    @Test
    void storedControlCharactersAreEscapedInJsonAndReadBackExactly() throws Exception {
        Partnership p = hostile();
        String json = p.toJson();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            assertThat((b & 0xFF) < 0x20 && b != '\n' || b == 0x7F).as("byte 0x%02X", b & 0xFF).isFalse();
        }
        assertThat(json).contains("\\u001B]0;pwned\\u0007\\r\\nforged row \\u202E\\u0085");
        assertThat(JSON.readTree(json).path("agreements").get(0).path("title").asText())
                .isEqualTo("SOFA\u001b]0;pwned\u0007\r\nforged row \u202e\u0085");
    }

    // ------------------------------------------------------------------------------------- JSON

    static final Set<String> PORTFOLIO = Set.of("format", "country", "date", "partners", "securityPartners", "mix",
            "knownAt", "publishedBy");
    static final Set<String> PARTNERSHIP = Set.of("dyad", "date", "status", "relations", "representation", "envoys",
            "agreements", "forces", "withdrawals", "sanctions", "lastContact", "lastFact", "temperature", "trend",
            "securityWeight", "facts");
    static final Set<String> RELATIONS = Set.of("status", "since");
    static final Set<String> REPRESENTATION = Set.of("sender", "host", "level");
    static final Set<String> ENVOY = Set.of("appointment", "sender", "host", "role", "name", "rank", "since");
    static final Set<String> AGREEMENT = Set.of("signing", "kind", "title", "signed", "status", "statusSince");
    static final Set<String> FORCES = Set.of("stationing", "owner", "host", "location", "size", "bases", "invited", "since",
            "withdrawal", "basesHandedOver", "withdrawn");
    static final Set<String> WITHDRAWAL = Set.of("scheduledOn", "deadline");
    static final Set<String> SANCTIONS = Set.of("imposition", "imposer", "target", "description", "since", "lifted");
    static final Set<String> FACT_REF = Set.of("id", "kind", "day");
    static final Set<String> SECURITY_PARTNER = Set.of("partner", "weight", "share");
    static final Set<String> MIX = Set.of("concentration", "diversification", "effectiveNumberOfPartners");
    static final Set<String> TIMELINE = Set.of("format", "subject", "facts");
    static final Set<String> TIMELINE_FACT = Set.of("id", "kind", "happened", "precision", "actor", "target", "revision",
            "recordedAt", "revisedAt", "retracted", "retractedAt", "retractionReason", "sources", "details");
    static final Set<String> SOURCE = Set.of("kind", "confidence", "publisher", "title", "address", "published", "note");
    static final Set<String> CHANGES = Set.of("format", "subject", "from", "to", "dyads");
    static final List<String> DYAD_CHANGES = List.of("dyad", "from", "to", "statusBefore", "statusAfter", "agreementsGained",
            "agreementsLost", "forcesArrived", "forcesLeft", "envoysArrived", "envoysLeft", "sanctionsImposed", "sanctionsLifted");
    static final Set<String> SIMULATION = Set.of("format", "branchAt", "added", "removed", "country", "touched", "dropped",
            "comparisons");
    static final Set<String> DROPPED = Set.of("fact", "day", "kind", "rule", "causes");
    static final Set<String> COMPARISON = Set.of("country", "date", "partners", "diversificationBefore", "diversificationAfter",
            "baseline", "branch");
    static final Set<String> PARTNER_CHANGE = Set.of("partner", "statusBefore", "statusAfter", "weightBefore", "weightAfter");

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> i = node.fieldNames(); i.hasNext(); ) {
            names.add(i.next());
        }
        return names;
    }

    private static void assertFields(JsonNode node, Set<String> documented) {
        assertThat(node.isObject()).as("an object: %s", node).isTrue();
        assertThat(fields(node)).as("fields of %s", node).isSubsetOf(documented);
    }

    private static void assertPartnership(JsonNode p) {
        assertFields(p, PARTNERSHIP);
        assertFields(p.path("relations"), RELATIONS);
        p.path("representation").forEach(r -> assertFields(r, REPRESENTATION));
        p.path("envoys").forEach(e -> assertFields(e, ENVOY));
        p.path("agreements").forEach(a -> assertFields(a, AGREEMENT));
        for (String forces : List.of("forces", "withdrawals")) {
            p.path(forces).forEach(f -> {
                assertFields(f, FORCES);
                if (f.has("withdrawal")) {
                    assertFields(f.path("withdrawal"), WITHDRAWAL);
                }
            });
        }
        p.path("sanctions").forEach(s -> assertFields(s, SANCTIONS));
        for (String ref : List.of("lastContact", "lastFact")) {
            if (p.has(ref)) {
                assertFields(p.path(ref), FACT_REF);
            }
        }
    }

    private static void assertPortfolio(JsonNode p) {
        assertFields(p, PORTFOLIO);
        p.path("partners").forEach(RenderingTest::assertPartnership);
        p.path("securityPartners").forEach(s -> assertFields(s, SECURITY_PARTNER));
        if (p.has("mix")) {
            assertFields(p.path("mix"), MIX);
        }
    }

    @Test
    void aPortfoliosJsonHasItsFormatFirstAndOnlyTheDocumentedFields() throws Exception {
        Portfolio portfolio = entente.portfolio(NER, When.asOf(APRIL_30));
        JsonNode json = JSON.readTree(portfolio.toJson());
        assertThat(fields(json).get(0)).isEqualTo("format");
        assertThat(json.path("format").asText()).isEqualTo("entente-portfolio/1").isEqualTo(Portfolio.JSON_FORMAT);
        assertPortfolio(json);
        assertThat(json.findValues("empty")).isEmpty();
        assertThat(json.path("country").asText()).isEqualTo("NER");
        assertThat(json.path("date").asText()).isEqualTo("2024-04-30");
        assertThat(json.path("partners")).hasSize(5);
        JsonNode usa = json.path("partners").get(0);
        assertThat(usa.path("dyad").asText()).isEqualTo("NER-USA");
        assertThat(usa.path("status").asText()).isEqualTo("WINDING_DOWN");
        assertThat(usa.path("forces").get(0).path("withdrawal").path("scheduledOn").asText()).isEqualTo("2024-04-19");
        assertThat(usa.path("lastFact").path("kind").asText()).isEqualTo("SCHEDULE_WITHDRAWAL");
        assertThat(json.path("securityPartners").get(0).path("partner").asText()).isEqualTo("TUR");
        assertThat(json.path("mix").path("concentration").asDouble()).isEqualTo(portfolio.mix().orElseThrow().concentration());
        assertThat(json.has("knownAt")).isFalse();

        When when = When.asOf(APRIL_30).knownAt(Instant.parse("2030-01-01T00:00:00Z")).publishedBy(LocalDate.of(2024, 4, 25));
        JsonNode limited = JSON.readTree(entente.portfolio(NER, when).toJson(when));
        assertThat(limited.path("knownAt").asText()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(limited.path("publishedBy").asText()).isEqualTo("2024-04-25");
        assertPortfolio(limited);
    }

    @Test
    void everyPartnershipOfTheStoryHasOnlyTheDocumentedFields() throws Exception {
        for (String day : List.of("2013-06-01", "2023-08-10", "2023-10-01", "2024-04-30", "2024-08-01", "2024-10-01")) {
            for (Partnership p : entente.portfolio(NER, When.asOf(LocalDate.parse(day))).partners()) {
                JsonNode json = JSON.readTree(p.toJson());
                assertThat(fields(json).get(0)).isEqualTo("format");
                assertThat(json.path("format").asText()).isEqualTo(Partnership.JSON_FORMAT).isEqualTo("entente-partnership/1");
                json = ((com.fasterxml.jackson.databind.node.ObjectNode) json).without("format");
                assertPartnership(json);
                assertThat(json.path("dyad").asText()).isEqualTo(p.dyad().id());
                assertThat(json.path("facts").asInt()).isEqualTo(p.facts());
            }
        }
        JsonNode withWithdrawal = JSON.readTree(entente.partnership(Dyad.of(NER, USA), When.asOf(LocalDate.of(2024, 8, 1))).toJson());
        assertThat(withWithdrawal.path("withdrawals").get(0).path("withdrawal").path("deadline").asText()).isEqualTo("2024-09-15");
        JsonNode envoy = JSON.readTree(entente.partnership(Dyad.of(NER, TUR), When.asOf(APRIL_30)).toJson()).path("envoys").get(0);
        assertThat(envoy.path("name").asText()).isEqualTo("Serkan Kaya");
        assertThat(envoy.path("role").asText()).isEqualTo("DEFENCE_ATTACHE");
    }

    @Test
    void aTimelinesJsonHasFlatFactsWithTheirKindsOwnFieldsInDetails() throws Exception {
        Timeline china = Timeline.of(Country.of("CHN"), entente.timeline(Country.of("CHN"), TimelineFilter.all()));
        JsonNode json = JSON.readTree(china.toJson());
        assertThat(fields(json)).containsExactly("format", "subject", "facts");
        assertThat(json.path("format").asText()).isEqualTo("entente-timeline/1").isEqualTo(Timeline.JSON_FORMAT);
        assertThat(json.path("subject").asText()).isEqualTo("CHN");
        json.path("facts").forEach(f -> {
            assertFields(f, TIMELINE_FACT);
            f.path("sources").forEach(s -> assertFields(s, SOURCE));
        });
        assertThat(json.findValues("empty")).isEmpty();
        JsonNode retracted = json.path("facts").get(0);
        assertThat(retracted.path("id").asText()).isEqualTo("chn-talks-2023");
        assertThat(retracted.path("retracted").asBoolean()).isTrue();
        assertThat(retracted.path("retractionReason").asText()).isEqualTo("the meeting was in 2024");
        assertThat(retracted.path("retractedAt").asText()).isNotEmpty();
        JsonNode pledge = json.path("facts").get(2);
        assertThat(pledge.path("id").asText()).isEqualTo("chn-pledge");
        assertThat(pledge.path("kind").asText()).isEqualTo("PLEDGE_COOPERATION");
        assertThat(pledge.path("happened").asText()).isEqualTo("2024-04-23");
        assertThat(pledge.path("precision").asText()).isEqualTo("DAY");
        assertThat(pledge.path("actor").asText()).isEqualTo("CHN");
        assertThat(pledge.path("retracted").asBoolean()).isFalse();
        assertThat(pledge.has("retractedAt")).isFalse();
        assertThat(fields(pledge.path("details"))).isNotEmpty().doesNotContain("@type", "fact");
        assertThat(pledge.path("details").path("domains").toString()).contains("SECURITY");
    }

    @Test
    void changesJsonHasTheSubjectTheDatesAndOnlyTheDocumentedFields() throws Exception {
        LocalDate from = LocalDate.of(2024, 4, 1);
        LocalDate to = LocalDate.of(2024, 10, 1);
        JsonNode json = JSON.readTree(Changes.of(NER, from, to, entente.changes(NER, from, to)).toJson());
        assertThat(fields(json)).containsExactly("format", "subject", "from", "to", "dyads");
        assertThat(json.path("format").asText()).isEqualTo("entente-changes/1").isEqualTo(Changes.JSON_FORMAT);
        json.path("dyads").forEach(d -> assertThat(fields(d)).containsExactlyElementsOf(DYAD_CHANGES));
        assertThat(json.findValues("empty")).isEmpty();
        JsonNode usa = json.path("dyads").get(3);
        assertThat(usa.path("dyad").asText()).isEqualTo("NER-USA");
        assertThat(usa.path("statusAfter").asText()).isEqualTo("ENDED");
        assertThat(usa.path("forcesLeft").toString()).isEqualTo("[\"usa-forces-niamey\",\"usa-forces-agadez\"]");
    }

    @Test
    void aSimulationsJsonHasItsFormatAndOnlyTheDocumentedFields() throws Exception {
        Simulation s = entente.simulate(Scenario.branchAt(LocalDate.of(2024, 3, 15))
                .remove(FactId.of("usa-denounce"), FactId.of("usa-schedule"), FactId.of("usa-deadline")));
        JsonNode json = JSON.readTree(s.toJson(NER, List.of(LocalDate.of(2024, 10, 1))));
        assertFields(json, SIMULATION);
        assertThat(fields(json).get(0)).isEqualTo("format");
        assertThat(json.path("format").asText()).isEqualTo("entente-simulation/1").isEqualTo(Simulation.JSON_FORMAT);
        assertThat(json.path("branchAt").asText()).isEqualTo("2024-03-15");
        assertThat(json.path("added").asInt()).isZero();
        assertThat(json.path("removed").asInt()).isEqualTo(3);
        assertThat(json.path("touched").toString()).isEqualTo("[\"NER-USA\"]");
        json.path("dropped").forEach(d -> assertFields(d, DROPPED));
        assertThat(json.path("dropped").get(0).path("fact").asText()).isEqualTo("usa-complete");
        assertThat(json.path("dropped").get(0).path("kind").asText()).isEqualTo("COMPLETE_WITHDRAWAL");
        JsonNode c = json.path("comparisons").get(0);
        assertFields(c, COMPARISON);
        c.path("partners").forEach(p -> assertFields(p, PARTNER_CHANGE));
        assertThat(c.path("partners").get(0).path("statusAfter").asText()).isEqualTo("ACTIVE");
        assertPortfolio(c.path("baseline"));
        assertPortfolio(c.path("branch"));
        assertThat(c.path("baseline").has("format")).isFalse();
        assertThat(json.findValues("empty")).isEmpty();
    }

    /** Every field name in a document, at any depth, except inside a timeline fact's {@code details}. */
    private static Set<String> allFields(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                names.add(e.getKey());
                if (!e.getKey().equals("details")) {
                    names.addAll(allFields(e.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> names.addAll(allFields(n)));
        }
        return names;
    }

    private static String readmeRow(String readme, String format) {
        String row = readme.lines().filter(l -> l.startsWith("| `" + format + "` |")).findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no row for " + format));
        return row;
    }

    @Test
    void theReadmesRenderingSectionNamesEveryFieldEachFormatWrites() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        String partnershipRow = readmeRow(readme, Partnership.JSON_FORMAT);
        When when = When.asOf(LocalDate.of(2024, 8, 1)).knownAt(Instant.parse("2030-01-01T00:00:00Z")).publishedBy(LocalDate.of(2030, 1, 1));
        Simulation s = entente.simulate(Scenario.branchAt(LocalDate.of(2024, 3, 15))
                .remove(FactId.of("usa-denounce"), FactId.of("usa-schedule"), FactId.of("usa-deadline")));
        java.util.Map<String, String> documents = java.util.Map.of(
                Portfolio.JSON_FORMAT, entente.portfolio(NER, when).toJson(when),
                Partnership.JSON_FORMAT, hostile().toJson(),
                Timeline.JSON_FORMAT, Timeline.of(NER, entente.timeline(NER, TimelineFilter.all())).toJson(),
                Changes.JSON_FORMAT, Changes.of(NER, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 10, 1),
                        entente.changes(NER, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 10, 1))).toJson(),
                Simulation.JSON_FORMAT, s.toJson(NER, List.of(LocalDate.of(2024, 10, 1))),
                Series.JSON_FORMAT, entente.series(SeriesQuery.of(NER, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 1), Step.MONTH)
                        .partner(USA).knownAt(Instant.parse("2030-01-01T00:00:00Z")).publishedBy(LocalDate.of(2030, 1, 1))).toJson());
        documents.forEach((format, json) -> {
            // Portfolios and partnerships nest in other documents, as their rows say.
            String rows = readmeRow(readme, format) + partnershipRow + readmeRow(readme, Portfolio.JSON_FORMAT);
            try {
                assertThat(allFields(JSON.readTree(json))).as(format).allSatisfy(field -> assertThat(rows).contains("`" + field + "`"));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    // ---------------------------------------------------------------------------------- toString

    @Test
    void readModelsPrintAsOneShortLineWithoutOptionals() {
        Partnership usa = entente.partnership(Dyad.of(NER, USA), When.asOf(APRIL_30));
        assertThat(usa.toString()).isEqualTo("NER-USA on 2024-04-30: WINDING_DOWN, security weight 1, 7 facts,"
                + " last fact 2024-04-19 usa-schedule");
        assertThat(entente.portfolio(NER, When.asOf(APRIL_30)).toString())
                .isEqualTo("NER on 2024-04-30: 5 partners, 4 security partners, diversification 0.72");
        assertThat(Portfolio.of(NER, APRIL_30, List.of()).toString()).isEqualTo("NER on 2024-04-30: 0 partners, 0 security partners");
        LocalDate from = LocalDate.of(2024, 4, 1);
        LocalDate to = LocalDate.of(2024, 10, 1);
        assertThat(entente.changes(Dyad.of(NER, USA), from, to).toString()).isEqualTo("NER-USA from 2024-04-01 to 2024-10-01:"
                + " status WINDING_DOWN -> ENDED; forces left: usa-forces-niamey, usa-forces-agadez");
        assertThat(Changes.of(NER, from, to, entente.changes(NER, from, to)).toString())
                .isEqualTo("Changes of NER from 2024-04-01 to 2024-10-01: 4 dyads");
        assertThat(Timeline.of(Dyad.of(NER, TUR), entente.timeline(Dyad.of(NER, TUR), TimelineFilter.all())).toString())
                .isEqualTo("Timeline of NER-TUR: 4 facts");

        Scenario scenario = Scenario.branchAt(LocalDate.of(2024, 3, 15))
                .remove(FactId.of("usa-denounce"), FactId.of("usa-schedule"), FactId.of("usa-deadline"));
        assertThat(scenario.toString()).isEqualTo("Scenario branching at 2024-03-15 (as known now): 0 additions, 3 removals");
        Simulation s = entente.simulate(scenario);
        assertThat(s.toString()).isEqualTo("Simulation branching at 2024-03-15: 0 added, 3 removed, 1 dyad replayed, 1 real fact dropped");
        assertThat(s.compare(NER, to).toString()).isEqualTo("NER on 2024-10-01, real history -> branch: 1 partner differs"
                + " (USA ENDED -> ACTIVE weight 0 -> 2), diversification 0.63 -> 0.72");
        assertThat(s.compare(NER, LocalDate.of(2024, 3, 1)).toString())
                .isEqualTo("NER on 2024-03-01, real history -> branch: no partner differs, diversification 0.00 -> 0.00");
        assertThat(s.dropped().get(0).toString()).startsWith("usa-complete (2024-08-05, complete withdrawal) would not have happened: ");

        for (Object model : List.of(usa, entente.portfolio(NER, When.asOf(APRIL_30)), entente.changes(Dyad.of(NER, USA), from, to),
                scenario, s, s.compare(NER, to), s.dropped().get(0),
                entente.timeline(NER, TimelineFilter.all()).get(0))) {
            assertThat(model.toString()).as(model.getClass().getSimpleName()).doesNotContain("Optional", "\n").hasSizeLessThan(250);
        }
    }

    @Test
    void queriesAndProcessingStatusPrintAsOneShortLine() {
        assertThat(When.asOf(APRIL_30)).hasToString("as of 2024-04-30");
        assertThat(When.asOf(APRIL_30).knownAt(Instant.parse("2024-05-01T00:00:00Z")).publishedBy(LocalDate.of(2024, 4, 25)))
                .hasToString("as of 2024-04-30, as known at 2024-05-01T00:00:00Z, from sources published by 2024-04-25");
        assertThat(TimelineFilter.all()).hasToString("all facts");
        assertThat(TimelineFilter.all().from(LocalDate.of(2024, 4, 1)).to(APRIL_30)
                .kinds(Set.of(FactKind.SCHEDULE_WITHDRAWAL, FactKind.HOLD_TALKS)).knownAt(Instant.parse("2024-05-01T00:00:00Z"))
                .withoutRetracted())
                .hasToString("facts from 2024-04-01 to 2024-04-30, of kinds [HOLD_TALKS, SCHEDULE_WITHDRAWAL],"
                        + " as known at 2024-05-01T00:00:00Z, without retracted ones");
        assertThat(TimelineFilter.all().withoutRetracted()).hasToString("facts without retracted ones");
        assertThat(new ProcessingStatus("projections", true, 41, 42, 1, Optional.empty()))
                .hasToString("projections at 41 of 42 (1 behind), running");
        ProcessingFailure failure = new ProcessingFailure("projections", 42, "NER-USA", 3, "FactRecorded", "boom", 2,
                Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(new ProcessingStatus("projections", false, 41, 42, 1, Optional.of(failure)))
                .hasToString("projections at 41 of 42 (1 behind), paused; " + failure.describe());
    }
}
