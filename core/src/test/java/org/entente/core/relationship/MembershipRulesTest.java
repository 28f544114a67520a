package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.relationship.Facts.AU;
import static org.entente.core.relationship.Facts.ECOWAS;
import static org.entente.core.relationship.Facts.EU;
import static org.entente.core.relationship.Facts.MLI;
import static org.entente.core.relationship.Facts.NER;
import static org.entente.core.relationship.Facts.NER_ECOWAS;
import static org.entente.core.relationship.Facts.NER_USA;
import static org.entente.core.relationship.Facts.USA;
import static org.entente.core.relationship.Facts.assertRejected;
import static org.entente.core.relationship.Facts.date;
import static org.entente.core.relationship.Facts.fact;
import static org.entente.core.relationship.Facts.id;
import static org.entente.core.relationship.Facts.ids;
import static org.entente.core.relationship.Facts.record;
import static org.entente.core.relationship.Facts.recorded;
import static org.entente.core.relationship.Facts.rejection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.core.Dyad;
import org.entente.core.relationship.RelationshipCommand.CorrectFact;
import org.entente.core.relationship.RelationshipCommand.RetractFacts;
import org.entente.core.relationship.RelationshipState.AnnouncedWithdrawal;
import org.entente.core.relationship.RelationshipState.FactRef;
import org.entente.core.relationship.RelationshipState.Membership;
import org.entente.core.relationship.RelationshipState.MembershipStatus;
import org.entente.core.relationship.RelationshipState.Suspension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The membership kinds (issue 15): every rule accepted and refused with its message, retroactive facts included. */
class MembershipRulesTest {

    private static FactCommand join(String id, String day) {
        return fact(id, day, NER, ECOWAS).join().command();
    }

    private static FactCommand suspend(String id, String day) {
        return fact(id, day, ECOWAS, NER).suspendMembership("decision-making bodies").command();
    }

    private static FactCommand reinstate(String id, String day) {
        return fact(id, day, ECOWAS, NER).reinstateMembership().command();
    }

    private static FactCommand announce(String id, String day, String effective) {
        return fact(id, day, NER, ECOWAS).announceWithdrawal(date(effective)).command();
    }

    private static FactCommand withdraw(String id, String day) {
        return fact(id, day, NER, ECOWAS).withdraw().command();
    }

    /** Niger, a founding member (1975-05-28), suspended after the coup (2023-07-30). */
    private static DyadHistory suspendedMember() {
        return recorded(NER_ECOWAS, join("ner-joins", "1975-05-28"), suspend("ecowas-suspends", "2023-07-30"));
    }

    private static Membership membership(DyadHistory history) {
        return history.state().membership().orElseThrow();
    }

    @Nested
    class Joining {

        @Test
        void aCountryJoiningAnOrganisationIsAMemberFromThatDay() {
            DyadHistory history = DyadHistory.empty(NER_ECOWAS);
            FactCommand join = join("ner-joins", "1975-05-28");

            assertThat(Decider.decide(join, history)).containsExactly(new FactEvent.MemberJoined(join.fact()));
            record(history, join);

            assertThat(membership(history)).isEqualTo(new Membership(NER, ECOWAS, id("ner-joins"), date("1975-05-28"),
                    Optional.empty(), Optional.empty(), Optional.empty()));
            assertThat(history.state().membershipStatus(date("2000-01-01"))).isEqualTo(MembershipStatus.MEMBER);
        }

        @Test
        void aCountryWhoseCodeSortsAfterOrgJoinsAndIsSuspendedLikeAnyOther() {
            // "ORG:ECOWAS" sorts before "SEN" as text: the dyad still has the country first.
            org.entente.core.Country sen = org.entente.core.Country.of("SEN");
            DyadHistory history = DyadHistory.empty(Dyad.of(ECOWAS, sen));

            record(history, fact("sen-joins", "1975-05-28", sen, ECOWAS).join().command());
            record(history, fact("ecowas-suspends-sen", "2000-01-01", ECOWAS, sen).suspendMembership("all bodies").command());

            assertThat(history.dyad().id()).isEqualTo("SEN-ORG:ECOWAS");
            assertThat(membership(history).member()).isEqualTo(sen);
            assertThat(history.state().membershipStatus(date("2000-01-02"))).isEqualTo(MembershipStatus.SUSPENDED);
        }

