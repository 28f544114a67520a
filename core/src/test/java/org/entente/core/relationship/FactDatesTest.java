package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Precision;
import org.entente.core.Source;
import org.junit.jupiter.api.Test;

/** A date given to the fluent API is checked at once, and its refusal names the fact, the call and what is accepted. */
class FactDatesTest {

    private static final Country USA = Country.of("USA");
    private static final Country NER = Country.of("NER");

    @Test
    void anImpossibleDayNamesTheFactTheCallAndTheDaysOfTheMonth() {
        assertThatIllegalArgumentException().isThrownBy(() -> Fact.id("x").on(2024, 2, 30))
                .withMessage("fact x: on(2024, 2, 30) is not a date: February 2024 has 29 days; give a day of 1 to 29");
        assertThatIllegalArgumentException().isThrownBy(() -> Fact.id("x").on(2023, 2, 29))
                .withMessage("fact x: on(2023, 2, 29) is not a date: February 2023 has 28 days; give a day of 1 to 28");
        assertThatIllegalArgumentException().isThrownBy(() -> Fact.id("x").on(2024, 4, 0))
                .withMessageContaining("give a day of 1 to 30");
    }

    @Test
    void anImpossibleMonthNamesTheFactAndTheMonths() {
        assertThatIllegalArgumentException().isThrownBy(() -> Fact.id("x").inMonth(2024, 13))
                .withMessage("fact x: inMonth(2024, 13) is not a date: the month is 13; months are 1 to 12");
        assertThatIllegalArgumentException().isThrownBy(() -> Fact.id("y").on(0, 0, 0))
                .withMessage("fact y: on(0, 0, 0) is not a date: the month is 0; months are 1 to 12");
    }

    @Test
    void aDayOutsideTheAcceptedYearsNamesTheFactAndTheRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> Fact.id("x").on(1599, 12, 31))
                .withMessage("fact x: on(1599, 12, 31) is outside the accepted range 1600-01-01 to 2199-12-31 (a year of 1600 to 2199)");
        assertThatIllegalArgumentException().isThrownBy(() -> Fact.id("x").inYear(2200))
                .withMessageStartingWith("fact x: inYear(2200) is outside the accepted range 1600-01-01 to 2199-12-31");
        assertThatIllegalArgumentException().isThrownBy(() -> Fact.id("x").on(LocalDate.of(1500, 1, 1)))
                .withMessageStartingWith("fact x: on(1500-01-01) is outside the accepted range");
        assertThatIllegalArgumentException().isThrownBy(() -> Fact.id("x").by(USA).towards(NER).background().holdTalks().on(0, 0, 0))
                .withMessageStartingWith("fact x: on(0, 0, 0) is not a date");
    }

    @Test
    void theDatesThatExistAreKeptWithTheirPrecision() {
        assertThat(Fact.id("x").on(2024, 2, 29).by(USA).towards(NER).background().holdTalks().command().fact().happened())
                .isEqualTo(HappenedOn.day(2024, 2, 29));
        assertThat(Fact.id("x").inMonth(2199, 12).by(USA).towards(NER).background().holdTalks().command().fact().happened())
                .isEqualTo(HappenedOn.of(LocalDate.of(2199, 12, 1), Precision.MONTH));
        assertThat(Fact.id("x").inYear(1600).by(USA).towards(NER).background().holdTalks().command().fact().happened())
                .isEqualTo(HappenedOn.year(1600));
    }

    @Test
    void aWithdrawalDeadlineIsCheckedLikeEveryOtherDate() {
        FactBuilder.ScheduleWithdrawal schedule = Fact.id("usa-schedule").on(2024, 4, 19).by(USA).towards(NER)
                .background().scheduleWithdrawal();
        assertThatIllegalArgumentException().isThrownBy(() -> schedule.deadline(9999, 1, 1))
                .withMessage("fact usa-schedule: deadline(9999, 1, 1) is outside the accepted range 1600-01-01 to 2199-12-31"
                        + " (a year of 1600 to 2199)");
        assertThatIllegalArgumentException().isThrownBy(() -> schedule.deadline(2024, 2, 31))
                .withMessage("fact usa-schedule: deadline(2024, 2, 31) is not a date: February 2024 has 29 days; give a day of 1 to 29");
        assertThatIllegalArgumentException().isThrownBy(() -> schedule.deadline(LocalDate.of(2200, 1, 1)))
                .withMessageStartingWith("fact usa-schedule: deadline(2200-01-01) is outside the accepted range");
        FactHeader header = new FactHeader(FactId.of("usa-schedule"), HappenedOn.day(2024, 4, 19), USA, NER, List.of(Source.background()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FactCommand.ScheduleWithdrawal(header, Optional.of(LocalDate.of(9999, 1, 1)), List.of()))
                .withMessageStartingWith("fact usa-schedule: deadline 9999-01-01 is outside the accepted range");
        assertThat(schedule.deadline(2199, 12, 31).command().deadline()).contains(LocalDate.of(2199, 12, 31));
    }
}
