package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.relationship.Facts.FRA;
import static org.entente.core.relationship.Facts.NER;
import static org.entente.core.relationship.Facts.FRA_NER;
import static org.entente.core.relationship.Facts.NER_TUR;
import static org.entente.core.relationship.Facts.TUR;
import static org.entente.core.relationship.Facts.assertRejected;
import static org.entente.core.relationship.Facts.date;
import static org.entente.core.relationship.Facts.fact;
import static org.entente.core.relationship.Facts.header;
import static org.entente.core.relationship.Facts.id;
import static org.entente.core.relationship.Facts.record;
import static org.entente.core.relationship.Facts.recorded;

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
                fact("amb", "2020-01-01", FRA, NER).accreditAmbassador().level(MissionLevel.AMBASSADOR).command(),
                fact("att", "2020-02-01", FRA, NER).appointAttache().rank("Colonel").command(),
                fact("ner-amb", "2020-03-01", NER, FRA).accreditAmbassador().level(MissionLevel.AMBASSADOR).command());

        record(history, fact("cda", "2023-10-01", FRA, NER).accreditAmbassador().level(MissionLevel.CHARGE_D_AFFAIRES).command());

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
        DyadHistory history = recorded(FRA_NER, fact("s", "2023-10-01", NER, FRA).severRelations().command());

        assertRejected(history, fact("amb", "2024-01-01", FRA, NER).accreditAmbassador().level(MissionLevel.AMBASSADOR).command(),
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
        DyadHistory history = recorded(NER_TUR, fact("att1", "2020-01-01", TUR, NER).appointAttache().rank("Colonel").command());

        record(history, fact("att2", "2024-04-26", TUR, NER).appointAttache().rank("Colonel").command());

        assertThat(history.state().envoys()).extracting(Envoy::appointment).containsExactly(id("att2"));
    }

    @Test
    void appointingAnAttacheWhileRelationsAreSeveredIsRejected() {
        DyadHistory history = recorded(NER_TUR, fact("s", "2020-01-01", TUR, NER).severRelations().command());

        assertRejected(history, fact("att", "2020-06-01", TUR, NER).appointAttache().rank("Colonel").command(),
                "relations are severed since 2020-01-01, so no envoy can be appointed");
    }

    @Test
    void recallingAnEnvoyByItsAppointmentIsAccepted() {
        DyadHistory history = recorded(FRA_NER, fact("fra-amb", "2022-09-01", FRA, NER).accreditAmbassador().level(MissionLevel.AMBASSADOR).command());
        FactCommand.RecallEnvoy command = fact("fra-recall", "2023-09-24", FRA, NER).recallEnvoy(EnvoyRole.AMBASSADOR).appointment("fra-amb").command();

        assertThat(Decider.decide(command, history)).isEqualTo(List.of(
                new FactEvent.EnvoyRecalled(command.fact(), Optional.of(id("fra-amb")), EnvoyRole.AMBASSADOR)));
        record(history, command);
        assertThat(history.state().envoys()).isEmpty();
    }

    @Test
    void recallingAnAppointmentNeverRecordedIsRejectedListingTheEnvoysInPost() {
        DyadHistory history = recorded(FRA_NER, fact("fra-att", "2022-01-01", FRA, NER).appointAttache().rank("Colonel").command());

        assertRejected(history, fact("r", "2023-09-24", FRA, NER).recallEnvoy(EnvoyRole.AMBASSADOR).appointment("fra-amb").command(),
                "no envoy appointed by fra-amb is in post on 2023-09-24 (in post: fra-att (FRA DEFENCE_ATTACHE))");
    }

    @Test
    void recallingAnEnvoyAlreadyRecalledIsRejected() {
        DyadHistory history = recorded(FRA_NER,
                fact("fra-amb", "2022-09-01", FRA, NER).accreditAmbassador().level(MissionLevel.AMBASSADOR).command(),
                fact("r1", "2023-09-24", FRA, NER).recallEnvoy(EnvoyRole.AMBASSADOR).appointment("fra-amb").command());

        assertRejected(history, fact("r2", "2023-10-01", FRA, NER).recallEnvoy(EnvoyRole.AMBASSADOR).appointment("fra-amb").command(),
                "no envoy appointed by fra-amb is in post on 2023-10-01 (in post: none)");
    }

    @Test
    void recallingAnotherCountrysEnvoyIsRejected() {
        DyadHistory history = recorded(FRA_NER, fact("fra-amb", "2022-09-01", FRA, NER).accreditAmbassador().level(MissionLevel.AMBASSADOR).command());

        assertRejected(history, fact("r", "2023-08-03", NER, FRA).recallEnvoy(EnvoyRole.AMBASSADOR).appointment("fra-amb").command(),
                "the envoy appointed by fra-amb represents FRA; it can only be recalled by FRA");
    }

    @Test
    void recallingAnEnvoyUnderTheWrongRoleIsRejected() {
        DyadHistory history = recorded(NER_TUR, fact("tur-att", "2024-04-26", TUR, NER).appointAttache().rank("Colonel").command());

        assertRejected(history, fact("r", "2024-06-01", TUR, NER).recallEnvoy(EnvoyRole.AMBASSADOR).appointment("tur-att").command(),
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
                fact("ner-amb", "2020-01-01", NER, FRA).accreditAmbassador().level(MissionLevel.AMBASSADOR).command(),
                fact("fra-amb", "2020-01-01", FRA, NER).accreditAmbassador().level(MissionLevel.AMBASSADOR).command(),
                fact("ner-att", "2020-01-01", NER, FRA).appointAttache().rank("Colonel").command());

        record(history, fact("ner-recall", "2023-08-03", NER, FRA).recallEnvoy(EnvoyRole.AMBASSADOR).command());

        assertThat(history.state().envoys()).extracting(Envoy::appointment).containsExactly(id("fra-amb"), id("ner-att"));
    }

    @Test
    void expellingTheOtherCountrysEnvoyIsAccepted() {
        DyadHistory history = recorded(FRA_NER, fact("fra-amb", "2022-09-01", FRA, NER).accreditAmbassador().level(MissionLevel.AMBASSADOR).command());
        FactCommand.ExpelEnvoy command = fact("ner-expel", "2023-08-25", NER, FRA).expelEnvoy(EnvoyRole.AMBASSADOR).appointment("fra-amb").command();

        assertThat(Decider.decide(command, history)).isEqualTo(List.of(
                new FactEvent.EnvoyExpelled(command.fact(), Optional.of(id("fra-amb")), EnvoyRole.AMBASSADOR)));
        record(history, command);
        assertThat(history.state().envoys()).isEmpty();
    }

    @Test
    void expellingOnesOwnEnvoyIsRejected() {
        DyadHistory history = recorded(FRA_NER, fact("ner-amb", "2022-09-01", NER, FRA).accreditAmbassador().level(MissionLevel.AMBASSADOR).command());

        assertRejected(history, fact("x", "2023-08-25", NER, FRA).expelEnvoy(EnvoyRole.AMBASSADOR).appointment("ner-amb").command(),
                "the envoy appointed by ner-amb represents NER; it can only be expelled by the host, not sent by NER");
    }

    @Test
    void expellingAnEnvoyNotInPostIsRejected() {
        assertRejected(DyadHistory.empty(FRA_NER), fact("x", "2023-08-25", NER, FRA).expelEnvoy(EnvoyRole.AMBASSADOR).appointment("fra-amb").command(),
                "no envoy appointed by fra-amb is in post on 2023-08-25 (in post: none)");
    }

    @Test
    void expellingByRoleEndsTheTargetsEnvoyAndNotTheHostsOwn() {
        DyadHistory history = recorded(FRA_NER,
                fact("ner-amb", "2020-01-01", NER, FRA).accreditAmbassador().level(MissionLevel.AMBASSADOR).command(),
                fact("fra-amb", "2020-01-01", FRA, NER).accreditAmbassador().level(MissionLevel.AMBASSADOR).command());

        record(history, fact("ner-expel", "2023-08-25", NER, FRA).expelEnvoy(EnvoyRole.AMBASSADOR).command());

        assertThat(history.state().envoys()).extracting(Envoy::appointment).containsExactly(id("ner-amb"));
        assertThat(history.entry(FactId.of("ner-expel"))).isPresent();
    }
}