        @Test
        void joiningWhileAMemberIsRefusedNamingTheJoining() {
            RuleViolationException e = assertRejected(recorded(NER_ECOWAS, join("ner-joins", "1975-05-28")),
                    join("ner-joins-again", "2000-01-01"),
                    "NER is already a member of ORG:ECOWAS since 1975-05-28 (joined by ner-joins); a member joins again"
                            + " only after its withdrawal is recorded");

            assertThat(e.rule()).isEqualTo(Rule.ALREADY_A_MEMBER);
        }

        @Test
        void joiningAgainAfterAWithdrawalBeginsANewMembership() {
            DyadHistory history = recorded(NER_ECOWAS, join("ner-joins", "1975-05-28"), withdraw("ner-leaves", "2025-01-29"));

            record(history, join("ner-rejoins", "2030-06-01"));

            assertThat(membership(history)).isEqualTo(new Membership(NER, ECOWAS, id("ner-rejoins"), date("2030-06-01"),
                    Optional.empty(), Optional.empty(), Optional.empty()));
        }

        @Test
        void membershipFactsAreNoStepsOfTheStatusDefinitions() {
            DyadHistory history = suspendedMember();

            assertThat(history.state().steps().lastCooperativeStep()).isEmpty();
            assertThat(history.state().steps().lastWindingDownStep()).isEmpty();
            assertThat(history.state().lastFact()).contains(new FactRef(id("ecowas-suspends"), FactKind.SUSPEND_MEMBERSHIP,
                    date("2023-07-30")));
        }
    }

    @Nested
    class TheDyadAndTheActor {

        @Test
        void membershipBetweenTwoCountriesIsRefused() {
            RuleViolationException e = assertRejected(DyadHistory.empty(NER_USA), fact("j", "2000-01-01", NER, USA).join().command(),
                    "join is a fact between a country and an organisation, and NER-USA is two countries");

            assertThat(e.rule()).isEqualTo(Rule.MEMBERSHIP_NEEDS_COUNTRY_AND_ORGANISATION);
        }

        @Test
        void membershipBetweenTwoOrganisationsIsRefused() {
            RuleViolationException e = assertRejected(DyadHistory.empty(Dyad.of(AU, EU)),
                    fact("s", "2000-01-01", AU, EU).suspendMembership().command(),
                    "suspend-membership is a fact between a country and an organisation, and ORG:AU-ORG:EU is two organisations");

            assertThat(e.rule()).isEqualTo(Rule.MEMBERSHIP_NEEDS_COUNTRY_AND_ORGANISATION);
        }

        @Test
        void anOrganisationDoesNotJoinItsMember() {
            RuleViolationException e = assertRejected(DyadHistory.empty(NER_ECOWAS), fact("j", "2000-01-01", ECOWAS, NER).join().command(),
                    "the member country is the actor of join: NER towards ORG:ECOWAS, not ORG:ECOWAS towards NER");

            assertThat(e.rule()).isEqualTo(Rule.MEMBERSHIP_BY_THE_WRONG_SIDE);
        }

        @Test
        void aCountryDoesNotSuspendOrReinstateAnOrganisation() {
            DyadHistory history = suspendedMember();

            assertRejected(history, fact("s", "2024-01-01", NER, ECOWAS).suspendMembership().command(),
                    "the organisation is the actor of suspend-membership: ORG:ECOWAS towards NER, not NER towards ORG:ECOWAS");
            RuleViolationException e = assertRejected(history, fact("r", "2024-01-01", NER, ECOWAS).reinstateMembership().command(),
                    "the organisation is the actor of reinstate-membership");

            assertThat(e.rule()).isEqualTo(Rule.MEMBERSHIP_BY_THE_WRONG_SIDE);
        }

