package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.relationship.Facts.NER;
import static org.entente.core.relationship.Facts.NER_USA;
import static org.entente.core.relationship.Facts.USA;
import static org.entente.core.relationship.Facts.accredit;
import static org.entente.core.relationship.Facts.appointAttache;
import static org.entente.core.relationship.Facts.assertRejected;
import static org.entente.core.relationship.Facts.date;
import static org.entente.core.relationship.Facts.downgrade;
import static org.entente.core.relationship.Facts.establish;
import static org.entente.core.relationship.Facts.record;
import static org.entente.core.relationship.Facts.recorded;
import static org.entente.core.relationship.Facts.restoreRelations;
import static org.entente.core.relationship.Facts.sever;

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
        FactCommand.EstablishRelations command = establish("ner-usa-1960", "1960-08-03", USA, NER);

        assertThat(Decider.decide(command, history)).isEqualTo(List.of(new FactEvent.RelationsEstablished(command.fact())));
        record(history, command);
        assertThat(history.state().relations().status()).isEqualTo(RelationsStatus.ESTABLISHED);
        assertThat(history.state().relations().since()).contains(date("1960-08-03"));
    }

    @Test
    void establishingRelationsTwiceIsRejected() {
        DyadHistory history = recorded(NER_USA, establish("e1", "1960-08-03", USA, NER));

        assertRejected(history, establish("e2", "1961-01-01", NER, USA),
                "relations are already established since 1960-08-03");
    }

    @Test
    void establishingSeveredRelationsIsRejectedInFavourOfRestoringThem() {
        DyadHistory history = recorded(NER_USA, sever("s", "2000-01-01", NER, USA));

        assertRejected(history, establish("e", "2001-01-01", NER, USA),
                "relations are severed since 2000-01-01; record restore-relations instead");
    }

    @Test
    void restoringRelationsThatWereNeverSeveredIsRejected() {
        assertRejected(DyadHistory.empty(NER_USA), restoreRelations("r", "2001-01-01", NER, USA),
                "only severed or downgraded relations can be restored; relations are presumed");
    }

    @Test
    void restoringEstablishedRelationsIsRejectedSayingSinceWhen() {
        DyadHistory history = recorded(NER_USA, establish("e", "1960-08-03", USA, NER));

        assertRejected(history, restoreRelations("r", "2001-01-01", NER, USA),
                "only severed or downgraded relations can be restored; relations are established since 1960-08-03");
    }

    @Test
    void restoringSeveredRelationsIsAccepted() {
        DyadHistory history = recorded(NER_USA, sever("s", "2000-01-01", NER, USA));
        FactCommand.RestoreRelations command = restoreRelations("r", "2001-02-03", USA, NER);

        assertThat(Decider.decide(command, history)).isEqualTo(List.of(new FactEvent.RelationsRestored(command.fact())));
        record(history, command);
        assertThat(history.state().relations())
                .isEqualTo(new RelationshipState.Relations(RelationsStatus.ESTABLISHED, Optional.of(date("2001-02-03"))));
    }

    @Test
    void restoringDowngradedRelationsIsAccepted() {
        DyadHistory history = recorded(NER_USA, downgrade("d", "2000-01-01", NER, USA));

        record(history, restoreRelations("r", "2001-01-01", NER, USA));

        assertThat(history.state().relations().status()).isEqualTo(RelationsStatus.ESTABLISHED);
    }

    @Test
    void downgradingRelationsIsAccepted() {
        DyadHistory history = DyadHistory.empty(NER_USA);
        FactCommand.DowngradeRelations command = downgrade("d", "2000-01-01", NER, USA);

        assertThat(Decider.decide(command, history)).isEqualTo(List.of(new FactEvent.RelationsDowngraded(command.fact())));
        record(history, command);
        assertThat(history.state().relations().status()).isEqualTo(RelationsStatus.DOWNGRADED);
    }

    @Test
    void downgradingSeveredRelationsIsRejected() {
        DyadHistory history = recorded(NER_USA, sever("s", "2000-01-01", NER, USA));

        assertRejected(history, downgrade("d", "2000-06-01", NER, USA),
                "relations are severed since 2000-01-01, so relations cannot be downgraded");
    }

    @Test
    void severingRelationsIsAcceptedAndEndsEveryEnvoyInPost() {
        DyadHistory history = recorded(NER_USA,
                accredit("amb", "1999-01-01", USA, NER, MissionLevel.AMBASSADOR),
                appointAttache("att", "1999-02-01", NER, USA));
        FactCommand.SeverRelations command = sever("s", "2000-01-01", NER, USA);

        assertThat(history.state().envoys()).hasSize(2);
        assertThat(Decider.decide(command, history)).isEqualTo(List.of(new FactEvent.RelationsSevered(command.fact())));
        record(history, command);
        assertThat(history.state().relations().status()).isEqualTo(RelationsStatus.SEVERED);
        assertThat(history.state().envoys()).isEmpty();
    }

    @Test
    void severingRelationsTwiceIsRejected() {
        DyadHistory history = recorded(NER_USA, sever("s1", "2000-01-01", NER, USA));

        assertRejected(history, sever("s2", "2000-06-01", USA, NER),
                "relations are severed since 2000-01-01, so relations cannot be severed again");
    }

    @Test
    void relationsCanBeSeveredAgainOnceRestored() {
        DyadHistory history = recorded(NER_USA,
                sever("s1", "2000-01-01", NER, USA),
                restoreRelations("r", "2001-01-01", NER, USA));

        record(history, sever("s2", "2002-01-01", USA, NER));

        assertThat(history.state().relations())
                .isEqualTo(new RelationshipState.Relations(RelationsStatus.SEVERED, Optional.of(date("2002-01-01"))));
    }
}
