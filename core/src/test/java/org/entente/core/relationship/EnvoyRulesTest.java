package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.relationship.Facts.FRA;
import static org.entente.core.relationship.Facts.NER;
import static org.entente.core.relationship.Facts.FRA_NER;
import static org.entente.core.relationship.Facts.NER_TUR;
import static org.entente.core.relationship.Facts.TUR;
import static org.entente.core.relationship.Facts.accredit;
import static org.entente.core.relationship.Facts.appointAttache;
import static org.entente.core.relationship.Facts.assertRejected;
import static org.entente.core.relationship.Facts.date;
import static org.entente.core.relationship.Facts.expel;
import static org.entente.core.relationship.Facts.header;
import static org.entente.core.relationship.Facts.id;
import static org.entente.core.relationship.Facts.recall;
import static org.entente.core.relationship.Facts.record;
import static org.entente.core.relationship.Facts.recorded;
import static org.entente.core.relationship.Facts.sever;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.RelationshipState.Envoy;
import org.junit.jupiter.api.Test;

class EnvoyRulesTest {

    @Test
    void accreditingAnAmbassadorIsAcceptedAndPutsHimInPost() {
        DyadHistory history = DyadHistory.empty(FRA_NER);
        FactCommand.AccreditAmbassador command = new FactCommand.AccreditAmbassador(
                header("fra-amb", "2022-09-01", FRA, NER), MissionLevel.AMBASSADOR, Optional.of("Sylvain Itté"));

        assertThat(Decider.decide(command, history)).isEqualTo(List.of(
                new FactEvent.AmbassadorAccredited(command.fact(), MissionLevel.AMBASSADOR, Optional.of("Sylvain Itté"))));
        record(history, command);
        assertThat(history.state().envoy(FRA, EnvoyRole.AMBASSADOR)).contains(new Envoy(id("fra-amb"), FRA, NER,
                EnvoyRole.AMBASSADOR, Optional.of("Sylvain Itté"), Optional.empty(), date("2022-09-01")));
        assertThat(history.state().envoy(NER, EnvoyRole.AMBASSADOR)).isEmpty();
    }

    @Test
    void aNewHeadOfMissionReplacesTheSendersPreviousOneButNotItsAttache() {
        DyadHistory history = recorded(FRA_NER,
                accredit("amb", "2020-01-01", FRA, NER, MissionLevel.AMBASSADOR),
                appointAttache("att", "2020-02-01", FRA, NER),
                accredit("ner-amb", "2020-03-01", NER, FRA, MissionLevel.AMBASSADOR));

        record(history, accredit("cda", "2023-10-01", FRA, NER, MissionLevel.CHARGE_D_AFFAIRES));

        assertThat(history.state().envoys()).extracting(Envoy::appointment)
                .containsExactly(id("att"), id("ner-amb"), id("cda"));
    }

    @Test
    void aHeadOfMissionIsAnAmbassadorOrAChargeDAffairesAndNothingElseCompiles() {
        // Before MissionLevel, a DEFENCE_ATTACHE level reached the rules and was rejected there; now the type has no such value.
        assertThat(MissionLevel.values()).containsExactly(MissionLevel.AMBASSADOR, MissionLevel.CHARGE_D_AFFAIRES);
        assertThat(Arrays.stream(MissionLevel.values()).map(MissionLevel::role))
                .containsExactly(EnvoyRole.AMBASSADOR, EnvoyRole.CHARGE_D_AFFAIRES);
    }

    @Test
    void accreditingAnAmbassadorWhileRelationsAreSeveredIsRejected() {
        DyadHistory history = recorded(FRA_NER, sever("s", "2023-10-01", NER, FRA));

        assertRejected(history, accredit("amb", "2024-01-01", FRA, NER, MissionLevel.AMBASSADOR),
                "relations are severed since 2023-10-01, so no envoy can be accredited");
    }