        @Test
        void anOrganisationDoesNotAnnounceOrMakeAWithdrawalForItsMember() {
            DyadHistory history = suspendedMember();

            assertRejected(history, fact("a", "2024-01-28", ECOWAS, NER).announceWithdrawal(date("2025-01-29")).command(),
                    "the member country is the actor of announce-withdrawal");
            assertRejected(history, fact("w", "2025-01-29", ECOWAS, NER).withdraw().command(),
                    "the member country is the actor of withdraw");
        }
    }

    @Nested
    class SuspendingAndReinstating {

        @Test
        void suspendingAMemberKeepsItAMemberWithItsSuspension() {
            DyadHistory history = suspendedMember();

            assertThat(membership(history).suspension())
                    .contains(new Suspension(id("ecowas-suspends"), date("2023-07-30"), Optional.of("decision-making bodies")));
            assertThat(membership(history).suspendedSince()).contains(date("2023-07-30"));
            assertThat(history.state().membershipStatus(date("2023-08-01"))).isEqualTo(MembershipStatus.SUSPENDED);
        }

        @Test
        void suspendingANonMemberIsRefused() {
            RuleViolationException e = assertRejected(DyadHistory.empty(NER_ECOWAS), suspend("ecowas-suspends", "2023-07-30"),
                    "NER is not a member of ORG:ECOWAS on 2023-07-30 (no join recorded on or before that day);"
                            + " only a member can be suspended");

            assertThat(e.rule()).isEqualTo(Rule.NOT_A_MEMBER);
        }

        @Test
        void suspendingAFormerMemberIsRefusedNamingItsWithdrawal() {
            DyadHistory history = recorded(NER_ECOWAS, join("ner-joins", "1975-05-28"), withdraw("ner-leaves", "2025-01-29"));

            assertRejected(history, suspend("ecowas-suspends", "2025-03-01"),
                    "NER is not a member of ORG:ECOWAS on 2025-03-01: it withdrew on 2025-01-29 (ner-leaves), after joining"
                            + " on 1975-05-28 (ner-joins); only a member can be suspended");
        }

        @Test
        void suspendingASuspendedMemberIsRefusedNamingTheSuspension() {
            RuleViolationException e = assertRejected(suspendedMember(), suspend("ecowas-suspends-again", "2023-08-10"),
                    "NER is already suspended from ORG:ECOWAS since 2023-07-30 (suspended by ecowas-suspends);"
                            + " record reinstate-membership before suspending it again");

            assertThat(e.rule()).isEqualTo(Rule.MEMBERSHIP_ALREADY_SUSPENDED);
        }

        @Test
        void reinstatingASuspendedMemberEndsTheSuspension() {
            DyadHistory history = suspendedMember();
            FactCommand reinstate = reinstate("ecowas-reinstates", "2024-02-24");

            assertThat(Decider.decide(reinstate, history)).containsExactly(new FactEvent.MembershipReinstated(reinstate.fact()));
            record(history, reinstate);

            assertThat(membership(history).suspension()).isEmpty();
            assertThat(history.state().membershipStatus(date("2024-03-01"))).isEqualTo(MembershipStatus.MEMBER);
            record(history, suspend("ecowas-suspends-again", "2024-06-01"));
            assertThat(membership(history).suspendedSince()).contains(date("2024-06-01"));
        }

        @Test
        void reinstatingAMemberThatIsNotSuspendedIsRefused() {
            RuleViolationException e = assertRejected(recorded(NER_ECOWAS, join("ner-joins", "1975-05-28")),
                    reinstate("ecowas-reinstates", "2024-02-24"),
                    "NER is not suspended from ORG:ECOWAS on 2024-02-24 (a member since 1975-05-28, joined by ner-joins);"
                            + " only a suspended member can be reinstated");

            assertThat(e.rule()).isEqualTo(Rule.MEMBERSHIP_NOT_SUSPENDED);
        }

