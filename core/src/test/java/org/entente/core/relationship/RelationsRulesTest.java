package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.relationship.Facts.NER;
import static org.entente.core.relationship.Facts.NER_USA;
import static org.entente.core.relationship.Facts.USA;
import static org.entente.core.relationship.Facts.assertRejected;
import static org.entente.core.relationship.Facts.date;
import static org.entente.core.relationship.Facts.fact;
import static org.entente.core.relationship.Facts.record;
import static org.entente.core.relationship.Facts.recorded;

import java.util.List;
import java.util.Optional;
import org.entente.core.relationship.RelationshipState.RelationsStatus;
import org.junit.jupiter.api.Test;

class RelationsRulesTest {

    @Test
    void relationsArePresumedWhenNothingIsRecorded() {
        RelationshipState state = DyadHistory.empty(NER_USA).state();

        assertThat(state.relations().status()).isEqualTo(RelationsStatus.PRESUMED);
        assertThat(state.relations().since()).isEmpty();
    }

    @Test
    void establishingRelationsIsAccepted() {
        DyadHistory history = DyadHistory.empty(NER_USA);
        FactCommand.EstablishRelations command = fact("ner-usa-1960", "1960-08-03", USA, NER).establishRelations().command();

        assertThat(Decider.decide(command, history)).isEqualTo(List.of(new FactEvent.RelationsEstablished(command.fact())));
        record(history, command);
        assertThat(history.state().relations().status()).isEqualTo(RelationsStatus.ESTABLISHED);
        assertThat(history.state().relations().since()).contains(date("1960-08-03"));
    }

    @Test
    void establishingRelationsTwiceIsRejected() {
        DyadHistory history = recorded(NER_USA, fact("e1", "1960-08-03", USA, NER).establishRelations().command());

        assertRejected(history, fact("e2", "1961-01-01", NER, USA).establishRelations().command(),
                "relations are already established since 1960-08-03");
    }

    @Test
    void establishingSeveredRelationsIsRejectedInFavourOfRestoringThem() {
        DyadHistory history = recorded(NER_USA, fact("s", "2000-01-01", NER, USA).severRelations().command());

        assertRejected(history, fact("e", "2001-01-01", NER, USA).establishRelations().command(),
                "relations are severed since 2000-01-01; record restore-relations instead");
    }

    @Test
    void restoringRelationsThatWereNeverSeveredIsRejected() {
        assertRejected(DyadHistory.empty(NER_USA), fact("r", "2001-01-01", NER, USA).restoreRelations().command(),
                "only severed or downgraded relations can be restored; relations are presumed");
    }

    @Test
    void restoringEstablishedRelationsIsRejectedSayingSinceWhen() {
        DyadHistory history = recorded(NER_USA, fact("e", "1960-08-03", USA, NER).establishRelations().command());

        assertRejected(history, fact("r", "2001-01-01", NER, USA).restoreRelations().command(),
                "only severed or downgraded relations can be restored; relations are established since 1960-08-03");
    }

    @Test
    void restoringSeveredRelationsIsAccepted() {
        DyadHistory history = recorded(NER_USA, fact("s", "2000-01-01", NER, USA).severRelations().command());
        FactCommand.RestoreRelations command = fact("r", "2001-02-03", USA, NER).restoreRelations().command();

        assertThat(Decider.decide(command, history)).isEqualTo(List.of(new FactEvent.RelationsRestored(command.fact())));
        record(history, command);
        assertThat(history.state().relations())
                .isEqualTo(new RelationshipState.Relations(RelationsStatus.ESTABLISHED, Optional.of(date("2001-02-03"))));
    }

    @Test
    void restoringDowngradedRelationsIsAccepted() {
        DyadHistory history = recorded(NER_USA, fact("d", "2000-01-01", NER, USA).downgradeRelations().command());

        record(history, fact("r", "2001-01-01", NER, USA).restoreRelations().command());

        assertThat(history.state().relations().status()).isEqualTo(RelationsStatus.ESTABLISHED);
    }

    @Test
    void downgradingRelationsIsAccepted() {
        DyadHistory history = DyadHistory.empty(NER_USA);
        FactCommand.DowngradeRelations command = fact("d", "2000-01-01", NER, USA).downgradeRelations().command();

        assertThat(Decider.decide(command, history)).isEqualTo(List.of(new FactEvent.RelationsDowngraded(command.fact())));
        record(history, command);
        assertThat(history.state().relations().status()).isEqualTo(RelationsStatus.DOWNGRADED);
    }

    @Test
    void downgradingSeveredRelationsIsRejected() {
        DyadHistory history = recorded(NER_USA, fact("s", "2000-01-01", NER, USA).severRelations().command());

        assertRejected(history, fact("d", "2000-06-01", NER, USA).downgradeRelations().command(),
                "relations are severed since 2000-01-01, so relations cannot be downgraded");
    }

    @Test
    void severingRelationsIsAcceptedAndEndsEveryEnvoyInPost() {
        DyadHistory history = recorded(NER_USA,
                fact("amb", "1999-01-01", USA, NER).accreditAmbassador().level(MissionLevel.AMBASSADOR).command(),
                fact("att", "1999-02-01", NER, USA).appointAttache().rank("Colonel").command());
        FactCommand.SeverRelations command = fact("s", "2000-01-01", NER, USA).severRelations().command();

        assertThat(history.state().envoys()).hasSize(2);
        assertThat(Decider.decide(command, history)).isEqualTo(List.of(new FactEvent.RelationsSevered(command.fact())));
        record(history, command);
        assertThat(history.state().relations().status()).isEqualTo(RelationsStatus.SEVERED);
        assertThat(history.state().envoys()).isEmpty();
    }

    @Test
    void severingRelationsTwiceIsRejected() {
        DyadHistory history = recorded(NER_USA, fact("s1", "2000-01-01", NER, USA).severRelations().command());

        assertRejected(history, fact("s2", "2000-06-01", USA, NER).severRelations().command(),
                "relations are severed since 2000-01-01, so relations cannot be severed again");
    }

    @Test
    void relationsCanBeSeveredAgainOnceRestored() {
        DyadHistory history = recorded(NER_USA,
                fact("s1", "2000-01-01", NER, USA).severRelations().command(),
                fact("r", "2001-01-01", NER, USA).restoreRelations().command());

        record(history, fact("s2", "2002-01-01", USA, NER).severRelations().command());

        assertThat(history.state().relations())
                .isEqualTo(new RelationshipState.Relations(RelationsStatus.SEVERED, Optional.of(date("2002-01-01"))));
    }
}
