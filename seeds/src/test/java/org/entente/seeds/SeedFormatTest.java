package org.entente.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.seeds.SeedTexts.read;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.entente.core.Actor;
import org.entente.core.CameoCode;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Organisation;
import org.entente.core.Precision;
import org.entente.core.Source;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactHeader;
import org.entente.core.relationship.FactKind;
import org.entente.core.relationship.MissionLevel;
import org.junit.jupiter.api.Test;

/** What the format accepts, and the commands it gives. */
class SeedFormatTest {

    private static final String HEADER = "format: entente-seed/1\ntitle: Test\nfacts:\n";
    private static final Country NER = Country.of("NER");
    private static final Organisation ECOWAS = Organisation.of("ECOWAS");
    private static final Source REUTERS = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher("Reuters");

    /** One fact of the kind with the given fields (flow style, one line), NER towards USA. */
    private static FactCommand only(String kind, String fields) {
        return only(kind, "NER", "USA", fields);
    }

    /** One fact of the kind with the given fields, between the given actor and target as the file writes them. */
    private static FactCommand only(String kind, String actor, String target, String fields) {
        Seed seed = read(HEADER + "  - {id: f, kind: " + kind + ", happened: 2024-04-26, actor: " + actor + ", target: " + target + ", "
                + "sources: [{kind: article, confidence: reported, publisher: Reuters}]" + (fields.isEmpty() ? "" : ", " + fields) + "}\n");
        assertThat(seed.facts()).hasSize(1);
        return seed.facts().get(0).command();
    }

    private static FactHeader header() {
        return header(Country.of("NER"), Country.of("USA"));
    }

    private static FactHeader header(Actor actor, Actor target) {
        return FactHeader.of("f", HappenedOn.day(2024, 4, 26), actor, target, REUTERS);
    }

    private static FactId id(String value) {
        return FactId.of(value);
    }