        @Test
        void reinstatingANonMemberIsRefused() {
            RuleViolationException e = assertRejected(DyadHistory.empty(NER_ECOWAS), reinstate("ecowas-reinstates", "2024-02-24"),
                    "NER is not a member of ORG:ECOWAS on 2024-02-24 (no join recorded on or before that day);"
                            + " only a suspended member can be reinstated");

            assertThat(e.rule()).isEqualTo(Rule.NOT_A_MEMBER);
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void anAnnouncedWithdrawalMakesTheMemberWithdrawingUntilItsEffectiveDay() {
            DyadHistory history = suspendedMember();
            FactCommand announce = announce("ner-announces", "2024-01-28", "2025-01-29");

            assertThat(Decider.decide(announce, history))
                    .containsExactly(new FactEvent.MembershipWithdrawalAnnounced(announce.fact(), date("2025-01-29")));
            record(history, announce);

            assertThat(membership(history).announcedWithdrawal())
                    .contains(new AnnouncedWithdrawal(id("ner-announces"), date("2024-01-28"), date("2025-01-29")));
            assertThat(membership(history).suspension()).isPresent();
            assertThat(history.state().membershipStatus(date("2024-08-01"))).isEqualTo(MembershipStatus.WITHDRAWING);
            assertThat(history.state().membershipStatus(date("2025-01-28"))).isEqualTo(MembershipStatus.WITHDRAWING);
            assertThat(history.state().membershipStatus(date("2025-01-29"))).isEqualTo(MembershipStatus.FORMER);
        }

        @Test
        void aWithdrawalMayTakeEffectTheDayItIsAnnounced() {
            DyadHistory history = recorded(NER_ECOWAS, join("ner-joins", "1975-05-28"), announce("a", "2024-01-28", "2024-01-28"));

            assertThat(history.state().membershipStatus(date("2024-01-28"))).isEqualTo(MembershipStatus.FORMER);
        }

        @Test
        void aWithdrawalEffectiveBeforeItsAnnouncementIsRefused() {
            RuleViolationException e = assertRejected(suspendedMember(), announce("ner-announces", "2024-01-28", "2024-01-27"),
                    "the withdrawal's effective day 2024-01-27 precedes its announcement on 2024-01-28");

            assertThat(e.rule()).isEqualTo(Rule.EFFECTIVE_BEFORE_ANNOUNCEMENT);
        }

        @Test
        void announcingTheWithdrawalOfANonMemberIsRefused() {
            RuleViolationException e = assertRejected(DyadHistory.empty(NER_ECOWAS), announce("ner-announces", "2024-01-28", "2025-01-29"),
                    "NER is not a member of ORG:ECOWAS on 2024-01-28 (no join recorded on or before that day);"
                            + " only a member can announce its withdrawal");

            assertThat(e.rule()).isEqualTo(Rule.NOT_A_MEMBER);
        }

        @Test
        void announcingAWithdrawalTwiceIsRefusedNamingTheFirstAnnouncement() {
            DyadHistory history = recorded(NER_ECOWAS, join("ner-joins", "1975-05-28"), announce("ner-announces", "2024-01-28", "2025-01-29"));

            RuleViolationException e = assertRejected(history, announce("ner-announces-again", "2024-06-01", "2024-07-01"),
                    "NER already announced its withdrawal from ORG:ECOWAS on 2024-01-28 (ner-announces), effective 2025-01-29;"
                            + " a member announces its withdrawal once (correct that fact to change the effective day)");

            assertThat(e.rule()).isEqualTo(Rule.WITHDRAWAL_ALREADY_ANNOUNCED);
        }

        @Test
        void aWithdrawalEndsTheSuspensionAndTheAnnouncement() {
            DyadHistory history = suspendedMember();
            record(history, announce("ner-announces", "2024-01-28", "2025-01-29"));
            FactCommand withdraw = withdraw("ner-leaves", "2025-01-29");

            assertThat(Decider.decide(withdraw, history)).containsExactly(new FactEvent.MembershipWithdrawn(withdraw.fact()));
            record(history, withdraw);

            assertThat(membership(history)).isEqualTo(new Membership(NER, ECOWAS, id("ner-joins"), date("1975-05-28"),
                    Optional.empty(), Optional.empty(), Optional.of(new FactRef(id("ner-leaves"), FactKind.WITHDRAW, date("2025-01-29")))));
            assertThat(membership(history).withdrawn()).contains(date("2025-01-29"));
            assertThat(history.state().membershipStatus(date("2025-02-01"))).isEqualTo(MembershipStatus.FORMER);
        }

        @Test
        void withdrawingWithoutHavingJoinedIsRefused() {
            RuleViolationException e = assertRejected(DyadHistory.empty(NER_ECOWAS), withdraw("ner-leaves", "2025-01-29"),
                    "NER is not a member of ORG:ECOWAS on 2025-01-29 (no join recorded on or before that day);"
                            + " a member withdraws once");

            assertThat(e.rule()).isEqualTo(Rule.NOT_A_MEMBER);
        }

        @Test
        void withdrawingTwiceIsRefusedNamingTheFirstWithdrawal() {
            DyadHistory history = recorded(NER_ECOWAS, join("ner-joins", "1975-05-28"), withdraw("ner-leaves", "2025-01-29"));

            RuleViolationException e = assertRejected(history, withdraw("ner-leaves-again", "2025-02-01"),
                    "NER is not a member of ORG:ECOWAS on 2025-02-01: it withdrew on 2025-01-29 (ner-leaves), after joining"
                            + " on 1975-05-28 (ner-joins); a member withdraws once");

            assertThat(e.rule()).isEqualTo(Rule.NOT_A_MEMBER);
        }

        @Test
        void aSuspensionAndAWithdrawalOnOneDayComeInThatOrder() {
            // Same day, recorded in the other order: the suspension (rank 10) comes before the withdrawal (rank 16).
            DyadHistory history = recorded(NER_ECOWAS, join("ner-joins", "1975-05-28"), withdraw("ner-leaves", "2025-01-29"));

            assertRejected(history, suspend("ecowas-suspends", "2025-01-30"), "it withdrew on 2025-01-29 (ner-leaves)");
            record(history, suspend("ecowas-suspends", "2025-01-29"));

            assertThat(history.facts()).extracting(FactEvent::id).containsExactly(id("ner-joins"), id("ecowas-suspends"), id("ner-leaves"));
            assertThat(membership(history).suspension()).isEmpty();
        }
    }

