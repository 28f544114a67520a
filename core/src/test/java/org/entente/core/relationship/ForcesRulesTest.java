package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.relationship.Facts.NER;
import static org.entente.core.relationship.Facts.NER_USA;
import static org.entente.core.relationship.Facts.USA;
import static org.entente.core.relationship.Facts.assertRejected;
import static org.entente.core.relationship.Facts.date;
import static org.entente.core.relationship.Facts.fact;
import static org.entente.core.relationship.Facts.header;
import static org.entente.core.relationship.Facts.id;
import static org.entente.core.relationship.Facts.ids;
import static org.entente.core.relationship.Facts.record;
import static org.entente.core.relationship.Facts.recorded;
import static org.entente.core.relationship.NigerStory.USA_COMPLETE;
import static org.entente.core.relationship.NigerStory.USA_DEADLINE;
import static org.entente.core.relationship.NigerStory.USA_FORCES_AGADEZ;
import static org.entente.core.relationship.NigerStory.USA_FORCES_NIAMEY;
import static org.entente.core.relationship.NigerStory.USA_HANDOVER_101;
import static org.entente.core.relationship.NigerStory.USA_SCHEDULE;

import java.util.List;
import java.util.Optional;
import org.entente.core.relationship.RelationshipState.Forces;
import org.entente.core.relationship.RelationshipState.Withdrawal;
import org.junit.jupiter.api.Test;

class ForcesRulesTest {

    private static Forces forces(DyadHistory history, String stationing) {
        return history.state().forces().stream().filter(f -> f.stationing().equals(id(stationing))).findFirst().orElseThrow();
    }

    private static DyadHistory bothStationings() {
        return recorded(NER_USA, USA_FORCES_NIAMEY, USA_FORCES_AGADEZ);
    }

    @Test
    void stationingForcesAtTheHostsInvitationIsAccepted() {
        DyadHistory history = DyadHistory.empty(NER_USA);

        assertThat(Decider.decide(USA_FORCES_NIAMEY, history)).isEqualTo(List.of(new FactEvent.ForcesStationed(
                USA_FORCES_NIAMEY.fact(), Optional.of("Niamey"), Optional.of(100), List.of("Air Base 101"), true)));
        record(history, USA_FORCES_NIAMEY);
        assertThat(history.state().forcesPresent()).containsExactly(new Forces(id("usa-forces-niamey"), USA, NER,
                Optional.of("Niamey"), Optional.of(100), List.of("Air Base 101"), true, date("2013-02-22"),
                Optional.empty(), List.of(), Optional.empty()));
        assertThat(history.state().steps().lastCooperativeStep()).contains(date("2013-02-22"));
    }

    @Test
    void stationingForcesAtTheHostsInvitationWhileRelationsAreSeveredIsRejected() {
        DyadHistory history = recorded(NER_USA, fact("s", "2010-01-01", NER, USA).severRelations().command());

        assertRejected(history, USA_FORCES_NIAMEY,
                "relations are severed since 2010-01-01, so forces cannot be stationed at the host's invitation");
    }

    @Test
    void forcesStationedWithoutInvitationAreAcceptedWhileSeveredButAreNoCooperativeStep() {
        DyadHistory history = recorded(NER_USA, fact("s", "2010-01-01", NER, USA).severRelations().command());
        FactCommand.StationForces uninvited = new FactCommand.StationForces(header("occ", "2011-01-01", USA, NER),
                Optional.empty(), Optional.empty(), List.of(), false);

        record(history, uninvited);

        assertThat(history.state().forcesPresent()).hasSize(1);
        assertThat(history.state().hasMilitaryTies()).isTrue();
        assertThat(history.state().steps().lastCooperativeStep()).isEmpty();
    }