    @Test
    void everyKindOfFactIsReadIntoItsCommand() {
        FactHeader h = header();
        Set<FactKind> covered = EnumSet.noneOf(FactKind.class);
        List<FactCommand> expected = List.of(
                new FactCommand.EstablishRelations(h),
                new FactCommand.RestoreRelations(h),
                new FactCommand.DowngradeRelations(h),
                new FactCommand.SeverRelations(h),
                new FactCommand.AccreditAmbassador(h, MissionLevel.CHARGE_D_AFFAIRES, Optional.of("A. Envoy")),
                new FactCommand.AppointAttache(h, Optional.of("Serkan Kaya"), Optional.of("Colonel"), AttacheService.AIR),
                new FactCommand.RecallEnvoy(h, Optional.of(id("ner-amb")), EnvoyRole.AMBASSADOR),
                new FactCommand.ExpelEnvoy(h, Optional.empty(), EnvoyRole.DEFENCE_ATTACHE),
                new FactCommand.SignAgreement(h, AgreementKind.MILITARY_ASSISTANCE, Optional.of("Treaty")),
                new FactCommand.SuspendAgreement(h, id("sofa")),
                new FactCommand.DenounceAgreement(h, id("sofa")),
                new FactCommand.RestoreAgreement(h, id("sofa")),
                new FactCommand.StationForces(h, Optional.of("Niamey"), Optional.of(1000), List.of("Air Base 101", "Air Base 201"), false),
                new FactCommand.DemandWithdrawal(h, List.of(id("forces"))),
                new FactCommand.ScheduleWithdrawal(h, Optional.of(LocalDate.of(2024, 9, 15)), List.of(id("forces"), id("more"))),
                new FactCommand.HandOverBase(h, id("forces"), "Air Base 101"),
                new FactCommand.CompleteWithdrawal(h, List.of()),
                new FactCommand.PledgeCooperation(h, List.of(CooperationDomain.MILITARY, CooperationDomain.ECONOMIC)),
                new FactCommand.HoldTalks(h, Optional.of("defence")),
                new FactCommand.ImposeSanctions(h, "an embargo"),
                new FactCommand.LiftSanctions(h, id("embargo")),
                new FactCommand.RecordInteraction(h, CameoCode.of("042"), "a visit"),
                new FactCommand.Join(header(NER, ECOWAS)),
                new FactCommand.SuspendMembership(header(ECOWAS, NER), Optional.of("decision-making bodies")),
                new FactCommand.ReinstateMembership(header(ECOWAS, NER)),
                new FactCommand.AnnounceWithdrawal(header(NER, ECOWAS), LocalDate.of(2025, 1, 29)),
                new FactCommand.Withdraw(header(NER, ECOWAS)));
        List<FactCommand> read = List.of(
                only("establish-relations", ""),
                only("restore-relations", ""),
                only("downgrade-relations", ""),
                only("sever-relations", ""),
                only("accredit-ambassador", "level: charge-d-affaires, name: A. Envoy"),
                only("appoint-attache", "name: Serkan Kaya, rank: Colonel, service: air"),
                only("recall-envoy", "role: ambassador, appointment: ner-amb"),
                only("expel-envoy", "role: defence-attache"),
                only("sign-agreement", "agreement-kind: military-assistance, title: Treaty"),
                only("suspend-agreement", "agreement: sofa"),
                only("denounce-agreement", "agreement: sofa"),
                only("restore-agreement", "agreement: sofa"),
                only("station-forces", "location: Niamey, size: 1000, bases: [Air Base 101, Air Base 201], invited: false"),
                only("demand-withdrawal", "forces: [forces]"),
                only("schedule-withdrawal", "deadline: 2024-09-15, forces: [forces, more]"),
                only("hand-over-base", "forces: forces, base: Air Base 101"),
                only("complete-withdrawal", ""),
                only("pledge-cooperation", "domains: [military, economic]"),
                only("hold-talks", "subject: defence"),
                only("impose-sanctions", "description: an embargo"),
                only("lift-sanctions", "sanctions: embargo"),
                only("record-interaction", "cameo: \"042\", description: a visit"),
                only("join", "NER", "ECOWAS", ""),
                only("suspend-membership", "ORG:ECOWAS", "ner", "scope: decision-making bodies"),
                only("reinstate-membership", "ecowas", "NER", ""),
                only("announce-withdrawal", "NER", "ECOWAS", "effective: 2025-01-29"),
                only("withdraw", "NER", "org:ecowas", ""));

        assertThat(read).isEqualTo(expected);
        read.forEach(c -> covered.add(c.kind()));
        assertThat(covered).containsExactlyInAnyOrder(FactKind.values());
    }

    @Test
    void optionalFieldsHaveTheirDocumentedDefaults() {
        assertThat(only("accredit-ambassador", "")).isEqualTo(new FactCommand.AccreditAmbassador(header(), MissionLevel.AMBASSADOR, Optional.empty()));
        assertThat(only("appoint-attache", "")).isEqualTo(new FactCommand.AppointAttache(header(), Optional.empty(), Optional.empty(), AttacheService.DEFENCE));
        assertThat(only("station-forces", "invited: true")).isEqualTo(new FactCommand.StationForces(header(), Optional.empty(),
                Optional.empty(), List.of(), true));
        assertThat(only("schedule-withdrawal", "")).isEqualTo(new FactCommand.ScheduleWithdrawal(header(), Optional.empty(), List.of()));
        assertThat(only("hold-talks", "subject: ")).isEqualTo(new FactCommand.HoldTalks(header(), Optional.empty()));
        assertThat(only("suspend-membership", "ECOWAS", "NER", "")).isEqualTo(new FactCommand.SuspendMembership(header(ECOWAS, NER),
                Optional.empty()));
    }

