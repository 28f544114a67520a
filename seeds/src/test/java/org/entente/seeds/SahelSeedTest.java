package org.entente.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.Organisation;
import org.entente.core.relationship.Decider;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.RelationshipState.MembershipStatus;
import org.entente.core.relationship.RelationshipState.Sanctions;
import org.entente.core.store.BatchResult;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.partnership.Status;
import org.entente.simulation.Scenario;
import org.entente.simulation.Simulation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled {@code sahel-2023-2025} seed: it loads alone and with {@code niger-2024}, and gives the
 * answers of docs/research/sahel-2023-2025.md through the API.
 */
class SahelSeedTest {

    private static final Country NER = Country.of("NER");
    private static final Organisation ECOWAS = Organisation.of("ECOWAS");
    private static final Dyad NER_ECOWAS = Dyad.parse("NER-ECOWAS");
    private static final LocalDate APRIL_30 = LocalDate.of(2024, 4, 30);

    private static final Seed SAHEL = Seeds.bundled("sahel-2023-2025");
    private static final Seed NIGER = Seeds.bundled("niger-2024");

    /** The sahel seed alone. */
    private static Entente sahel;
    /** Both seeds, the sahel seed first. */
    private static Entente both;

    @BeforeAll
    static void load() {
        sahel = Entente.inMemory();
        assertThat(sahel.recordAll(SAHEL.commands()).events()).isEqualTo(59);
        both = Entente.inMemory();
        both.recordAll(SAHEL.commands());
        both.recordAll(NIGER.commands());
    }

    @AfterAll
    static void close() {
        sahel.close();
        both.close();
    }

    /** A membership's status on a date, as the partnership read gives it. */
    private static MembershipStatus membership(Entente entente, Dyad dyad, LocalDate date) {
        return entente.partnership(dyad, When.asOf(date)).membershipStatus();
    }

    /**
     * ECOWAS's members and former members on a date: each country of the seed's ECOWAS dyads, with its
     * status; checked against {@code Entente.members}, which leaves the former members out.
     */
    private static Map<String, MembershipStatus> ecowasOn(String date) {
        Map<String, MembershipStatus> members = new TreeMap<>();
        for (Dyad dyad : SAHEL.commandsByDyad().keySet()) {
            if (dyad.contains(ECOWAS)) {
                MembershipStatus status = membership(sahel, dyad, LocalDate.parse(date));
                if (status != MembershipStatus.NONE) {
                    members.put(dyad.other(ECOWAS).code(), status);
                }
            }
        }
        Map<String, MembershipStatus> read = new TreeMap<>();
        sahel.members(ECOWAS, When.asOf(LocalDate.parse(date))).forEach(p -> read.put(p.partnerOf(ECOWAS).code(), p.membershipStatus()));
        Map<String, MembershipStatus> current = new TreeMap<>(members);
        current.values().removeIf(s -> s == MembershipStatus.FORMER);
        assertThat(read).as("Entente.members on %s", date).isEqualTo(current);
        return members;
    }

    private static Partnership partnership(Entente entente, String dyad, String date) {
        return entente.partnership(Dyad.parse(dyad), When.asOf(LocalDate.parse(date)));
    }

    @Test
    void everyDyadOfTheSeedIsAcceptedByTheRulesAndNoFactIdIsSharedWithTheNigerSeed() {
        Map<Dyad, List<FactCommand>> byDyad = SAHEL.commandsByDyad();

        assertThat(SAHEL.facts()).hasSize(59);
        assertThat(byDyad).hasSize(24);
        byDyad.forEach((dyad, commands) -> assertThatCode(() -> Decider.decideAll(commands, DyadHistory.empty(dyad)))
                .as(dyad.id()).doesNotThrowAnyException());
        assertThat(byDyad.keySet()).allSatisfy(d -> assertThat(d.involvesOrganisation()).as(d.id()).isTrue());
        assertThat(byDyad.keySet()).extracting(Dyad::id).contains("SEN-ORG:ECOWAS", "TGO-ORG:ECOWAS", "NER-ORG:EU", "MLI-ORG:UN");
        assertThat(SAHEL.facts()).allSatisfy(f -> assertThat(NIGER.fact(f.id())).as(f.id().value()).isEmpty());
    }

    @Test
    void everyAddressTheSeedCitesIsInTheResearchFile() throws IOException {
        String research = Files.readString(Path.of("..", "docs", "research", "sahel-2023-2025.md"));
        List<String> addresses = SAHEL.commands().stream().flatMap(c -> c.fact().sources().stream())
                .flatMap(source -> source.address().stream()).distinct().toList();

        assertThat(addresses).hasSizeGreaterThan(60).allSatisfy(a -> assertThat(research).as(a).contains(a));
    }

