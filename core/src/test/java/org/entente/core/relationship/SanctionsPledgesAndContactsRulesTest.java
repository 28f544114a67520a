package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.entente.core.relationship.Facts.CHN;
import static org.entente.core.relationship.Facts.NER;
import static org.entente.core.relationship.Facts.NER_USA;
import static org.entente.core.relationship.Facts.USA;
import static org.entente.core.relationship.Facts.assertRejected;
import static org.entente.core.relationship.Facts.date;
import static org.entente.core.relationship.Facts.fact;
import static org.entente.core.relationship.Facts.header;
import static org.entente.core.relationship.Facts.id;
import static org.entente.core.relationship.Facts.record;
import static org.entente.core.relationship.Facts.recorded;

import java.util.List;
import java.util.Optional;
import org.entente.core.CameoCode;
import org.entente.core.Dyad;
import org.entente.core.relationship.RelationshipState.FactRef;
import org.entente.core.relationship.RelationshipState.Sanctions;
import org.junit.jupiter.api.Test;

class SanctionsPledgesAndContactsRulesTest {

    private static final Dyad NER_CHN = Dyad.of(NER, CHN);

    @Test
    void imposingSanctionsIsAccepted() {
        DyadHistory history = DyadHistory.empty(NER_USA);
        FactCommand.ImposeSanctions command = fact("usa-sanctions", "2023-08-01", USA, NER).imposeSanctions("arms embargo").command();

        assertThat(Decider.decide(command, history))
                .isEqualTo(List.of(new FactEvent.SanctionsImposed(command.fact(), "arms embargo")));
        record(history, command);
        assertThat(history.state().sanctionsInForce()).containsExactly(new Sanctions(id("usa-sanctions"), USA, NER,
                "arms embargo", date("2023-08-01"), Optional.empty()));
    }

    @Test
    void liftingSanctionsByTheirImposerIsAccepted() {
        DyadHistory history = recorded(NER_USA, fact("usa-sanctions", "2023-08-01", USA, NER).imposeSanctions("arms embargo").command());
        FactCommand.LiftSanctions command = fact("usa-lift", "2024-01-10", USA, NER).liftSanctions("usa-sanctions").command();

        assertThat(Decider.decide(command, history))
                .isEqualTo(List.of(new FactEvent.SanctionsLifted(command.fact(), id("usa-sanctions"))));
        record(history, command);
        assertThat(history.state().sanctionsInForce()).isEmpty();
        assertThat(history.state().sanctions()).singleElement()
                .extracting(Sanctions::lifted).isEqualTo(Optional.of(date("2024-01-10")));
    }

    @Test
    void liftingSanctionsImposedByTheOtherCountryIsRejected() {
        DyadHistory history = recorded(NER_USA, fact("usa-sanctions", "2023-08-01", USA, NER).imposeSanctions("arms embargo").command());

        assertRejected(history, fact("ner-lift", "2024-01-10", NER, USA).liftSanctions("usa-sanctions").command(),
                "the sanctions of usa-sanctions were imposed by USA; only USA can lift them");
    }

    @Test
    void liftingSanctionsTwiceIsRejected() {
        DyadHistory history = recorded(NER_USA, fact("usa-sanctions", "2023-08-01", USA, NER).imposeSanctions("arms embargo").command(),
                fact("lift1", "2024-01-10", USA, NER).liftSanctions("usa-sanctions").command());

        assertRejected(history, fact("lift2", "2024-02-10", USA, NER).liftSanctions("usa-sanctions").command(),
                "the sanctions of usa-sanctions were already lifted on 2024-01-10");
    }

    @Test
    void liftingSanctionsNeverImposedIsRejected() {
        assertRejected(DyadHistory.empty(NER_USA), fact("lift", "2024-01-10", USA, NER).liftSanctions("usa-sanctions").command(),
                "no sanctions were imposed by usa-sanctions on or before 2024-01-10");
    }

    @Test
    void liftingSanctionsOnTheDayTheyWereImposedIsRejectedBecauseLiftingRanksFirst() {
        DyadHistory history = recorded(NER_USA, fact("usa-sanctions", "2023-08-01", USA, NER).imposeSanctions("arms embargo").command());

        assertRejected(history, fact("lift", "2023-08-01", USA, NER).liftSanctions("usa-sanctions").command(),
                "no sanctions were imposed by usa-sanctions on or before 2023-08-01");
    }