    @Nested
    class RecordedLate {

        @Test
        void aWithdrawalDatedBeforeARecordedSuspensionIsRefusedNamingTheSuspension() {
            DyadHistory history = suspendedMember();

            RuleViolationException e = rejection(history, withdraw("ner-leaves", "2023-01-01"));

            assertThat(e.rule()).isEqualTo(Rule.NOT_A_MEMBER);
            assertThat(e.fact()).isEqualTo(id("ner-leaves"));
            assertThat(e.brokenFact()).contains(id("ecowas-suspends"));
            assertThat(e.getMessage()).isEqualTo("NER-ORG:ECOWAS 2023-01-01 ner-leaves (withdraw): recording ner-leaves would break"
                    + " later fact ecowas-suspends (2023-07-30, suspend membership): NER is not a member of ORG:ECOWAS on 2023-07-30:"
                    + " it withdrew on 2023-01-01 (ner-leaves), after joining on 1975-05-28 (ner-joins); only a member can be suspended");
            assertThat(history.facts()).extracting(FactEvent::id).containsExactly(id("ner-joins"), id("ecowas-suspends"));
        }

        @Test
        void aJoiningDatedBeforeARecordedJoiningIsRefusedNamingTheLaterOne() {
            DyadHistory history = recorded(NER_ECOWAS, join("ner-joins", "1975-05-28"));

            RuleViolationException e = rejection(history, join("ner-joins-early", "1970-01-01"));

            assertThat(e.rule()).isEqualTo(Rule.ALREADY_A_MEMBER);
            assertThat(e.brokenFact()).contains(id("ner-joins"));
            assertThat(e.getMessage()).contains("would break later fact ner-joins (1975-05-28, join)",
                    "NER is already a member of ORG:ECOWAS since 1970-01-01 (joined by ner-joins-early)");
        }