    @Test
    void theSeedsLoadTogetherInEitherOrderAndReloadingAddsNothing() {
        try (Entente nigerFirst = Entente.inMemory()) {
            assertThat(nigerFirst.recordAll(NIGER.commands()).violations()).isEmpty();
            BatchResult sahelSecond = nigerFirst.recordAll(SAHEL.commands());

            assertThat(sahelSecond.violations()).isEmpty();
            assertThat(sahelSecond.events()).isEqualTo(59);
            assertThat(nigerFirst.recordAll(SAHEL.commands()).events()).isZero();
            assertThat(nigerFirst.portfolio(NER, When.asOf(APRIL_30)).mix())
                    .isEqualTo(both.portfolio(NER, When.asOf(APRIL_30)).mix());
        }
        assertThat(both.recordAll(NIGER.commands()).events()).isZero();
    }

    @Test
    void ecowasMembersBeforeTheCoupInNigerAfterTheAnnouncementAndAfterTheDeparture() {
        Map<String, MembershipStatus> june2023 = ecowasOn("2023-06-01");
        assertThat(june2023).hasSize(16)
                .containsEntry("NER", MembershipStatus.MEMBER)
                .containsEntry("SEN", MembershipStatus.MEMBER)
                .containsEntry("CPV", MembershipStatus.MEMBER)
                .containsEntry("MLI", MembershipStatus.SUSPENDED)
                .containsEntry("BFA", MembershipStatus.SUSPENDED)
                .containsEntry("GIN", MembershipStatus.SUSPENDED)
                .containsEntry("MRT", MembershipStatus.FORMER);

        Map<String, MembershipStatus> august2024 = ecowasOn("2024-08-01");
        assertThat(august2024).containsEntry("NER", MembershipStatus.WITHDRAWING)
                .containsEntry("MLI", MembershipStatus.WITHDRAWING)
                .containsEntry("BFA", MembershipStatus.WITHDRAWING)
                .containsEntry("GIN", MembershipStatus.SUSPENDED);
        assertThat(august2024.values()).filteredOn(s -> s == MembershipStatus.MEMBER).hasSize(11);

        Map<String, MembershipStatus> february2025 = ecowasOn("2025-02-01");
        assertThat(february2025).containsEntry("NER", MembershipStatus.FORMER)
                .containsEntry("MLI", MembershipStatus.FORMER)
                .containsEntry("BFA", MembershipStatus.FORMER);
        assertThat(february2025.values()).filteredOn(s -> s == MembershipStatus.MEMBER || s == MembershipStatus.SUSPENDED)
                .hasSize(12);
    }

    @Test
    void nigersMembershipsOnTheFirstOfAugust2024AndAfterLeavingEcowas() {
        LocalDate august = LocalDate.of(2024, 8, 1);
        assertThat(membership(sahel, NER_ECOWAS, august)).isEqualTo(MembershipStatus.WITHDRAWING);
        assertThat(membership(sahel, Dyad.parse("NER-AES"), august)).isEqualTo(MembershipStatus.MEMBER);
        assertThat(membership(sahel, Dyad.parse("NER-G5S"), august)).isEqualTo(MembershipStatus.FORMER);
        // Suspended on 2023-12-10: a member still, and suspended, before the announcement.
        assertThat(membership(sahel, NER_ECOWAS, LocalDate.of(2024, 1, 1))).isEqualTo(MembershipStatus.SUSPENDED);

        LocalDate february = LocalDate.of(2025, 2, 1);
        assertThat(membership(sahel, NER_ECOWAS, february)).isEqualTo(MembershipStatus.FORMER);
        assertThat(membership(sahel, Dyad.parse("NER-AES"), february)).isEqualTo(MembershipStatus.MEMBER);
    }

    @Test
    void ecowasSanctionsOnNigerAreInForceInAugust2023AndOnlyTheTargetedOnesRemainInMarch2024() {
        assertThat(partnership(sahel, "NER-ECOWAS", "2023-07-29").sanctions()).isEmpty();
        assertThat(partnership(sahel, "NER-ECOWAS", "2023-08-15").sanctions()).extracting(Sanctions::imposition)
                .containsExactlyInAnyOrder(FactId.of("ecowas-sanctions-ner"), FactId.of("ecowas-sanctions-ner-targeted"));
        assertThat(partnership(sahel, "NER-ECOWAS", "2024-03-01").sanctions()).extracting(Sanctions::imposition)
                .containsExactly(FactId.of("ecowas-sanctions-ner-targeted"));
    }

