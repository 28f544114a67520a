package org.entente.eventdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.entente.Entente;
import org.entente.core.Country;
import org.entente.core.HappenedOn;
import org.entente.core.Organisation;
import org.entente.core.Source;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.FactEvent.InteractionRecorded;
import org.entente.core.relationship.FactHeader;
import org.entente.core.relationship.MissionLevel;
import org.entente.seeds.Seeds;
import org.junit.jupiter.api.Test;

class ExportTest {

    @Test
    void importedInteractionsSurviveAPloverRoundTripIntoAnEmptyStore() throws IOException {
        StringWriter plover = new StringWriter();
        List<FactEvent> original;
        try (Entente entente = Entente.inMemory()) {
            Importer.icews().importFile(entente, Samples.path(Samples.ICEWS), ImportProgress.NONE);
            original = Exporter.facts(entente);
            assertThat(Exporter.plover(original, plover).rows()).isEqualTo(1840);
        }

        try (Entente empty = Entente.inMemory()) {
            ImportReport back = Importer.plover().record(empty,
                    Importer.plover().parse(new StringReader(plover.toString()), "export.jsonl", ImportProgress.NONE), ImportProgress.NONE);
            assertThat(back.imported()).isEqualTo(1840);
            assertThat(back.skips().isEmpty()).isTrue();

            Map<String, FactEvent> reimported = Exporter.facts(empty).stream()
                    .collect(Collectors.toMap(f -> f.fact().id().value().substring("plover-".length()), Function.identity()));
            assertThat(reimported).hasSize(1840);
            for (FactEvent o : original) {
                InteractionRecorded was = (InteractionRecorded) o;
                InteractionRecorded now = (InteractionRecorded) reimported.get(o.fact().id().value());
                assertThat(now).as(o.fact().id().value()).isNotNull();
                assertThat(now.fact().actor()).isEqualTo(was.fact().actor());
                assertThat(now.fact().target()).isEqualTo(was.fact().target());
                assertThat(now.fact().happened()).isEqualTo(was.fact().happened());
                assertThat(now.code()).isEqualTo(was.code());
                assertThat(now.goldstein()).isEqualTo(was.goldstein());
                assertThat(now.description()).isEqualTo(was.description());
                assertThat(now.fact().sources()).isEqualTo(was.fact().sources());
            }
        }
    }