    @Test
    void pledgingSecurityCooperationIsACooperativeStep() {
        DyadHistory history = DyadHistory.empty(NER_CHN);
        FactCommand.PledgeCooperation command = fact("chn-pledge", "2024-04-23", CHN, NER).pledgeCooperation(CooperationDomain.SECURITY).command();

        assertThat(Decider.decide(command, history))
                .isEqualTo(List.of(new FactEvent.CooperationPledged(command.fact(), List.of(CooperationDomain.SECURITY))));
        record(history, command);
        RelationshipState.Steps steps = history.state().steps();
        assertThat(steps.lastSecurityPledge()).contains(date("2024-04-23"));
        assertThat(steps.lastCooperativeStep()).contains(date("2024-04-23"));
        assertThat(steps.cooperativeAfterWindingDown()).isTrue();
        assertThat(history.state().hasMilitaryTies()).isFalse();
    }

    @Test
    void pledgingEconomicCooperationIsNoCooperativeStep() {
        DyadHistory history = recorded(NER_CHN, fact("eco", "2024-04-23", CHN, NER).pledgeCooperation(CooperationDomain.ECONOMIC, CooperationDomain.OTHER).command());

        assertThat(history.state().steps().lastSecurityPledge()).isEmpty();
        assertThat(history.state().steps().lastCooperativeStep()).isEmpty();
        assertThat(history.size()).isEqualTo(1);
    }

    @Test
    void aPledgeWithoutDomainIsRejectedBeforeAnyRuleIsChecked() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Decider.decide(new FactCommand.PledgeCooperation(header("p", "2024-04-23", CHN, NER), List.of()), DyadHistory.empty(NER_CHN)))
                .withMessageContaining("a pledge names at least one domain");
    }

    @Test
    void holdingTalksIsAcceptedAndIsTheLastContact() {
        DyadHistory history = DyadHistory.empty(NER_CHN);
        FactCommand.HoldTalks command = new FactCommand.HoldTalks(header("chn-talks", "2024-04-23", CHN, NER),
                Optional.of("defence cooperation"));

        assertThat(Decider.decide(command, history))
                .isEqualTo(List.of(new FactEvent.TalksHeld(command.fact(), Optional.of("defence cooperation"))));
        record(history, command);
        assertThat(history.state().lastContact())
                .contains(new FactRef(id("chn-talks"), FactKind.HOLD_TALKS, date("2024-04-23")));
        assertThat(history.state().steps().lastCooperativeStep()).isEmpty();
    }

    @Test
    void recordingACodedInteractionIsAcceptedWithTheGoldsteinValueOfItsCode() {
        DyadHistory history = recorded(NER_CHN, Facts.fact("chn-talks-2023", "2023-09-02", CHN, NER).holdTalks().command());
        FactCommand.RecordInteraction command = new FactCommand.RecordInteraction(header("chn-visit", "2024-04-23", CHN, NER),
                CameoCode.of("042"), "ambassador Jiang Feng visits Mody");

        assertThat(Decider.decide(command, history)).isEqualTo(List.of(new FactEvent.InteractionRecorded(command.fact(),
                CameoCode.of("042"), 1.9, "ambassador Jiang Feng visits Mody")));
        record(history, command);
        assertThat(history.state().lastContact())
                .contains(new FactRef(id("chn-visit"), FactKind.RECORD_INTERACTION, date("2024-04-23")));
    }

    @Test
    void theLastContactIsTheLatestByDayNotTheLastRecorded() {
        DyadHistory history = recorded(NER_CHN,
                Facts.fact("chn-talks", "2024-04-23", CHN, NER).holdTalks().command(),
                Facts.fact("chn-talks-2023", "2023-09-02", CHN, NER).holdTalks().command());

        assertThat(history.state().lastContact().map(FactRef::id)).contains(id("chn-talks"));
        assertThat(history.state().lastFact().map(FactRef::id)).contains(id("chn-talks"));
    }
}
