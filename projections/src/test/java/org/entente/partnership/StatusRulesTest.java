package org.entente.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.MoreFacts.ambassador;
import static org.entente.MoreFacts.attache;
import static org.entente.MoreFacts.charge;
import static org.entente.MoreFacts.day;
import static org.entente.MoreFacts.demand;
import static org.entente.MoreFacts.restoreAgreement;
import static org.entente.MoreFacts.restoreRelations;
import static org.entente.MoreFacts.sever;
import static org.entente.MoreFacts.suspend;
import static org.entente.MoreFacts.uninvited;
import static org.entente.testsupport.Facts.*;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Dyad;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.FactCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule of docs/DOMAIN.md's status definition at its boundaries: the day before a change and the day
 * of it, on small histories recorded through {@link Entente#inMemory()}.
 */
class StatusRulesTest {

    private static final Dyad NER_USA = Dyad.of(NER, USA);
    private static final Dyad NER_FRA = Dyad.of(NER, FRA);

    private Entente entente;

    @BeforeEach
    void open() {
        entente = Entente.inMemory();
    }

    @AfterEach
    void close() {
        entente.close();
    }

    private Status status(Dyad dyad, String date) {
        return status(dyad, day(date));
    }

    private Status status(Dyad dyad, LocalDate date) {
        return entente.partnership(dyad, When.asOf(date)).status();
    }

    private void record(FactCommand... facts) {
        entente.recordAll(List.of(facts));
    }

    /** A status-of-forces agreement from 2012 and US forces from 2013: old military ties. */
    private void oldUsTies() {
        record(sign("sofa", "2012-01-01", NER, USA, AgreementKind.STATUS_OF_FORCES),
                station("forces", "2013-02-22", USA, NER, "Air Base 101"));
    }

    /** France's ties in Niger until the withdrawal completed on 2023-12-22. */
    private void frenchTiesUntilDecember2023() {
        record(sign("fra-agreements", "1977-01-01", NER, FRA, AgreementKind.DEFENCE_COOPERATION),
                station("fra-forces", "2014-08-01", FRA, NER),
                denounce("fra-denounce", "2023-08-03", NER, FRA, "fra-agreements"),
                schedule("fra-schedule", "2023-09-24", FRA, NER, "2023-12-31"),
                complete("fra-complete", "2023-12-22", FRA, NER, "fra-forces"));
    }

    // -------------------------------------------------------------------------------- NONE, ACTIVE

    @Test
    void aDyadWithNothingRecordedHasNoStatus() {
        Partnership p = entente.partnership(NER_USA, When.asOf(day("2024-04-30")));

        assertThat(p.status()).isEqualTo(Status.NONE);
        assertThat(p.facts()).isZero();
        assertThat(p.dyad()).isEqualTo(NER_USA);
    }

    @Test
    void theDayBeforeTheFirstFactTheStatusIsNoneAndOnItsDayItIsActive() {
        record(talks("talks", "2024-03-12", USA, NER));

        assertThat(status(NER_USA, "2024-03-11")).isEqualTo(Status.NONE);
        assertThat(status(NER_USA, "2024-03-12")).isEqualTo(Status.ACTIVE);
    }

    @Test
    void oldTiesWithoutAnyRecentStepAreActive() {
        oldUsTies();

        assertThat(status(NER_USA, "2013-02-22")).isEqualTo(Status.STRENGTHENING);
        assertThat(status(NER_USA, "2023-06-01")).isEqualTo(Status.ACTIVE);
    }

    @Test
    void aDyadThatNeverHadMilitaryTiesIsNeverEnded() {
        record(talks("talks", "2020-01-01", USA, NER), sign("trade", "2020-02-01", NER, USA, AgreementKind.ECONOMIC),
                suspend("trade-suspended", "2020-03-01", NER, USA, "trade"));

        assertThat(status(NER_USA, "2024-01-01")).isEqualTo(Status.ACTIVE);
    }

    // ------------------------------------------------------------------------------- WINDING_DOWN

    @Test
    void aDenunciationWhileForcesRemainTurnsActiveIntoWindingDownOnTheDenunciationDay() {
        oldUsTies();
        record(denounce("denounce", "2024-03-16", NER, USA, "sofa"));

        assertThat(status(NER_USA, "2024-03-15")).isEqualTo(Status.ACTIVE);
        assertThat(status(NER_USA, "2024-03-16")).isEqualTo(Status.WINDING_DOWN);
        assertThat(status(NER_USA, "2030-01-01")).isEqualTo(Status.WINDING_DOWN);
    }

    @Test
    void denouncingTheOnlyMilitaryTieEndsThePartnershipOnTheDenunciationDay() {
        record(sign("sofa", "2012-01-01", NER, USA, AgreementKind.STATUS_OF_FORCES),
                denounce("denounce", "2024-03-16", NER, USA, "sofa"));

        assertThat(status(NER_USA, "2024-03-15")).isEqualTo(Status.ACTIVE);
        assertThat(status(NER_USA, "2024-03-16")).isEqualTo(Status.ENDED);
    }

    @Test
    void aDemandedWithdrawalIsAWindingDownStepFromItsDay() {
        oldUsTies();
        record(demand("demand", "2024-03-16", NER, USA));

        assertThat(status(NER_USA, "2024-03-15")).isEqualTo(Status.ACTIVE);
        assertThat(status(NER_USA, "2024-03-16")).isEqualTo(Status.WINDING_DOWN);
    }

    @Test
    void aScheduledWithdrawalIsAWindingDownStepFromItsDay() {
        oldUsTies();
        record(schedule("schedule", "2024-04-19", USA, NER, null));

        assertThat(status(NER_USA, "2024-04-18")).isEqualTo(Status.ACTIVE);
        assertThat(status(NER_USA, "2024-04-19")).isEqualTo(Status.WINDING_DOWN);
    }

    @Test
    void aSuspendedMilitaryAgreementWhileForcesRemainIsWindingDown() {
        oldUsTies();
        record(suspend("suspend", "2024-03-16", NER, USA, "sofa"));

        assertThat(status(NER_USA, "2024-03-15")).isEqualTo(Status.ACTIVE);
        assertThat(status(NER_USA, "2024-03-16")).isEqualTo(Status.WINDING_DOWN);
    }

    @Test
    void suspendingAnAgreementThatIsNotMilitaryIsNoWindingDownStep() {
        oldUsTies();
        record(sign("trade", "2015-01-01", NER, USA, AgreementKind.ECONOMIC),
                suspend("suspend", "2024-03-16", NER, USA, "trade"));

        assertThat(status(NER_USA, "2024-03-16")).isEqualTo(Status.ACTIVE);
    }

    @Test
    void aRestoredAgreementResolvesTheWindingDownOnTheRestorationDay() {
        oldUsTies();
        record(suspend("suspend", "2024-03-16", NER, USA, "sofa"),
                restoreAgreement("restore", "2024-05-01", NER, USA, "sofa"));

        assertThat(status(NER_USA, "2024-04-30")).isEqualTo(Status.WINDING_DOWN);
        assertThat(status(NER_USA, "2024-05-01")).isEqualTo(Status.ACTIVE);
    }

    @Test
    void aCompletedWithdrawalResolvesTheWindingDownEvenWhileOtherTiesRemain() {
        record(sign("sofa", "2012-01-01", NER, USA, AgreementKind.STATUS_OF_FORCES),
                station("niamey", "2013-02-22", USA, NER),
                station("agadez", "2019-11-01", USA, NER),
                schedule("schedule", "2024-04-19", USA, NER, null, "niamey"),
                complete("complete", "2024-07-07", USA, NER, "niamey"));

        assertThat(status(NER_USA, "2024-07-06")).isEqualTo(Status.WINDING_DOWN);
        assertThat(status(NER_USA, "2024-07-07")).isEqualTo(Status.ACTIVE);
        assertThat(entente.partnership(NER_USA, When.asOf(day("2024-07-07"))).forces())
                .extracting(f -> f.stationing().value()).containsExactly("agadez");
    }

    @Test
    void aCooperativeStepDoesNotResolveAWindingDownWhileTiesRemain() {
        oldUsTies();
        record(denounce("denounce", "2024-03-16", NER, USA, "sofa"),
                pledge("pledge", "2024-04-01", USA, NER, CooperationDomain.SECURITY));

        assertThat(status(NER_USA, "2024-04-01")).isEqualTo(Status.WINDING_DOWN);
    }

    // ------------------------------------------------------------------------------------- ENDED

    @Test
    void aCompletedWithdrawalEndsTheWindingDownOnTheCompletionDay() {
        entente.recordAll(nigerUsa());

        assertThat(status(NER_USA, "2024-08-04")).isEqualTo(Status.WINDING_DOWN);
        assertThat(status(NER_USA, "2024-08-05")).isEqualTo(Status.ENDED);
        assertThat(status(NER_USA, "2034-08-05")).isEqualTo(Status.ENDED);
    }

    @Test
    void franceIsWindingDownUntilTheDayBeforeItsLastTroopsLeaveAndEndedFromThatDay() {
        frenchTiesUntilDecember2023();

        assertThat(status(NER_FRA, "2023-08-02")).isEqualTo(Status.ACTIVE);
        assertThat(status(NER_FRA, "2023-08-03")).isEqualTo(Status.WINDING_DOWN);
        assertThat(status(NER_FRA, "2023-12-21")).isEqualTo(Status.WINDING_DOWN);
        assertThat(status(NER_FRA, "2023-12-22")).isEqualTo(Status.ENDED);
    }

    @Test
    void anEndedPartnershipTurnsStrengtheningWhenANewCooperativeStepHappensAfterTiesEnded() {
        frenchTiesUntilDecember2023();
        record(ambassador("fra-ambassador", "2024-06-01", FRA, NER));

        assertThat(status(NER_FRA, "2024-05-31")).isEqualTo(Status.ENDED);
        assertThat(status(NER_FRA, "2024-06-01")).isEqualTo(Status.STRENGTHENING);
        LocalDate lastDayOfWindow = day("2024-06-01").plusDays(179);
        assertThat(status(NER_FRA, lastDayOfWindow)).isEqualTo(Status.STRENGTHENING);
        assertThat(status(NER_FRA, lastDayOfWindow.plusDays(1)))
                .as("the cooperative step after the ties ended keeps it from being ENDED again")
                .isEqualTo(Status.ACTIVE);
    }

    @Test
    void aStepThatIsNotCooperativeLeavesAnEndedPartnershipEnded() {
        frenchTiesUntilDecember2023();
        record(charge("fra-charge", "2024-06-01", FRA, NER), talks("fra-talks", "2024-06-02", FRA, NER),
                pledge("fra-trade", "2024-06-03", FRA, NER, CooperationDomain.ECONOMIC));

        assertThat(status(NER_FRA, "2024-06-30")).isEqualTo(Status.ENDED);
    }

    // ------------------------------------------------------------------------------------ SEVERED

    @Test
    void relationsAreSeveredOnTheSeveranceDayAndNotTheDayBefore() {
        record(talks("talks", "2020-01-01", USA, NER), sever("sever", "2024-01-10", NER, USA));

        assertThat(status(NER_USA, "2024-01-09")).isEqualTo(Status.ACTIVE);
        assertThat(status(NER_USA, "2024-01-10")).isEqualTo(Status.SEVERED);
    }

    @Test
    void severanceComesBeforeEveryOtherStatus() {
        oldUsTies();
        record(schedule("schedule", "2024-04-19", USA, NER, null), sever("sever", "2024-05-01", NER, USA));

        assertThat(status(NER_USA, "2024-04-30")).isEqualTo(Status.WINDING_DOWN);
        assertThat(status(NER_USA, "2024-05-01")).isEqualTo(Status.SEVERED);
    }

    @Test
    void restoredRelationsAreNoLongerSeveredFromTheRestorationDay() {
        record(talks("talks", "2020-01-01", USA, NER), sever("sever", "2024-01-10", NER, USA),
                restoreRelations("restore", "2024-06-01", NER, USA));

        assertThat(status(NER_USA, "2024-05-31")).isEqualTo(Status.SEVERED);
        assertThat(status(NER_USA, "2024-06-01")).isEqualTo(Status.ACTIVE);
    }

    // ------------------------------------------------------------------------------ STRENGTHENING

    @Test
    void aCooperativeStepStrengthensThroughTheHundredAndEightiethDayOfTheWindowAndNotTheNext() {
        record(station("rus-forces", "2024-04-10", RUS, NER));
        Dyad nerRus = Dyad.of(NER, RUS);
        LocalDate step = day("2024-04-10");

        assertThat(status(nerRus, step.minusDays(1))).isEqualTo(Status.NONE);
        assertThat(status(nerRus, step)).isEqualTo(Status.STRENGTHENING);
        assertThat(status(nerRus, step.plusDays(179))).isEqualTo(Status.STRENGTHENING);
        assertThat(status(nerRus, step.plusDays(180))).isEqualTo(Status.ACTIVE);
    }

    static Stream<Arguments> cooperativeSteps() {
        return Stream.of(
                Arguments.of("a military agreement signed", sign("step", "2024-04-26", NER, TUR, AgreementKind.MILITARY_ASSISTANCE)),
                Arguments.of("an ambassador accredited", ambassador("step", "2024-04-26", TUR, NER)),
                Arguments.of("a defence attaché appointed", attache("step", "2024-04-26", TUR, NER)),
                Arguments.of("forces stationed at the host's invitation", station("step", "2024-04-26", TUR, NER)),
                Arguments.of("a military pledge", pledge("step", "2024-04-26", TUR, NER, CooperationDomain.MILITARY)),
                Arguments.of("a security pledge", pledge("step", "2024-04-26", TUR, NER, CooperationDomain.SECURITY)),
                Arguments.of("an intelligence pledge", pledge("step", "2024-04-26", TUR, NER, CooperationDomain.INTELLIGENCE)));
    }

    @ParameterizedTest(name = "{0} is a cooperative step")
    @MethodSource("cooperativeSteps")
    void eachCooperativeStepStrengthensThePartnershipOnItsDay(String what, FactCommand step) {
        record(talks("talks", "2020-01-01", TUR, NER));
        record(step);

        assertThat(status(Dyad.of(NER, TUR), "2024-04-25")).isEqualTo(Status.ACTIVE);
        assertThat(status(Dyad.of(NER, TUR), "2024-04-26")).isEqualTo(Status.STRENGTHENING);
    }

    static Stream<Arguments> otherSteps() {
        return Stream.of(
                Arguments.of("talks", talks("step", "2024-04-26", TUR, NER)),
                Arguments.of("an economic agreement", sign("step", "2024-04-26", NER, TUR, AgreementKind.ECONOMIC)),
                Arguments.of("a chargé d'affaires accredited", charge("step", "2024-04-26", TUR, NER)),
                Arguments.of("forces stationed without invitation", uninvited("step", "2024-04-26", TUR, NER)),
                Arguments.of("an economic pledge", pledge("step", "2024-04-26", TUR, NER, CooperationDomain.ECONOMIC)));
    }

    @ParameterizedTest(name = "{0} is not a cooperative step")
    @MethodSource("otherSteps")
    void stepsThatAreNotCooperativeLeaveThePartnershipActive(String what, FactCommand step) {
        record(talks("talks", "2020-01-01", TUR, NER));
        record(step);

        assertThat(status(Dyad.of(NER, TUR), "2024-04-26")).isEqualTo(Status.ACTIVE);
    }

    @Test
    void aCooperativeStepAfterAResolvedWindingDownStrengthensAgain() {
        record(sign("sofa", "2012-01-01", NER, USA, AgreementKind.STATUS_OF_FORCES),
                station("niamey", "2013-02-22", USA, NER),
                station("agadez", "2024-02-01", USA, NER),
                schedule("schedule", "2024-03-01", USA, NER, null, "niamey"),
                complete("complete", "2024-04-01", USA, NER, "niamey"),
                pledge("pledge", "2024-05-01", USA, NER, CooperationDomain.MILITARY));

        assertThat(status(NER_USA, "2024-02-29"))
                .as("the stationing is a cooperative step in the window")
                .isEqualTo(Status.STRENGTHENING);
        assertThat(status(NER_USA, "2024-04-30"))
                .as("the cooperative step in the window came before the winding-down step")
                .isEqualTo(Status.ACTIVE);
        assertThat(status(NER_USA, "2024-05-01")).isEqualTo(Status.STRENGTHENING);
    }

    @Test
    void aWindingDownStepAfterTheLastCooperativeStepStopsTheStrengthening() {
        record(station("rus-forces", "2024-04-10", RUS, NER), demand("demand", "2024-05-01", NER, RUS));

        assertThat(status(Dyad.of(NER, RUS), "2024-04-30")).isEqualTo(Status.STRENGTHENING);
        assertThat(status(Dyad.of(NER, RUS), "2024-05-01")).isEqualTo(Status.WINDING_DOWN);
    }

    // ---------------------------------------------------------------------------------- the window

    @Test
    void aThirtyDayWindowStrengthensThroughTheThirtiethDayAndNotTheThirtyFirst() {
        try (Entente thirty = Entente.builder().inMemory().windowDays(30).build()) {
            thirty.recordAll(List.of(pledge("chn-pledge", "2024-04-23", CHN, NER, CooperationDomain.SECURITY)));
            Dyad chnNer = Dyad.of(CHN, NER);
            LocalDate step = day("2024-04-23");

            assertThat(thirty.partnership(chnNer, When.asOf(step.plusDays(29))).status()).isEqualTo(Status.STRENGTHENING);
            assertThat(thirty.partnership(chnNer, When.asOf(step.plusDays(29))).securityWeight()).isEqualTo(1);
            assertThat(thirty.partnership(chnNer, When.asOf(step.plusDays(30))).status()).isEqualTo(Status.ACTIVE);
            assertThat(thirty.partnership(chnNer, When.asOf(step.plusDays(30))).securityWeight()).isZero();
        }
        entente.recordAll(List.of(pledge("chn-pledge", "2024-04-23", CHN, NER, CooperationDomain.SECURITY)));
        assertThat(status(Dyad.of(CHN, NER), day("2024-04-23").plusDays(30)))
                .as("the default window is still 180 days")
                .isEqualTo(Status.STRENGTHENING);
    }

    @Test
    void aWindowOfOneDayStrengthensOnlyOnTheStepsDay() {
        try (Entente one = Entente.builder().inMemory().windowDays(1).build()) {
            one.recordAll(List.of(pledge("chn-pledge", "2024-04-23", CHN, NER, CooperationDomain.SECURITY)));

            assertThat(one.partnership(Dyad.of(CHN, NER), When.asOf(day("2024-04-23"))).status()).isEqualTo(Status.STRENGTHENING);
            assertThat(one.partnership(Dyad.of(CHN, NER), When.asOf(day("2024-04-24"))).status()).isEqualTo(Status.ACTIVE);
        }
    }
}