    @Test
    void demandingTheWithdrawalOfForcesPresentIsAcceptedAsAWindingDownStep() {
        DyadHistory history = bothStationings();
        FactCommand.DemandWithdrawal command = fact("ner-demand", "2024-03-16", NER, USA).demandWithdrawal().command();

        assertThat(Decider.decide(command, history))
                .isEqualTo(List.of(new FactEvent.WithdrawalDemanded(command.fact(), List.of())));
        record(history, command);
        assertThat(history.state().steps().lastWindingDownStep()).contains(date("2024-03-16"));
        assertThat(history.state().steps().windingDownUnresolved()).isTrue();
        assertThat(history.state().forcesPresent()).hasSize(2);
    }

    @Test
    void demandingAWithdrawalWithoutForcesIsRejected() {
        assertRejected(DyadHistory.empty(NER_USA), fact("d", "2024-03-16", NER, USA).demandWithdrawal().command(),
                "a withdrawal can be demanded only for forces present, and no forces of USA are in NER on 2024-03-16 (forces recorded: none)");
    }

    @Test
    void demandingTheWithdrawalOfOnesOwnForcesIsRejected() {
        DyadHistory history = bothStationings();

        assertRejected(history, fact("d", "2024-03-16", USA, NER).demandWithdrawal().forces("usa-forces-niamey").command(),
                "the forces of usa-forces-niamey are USA's, not NER's");
    }

    @Test
    void schedulingAWithdrawalOfAllForcesPresentIsAccepted() {
        DyadHistory history = bothStationings();

        assertThat(Decider.decide(USA_SCHEDULE, history))
                .isEqualTo(List.of(new FactEvent.WithdrawalScheduled(USA_SCHEDULE.fact(), Optional.empty(), List.of())));
        record(history, USA_SCHEDULE);
        Withdrawal expected = new Withdrawal(date("2024-04-19"), Optional.empty());
        assertThat(forces(history, "usa-forces-niamey").withdrawal()).contains(expected);
        assertThat(forces(history, "usa-forces-agadez").withdrawal()).contains(expected);
        assertThat(history.state().steps().lastWindingDownStep()).contains(date("2024-04-19"));
    }

    @Test
    void schedulingAWithdrawalOfNamedForcesLeavesTheOthersUnscheduled() {
        DyadHistory history = bothStationings();

        record(history, fact("s", "2024-04-19", USA, NER).scheduleWithdrawal().deadline(2024, 9, 15).forces("usa-forces-agadez").command());

        assertThat(forces(history, "usa-forces-agadez").withdrawal())
                .contains(new Withdrawal(date("2024-04-19"), Optional.of(date("2024-09-15"))));
        assertThat(forces(history, "usa-forces-niamey").withdrawal()).isEmpty();
    }

    @Test
    void reschedulingKeepsTheFirstDayAndSetsTheNewDeadline() {
        DyadHistory history = bothStationings();
        record(history, USA_SCHEDULE);

        assertThat(Decider.decide(USA_DEADLINE, history)).isEqualTo(List.of(new FactEvent.WithdrawalScheduled(
                USA_DEADLINE.fact(), Optional.of(date("2024-09-15")), List.of())));
        record(history, USA_DEADLINE);

        assertThat(forces(history, "usa-forces-niamey").withdrawal())
                .contains(new Withdrawal(date("2024-04-19"), Optional.of(date("2024-09-15"))));
        assertThat(history.state().steps().lastWindingDownStep()).contains(date("2024-05-19"));
    }

    @Test
    void reschedulingWithoutADeadlineKeepsThePreviousDeadline() {
        DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY, USA_DEADLINE);

        record(history, fact("again", "2024-06-01", USA, NER).scheduleWithdrawal().command());

