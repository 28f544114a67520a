package org.entente.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.MoreFacts.ambassador;
import static org.entente.MoreFacts.attache;
import static org.entente.MoreFacts.charge;
import static org.entente.MoreFacts.day;
import static org.entente.MoreFacts.expel;
import static org.entente.MoreFacts.recall;
import static org.entente.MoreFacts.sever;
import static org.entente.testsupport.Facts.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.RelationshipState.Envoy;
import org.entente.timeline.DyadChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each side's level of representation in the other (ambassador, chargé d'affaires or none, as the
 * Correlates of War codes it) and the envoys in post, through accreditations, recalls, expulsions and
 * a severance.
 *
 * <p>The history of Niger (first in the dyad) and the United States: Niger accredits an ambassador on
 * 10 January; the US a chargé d'affaires on 1 February and an ambassador on 1 March; Niger recalls
 * its ambassador on 1 April; the US appoints a defence attaché on 1 May, whom Niger expels on 1 June;
 * relations are severed on 1 July.
 */
class RepresentationTest {

    private static final Dyad NER_USA = Dyad.of(USA, NER);

    private Entente entente;

    @BeforeEach
    void record() {
        entente = Entente.inMemory();
        entente.recordAll(List.of(
                talks("talks", "2023-06-01", USA, NER),
                ambassador("ner-ambassador", "2024-01-10", NER, USA),
                charge("usa-charge", "2024-02-01", USA, NER),
                ambassador("usa-ambassador", "2024-03-01", USA, NER),
                recall("ner-recall", "2024-04-01", NER, USA, "ner-ambassador", EnvoyRole.AMBASSADOR),
                attache("usa-attache", "2024-05-01", USA, NER),
                expel("ner-expels-attache", "2024-06-01", NER, USA, "usa-attache", EnvoyRole.DEFENCE_ATTACHE),
                sever("sever", "2024-07-01", NER, USA)));
    }

    @AfterEach
    void close() {
        entente.close();
    }

    private Partnership on(String date) {
        return entente.partnership(NER_USA, When.asOf(day(date)));
    }

    /** Niger's level in the US, then the US's level in Niger. */
    private List<RepresentationLevel> levels(String date) {
        return on(date).representation().stream().map(Partnership.Representation::level).toList();
    }

    private List<String> envoys(String date) {
        return on(date).envoys().stream().map(e -> e.appointment().value()).toList();
    }

    @Test
    void representationIsGivenFromTheFirstCountryToTheSecondThenBack() {
        assertThat(on("2024-01-10").representation()).extracting(r -> r.sender().code() + "->" + r.host().code())
                .containsExactly("NER->USA", "USA->NER");
    }

    @Test
    void withoutEnvoysNeitherSideIsRepresented() {
        assertThat(levels("2024-01-09")).containsExactly(RepresentationLevel.NONE, RepresentationLevel.NONE);
        assertThat(envoys("2024-01-09")).isEmpty();
    }

    @Test
    void anAccreditedAmbassadorRepresentsItsSenderFromTheAccreditationDay() {
        assertThat(levels("2024-01-10")).containsExactly(RepresentationLevel.AMBASSADOR, RepresentationLevel.NONE);
        Envoy envoy = on("2024-01-10").envoys().get(0);
        assertThat(envoy.appointment()).isEqualTo(FactId.of("ner-ambassador"));
        assertThat(envoy.sender()).isEqualTo(NER);
        assertThat(envoy.host()).isEqualTo(USA);
        assertThat(envoy.role()).isEqualTo(EnvoyRole.AMBASSADOR);
        assertThat(envoy.since()).isEqualTo(day("2024-01-10"));
    }

    @Test
    void aChargeDAffairesIsTheLowerLevel() {
        assertThat(levels("2024-02-01")).containsExactly(RepresentationLevel.AMBASSADOR, RepresentationLevel.CHARGE_D_AFFAIRES);
        assertThat(on("2024-02-01").representation()).extracting(r -> r.level().cowCode()).containsExactly(3, 1);
    }

    @Test
    void anAmbassadorReplacesTheChargeDAffairesOfTheSameSender() {
        assertThat(levels("2024-03-01")).containsExactly(RepresentationLevel.AMBASSADOR, RepresentationLevel.AMBASSADOR);
        assertThat(envoys("2024-02-29")).containsExactly("ner-ambassador", "usa-charge");
        assertThat(envoys("2024-03-01")).containsExactly("ner-ambassador", "usa-ambassador");
    }