    @Test
    void theNigerEuPairWindsDownOnTheFourthOfDecemberAndEndsWhenEucapsStaffLeft() {
        assertThat(partnership(sahel, "NER-EU", "2023-12-03").status()).isEqualTo(Status.ACTIVE);
        assertThat(partnership(sahel, "NER-EU", "2023-12-03").forces()).hasSize(2);
        assertThat(partnership(sahel, "NER-EU", "2023-12-04").status()).isEqualTo(Status.WINDING_DOWN);
        assertThat(partnership(sahel, "NER-EU", "2024-03-17").status()).isEqualTo(Status.ENDED);
        assertThat(partnership(sahel, "NER-EU", "2024-03-17").forces()).isEmpty();
        assertThat(partnership(sahel, "MLI-UN", "2024-01-01").forces()).isEmpty();
        assertThat(partnership(sahel, "MLI-UN", "2023-12-30").forces()).hasSize(1);
    }

    @Test
    void withBothSeedsNigerHasTheAllianceOfSahelStatesAsAFifthSecurityPartnerOnThirtyApril() {
        Portfolio p = both.portfolio(NER, When.asOf(APRIL_30));

        assertThat(p.securityPartners()).extracting(s -> s.partner().code() + ":" + s.weight())
                .containsExactlyInAnyOrder("USA:1", "CHN:1", "TUR:2", "RUS:1", "ORG:AES:1");
        Portfolio.SecurityMix mix = p.mix().orElseThrow();
        assertThat(mix.concentration()).isCloseTo(2.0 / 9, within(1e-9));
        assertThat(mix.diversification()).isCloseTo(7.0 / 9, within(1e-9));
        assertThat(mix.effectiveNumberOfPartners()).isCloseTo(4.5, within(1e-9));
        assertThat(p.partners()).extracting(pp -> pp.partnerOf(NER).code())
                .contains("ORG:AES", "ORG:ECOWAS", "ORG:EU", "ORG:G5S", "USA", "FRA");
    }

    @Test
    void hadEcowasNotSanctionedNigerThePairWouldBeWarmerOnTheFirstOfSeptember2023() {
        Scenario noSanctions = Scenario.branchAt(LocalDate.of(2023, 7, 29))
                .remove(FactId.of("ecowas-sanctions-ner"), FactId.of("ecowas-sanctions-ner-targeted"));
        Simulation s = sahel.simulate(noSanctions);
        LocalDate september = LocalDate.of(2023, 9, 1);

        Partnership real = s.baselinePartnership(NER_ECOWAS, september);
        Partnership branch = s.partnership(NER_ECOWAS, september);
        assertThat(real.sanctions()).hasSize(2);
        assertThat(branch.sanctions()).isEmpty();
        assertThat(branch.temperature()).isGreaterThan(real.temperature());
        // The lifting of 2024-02-24 lifts sanctions the branch never imposed.
        assertThat(s.dropped()).extracting(d -> d.fact().fact().id().value()).containsExactly("ecowas-lift-sanctions-ner");
    }

    @Test
    void aScenarioFileWithAnOrganisationFactParsesAndRuns() {
        ScenarioFile file = SeedReader.standard().readScenario(new ByteArrayInputStream("""
                format: entente-scenario/1
                title: What if ECOWAS had talked instead of sanctioning Niger?
                remove: [ecowas-sanctions-ner, ecowas-sanctions-ner-targeted, ecowas-lift-sanctions-ner]
                facts:
                  - id: hyp-ecowas-ner-talks
                    kind: hold-talks
                    happened: 2023-08-01
                    actor: ECOWAS
                    target: NER
                    subject: a mediation instead of sanctions
                """.getBytes(StandardCharsets.UTF_8)), "no-sanctions.yaml");
        Actor actor = file.facts().get(0).command().fact().actor();
        assertThat(actor).isEqualTo(ECOWAS);

        Simulation s = sahel.simulate(Scenario.branchAt(LocalDate.of(2023, 7, 29))
                .addAll(file.commands()).removeAll(file.removedIds()));

        assertThat(s.dropped()).isEmpty();
        // Before the standby force's activation (2023-08-10), the hypothetical talks are the last contact.
        assertThat(s.partnership(NER_ECOWAS, LocalDate.of(2023, 8, 5)).lastContact())
                .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(FactId.of("hyp-ecowas-ner-talks")));
        assertThat(s.partnership(NER_ECOWAS, LocalDate.of(2023, 9, 1)).sanctions()).isEmpty();
    }
}
