package org.entente.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import org.entente.Entente;
import org.entente.NigerStoryAccess;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.Organisation;
import org.entente.partnership.Portfolio;
import org.entente.partnership.Status;
import org.entente.partnership.Trend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Entente.series}: each date's rows are what {@code portfolio} answers on that date with the same
 * filters; a one-partner series has a row on every date; the dates follow the step; too long a series
 * is refused naming its size and the limit; CSV and JSON write the rows as documented.
 */
class SeriesTest {

    private static final Country NER = Country.of("NER");
    private static final Country USA = Country.of("USA");
    private static final Country DEU = Country.of("DEU");
    private static final LocalDate APRIL_30 = LocalDate.of(2024, 4, 30);

    private static Entente entente;

    @BeforeAll
    static void record() {
        entente = Entente.inMemory();
        entente.recordAll(NigerStoryAccess.facts());
    }

    @AfterAll
    static void close() {
        entente.close();
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    /** The rows the series should have on a date: the portfolio's partners, by partner code. */
    private static List<SeriesRow> expected(SeriesQuery query, LocalDate date) {
        Portfolio p = entente.portfolio(NER, query.on(date));
        return p.partners().stream().sorted(Comparator.comparing(x -> x.partnerOf(NER))).map(x -> SeriesRow.of(p, x)).toList();
    }

    @Test
    void eachDatesRowsAreWhatThePortfolioAnswersWithTheSameFilters() {
        for (SeriesQuery query : List.of(
                SeriesQuery.of(NER, day("2023-06-15"), day("2024-12-31"), Step.MONTH),
                SeriesQuery.of(NER, day("2024-03-01"), day("2024-09-01"), Step.MONTH).publishedBy(day("2024-04-25")),
                SeriesQuery.of(NER, day("2024-03-01"), day("2024-09-01"), Step.MONTH).knownAt(Instant.parse("2000-01-01T00:00:00Z")))) {
            Series series = entente.series(query);
            List<SeriesRow> wanted = new ArrayList<>();
            query.dates().forEach(d -> wanted.addAll(expected(query, d)));
            assertThat(series.rows()).as(query.toString()).isEqualTo(wanted);
            assertThat(series.query()).isEqualTo(query);
        }
        assertThat(entente.series(SeriesQuery.of(NER, day("2023-06-15"), day("2024-12-31"), Step.MONTH)).rows()).hasSizeGreaterThan(40);
        assertThat(entente.series(SeriesQuery.of(NER, day("2024-03-01"), day("2024-09-01"), Step.MONTH)
                .knownAt(Instant.parse("2000-01-01T00:00:00Z"))).rows()).as("nothing was recorded by 2000").isEmpty();
    }

    @Test
    void theUnitedStatesWindsDownUntilItsWithdrawalIsCompleteOn5August2024() {
        Series usa = entente.series(SeriesQuery.of(NER, APRIL_30, day("2024-08-05"), Step.DAY).partner(USA));
        assertThat(usa.rows()).hasSize(98);
        assertThat(usa.rows().get(0).status()).isEqualTo(Status.WINDING_DOWN);
        assertThat(usa.rows().get(96).date()).isEqualTo(day("2024-08-04"));
        assertThat(usa.rows().get(96).status()).isEqualTo(Status.WINDING_DOWN);
        assertThat(usa.rows().get(97).status()).isEqualTo(Status.ENDED);
        SeriesRow april30 = usa.rows().get(0);
        assertThat(april30.diversification().getAsDouble()).isCloseTo(0.72, org.assertj.core.data.Offset.offset(0.005));
        assertThat(april30.securityShare().getAsDouble()).isEqualTo(0.2);
        assertThat(april30.securityWeight()).isEqualTo(1);

        Series board = entente.series(SeriesQuery.of(NER, APRIL_30, APRIL_30, Step.DAY));
        assertThat(board.rows()).extracting(r -> r.partner().code() + " " + r.status())
                .containsExactly("CHN STRENGTHENING", "FRA ENDED", "RUS STRENGTHENING", "TUR STRENGTHENING", "USA WINDING_DOWN");
    }

    @Test
    void aOnePartnerSeriesHasARowOnEveryDateNoneIncluded() {
        Series usa = entente.series(SeriesQuery.of(NER, day("1950-01-01"), day("2024-01-01"), Step.YEAR).partner(USA));
        assertThat(usa.rows()).hasSize(75);
        assertThat(usa.rows().get(0).status()).isEqualTo(Status.NONE);
        assertThat(usa.rows().get(0).temperature()).isZero();
        assertThat(usa.rows().get(0).trend()).isEqualTo(Trend.STEADY);
        assertThat(usa.rows().get(74).status()).isNotEqualTo(Status.NONE);
        assertThat(usa.rows()).allSatisfy(r -> assertThat(r.partner()).isEqualTo(USA));

        Series germany = entente.series(SeriesQuery.of(NER, day("2024-01-01"), day("2024-12-01"), Step.MONTH).partner(DEU));
        assertThat(germany.rows()).hasSize(12).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Status.NONE);
            assertThat(r.securityWeight()).isZero();
        });
        SeriesRow april = germany.rows().get(3);
        assertThat(april.securityShare()).as("a partner of weight 0 among security partners").hasValue(0.0);
        assertThat(april.diversification()).isEqualTo(entente.series(SeriesQuery.of(NER, april.date(), april.date(), Step.DAY))
                .rows().get(0).diversification());
        assertThat(entente.partnership(Dyad.of(NER, DEU), When.asOf(april.date())).status()).isEqualTo(Status.NONE);
    }

    @Test
    void theDatesStartAtFromAndStepWithoutDriftingUpToAndIncludingTo() {
        assertThat(SeriesQuery.of(NER, day("2024-01-31"), day("2024-05-31"), Step.MONTH).dates()).containsExactly(
                day("2024-01-31"), day("2024-02-29"), day("2024-03-31"), day("2024-04-30"), day("2024-05-31"));
        assertThat(SeriesQuery.of(NER, day("2024-02-29"), day("2028-02-29"), Step.YEAR).dates()).containsExactly(
                day("2024-02-29"), day("2025-02-28"), day("2026-02-28"), day("2027-02-28"), day("2028-02-29"));
        assertThat(SeriesQuery.of(NER, day("2024-01-01"), day("2024-01-20"), Step.WEEK).dates()).containsExactly(
                day("2024-01-01"), day("2024-01-08"), day("2024-01-15"));
        assertThat(SeriesQuery.of(NER, day("2024-01-31"), day("2024-02-29"), Step.MONTH).dates())
                .as("a clamped date on the last day").containsExactly(day("2024-01-31"), day("2024-02-29"));
        assertThat(SeriesQuery.of(NER, day("2024-01-31"), day("2024-02-28"), Step.MONTH).dates()).containsExactly(day("2024-01-31"));
        assertThat(SeriesQuery.of(NER, APRIL_30, APRIL_30, Step.YEAR).dates()).containsExactly(APRIL_30);
        assertThat(SeriesQuery.of(NER, day("1600-01-01"), day("2199-12-31"), Step.DAY).dateCount()).isEqualTo(219_146);
        assertThat(Step.MONTH.count(day("2024-02-01"), day("2024-01-01"))).as("to before from").isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> Step.DAY.nth(APRIL_30, -1)).withMessage("n must be 0 or more, got -1");
        assertThatNullPointerException().isThrownBy(() -> Step.WEEK.count(null, APRIL_30)).withMessageStartingWith("from is null; give ");
        LocalDate from = day("2023-11-30");
        for (Step step : Step.values()) {
            for (int days = 0; days < 800; days += 13) {
                LocalDate to = from.plusDays(days);
                List<LocalDate> dates = SeriesQuery.of(NER, from, to, step).dates();
                assertThat(dates.get(dates.size() - 1)).as("%s to %s", step, to).isBeforeOrEqualTo(to);
                assertThat(step.nth(from, dates.size())).as("%s to %s", step, to).isAfter(to);
            }
        }
    }

    @Test
    void badQueriesAreRefusedNamingTheValuesAndWhatIsAccepted() {
        assertThatIllegalArgumentException().isThrownBy(() -> SeriesQuery.of(NER, day("2024-05-01"), APRIL_30, Step.DAY))
                .withMessage("a series needs from <= to, got from 2024-05-01 after to 2024-04-30");
        assertThatIllegalArgumentException().isThrownBy(() -> SeriesQuery.of(NER, day("1500-01-01"), APRIL_30, Step.DAY))
                .withMessageStartingWith("date 1500-01-01 is outside the accepted range 1600-01-01 to 2199-12-31");
        assertThatIllegalArgumentException().isThrownBy(() -> SeriesQuery.of(NER, APRIL_30, APRIL_30, Step.DAY).partner(NER))
                .withMessage("the partner NER is the country itself; name another actor, or none for every partner");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> entente.series(SeriesQuery.of(NER, day("1600-01-01"), day("2199-12-31"), Step.DAY)))
                .withMessage("the series of NER from 1600-01-01 to 2199-12-31 by DAY would read 1095730 partnerships"
                        + " (219146 dates x 5 partners), more than the limit of 500000; choose a longer step or a shorter range");
        assertThat(entente.series(SeriesQuery.of(NER, day("1600-01-01"), day("2199-12-31"), Step.MONTH)).rows()).isNotEmpty();
    }

    @Test
    void theCsvHasAHeaderIsoDatesAndFixedDecimalsWithoutThousandsSeparators() {
        String csv = entente.series(SeriesQuery.of(NER, APRIL_30, APRIL_30, Step.DAY)).toCsv();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(Series.CSV_HEADER)
                .isEqualTo("date,country,partner,partner_name,status,temperature,trend,security_weight,security_share,"
                        + "diversification,effective_partners");
        assertThat(lines).hasSize(6);
        assertThat(lines.get(5)).matches("2024-04-30,NER,USA,United States,WINDING_DOWN,-?\\d+\\.\\d{3},(WARMING|STEADY|COOLING),1,"
                + "0\\.2000,0\\.72\\d\\d,3\\.57\\d\\d");
        assertThat(lines.get(2)).startsWith("2024-04-30,NER,FRA,France,ENDED,").endsWith(",0,0.0000,0.7200,3.5714");
        assertThat(csv).endsWith("\n").doesNotContain("\r");

        Series early = entente.series(SeriesQuery.of(NER, day("1900-01-01"), day("2024-01-01"), Step.YEAR).partner(USA));
        int at = early.rows().indexOf(early.rows().stream().filter(r -> r.diversification().isEmpty()).findFirst().orElseThrow());
        assertThat(early.toCsv().lines().toList().get(at + 1)).as("no security partner: the country's figures are empty")
                .isEqualTo(early.rows().get(at).date() + ",NER,USA,United States,NONE,0.000,STEADY,0,,,");
    }

    @Test
    void aNameWithACommaOrAQuoteIsQuotedAndControlCharactersAreEscaped() {
        Organisation odd = Organisation.register("ZZSERIESCSV", "Union, \"Test\" \u202Eof Series");
        SeriesQuery query = SeriesQuery.of(NER, APRIL_30, APRIL_30, Step.DAY).partner(odd);
        Series series = new Series(query, List.of(new SeriesRow(APRIL_30, NER, odd, Status.ACTIVE, 1.5, Trend.WARMING, 0,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty())));
        assertThat(series.toCsv().lines().toList().get(1))
                .isEqualTo("2024-04-30,NER,ORG:ZZSERIESCSV,\"Union, \"\"Test\"\" \\u202Eof Series\",ACTIVE,1.500,WARMING,0,,,");
    }

    @Test
    void theJsonNamesTheQueryAndWritesEveryRow() throws Exception {
        SeriesQuery query = SeriesQuery.of(NER, day("2024-04-01"), day("2024-06-01"), Step.MONTH).publishedBy(day("2024-12-31"));
        Series series = entente.series(query);
        JsonNode json = new ObjectMapper().readTree(series.toJson());
        assertThat(json.path("format").asText()).isEqualTo(Series.JSON_FORMAT).isEqualTo("entente-series/1");
        assertThat(json.fieldNames()).toIterable().containsExactly("format", "country", "from", "to", "step", "publishedBy", "rows");
        assertThat(json.path("step").asText()).isEqualTo("MONTH");
        assertThat(json.path("rows")).hasSize(series.rows().size());
        for (int i = 0; i < series.rows().size(); i++) {
            SeriesRow r = series.rows().get(i);
            JsonNode row = json.path("rows").get(i);
            assertThat(row.path("date").asText()).isEqualTo(r.date().toString());
            assertThat(row.path("partner").asText()).isEqualTo(r.partner().code());
            assertThat(row.path("partnerName").asText()).isEqualTo(r.partner().name());
            assertThat(row.path("status").asText()).isEqualTo(r.status().name());
            assertThat(row.path("temperature").asDouble()).isEqualTo(r.temperature());
            assertThat(row.path("trend").asText()).isEqualTo(r.trend().name());
            assertThat(row.path("securityWeight").asInt()).isEqualTo(r.securityWeight());
            assertThat(row.has("diversification")).isEqualTo(r.diversification().isPresent());
            if (r.diversification().isPresent()) {
                assertThat(row.path("securityShare").asDouble()).isEqualTo(r.securityShare().getAsDouble());
                assertThat(row.path("diversification").asDouble()).isEqualTo(r.diversification().getAsDouble());
                assertThat(row.path("effectiveNumberOfPartners").asDouble()).isEqualTo(r.effectiveNumberOfPartners().getAsDouble());
            }
        }
        JsonNode usa = new ObjectMapper().readTree(entente.series(query.partner(USA)).toJson());
        assertThat(usa.path("partner").asText()).isEqualTo("USA");
    }

    @Test
    void aSeriesAndItsQueryPrintAsOneShortLine() {
        SeriesQuery query = SeriesQuery.of(NER, day("2024-01-01"), day("2024-12-31"), Step.MONTH);
        assertThat(query).hasToString("NER from 2024-01-01 to 2024-12-31 by MONTH");
        assertThat(query.partner(USA).knownAt(Instant.parse("2025-01-01T00:00:00Z")).publishedBy(day("2024-12-31")))
                .hasToString("NER with USA from 2024-01-01 to 2024-12-31 by MONTH, as known at 2025-01-01T00:00:00Z,"
                        + " from sources published by 2024-12-31");
        assertThat(entente.series(query.partner(USA))).hasToString("Series of NER with USA from 2024-01-01 to 2024-12-31 by MONTH: 12 rows");
        assertThat(entente.series(query.partner(USA)).rows().get(3).toString()).matches(
                "2024-04-01 NER-USA WINDING_DOWN, temperature -?\\d+\\.\\d{3} [A-Z]+, security weight \\d");
    }
}