    @Test
    void aRecalledAmbassadorLeavesPostOnTheRecallDay() {
        assertThat(levels("2024-03-31")).containsExactly(RepresentationLevel.AMBASSADOR, RepresentationLevel.AMBASSADOR);
        assertThat(levels("2024-04-01")).containsExactly(RepresentationLevel.NONE, RepresentationLevel.AMBASSADOR);
        assertThat(envoys("2024-04-01")).containsExactly("usa-ambassador");
    }

    @Test
    void aDefenceAttacheIsAnEnvoyInPostButNotAHeadOfMission() {
        Partnership may = on("2024-05-01");

        assertThat(may.envoys()).extracting(e -> e.appointment().value()).containsExactly("usa-ambassador", "usa-attache");
        assertThat(may.envoys().get(1).role()).isEqualTo(EnvoyRole.DEFENCE_ATTACHE);
        assertThat(may.envoys().get(1).rank()).contains("Colonel");
        assertThat(may.representation()).extracting(Partnership.Representation::level)
                .containsExactly(RepresentationLevel.NONE, RepresentationLevel.AMBASSADOR);
        assertThat(may.securityWeight()).as("a defence attaché in post is a security element").isEqualTo(1);
    }

    @Test
    void anExpelledAttacheLeavesPostOnTheExpulsionDay() {
        assertThat(envoys("2024-05-31")).containsExactly("usa-ambassador", "usa-attache");
        assertThat(envoys("2024-06-01")).containsExactly("usa-ambassador");
        assertThat(on("2024-06-01").securityWeight()).isZero();
    }

    @Test
    void aSeveranceEndsEveryEnvoysPost() {
        assertThat(levels("2024-06-30")).containsExactly(RepresentationLevel.NONE, RepresentationLevel.AMBASSADOR);
        assertThat(levels("2024-07-01")).containsExactly(RepresentationLevel.NONE, RepresentationLevel.NONE);
        assertThat(envoys("2024-07-01")).isEmpty();
        assertThat(on("2024-07-01").status()).isEqualTo(Status.SEVERED);
    }

    @Test
    void changesListTheEnvoysWhoArrivedAndLeft() {
        DyadChanges spring = entente.changes(NER_USA, day("2024-02-15"), day("2024-05-15"));

        assertThat(spring.envoysArrived()).extracting(FactId::value).containsExactly("usa-ambassador", "usa-attache");
        assertThat(spring.envoysLeft()).extracting(FactId::value).containsExactly("ner-ambassador", "usa-charge");
        assertThat(entente.changes(NER_USA, day("2024-05-15"), day("2024-07-01")).envoysLeft())
                .extracting(FactId::value).containsExactly("usa-ambassador", "usa-attache");
    }

    @Test
    void recallingAnEnvoyNeverRecordedByRoleLeavesTheOtherSideRepresented() {
        try (Entente other = Entente.inMemory()) {
            other.recordAll(List.of(ambassador("fra-ambassador", "2023-01-10", FRA, NER),
                    new FactCommand.RecallEnvoy(header("ner-recall-2023-fra", "2023-08-03", NER, FRA), Optional.empty(),
                            EnvoyRole.AMBASSADOR)));
            Partnership august = other.partnership(Dyad.of(NER, FRA), When.asOf(LocalDate.of(2023, 8, 3)));

            assertThat(august.representation()).extracting(r -> r.sender().code() + ":" + r.level())
                    .containsExactly("FRA:AMBASSADOR", "NER:NONE");
        }
    }

    @Test
    void recallingByRoleEndsTheSendersEnvoyInPost() {
        try (Entente other = Entente.inMemory()) {
            other.recordAll(List.of(ambassador("fra-ambassador", "2023-01-10", FRA, NER),
                    new FactCommand.RecallEnvoy(header("fra-recall-2023", "2023-09-24", FRA, NER), Optional.empty(),
                            EnvoyRole.AMBASSADOR)));

            assertThat(other.partnership(Dyad.of(NER, FRA), When.asOf(LocalDate.of(2023, 9, 23))).representation().get(0).level())
                    .isEqualTo(RepresentationLevel.AMBASSADOR);
            assertThat(other.partnership(Dyad.of(NER, FRA), When.asOf(LocalDate.of(2023, 9, 24))).representation().get(0).level())
                    .isEqualTo(RepresentationLevel.NONE);
        }
    }
}