        @Test
        void aSuspensionDatedBeforeARecordedSuspensionIsRefusedNamingTheLaterOne() {
            RuleViolationException e = rejection(suspendedMember(), suspend("ecowas-suspends-early", "2023-07-27"));

            assertThat(e.rule()).isEqualTo(Rule.MEMBERSHIP_ALREADY_SUSPENDED);
            assertThat(e.brokenFact()).contains(id("ecowas-suspends"));
        }

        @Test
        void factsRecordedLateThatKeepTheLaterOnesValidAreAccepted() {
            DyadHistory history = recorded(NER_ECOWAS, join("ner-joins", "1975-05-28"), withdraw("ner-leaves", "2025-01-29"));

            record(history, suspend("ecowas-suspends", "2023-07-30"));
            record(history, announce("ner-announces", "2024-01-28", "2025-01-29"));
            record(history, reinstate("ecowas-reinstates", "2024-02-24"));

            assertThat(history.facts()).extracting(FactEvent::id).containsExactly(id("ner-joins"), id("ecowas-suspends"),
                    id("ner-announces"), id("ecowas-reinstates"), id("ner-leaves"));
            assertThat(membership(history).withdrawn()).contains(date("2025-01-29"));
        }

        @Test
        void aLateReinstatementThatLeavesALaterOneNothingToReinstateIsRefusedNamingIt() {
            DyadHistory history = suspendedMember();
            record(history, reinstate("ecowas-reinstates-2", "2024-12-01"));

            RuleViolationException e = rejection(history, reinstate("ecowas-reinstates-1", "2024-02-24"));

            assertThat(e.rule()).isEqualTo(Rule.MEMBERSHIP_NOT_SUSPENDED);
            assertThat(e.brokenFact()).contains(id("ecowas-reinstates-2"));
        }

        @Test
        void retractingTheJoiningThatALaterSuspensionNeedsIsRefusedNamingTheSuspension() {
            RuleViolationException e = rejection(suspendedMember(), new RetractFacts(ids("ner-joins"), "wrong dyad"));

            assertThat(e.rule()).isEqualTo(Rule.NOT_A_MEMBER);
            assertThat(e.brokenFact()).contains(id("ecowas-suspends"));
            assertThat(e.getMessage()).startsWith("NER-ORG:ECOWAS retracting ner-joins: would break later fact ecowas-suspends");
        }

        @Test
        void correctingAnAnnouncementToTakeEffectEarlierIsAccepted() {
            DyadHistory history = recorded(NER_ECOWAS, join("ner-joins", "1975-05-28"), announce("ner-announces", "2024-01-28", "2025-01-29"));

            record(history, new CorrectFact(announce("ner-announces", "2024-01-28", "2024-12-31"), "the date the treaty gives"));

            assertThat(membership(history).announcedWithdrawal().map(AnnouncedWithdrawal::effective)).contains(date("2024-12-31"));
        }
    }

    @Nested
    class Statuses {

        @Test
        void noMembershipRecordedIsNone() {
            assertThat(DyadHistory.empty(NER_ECOWAS).state().membershipStatus(date("2024-01-01"))).isEqualTo(MembershipStatus.NONE);
            assertThat(DyadHistory.empty(NER_USA).state().membership()).isEmpty();
        }