    @Test
    void appointingTheTurkishDefenceAttacheIsAccepted() {
        DyadHistory history = DyadHistory.empty(NER_TUR);
        Source article = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED)
                .withPublished(date("2024-04-26")).withNote("spelled Serkane in the article");
        FactCommand.AppointAttache command = new FactCommand.AppointAttache(
                FactHeader.of("tur-attache", HappenedOn.day(2024, 4, 26), TUR, NER, article),
                Optional.of("Serkan Kaya"), Optional.of("Colonel"), AttacheService.DEFENCE);

        assertThat(Decider.decide(command, history)).isEqualTo(List.of(new FactEvent.AttacheAppointed(command.fact(),
                Optional.of("Serkan Kaya"), Optional.of("Colonel"), AttacheService.DEFENCE)));
        record(history, command);
        assertThat(history.state().envoy(TUR, EnvoyRole.DEFENCE_ATTACHE)).contains(new Envoy(id("tur-attache"), TUR, NER,
                EnvoyRole.DEFENCE_ATTACHE, Optional.of("Serkan Kaya"), Optional.of("Colonel"), date("2024-04-26")));
    }

    @Test
    void aNewAttacheReplacesTheSendersPreviousAttache() {
        DyadHistory history = recorded(NER_TUR, appointAttache("att1", "2020-01-01", TUR, NER));

        record(history, appointAttache("att2", "2024-04-26", TUR, NER));

        assertThat(history.state().envoys()).extracting(Envoy::appointment).containsExactly(id("att2"));
    }

    @Test
    void appointingAnAttacheWhileRelationsAreSeveredIsRejected() {
        DyadHistory history = recorded(NER_TUR, sever("s", "2020-01-01", TUR, NER));

        assertRejected(history, appointAttache("att", "2020-06-01", TUR, NER),
                "relations are severed since 2020-01-01, so no envoy can be appointed");
    }

    @Test
    void recallingAnEnvoyByItsAppointmentIsAccepted() {
        DyadHistory history = recorded(FRA_NER, accredit("fra-amb", "2022-09-01", FRA, NER, MissionLevel.AMBASSADOR));
        FactCommand.RecallEnvoy command = recall("fra-recall", "2023-09-24", FRA, NER, "fra-amb", EnvoyRole.AMBASSADOR);

        assertThat(Decider.decide(command, history)).isEqualTo(List.of(
                new FactEvent.EnvoyRecalled(command.fact(), Optional.of(id("fra-amb")), EnvoyRole.AMBASSADOR)));
        record(history, command);
        assertThat(history.state().envoys()).isEmpty();
    }

    @Test
    void recallingAnAppointmentNeverRecordedIsRejectedListingTheEnvoysInPost() {
        DyadHistory history = recorded(FRA_NER, appointAttache("fra-att", "2022-01-01", FRA, NER));

        assertRejected(history, recall("r", "2023-09-24", FRA, NER, "fra-amb", EnvoyRole.AMBASSADOR),
                "no envoy appointed by fra-amb is in post on 2023-09-24 (in post: fra-att (FRA DEFENCE_ATTACHE))");
    }

    @Test
    void recallingAnEnvoyAlreadyRecalledIsRejected() {
        DyadHistory history = recorded(FRA_NER,
                accredit("fra-amb", "2022-09-01", FRA, NER, MissionLevel.AMBASSADOR),
                recall("r1", "2023-09-24", FRA, NER, "fra-amb", EnvoyRole.AMBASSADOR));

        assertRejected(history, recall("r2", "2023-10-01", FRA, NER, "fra-amb", EnvoyRole.AMBASSADOR),
                "no envoy appointed by fra-amb is in post on 2023-10-01 (in post: none)");
    }

    @Test
    void recallingAnotherCountrysEnvoyIsRejected() {
        DyadHistory history = recorded(FRA_NER, accredit("fra-amb", "2022-09-01", FRA, NER, MissionLevel.AMBASSADOR));

        assertRejected(history, recall("r", "2023-08-03", NER, FRA, "fra-amb", EnvoyRole.AMBASSADOR),
                "the envoy appointed by fra-amb represents FRA; it can only be recalled by FRA");
    }

    @Test
    void recallingAnEnvoyUnderTheWrongRoleIsRejected() {
        DyadHistory history = recorded(NER_TUR, appointAttache("tur-att", "2024-04-26", TUR, NER));

        assertRejected(history, recall("r", "2024-06-01", TUR, NER, "tur-att", EnvoyRole.AMBASSADOR),
                "the envoy appointed by tur-att is DEFENCE_ATTACHE, not AMBASSADOR");
    }

    @Test
    void recallingAnEnvoyNeverRecordedByRoleIsAccepted() {
        DyadHistory history = DyadHistory.empty(FRA_NER);
        FactCommand.RecallEnvoy command = NigerStory.NER_RECALL_FROM_FRANCE;

        assertThat(Decider.decide(command, history)).isEqualTo(List.of(
                new FactEvent.EnvoyRecalled(command.fact(), Optional.empty(), EnvoyRole.AMBASSADOR)));
        record(history, command);
        assertThat(history.state().envoys()).isEmpty();
        assertThat(history.size()).isEqualTo(1);
    }

    @Test
    void recallingByRoleEndsTheSendersEnvoyOfThatRoleOnly() {
        DyadHistory history = recorded(FRA_NER,
                accredit("ner-amb", "2020-01-01", NER, FRA, MissionLevel.AMBASSADOR),
                accredit("fra-amb", "2020-01-01", FRA, NER, MissionLevel.AMBASSADOR),
                appointAttache("ner-att", "2020-01-01", NER, FRA));

        record(history, recall("ner-recall", "2023-08-03", NER, FRA, null, EnvoyRole.AMBASSADOR));

        assertThat(history.state().envoys()).extracting(Envoy::appointment).containsExactly(id("fra-amb"), id("ner-att"));
    }

    @Test
    void expellingTheOtherCountrysEnvoyIsAccepted() {
        DyadHistory history = recorded(FRA_NER, accredit("fra-amb", "2022-09-01", FRA, NER, MissionLevel.AMBASSADOR));
        FactCommand.ExpelEnvoy command = expel("ner-expel", "2023-08-25", NER, FRA, "fra-amb", EnvoyRole.AMBASSADOR);

        assertThat(Decider.decide(command, history)).isEqualTo(List.of(
                new FactEvent.EnvoyExpelled(command.fact(), Optional.of(id("fra-amb")), EnvoyRole.AMBASSADOR)));
        record(history, command);
        assertThat(history.state().envoys()).isEmpty();
    }

    @Test
    void expellingOnesOwnEnvoyIsRejected() {
        DyadHistory history = recorded(FRA_NER, accredit("ner-amb", "2022-09-01", NER, FRA, MissionLevel.AMBASSADOR));

        assertRejected(history, expel("x", "2023-08-25", NER, FRA, "ner-amb", EnvoyRole.AMBASSADOR),
                "the envoy appointed by ner-amb represents NER; it can only be expelled by the host, not sent by NER");
    }

    @Test
    void expellingAnEnvoyNotInPostIsRejected() {
        assertRejected(DyadHistory.empty(FRA_NER), expel("x", "2023-08-25", NER, FRA, "fra-amb", EnvoyRole.AMBASSADOR),
                "no envoy appointed by fra-amb is in post on 2023-08-25 (in post: none)");
    }

    @Test
    void expellingByRoleEndsTheTargetsEnvoyAndNotTheHostsOwn() {
        DyadHistory history = recorded(FRA_NER,
                accredit("ner-amb", "2020-01-01", NER, FRA, MissionLevel.AMBASSADOR),
                accredit("fra-amb", "2020-01-01", FRA, NER, MissionLevel.AMBASSADOR));

        record(history, expel("ner-expel", "2023-08-25", NER, FRA, null, EnvoyRole.AMBASSADOR));

        assertThat(history.state().envoys()).extracting(Envoy::appointment).containsExactly(id("ner-amb"));
        assertThat(history.entry(FactId.of("ner-expel"))).isPresent();
    }
}