    @Test
    void theNigerStoryExportsEveryFactWithItsCodeDirectionAndSources() throws IOException {
        try (Entente entente = Entente.inMemory()) {
            entente.recordAll(Seeds.bundled("niger-2024").commands());
            List<FactEvent> facts = Exporter.facts(entente);
            StringWriter tsv = new StringWriter();
            Exporter.cameo(facts, tsv);

            List<String> lines = tsv.toString().lines().toList();
            assertThat(lines.get(0)).isEqualTo(String.join("\t", Exporter.CAMEO_COLUMNS));
            assertThat(lines).hasSize(facts.size() + 1);
            assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l.split("\t", -1)).hasSize(Exporter.CAMEO_COLUMNS.size()));
            Map<String, String[]> byId = lines.subList(1, lines.size()).stream().map(l -> l.split("\t", -1))
                    .collect(Collectors.toMap(c -> c[0], c -> c));
            assertThat(byId.get("usa-complete")).startsWith("usa-complete", "2024-08-05", "day", "USA", "United States", "NER", "Niger", "0874");
            assertThat(byId.get("usa-complete")[9]).isEqualTo("10");
            assertThat(byId.get("usa-denounce")).startsWith("usa-denounce", "2024-03-16", "day", "NER", "Niger", "USA", "United States", "1622");
            assertThat(byId.get("usa-denounce")[9]).isEqualTo("-5.6");
            assertThat(byId.get("usa-schedule")[7]).isEqualTo("087");
            assertThat(byId.get("chn-talks")[7]).isEqualTo("040");
            assertThat(byId.get("tur-pledge")[7]).isEqualTo("0312");
            assertThat(byId.get("tur-attache")[7]).isEqualTo("050");
            assertThat(byId.get("usa-sofa-2012")).startsWith("usa-sofa-2012", "2012-01-01", "year");
            assertThat(byId.get("usa-sofa-2012")[7]).isEqualTo("057");
            assertThat(byId.get("rus-forces")[7]).isEqualTo("062");
            assertThat(byId.get("ner-recall-2023-usa")[7]).isEqualTo("161");
        }
    }

    @Test
    void theNigerStoryComesBackFromPloverAsInteractionsWithTheSameCodesDatesAndSources() throws IOException {
        StringWriter plover = new StringWriter();
        List<FactEvent> story;
        try (Entente entente = Entente.inMemory()) {
            entente.recordAll(Seeds.bundled("niger-2024").commands());
            story = Exporter.facts(entente);
            Exporter.plover(story, plover);
        }
        try (Entente empty = Entente.inMemory()) {
            ParseResult parsed = Importer.plover().parse(new StringReader(plover.toString()), "story.jsonl", ImportProgress.NONE);
            Importer.plover().record(empty, parsed, ImportProgress.NONE);
            Map<String, FactEvent> back = Exporter.facts(empty).stream()
                    .collect(Collectors.toMap(f -> f.fact().id().value(), Function.identity()));

            assertThat(back).hasSize(story.size());
            for (FactEvent f : story) {
                InteractionRecorded i = (InteractionRecorded) back.get("plover-" + f.fact().id().value());
                assertThat(i.code()).as(f.fact().id().value()).isEqualTo(CameoMapping.of(f));
                assertThat(i.fact().actor()).isEqualTo(f.fact().actor());
                assertThat(i.fact().happened()).isEqualTo(f.fact().happened());
                assertThat(i.fact().sources()).isEqualTo(f.fact().sources());
            }
        }
    }

    @Test
    void ploverLinesCarryPloverFieldsAndEntenteExtras() {
        FactEvent complete = new FactCommand.CompleteWithdrawal(FactHeader.of("usa-complete", HappenedOn.day(2024, 8, 5),
                Country.of("USA"), Country.of("NER"), Source.background()), List.of()).toEvent();

        assertThat(Exporter.ploverLine(complete)).isEqualTo("{\"id\":\"usa-complete\",\"date\":\"2024-08-05\",\"date_precision\":\"day\","
                + "\"actor\":\"USA\",\"recipient\":\"NER\",\"event\":\"RETREAT\",\"mode\":\"withdraw\",\"cameo\":\"0874\","
                + "\"goldstein\":10.0,\"quad_class\":2,\"entente_kind\":\"complete-withdrawal\",\"description\":\"complete withdrawal\","
                + "\"sources\":[{\"kind\":\"background\",\"confidence\":\"reported\"}]}");
    }

    /**
     * Accreditations shaped to reproduce the Correlates of War Diplomatic Exchange rows of the USA with
     * Niger and Nigeria (not researched history: the sample's levels, not real dates of appointment).
     */
    private static List<FactCommand> cowFixture() {
        Source fixture = Source.hypothetical().withNote("test fixture shaped to reproduce COW Diplomatic Exchange v2006.1 rows");
        Country usa = Country.of("USA");
        Country ner = Country.of("NER");
        Country nga = Country.of("NGA");
        return List.of(
                new FactCommand.AccreditAmbassador(FactHeader.of("usa-ambassador-ner", HappenedOn.year(1966), usa, ner, fixture),
                        MissionLevel.AMBASSADOR, Optional.empty()),
                new FactCommand.AccreditAmbassador(FactHeader.of("ner-ambassador-usa", HappenedOn.year(1966), ner, usa, fixture),
                        MissionLevel.AMBASSADOR, Optional.empty()),
                new FactCommand.AccreditAmbassador(FactHeader.of("ner-charge-usa", HappenedOn.year(2003), ner, usa, fixture),
                        MissionLevel.CHARGE_D_AFFAIRES, Optional.empty()),
                new FactCommand.AccreditAmbassador(FactHeader.of("usa-ambassador-nga", HappenedOn.year(1961), usa, nga, fixture),
                        MissionLevel.AMBASSADOR, Optional.empty()),
                new FactCommand.AccreditAmbassador(FactHeader.of("nga-ambassador-usa", HappenedOn.year(1961), nga, usa, fixture),
                        MissionLevel.AMBASSADOR, Optional.empty()));
    }

    @Test
    void correlatesOfWarRowsMatchTheDiplomaticExchangeSample() {
        StringWriter out = new StringWriter();
        try (Entente entente = Entente.inMemory()) {
            entente.recordAll(cowFixture());
            ExportReport report = Exporter.cow(entente, CowOptions.years(1960, 2005).every(5), out);
            assertThat(report.rows()).isEqualTo(2 * 10);
            assertThat(report.notes()).isEmpty();
        }
        List<String> exported = out.toString().lines().toList();
        assertThat(exported.get(0)).isEqualTo("ccode1,ccode2,year,DR_at_1,DR_at_2,DE");

        List<String> expected = new ArrayList<>();
        for (String line : Samples.lines(Samples.COW).subList(1, Samples.lines(Samples.COW).size())) {
            String[] c = line.split(",");
            // 1965 is 9 ("other") in COW, a level Entente does not record; every other year of the sample is compared.
            if (!c[2].equals("1965")) {
                expected.add(String.join(",", c[0], c[1], c[2], c[3], c[4], c[5]));
            }
        }
        assertThat(expected).hasSize(11).contains("2,436,2005,1,3,1", "2,436,1960,0,0,0", "2,475,2005,3,3,1");
        assertThat(exported).containsAll(expected);
        assertThat(exported).contains("2,436,1965,0,0,0");
    }

    /** Hypothetical facts with organisations (not researched history): talks of ECOWAS with Niger, and of the EU with the AU. */
    private static List<FactCommand> organisationFixture() {
        Source fixture = Source.hypothetical().withNote("test fixture: facts with organisations, not researched history");
        return List.of(
                new FactCommand.HoldTalks(FactHeader.of("ecowas-ner-talks", HappenedOn.day(2024, 1, 10), Organisation.of("ECOWAS"),
                        Country.of("NER"), fixture), Optional.empty()),
                new FactCommand.HoldTalks(FactHeader.of("eu-au-talks", HappenedOn.day(2024, 1, 11), Organisation.of("EU"),
                        Organisation.of("AU"), fixture), Optional.empty()));
    }

    @Test
    void factsWithOrganisationsExportWithTheirCodesInPloverAndCameoAndComeBackFromPlover() throws IOException {
        StringWriter plover = new StringWriter();
        StringWriter tsv = new StringWriter();
        List<FactEvent> facts;
        try (Entente entente = Entente.inMemory()) {
            entente.recordAll(organisationFixture());
            facts = Exporter.facts(entente);
            assertThat(facts).extracting(f -> f.fact().id().value()).as("an organisation-organisation dyad is exported too")
                    .containsExactly("ecowas-ner-talks", "eu-au-talks");
            Exporter.plover(facts, plover);
            Exporter.cameo(facts, tsv);
        }

        assertThat(plover.toString().lines()).containsExactly(
                "{\"id\":\"ecowas-ner-talks\",\"date\":\"2024-01-10\",\"date_precision\":\"day\",\"actor\":\"IGO\",\"recipient\":\"NER\","
                        + "\"event\":\"CONSULT\",\"cameo\":\"040\",\"goldstein\":1.0,\"quad_class\":1,\"entente_kind\":\"hold-talks\","
                        + "\"entente_actor\":\"ORG:ECOWAS\",\"description\":\"hold talks\",\"sources\":[{\"kind\":\"hypothetical\","
                        + "\"confidence\":\"reported\",\"note\":\"test fixture: facts with organisations, not researched history\"}]}",
                "{\"id\":\"eu-au-talks\",\"date\":\"2024-01-11\",\"date_precision\":\"day\",\"actor\":\"EUR\",\"recipient\":\"IGO\","
                        + "\"event\":\"CONSULT\",\"cameo\":\"040\",\"goldstein\":1.0,\"quad_class\":1,\"entente_kind\":\"hold-talks\","
                        + "\"entente_actor\":\"ORG:EU\",\"entente_recipient\":\"ORG:AU\",\"description\":\"hold talks\",\"sources\":[{\"kind\":"
                        + "\"hypothetical\",\"confidence\":\"reported\",\"note\":\"test fixture: facts with organisations, not researched history\"}]}");
        assertThat(tsv.toString().lines().skip(1).map(l -> String.join(" ", List.of(l.split("\t", -1)).subList(0, 8))))
                .containsExactly("ecowas-ner-talks 2024-01-10 day ORG:ECOWAS Economic Community of West African States NER Niger 040",
                        "eu-au-talks 2024-01-11 day ORG:EU European Union ORG:AU African Union 040");

        try (Entente empty = Entente.inMemory()) {
            ImportReport back = Importer.plover().record(empty,
                    Importer.plover().parse(new StringReader(plover.toString()), "export.jsonl", ImportProgress.NONE), ImportProgress.NONE);
            assertThat(back.imported()).isEqualTo(2);
            assertThat(Exporter.facts(empty)).extracting(f -> f.fact().actor().code() + " → " + f.fact().target().code())
                    .containsExactly("ORG:ECOWAS → NER", "ORG:EU → ORG:AU");
        }
    }

    /**
     * Hypothetical facts of the five membership kinds (not researched history): Niger joins ECOWAS, is suspended and
     * reinstated, announces its withdrawal and withdraws; Mali joins the AU.
     */
    private static List<FactCommand> membershipFixture() {
        Source fixture = Source.hypothetical().withNote("test fixture: membership facts, not researched history");
        Country ner = Country.of("NER");
        Organisation ecowas = Organisation.of("ECOWAS");
        return List.of(
                new FactCommand.Join(FactHeader.of("ner-joins", HappenedOn.day(1975, 5, 28), ner, ecowas, fixture)),
                new FactCommand.SuspendMembership(FactHeader.of("ecowas-suspends", HappenedOn.day(2023, 7, 30), ecowas, ner, fixture),
                        Optional.of("decision-making bodies")),
                new FactCommand.ReinstateMembership(FactHeader.of("ecowas-reinstates", HappenedOn.day(2024, 2, 24), ecowas, ner,
                        fixture)),
                new FactCommand.AnnounceWithdrawal(FactHeader.of("ner-announces", HappenedOn.month(2024, 1), ner, ecowas, fixture),
                        LocalDate.of(2025, 1, 29)),
                new FactCommand.Withdraw(FactHeader.of("ner-withdraws", HappenedOn.day(2025, 1, 29), ner, ecowas, fixture)),
                new FactCommand.Join(FactHeader.of("mli-joins-au", HappenedOn.year(2002), Country.of("MLI"), Organisation.of("AU"),
                        fixture)));
    }

    /**
     * The importer makes interactions of every line, as it does of {@code impose-sanctions}: {@code entente_kind} is not
     * read, so a membership line comes back with its CAMEO code, actors, date, description and sources, not as a
     * membership (see {@link Importer}: structural codes stay interactions).
     */
    @Test
    void theFiveMembershipKindsExportWithTheirCodesAndComeBackFromPloverAsInteractions() throws IOException {
        StringWriter plover = new StringWriter();
        StringWriter tsv = new StringWriter();
        List<FactEvent> facts;
        try (Entente entente = Entente.inMemory()) {
            entente.recordAll(membershipFixture());
            facts = Exporter.facts(entente);
            Exporter.plover(facts, plover);
            Exporter.cameo(facts, tsv);
        }
        assertThat(facts).extracting(f -> f.kind().slug()).containsExactlyInAnyOrder("join", "suspend-membership",
                "reinstate-membership", "announce-withdrawal", "withdraw", "join");
        List<String> written = new ArrayList<>();
        for (String line : plover.toString().lines().toList()) {
            JsonNode o = Json.MAPPER.readTree(line);
            written.add(String.join(" ", o.get("id").asText(), o.get("actor").asText(), o.get("recipient").asText(),
                    o.get("event").asText(), o.path("mode").asText("-"), o.get("cameo").asText(), o.get("entente_kind").asText(),
                    o.path("entente_actor").asText("-"), o.path("entente_recipient").asText("-")));
        }
        assertThat(written).containsExactlyInAnyOrder(
                "ner-joins NER IGO SUPPORT - 054 join - ORG:ECOWAS",
                "mli-joins-au MLI IGO SUPPORT - 054 join - ORG:AU",
                "ecowas-suspends IGO NER SANCTION - 160 suspend-membership ORG:ECOWAS -",
                "ner-announces NER IGO SANCTION - 160 announce-withdrawal - ORG:ECOWAS",
                "ecowas-reinstates IGO NER SUPPORT - 054 reinstate-membership ORG:ECOWAS -",
                "ner-withdraws NER IGO SANCTION withdraw 161 withdraw - ORG:ECOWAS");
        assertThat(tsv.toString().lines().skip(1).map(l -> l.split("\t", -1)).map(c -> String.join(" ", c[0], c[3], c[5], c[7], c[11])))
                .containsExactlyInAnyOrder("ner-joins NER ORG:ECOWAS 054 join", "mli-joins-au MLI ORG:AU 054 join",
                        "ecowas-suspends ORG:ECOWAS NER 160 suspend-membership", "ner-announces NER ORG:ECOWAS 160 announce-withdrawal",
                        "ecowas-reinstates ORG:ECOWAS NER 054 reinstate-membership", "ner-withdraws NER ORG:ECOWAS 161 withdraw");

        try (Entente empty = Entente.inMemory()) {
            ImportReport back = Importer.plover().record(empty,
                    Importer.plover().parse(new StringReader(plover.toString()), "memberships.jsonl", ImportProgress.NONE),
                    ImportProgress.NONE);
            assertThat(back.skips().isEmpty()).as("%s", back.skips()).isTrue();
            assertThat(back.imported()).isEqualTo(facts.size());

            Map<String, FactEvent> reimported = Exporter.facts(empty).stream()
                    .collect(Collectors.toMap(f -> f.fact().id().value(), Function.identity()));
            assertThat(reimported).hasSize(facts.size());
            for (FactEvent was : facts) {
                String id = was.fact().id().value();
                InteractionRecorded now = (InteractionRecorded) reimported.get("plover-" + id);
                assertThat(now).as(id).isNotNull();
                assertThat(now.code()).as(id).isEqualTo(CameoMapping.of(was));
                assertThat(now.fact().actor()).as(id).isEqualTo(was.fact().actor());
                assertThat(now.fact().target()).as(id).isEqualTo(was.fact().target());
                assertThat(now.fact().happened()).as(id).isEqualTo(was.fact().happened());
                assertThat(now.description()).as(id).isEqualTo(Describe.of(was));
                assertThat(now.fact().sources()).as(id).isEqualTo(was.fact().sources());
            }
            assertThat(reimported.values()).extracting(f -> f.fact().id().value() + " " + ((InteractionRecorded) f).code().code()
                    + " " + ((InteractionRecorded) f).description()).containsExactlyInAnyOrder(
                    "plover-ner-joins 054 join",
                    "plover-ecowas-suspends 160 suspend membership: decision-making bodies",
                    "plover-ecowas-reinstates 054 reinstate membership",
                    "plover-ner-announces 160 announce withdrawal, effective 2025-01-29",
                    "plover-ner-withdraws 161 withdraw",
                    "plover-mli-joins-au 054 join");
        }
    }

    @Test
    void correlatesOfWarLeavesOutDyadsWithAnOrganisationWithANote() {
        StringWriter out = new StringWriter();
        try (Entente entente = Entente.inMemory()) {
            entente.recordAll(organisationFixture());
            ExportReport report = Exporter.cow(entente, CowOptions.years(2024, 2024), out);

            assertThat(report.rows()).isZero();
            assertThat(report.notes()).containsExactly(
                    "NER-ORG:ECOWAS left out: Correlates of War numbers states only, and ORG:ECOWAS (Economic Community of West African"
                            + " States) is an organisation",
                    "ORG:AU-ORG:EU left out: Correlates of War numbers states only, and ORG:AU (African Union) is an organisation");
        }
    }

    @Test
    void dyadsWithACountryCorrelatesOfWarDoesNotNumberAreLeftOutWithANote() {
        StringWriter out = new StringWriter();
        try (Entente entente = Entente.inMemory()) {
            entente.record(new FactCommand.HoldTalks(FactHeader.of("hk", HappenedOn.day(2020, 1, 1), Country.of("GBR"),
                    Country.of("HKG"), Source.hypothetical()), Optional.empty()));
            ExportReport report = Exporter.cow(entente, CowOptions.years(2020, 2020).on(MonthDay.of(6, 30)), out);

            assertThat(report.rows()).isZero();
            assertThat(report.notes()).containsExactly("GBR-HKG left out: Correlates of War does not number HKG (Hong Kong SAR China)");
        }
    }
}