        @Test
        void eachStatusOnItsDate() {
            Membership joined = new Membership(MLI, ECOWAS, id("mli-joins"), date("1975-05-28"), Optional.empty(), Optional.empty(),
                    Optional.empty());
            Suspension suspension = new Suspension(id("ecowas-suspends-mli"), date("2021-05-30"), Optional.empty());
            AnnouncedWithdrawal announced = new AnnouncedWithdrawal(id("mli-announces"), date("2024-01-28"), date("2025-01-29"));
            FactRef withdrawal = new FactRef(id("mli-leaves"), FactKind.WITHDRAW, date("2025-01-29"));

            assertThat(joined.status(date("1975-05-27"))).isEqualTo(MembershipStatus.NONE);
            assertThat(joined.status(date("1975-05-28"))).isEqualTo(MembershipStatus.MEMBER);
            assertThat(with(joined, Optional.of(suspension), Optional.empty(), Optional.empty()).status(date("2022-01-01")))
                    .isEqualTo(MembershipStatus.SUSPENDED);
            Membership withdrawing = with(joined, Optional.of(suspension), Optional.of(announced), Optional.empty());
            assertThat(withdrawing.status(date("2024-08-01"))).isEqualTo(MembershipStatus.WITHDRAWING);
            assertThat(withdrawing.status(date("2025-01-29"))).isEqualTo(MembershipStatus.FORMER);
            assertThat(with(joined, Optional.empty(), Optional.empty(), Optional.of(withdrawal)).status(date("2025-02-01")))
                    .isEqualTo(MembershipStatus.FORMER);
        }

        private Membership with(Membership m, Optional<Suspension> s, Optional<AnnouncedWithdrawal> a, Optional<FactRef> w) {
            return new Membership(m.member(), m.organisation(), m.joining(), m.joined(), s, a, w);
        }

        @Test
        void aStateOfAnotherDyadThanItsMembershipIsRefused() {
            Membership ner = new Membership(NER, ECOWAS, id("ner-joins"), date("1975-05-28"), Optional.empty(), Optional.empty(),
                    Optional.empty());
            RelationshipState empty = RelationshipState.empty(Dyad.of(MLI, ECOWAS));

            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> new RelationshipState(empty.dyad(), empty.relations(), List.of(), List.of(), List.of(), List.of(),
                            Optional.of(ner), empty.steps(), Optional.empty(), Optional.empty(), 0))
                    .withMessage("the membership of NER in ORG:ECOWAS is not of the dyad MLI-ORG:ECOWAS");
        }

        @Test
        void aFoldContinuedFromAStateKeepsItsMembership() {
            RelationshipState checkpoint = suspendedMember().state();
            FactEvent reinstate = reinstate("ecowas-reinstates", "2024-02-24").toEvent();
            FactEvent suspendAgain = suspend("ecowas-suspends-2", "2024-03-01").toEvent();
            FactEvent suspendTwice = suspend("ecowas-suspends-3", "2024-04-01").toEvent();

            RelationshipState after = Decider.continueFrom(checkpoint, List.of(reinstate, suspendAgain, suspendTwice));

            assertThat(after.membership().orElseThrow().suspension().map(Suspension::suspension)).contains(id("ecowas-suspends-2"));
            assertThat(after.factCount()).isEqualTo(4);
            assertThat(Decider.continueFrom(checkpoint, List.of(suspendTwice)).membership()).isEqualTo(checkpoint.membership());
        }

        @Test
        void theRelationshipStateOfBeforeMembershipsStillBuildsWithNone() {
            RelationshipState s = RelationshipState.empty(NER_ECOWAS);

            RelationshipState old = new RelationshipState(s.dyad(), s.relations(), s.envoys(), s.agreements(), s.forces(), s.sanctions(),
                    s.steps(), s.lastContact(), s.lastFact(), s.factCount());

            assertThat(old).isEqualTo(s);
            assertThat(old.membership()).isEmpty();
        }
    }

    @Test
    void theFluentBuilderOfAnAnnouncementKeepsItsEffectiveDay() {
        FactCommand announce = announce("a", "2024-01-28", "2025-01-29");

        assertThat(Fact.from(announce).as(FactBuilder.AnnounceWithdrawal.class).effective(LocalDate.of(2025, 2, 1)).command())
                .isEqualTo(announce("a", "2024-01-28", "2025-02-01"));
    }
}