        assertThat(forces(history, "usa-forces-niamey").withdrawal())
                .contains(new Withdrawal(date("2024-05-19"), Optional.of(date("2024-09-15"))));
    }

    @Test
    void schedulingAWithdrawalWithoutForcesIsRejected() {
        assertRejected(DyadHistory.empty(NER_USA), USA_SCHEDULE,
                "a withdrawal can be scheduled only for forces present, and no forces of USA are in NER on 2024-04-19 (forces recorded: none)");
    }

    @Test
    void schedulingTheWithdrawalOfTheHostsForcesIsRejected() {
        DyadHistory history = bothStationings();

        assertRejected(history, fact("s", "2024-04-19", NER, USA).scheduleWithdrawal().command(),
                "a withdrawal can be scheduled only for forces present, and no forces of NER are in USA on 2024-04-19"
                        + " (forces recorded: usa-forces-niamey (USA, present), usa-forces-agadez (USA, present))");
    }

    @Test
    void schedulingWithADeadlineBeforeTheSchedulingIsRejected() {
        DyadHistory history = bothStationings();

        assertRejected(history, fact("s", "2024-04-19", USA, NER).scheduleWithdrawal().deadline(2024, 4, 18).command(),
                "the deadline 2024-04-18 precedes the scheduling on 2024-04-19");
    }

    @Test
    void aDeadlineOnTheDayOfTheSchedulingIsAccepted() {
        DyadHistory history = bothStationings();

        record(history, fact("s", "2024-04-19", USA, NER).scheduleWithdrawal().deadline(2024, 4, 19).command());

        assertThat(forces(history, "usa-forces-agadez").withdrawal().flatMap(Withdrawal::deadline)).contains(date("2024-04-19"));
    }

    @Test
    void schedulingForForcesThatLeftIsRejected() {
        DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY, USA_SCHEDULE,
                fact("gone", "2024-07-07", USA, NER).completeWithdrawal().forces("usa-forces-niamey").command());

        assertRejected(history, fact("s", "2024-08-01", USA, NER).scheduleWithdrawal().forces("usa-forces-niamey").command(),
                "a withdrawal can be scheduled only for forces present; the forces of usa-forces-niamey left on 2024-07-07");
    }

    @Test
    void schedulingForAStationingNeverRecordedIsRejected() {
        DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY);

        assertRejected(history, fact("s", "2024-04-19", USA, NER).scheduleWithdrawal().forces("usa-forces-arlit").command(),
                "no forces were stationed by usa-forces-arlit on or before 2024-04-19; forces are named by their stationing"
                        + " (recorded: usa-forces-niamey (USA, present))");
    }

    @Test
    void handingOverABaseIsAccepted() {
        DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY, USA_FORCES_AGADEZ, USA_SCHEDULE);

        assertThat(Decider.decide(USA_HANDOVER_101, history)).isEqualTo(List.of(new FactEvent.BaseHandedOver(
                USA_HANDOVER_101.fact(), id("usa-forces-niamey"), "Air Base 101")));
        record(history, USA_HANDOVER_101);
        Forces niamey = forces(history, "usa-forces-niamey");
        assertThat(niamey.basesHandedOver()).containsExactly("Air Base 101");
        assertThat(niamey.present()).isTrue();
    }

    @Test
    void handingOverABaseTheForcesDoNotUseIsRejected() {
        DyadHistory history = bothStationings();

        assertRejected(history, fact("h", "2024-07-07", USA, NER).handOverBase("usa-forces-niamey", "Air Base 201").command(),
                "the forces of usa-forces-niamey use [Air Base 101], not 'Air Base 201'");
    }

    @Test
    void handingOverABaseTwiceIsRejected() {
        DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY, USA_HANDOVER_101);

        assertRejected(history, fact("h2", "2024-07-08", USA, NER).handOverBase("usa-forces-niamey", "Air Base 101").command(),
                "'Air Base 101' was already handed over");
    }

    @Test
    void anyBaseMayBeHandedOverByForcesWhoseBasesWereNotRecorded() {
        DyadHistory history = recorded(NER_USA, fact("f", "2013-01-01", USA, NER).stationForces().invited().command());

        record(history, fact("h", "2024-07-07", USA, NER).handOverBase("f", "Camp Somewhere").command());

        assertThat(forces(history, "f").basesHandedOver()).containsExactly("Camp Somewhere");
    }

    @Test
    void handingOverABaseOfForcesThatLeftIsRejected() {
        DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY, USA_SCHEDULE,
                fact("gone", "2024-07-01", USA, NER).completeWithdrawal().forces("usa-forces-niamey").command());

        assertRejected(history, USA_HANDOVER_101,
                "a base can be handed over only for forces present; the forces of usa-forces-niamey left on 2024-07-01");
    }

    @Test
    void completingAScheduledWithdrawalIsAcceptedAndEndsThePresence() {
        DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY, USA_FORCES_AGADEZ, USA_SCHEDULE, USA_DEADLINE);

        assertThat(Decider.decide(USA_COMPLETE, history)).isEqualTo(List.of(new FactEvent.WithdrawalCompleted(
                USA_COMPLETE.fact(), ids("usa-forces-niamey", "usa-forces-agadez"))));
        record(history, USA_COMPLETE);
        assertThat(history.state().forcesPresent()).isEmpty();
        assertThat(forces(history, "usa-forces-niamey").withdrawn()).contains(date("2024-08-05"));
        assertThat(forces(history, "usa-forces-agadez").withdrawn()).contains(date("2024-08-05"));
        assertThat(history.state().steps().windingDownUnresolved()).isFalse();
    }

    @Test
    void completingAWithdrawalThatWasNeverScheduledIsRejected() {
        DyadHistory history = bothStationings();

        assertRejected(history, USA_COMPLETE,
                "no withdrawal is scheduled on or before 2024-08-05 for usa-forces-niamey (last scheduled: none)");
    }

    @Test
    void completingAWithdrawalScheduledForOnlySomeOfTheForcesIsRejectedAndEndsNone() {
        DyadHistory history = bothStationings();
        record(history, fact("s", "2024-04-19", USA, NER).scheduleWithdrawal().forces("usa-forces-niamey").command());

        assertRejected(history, USA_COMPLETE,
                "no withdrawal is scheduled on or before 2024-08-05 for usa-forces-agadez (last scheduled: 2024-04-19 for usa-forces-niamey)");
        assertThat(history.state().forcesPresent()).hasSize(2);
    }

    @Test
    void theLastScheduledWithdrawalNamedByARejectionIsTheLatest() {
        DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY, USA_FORCES_AGADEZ,
                fact("usa-forces-arlit", "2020-01-01", USA, NER).stationForces().invited().command(),
                fact("late", "2024-05-01", USA, NER).scheduleWithdrawal().forces("usa-forces-niamey").command(),
                fact("early", "2024-04-01", USA, NER).scheduleWithdrawal().forces("usa-forces-agadez").command());

        assertRejected(history, fact("c", "2024-08-05", USA, NER).completeWithdrawal().forces("usa-forces-arlit").command(),
                "no withdrawal is scheduled on or before 2024-08-05 for usa-forces-arlit (last scheduled: 2024-05-01 for usa-forces-niamey)");
    }

    @Test
    void completingAllForcesWithoutNamingThemEndsEveryScheduledStationing() {
        DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY, USA_FORCES_AGADEZ, USA_SCHEDULE);

        record(history, fact("all", "2024-08-05", USA, NER).completeWithdrawal().command());

        assertThat(history.state().forcesPresent()).isEmpty();
        assertThat(history.state().hasMilitaryTies()).isFalse();
    }

    @Test
    void completingAWithdrawalTwiceIsRejected() {
        DyadHistory history = recorded(NER_USA, USA_FORCES_NIAMEY, USA_FORCES_AGADEZ, USA_SCHEDULE, USA_COMPLETE);

        assertRejected(history, fact("again", "2024-09-01", USA, NER).completeWithdrawal().forces("usa-forces-agadez").command(),
                "a withdrawal can be completed only for forces present; the forces of usa-forces-agadez left on 2024-08-05");
        assertRejected(history, fact("again", "2024-09-01", USA, NER).completeWithdrawal().command(),
                "a withdrawal can be completed only for forces present, and no forces of USA are in NER on 2024-09-01"
                        + " (forces recorded: usa-forces-niamey (USA, left 2024-08-05), usa-forces-agadez (USA, left 2024-08-05))");
    }
}