    @Test
    void aSeedWithMembershipFactsAndOrganisationsAsActorsIsReadAndItsFactsKeepTheRules() {
        Seed seed = read(HEADER + """
                  - id: ner-joins-ecowas
                    kind: join
                    happened: 1975-05-28
                    actor: NER
                    target: ECOWAS
                    sources: [{kind: background, confidence: reported}]
                  - id: ecowas-suspends-ner
                    kind: suspend-membership
                    happened: 2023-07-30
                    actor: ECOWAS
                    target: NER
                    scope: decision-making bodies
                    sources: [{kind: background, confidence: reported}]
                  - id: ecowas-sanctions-ner
                    kind: impose-sanctions
                    happened: 2023-07-30
                    actor: ORG:ECOWAS
                    target: NER
                    description: border closures and a freeze of transactions
                    sources: [{kind: background, confidence: reported}]
                  - id: ner-announces-exit
                    kind: announce-withdrawal
                    happened: 2024-01-28
                    actor: NER
                    target: ECOWAS
                    effective: 2025-01-29
                    sources: [{kind: background, confidence: reported}]
                  - id: eu-talks-au
                    kind: hold-talks
                    happened: 2024-02-01
                    actor: EU
                    target: AU
                    sources: [{kind: background, confidence: reported}]
                """);

        org.entente.core.Dyad nerEcowas = org.entente.core.Dyad.of(NER, ECOWAS);
        assertThat(seed.commandsByDyad()).containsOnlyKeys(nerEcowas,
                org.entente.core.Dyad.of(Organisation.of("EU"), Organisation.of("AU")));
        org.entente.core.relationship.DyadHistory history = org.entente.core.relationship.DyadHistory.empty(nerEcowas);
        org.entente.core.relationship.Decider.decideAll(seed.commandsByDyad().get(nerEcowas), history)
                .forEach(e -> org.entente.core.relationship.Decider.evolve(history, e));
        assertThat(history.state().membershipStatus(LocalDate.of(2024, 8, 1)))
                .isEqualTo(org.entente.core.relationship.RelationshipState.MembershipStatus.WITHDRAWING);
        assertThat(history.state().sanctionsInForce()).extracting(x -> x.imposer()).containsExactly(ECOWAS);
    }

    @Test
    void happenedIsADayAMonthAYearOrADayWithItsPrecision() {
        Seed seed = read(HEADER + """
                  - {id: day, kind: hold-talks, happened: 2024-04-26, actor: NER, target: USA, sources: [{kind: background, confidence: reported}]}
                  - {id: month, kind: hold-talks, happened: 2019-11, actor: NER, target: USA, sources: [{kind: background, confidence: reported}]}
                  - {id: year, kind: hold-talks, happened: 2012, actor: NER, target: USA, sources: [{kind: background, confidence: reported}]}
                  - {id: mid-april, kind: hold-talks, happened: {day: 2024-04-15, precision: month}, actor: NER, target: USA, sources: [{kind: background, confidence: reported}]}
                  - {id: exact, kind: hold-talks, happened: {day: 2024-04-15}, actor: NER, target: USA, sources: [{kind: background, confidence: reported}]}
                  - {id: quoted-year, kind: hold-talks, happened: "2012", actor: NER, target: USA, sources: [{kind: background, confidence: reported}]}
                """);

        assertThat(seed.commands()).extracting(c -> c.fact().happened()).containsExactly(
                HappenedOn.day(2024, 4, 26),
                HappenedOn.month(2019, 11),
                HappenedOn.year(2012),
                HappenedOn.of(LocalDate.of(2024, 4, 15), Precision.MONTH),
                HappenedOn.day(2024, 4, 15),
                HappenedOn.year(2012));
    }

