package org.entente.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.entente.MoreFacts.day;
import static org.entente.MoreFacts.uninvited;
import static org.entente.testsupport.Facts.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.CameoCode;
import org.entente.core.Dyad;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.FactCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Temperature (the sum of per-kind weights, each halved every 90 days) and trend (the sign of the
 * temperature's change over 90 days).
 */
class TemperatureAndTrendTest {

    private static final Offset<Double> CLOSE = within(1e-3);
    private static final Dyad NER_USA = Dyad.of(NER, USA);
    private static final LocalDate TALKS_DAY = day("2024-03-12");

    private Entente entente;

    @BeforeEach
    void open() {
        entente = Entente.inMemory();
    }

    @AfterEach
    void close() {
        entente.close();
    }

    private Partnership on(LocalDate date) {
        return entente.partnership(NER_USA, When.asOf(date));
    }

    private static double decayed(double weight, LocalDate happened, LocalDate date) {
        return weight * Math.pow(0.5, ChronoUnit.DAYS.between(happened, date) / 90.0);
    }

    // ------------------------------------------------------------------------------- temperature

    @Test
    void singleTalksWeighOneOnTheirDayAndHalfAfterNinetyDays() {
        entente.record(talks("talks", "2024-03-12", USA, NER));

        assertThat(on(TALKS_DAY.minusDays(1)).temperature()).isZero();
        assertThat(on(TALKS_DAY).temperature()).isCloseTo(1.0, CLOSE);
        assertThat(on(TALKS_DAY.plusDays(45)).temperature()).isCloseTo(Math.sqrt(0.5), CLOSE);
        assertThat(on(TALKS_DAY.plusDays(90)).temperature()).isCloseTo(0.5, CLOSE);
        assertThat(on(TALKS_DAY.plusDays(180)).temperature()).isCloseTo(0.25, CLOSE);
    }

    @Test
    void aDenunciationMakesTheTemperatureNegative() {
        entente.recordAll(List.of(sign("sofa", "2023-01-01", NER, USA, AgreementKind.STATUS_OF_FORCES),
                denounce("denounce", "2024-03-16", NER, USA, "sofa")));
        LocalDate denounced = day("2024-03-16");

        double expected = decayed(8.0, day("2023-01-01"), denounced) - 5.6;
        assertThat(on(denounced.minusDays(1)).temperature()).isPositive();
        assertThat(on(denounced).temperature()).isNegative().isCloseTo(expected, CLOSE);
        assertThat(on(denounced.plusDays(90)).temperature()).isCloseTo(expected / 2, CLOSE);
    }

    @Test
    void aWithdrawalWeighsAgainstTheRelationshipWhoeverActs() {
        entente.recordAll(List.of(station("forces", "2000-01-01", USA, NER),
                schedule("schedule", "2024-04-19", USA, NER, null),
                complete("complete", "2024-08-05", USA, NER)));
        LocalDate completed = day("2024-08-05");

        double expected = decayed(7.4, day("2000-01-01"), completed) + decayed(-5.0, day("2024-04-19"), completed) - 7.0;
        assertThat(on(completed).temperature()).isNegative().isCloseTo(expected, CLOSE);
    }

    @Test
    void weightsOfSeveralFactsAddUpEachDecayedFromItsOwnDay() {
        entente.recordAll(List.of(talks("talks", "2024-03-12", USA, NER),
                pledge("pledge", "2024-04-23", USA, NER, CooperationDomain.SECURITY),
                uninvited("uninvited", "2024-05-01", USA, NER),
                new FactCommand.RecordInteraction(header("visit", "2024-05-20", USA, NER), CameoCode.of("042"), "a visit")));
        LocalDate date = day("2024-06-30");

        double expected = decayed(1.0, TALKS_DAY, date) + decayed(5.2, day("2024-04-23"), date)
                + decayed(-7.2, day("2024-05-01"), date) + decayed(CameoCode.of("042").goldstein(), day("2024-05-20"), date);
        assertThat(CameoCode.of("042").goldstein()).isEqualTo(1.9);
        assertThat(on(date).temperature()).isCloseTo(expected, CLOSE);
    }

    @Test
    void theTemperatureOfALongHistoryIsTheSumOverEveryFactAcrossCheckpoints() {
        // 100 talks, five days apart: the view keeps checkpoints every 32 facts.
        List<FactCommand> many = new ArrayList<>();
        LocalDate first = day("2020-01-01");
        for (int i = 0; i < 100; i++) {
            many.add(talks("talks-" + i, first.plusDays(5L * i).toString(), USA, NER));
        }
        entente.recordAll(many);

        for (LocalDate date = first.minusDays(1); date.isBefore(first.plusDays(520)); date = date.plusDays(3)) {
            double expected = 0;
            for (int i = 0; i < 100; i++) {
                LocalDate day = first.plusDays(5L * i);
                if (!day.isAfter(date)) {
                    expected += decayed(1.0, day, date);
                }
            }
            assertThat(on(date).temperature()).as("temperature on %s", date).isCloseTo(expected, CLOSE);
        }
    }

    // ------------------------------------------------------------------------------------- trend

    @Test
    void talksWarmTheRelationshipOnTheirDayAndCoolItNinetyDaysLater() {
        entente.record(talks("talks", "2024-03-12", USA, NER));

        assertThat(on(TALKS_DAY).trend()).isEqualTo(Trend.WARMING);
        assertThat(on(TALKS_DAY.plusDays(89)).trend()).isEqualTo(Trend.WARMING);
        assertThat(on(TALKS_DAY.plusDays(90)).trend()).isEqualTo(Trend.COOLING);
    }

    @Test
    void aChangeSmallerThanFiveThousandthsIsSteady() {
        entente.record(talks("talks", "2024-03-12", USA, NER));

        assertThat(on(TALKS_DAY.minusDays(1)).trend()).isEqualTo(Trend.STEADY);
        // 0.5^(1000/90) − 0.5^(910/90) ≈ −0.00045
        assertThat(on(TALKS_DAY.plusDays(1000)).trend()).isEqualTo(Trend.STEADY);
        // 0.5^(400/90) − 0.5^(310/90) ≈ −0.045
        assertThat(on(TALKS_DAY.plusDays(400)).trend()).isEqualTo(Trend.COOLING);
    }

    @Test
    void aDenunciationCoolsTheRelationship() {
        entente.recordAll(List.of(sign("sofa", "2012-01-01", NER, USA, AgreementKind.STATUS_OF_FORCES),
                denounce("denounce", "2024-03-16", NER, USA, "sofa")));

        assertThat(on(day("2024-03-16")).trend()).isEqualTo(Trend.COOLING);
        assertThat(on(day("2024-03-15")).trend()).isEqualTo(Trend.STEADY);
    }

    @Test
    void trendIsTheSignOfTheChangeAndSmallChangesAreSteady() {
        assertThat(Trend.of(0.006)).isEqualTo(Trend.WARMING);
        assertThat(Trend.of(0.004)).isEqualTo(Trend.STEADY);
        assertThat(Trend.of(0.0)).isEqualTo(Trend.STEADY);
        assertThat(Trend.of(-0.004)).isEqualTo(Trend.STEADY);
        assertThat(Trend.of(-0.006)).isEqualTo(Trend.COOLING);
    }

    @Test
    void theTrendComparesWithTheTemperatureNinetyDaysBefore() {
        entente.recordAll(List.of(talks("talks", "2024-01-01", USA, NER),
                pledge("pledge", "2024-03-01", USA, NER, CooperationDomain.MILITARY)));

        for (LocalDate date : List.of(day("2024-01-01"), day("2024-03-01"), day("2024-04-01"), day("2024-06-15"), day("2025-01-01"))) {
            double change = on(date).temperature() - on(date.minusDays(90)).temperature();
            Trend expected = change > 0.005 ? Trend.WARMING : change < -0.005 ? Trend.COOLING : Trend.STEADY;
            assertThat(on(date).trend()).as("trend on %s (change %s)", date, change).isEqualTo(expected);
        }
    }
}
