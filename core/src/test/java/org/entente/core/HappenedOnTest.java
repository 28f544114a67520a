package org.entente.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HappenedOnTest {

    @Test
    void theFirstAndLastAcceptedDaysAreAccepted() {
        assertThat(HappenedOn.day(1600, 1, 1).day()).isEqualTo(HappenedOn.EARLIEST);
        assertThat(HappenedOn.day(2199, 12, 31).day()).isEqualTo(HappenedOn.LATEST);
        assertThat(HappenedOn.year(1600).day()).isEqualTo(LocalDate.of(1600, 1, 1));
    }

    @Test
    void theDayBeforeTheRangeIsRejectedNamingTheRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HappenedOn.day(1599, 12, 31))
                .withMessage("HappenedOn.day(1599, 12, 31) is outside the accepted range 1600-01-01 to 2199-12-31 (a year of 1600 to 2199)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HappenedOn.of(LocalDate.of(1599, 12, 31), Precision.DAY))
                .withMessage("day 1599-12-31 is outside the accepted range 1600-01-01..2199-12-31");
    }

    @Test
    void anImpossibleDayOrMonthIsRejectedNamingTheCallAndWhatIsAccepted() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HappenedOn.day(2024, 2, 30))
                .withMessage("HappenedOn.day(2024, 2, 30) is not a date: February 2024 has 29 days; give a day of 1 to 29");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HappenedOn.month(2024, 13))
                .withMessage("HappenedOn.month(2024, 13) is not a date: the month is 13; months are 1 to 12");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HappenedOn.year(2200))
                .withMessageStartingWith("HappenedOn.year(2200) is outside the accepted range 1600-01-01 to 2199-12-31");
    }

    @Test
    void theDayAfterTheRangeIsRejectedNamingTheRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HappenedOn.of(LocalDate.of(2200, 1, 1), Precision.YEAR))
                .withMessage("day 2200-01-01 is outside the accepted range 1600-01-01..2199-12-31");
    }

    @Test
    void aMonthOrYearIsItsFirstDayWithThatPrecision() {
        HappenedOn april = HappenedOn.month(2024, 4);
        HappenedOn year = HappenedOn.year(2012);

        assertThat(april.day()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(april.precision()).isEqualTo(Precision.MONTH);
        assertThat(year.day()).isEqualTo(LocalDate.of(2012, 1, 1));
        assertThat(year.precision()).isEqualTo(Precision.YEAR);
    }

    @Test
    void aBestEstimateKeepsItsDay() {
        HappenedOn midApril = HappenedOn.of(LocalDate.of(2024, 4, 15), Precision.MONTH);

        assertThat(midApril.day()).isEqualTo(LocalDate.of(2024, 4, 15));
        assertThat(midApril).hasToString("2024-04-15 (month)");
    }

    @Test
    void theTextShowsThePrecisionWhenItIsNotADay() {
        assertThat(HappenedOn.day(2024, 4, 26)).hasToString("2024-04-26");
        assertThat(HappenedOn.year(2012)).hasToString("2012-01-01 (year)");
    }

    @Test
    void daysAreComparedWhateverThePrecision() {
        assertThat(HappenedOn.year(2024).compareTo(HappenedOn.day(2024, 1, 1))).isZero();
        assertThat(HappenedOn.month(2024, 4).compareTo(HappenedOn.day(2024, 3, 31))).isPositive();
    }
}