    @Test
    void allSourceFieldsAreRead() {
        FactCommand c = only("hold-talks", "");

        Seed seed = read(HEADER + """
                  - id: f
                    kind: hold-talks
                    happened: 2024-04-23
                    actor: CHN
                    target: NER
                    sources:
                      - kind: official-statement
                        confidence: official
                        publisher: madar.mr
                        title: A title
                        address: https://example.org/a
                        published: 2024-04-24
                        note: A note
                      - {kind: hypothetical, confidence: confirmed}
                """);

        assertThat(c.fact().sources()).containsExactly(REUTERS);
        assertThat(seed.commands().get(0).fact().sources()).containsExactly(
                new Source(Source.Kind.OFFICIAL_STATEMENT, Source.Confidence.OFFICIAL, Optional.of("madar.mr"), Optional.of("A title"),
                        Optional.of("https://example.org/a"), Optional.of(LocalDate.of(2024, 4, 24)), Optional.of("A note")),
                Source.of(Source.Kind.HYPOTHETICAL, Source.Confidence.CONFIRMED));
    }

    @Test
    void jsonIsReadLikeYaml() {
        String json = """
                {
                  "format": "entente-seed/1",
                  "title": "Test",
                  "facts": [
                    {
                      "id": "f",
                      "kind": "station-forces",
                      "happened": "2024-04-26",
                      "actor": "NER",
                      "target": "USA",
                      "location": "Niamey",
                      "size": 1000,
                      "bases": ["Air Base 101", "Air Base 201"],
                      "invited": false,
                      "sources": [{"kind": "article", "confidence": "reported", "publisher": "Reuters"}]
                    }
                  ]
                }
                """;

        Seed fromJson = read(json, "seed.json");
        Seed withoutExtension = read(json, "seed");

        assertThat(fromJson.commands()).containsExactly(only("station-forces",
                "location: Niamey, size: 1000, bases: [Air Base 101, Air Base 201], invited: false"));
        assertThat(withoutExtension.commands()).isEqualTo(fromJson.commands());
        assertThat(fromJson.facts().get(0).location()).isEqualTo(new SeedLocation("seed.json", 5, 5));
    }

    @Test
    void jsonProblemsHaveLinesAndColumnsToo() {
        List<SeedProblem> problems = SeedTexts.problems(SeedReader.standard(), """
                {"format": "entente-seed/1", "title": "Test", "facts": [
                  {"id": "f", "kind": "hold-talks", "happened": 2024.5, "actor": "NER", "target": "USA",
                   "sources": [{"kind": "article", "confidence": "reported"}]}
                ]}
                """, "seed.json");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(49);
            assertThat(p.message()).startsWith("'2024.5' is not a date");
        });
        assertThat(SeedTexts.problems(SeedReader.standard(), "{\"format\": \"entente-seed/1\",}", "bad.json"))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("JSON syntax error: Unexpected character"));
    }

    @Test
    void anEmptyListOfFactsIsAValidSeed() {
        Seed seed = read("format: entente-seed/1\ntitle: Nothing yet\nfacts: []\n");

        assertThat(seed.facts()).isEmpty();
        assertThat(seed.commandsByDyad()).isEmpty();
        assertThat(seed.header()).isEqualTo(new SeedHeader("entente-seed/1", "Nothing yet", Optional.empty()));
    }

    @Test
    void aliasesRepeatSourcesAndValues() {
        Seed seed = read(HEADER + """
                  - id: a
                    kind: hold-talks
                    happened: 2024-04-26
                    actor: NER
                    target: USA
                    sources: &reuters
                      - {kind: article, confidence: reported, publisher: Reuters}
                  - id: b
                    kind: hold-talks
                    happened: 2024-04-27
                    actor: NER
                    target: USA
                    sources: *reuters
                  - id: c
                    kind: hold-talks
                    happened: 2024-04-28
                    actor: &niger NER
                    target: USA
                    subject: &topic defence
                    sources: [&reuters-source {kind: article, confidence: reported, publisher: Reuters}]
                  - id: d
                    kind: hold-talks
                    happened: 2024-04-29
                    actor: *niger
                    target: USA
                    subject: *topic
                    sources: [*reuters-source]
                """);

        assertThat(seed.commands()).extracting(c -> c.fact().sources()).containsOnly(List.of(REUTERS));
        assertThat(seed.commands()).extracting(c -> c.fact().actor()).containsOnly(Country.of("NER"));
        assertThat(((FactCommand.HoldTalks) seed.commands().get(3)).subject()).contains("defence");
    }

    @Test
    void valuesFromAListTolerateCaseAndUnderscores() {
        assertThat(only("SIGN_AGREEMENT", "agreement-kind: STATUS_OF_FORCES"))
                .isEqualTo(new FactCommand.SignAgreement(header(), AgreementKind.STATUS_OF_FORCES, Optional.empty()));
        assertThat(only("recall-envoy", "role: Charge_D_Affaires"))
                .isEqualTo(new FactCommand.RecallEnvoy(header(), Optional.empty(), EnvoyRole.CHARGE_D_AFFAIRES));
    }

    @Test
    void numbersKeepTheTextTheyAreWrittenWith() {
        assertThat(only("record-interaction", "cameo: 040, description: talks"))
                .isEqualTo(new FactCommand.RecordInteraction(header(), CameoCode.of("040"), "talks"));
        assertThat(read(HEADER + "  - {id: 2012, kind: hold-talks, happened: 2012, actor: NER, target: USA,"
                + " sources: [{kind: background, confidence: reported}]}\n").facts().get(0).id()).isEqualTo(FactId.of("2012"));
    }

    @Test
    void aHandedOverBaseMayNameItsStationingInAListOfOne() {
        assertThat(only("hand-over-base", "forces: [usa-forces-agadez], base: Air Base 201"))
                .isEqualTo(new FactCommand.HandOverBase(header(), id("usa-forces-agadez"), "Air Base 201"));
    }

    @Test
    void aQuotedBooleanIsABoolean() {
        assertThat(only("station-forces", "invited: \"true\"")).isEqualTo(new FactCommand.StationForces(header(), Optional.empty(),
                Optional.empty(), List.of(), true));
    }

    @Test
    void aByteOrderMarkCommentsAndLowerCaseCountriesAreFine() {
        String text = "\uFEFF# A seed\nformat: entente-seed/1 # the version\ntitle: Test\ndescription: |\n  Two lines\n  of text.\n"
                + "facts:\n  # the only fact\n  - {id: f, kind: hold-talks, happened: 2024-04-26, actor: ner, target: usa,"
                + " sources: [{kind: article, confidence: reported, publisher: Reuters}]}\n";

        Seed seed = SeedReader.standard().read(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "bom.yaml");

        assertThat(seed.header().description()).contains("Two lines\nof text.");
        assertThat(seed.commands()).containsExactly(new FactCommand.HoldTalks(header(), Optional.empty()));
        assertThat(seed.facts().get(0).location()).isEqualTo(new SeedLocation("bom.yaml", 9, 5));
    }

    @Test
    void commandsByDyadFollowDomainMdsOrderWhateverTheOrderOfTheFile() {
        Seed seed = read(HEADER + """
                  - {id: z-complete, kind: complete-withdrawal, happened: 2024-08-05, actor: USA, target: NER, sources: [{kind: background, confidence: reported}]}
                  - {id: b-handover, kind: hand-over-base, happened: 2024-08-05, actor: USA, target: NER, forces: s, base: B, sources: [{kind: background, confidence: reported}]}
                  - {id: a-talks, kind: hold-talks, happened: 2024-08-05, actor: CHN, target: NER, sources: [{kind: background, confidence: reported}]}
                  - {id: s, kind: station-forces, happened: 2013-02-22, actor: USA, target: NER, invited: true, bases: [B], sources: [{kind: background, confidence: reported}]}
                """);

        assertThat(seed.commandsByDyad()).hasSize(2);
        assertThat(seed.commandsByDyad().get(org.entente.core.Dyad.parse("NER-USA")))
                .extracting(c -> c.fact().id().value()).containsExactly("s", "b-handover", "z-complete");
        assertThat(seed.commands()).extracting(c -> c.fact().id().value()).containsExactly("z-complete", "b-handover", "a-talks", "s");
    }
}
