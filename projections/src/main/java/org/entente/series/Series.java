package org.entente.series;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.entente.core.internal.Require;

/**
 * A country's partnerships over a range of dates, one row per date and partner, for notebooks and
 * spreadsheets: what {@code Entente.series(query)} answers. Each date's rows are exactly what
 * {@code Entente.portfolio(country, query.on(date))} answers: one row per partner in the portfolio
 * (ordered by partner code), or, for a query with one partner, that partnership on every date,
 * status {@code NONE} included. A date on which the country has no partner has no row. Immutable.
 *
 * <pre>{@code
 * Series niger = entente.series(SeriesQuery.of(Country.of("NER"), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), Step.MONTH));
 * niger.writeCsv(writer);    // date,country,partner,partner_name,status,temperature,...
 * String json = niger.toJson();
 * }</pre>
 *
 * @param query what was asked
 * @param rows  the rows, by date then partner
 */
public record Series(SeriesQuery query, List<SeriesRow> rows) {

    /**
     * The {@code format} of {@link #toJson()}: {@value}. Fields may be added within a version, never
     * removed or renamed.
     */
    public static final String JSON_FORMAT = "entente-series/1";

    /** The first line of {@link #toCsv()}: the columns, in order. Columns may be added at the end within a version. */
    public static final String CSV_HEADER = "date,country,partner,partner_name,status,temperature,trend,security_weight,"
            + "security_share,diversification,effective_partners";

    /**
     * The most partnerships one series reads: {@value}, its dates times the country's partners (every
     * partner is read on every date, for the country's figures, even when one partner is asked for).
     * Daily over 600 years would be 219,000 dates; a longer step or a shorter range stays under it.
     */
    public static final int MAX_PARTNERSHIPS = 500_000;

    /**
     * Creates the record, checking its components.
     *
     * @param query what was asked
     * @param rows the rows, by date then partner
     */
    public Series {
        Require.nonNull(query, "query", "a SeriesQuery such as SeriesQuery.of(Country.of(\"NER\"), from, to, Step.MONTH)");
        rows = List.copyOf(Require.nonNull(rows, "rows", "a list of SeriesRow, empty for none"));
    }

    /**
     * The series as CSV text; see {@link #writeCsv(Writer)}.
     *
     * @return the CSV, a header then one line per row, each ending with a line feed
     */
    public String toCsv() {
        StringWriter out = new StringWriter();
        try {
            writeCsv(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Writes the series as tidy (long) CSV that {@code pandas.read_csv} and R's {@code read.csv} read
     * without options: the header {@link #CSV_HEADER}, then one line per row, each ending with a line
     * feed (LF). Dates are ISO ({@code 2024-04-30}); {@code country} and {@code partner} are codes
     * ({@code NER}, {@code ORG:ECOWAS}), {@code partner_name} the partner's English name; {@code status}
     * and {@code trend} their Java names ({@code WINDING_DOWN}, {@code COOLING}); {@code security_weight}
     * an integer; {@code temperature} with three decimals, {@code security_share},
     * {@code diversification} and {@code effective_partners} with four; a point as the decimal separator
     * and no thousands separator. The last three are empty when the country has no security partner on
     * the date. A value holding a comma or a double quote (a registered organisation's name may; no country's
     * name does) is quoted as RFC 4180 says;
     * text goes through {@link org.entente.core.text.TerminalText#escape(CharSequence)} first, as
     * everything the command line prints, so that no value holds a line break or a control character.
     * UTF-8 is the writer's to choose; no byte order mark is written.
     *
     * @param out where to write; not closed
     * @throws IOException when the writer fails
     */
    public void writeCsv(Writer out) throws IOException {
        Require.nonNull(out, "out", "a Writer, such as Files.newBufferedWriter(path)");
        out.write(CSV_HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(160);
        for (SeriesRow r : rows) {
            line.setLength(0);
            line.append(r.date()).append(',');
            text(line, r.country().code()).append(',');
            text(line, r.partner().code()).append(',');
            text(line, r.partner().name()).append(',');
            line.append(r.status().name()).append(',');
            line.append(String.format(Locale.ROOT, "%.3f", r.temperature())).append(',');
            line.append(r.trend().name()).append(',');
            line.append(r.securityWeight()).append(',');
            decimal(line, r.securityShare()).append(',');
            decimal(line, r.diversification()).append(',');
            decimal(line, r.effectiveNumberOfPartners()).append('\n');
            out.append(line);
        }
    }

    private static StringBuilder text(StringBuilder line, String value) {
        String shown = org.entente.core.text.TerminalText.escape(value);
        if (shown.indexOf(',') < 0 && shown.indexOf('"') < 0) {
            return line.append(shown);
        }
        return line.append('"').append(shown.replace("\"", "\"\"")).append('"');
    }

    private static StringBuilder decimal(StringBuilder line, OptionalDouble value) {
        return value.isPresent() ? line.append(String.format(Locale.ROOT, "%.4f", value.getAsDouble())) : line;
    }

    /**
     * The series as JSON, for programs: an object whose first field is {@code "format": "entente-series/1"},
     * then {@code country}, {@code partner} (when the query names one), {@code from}, {@code to},
     * {@code step} ({@code DAY}, {@code WEEK}, {@code MONTH} or {@code YEAR}), {@code knownAt} and
     * {@code publishedBy} (when the query has them) and {@code rows}, each with {@code date}, {@code partner},
     * {@code partnerName}, {@code status}, {@code temperature}, {@code trend}, {@code securityWeight} and,
     * when the country has security partners on the date, {@code securityShare}, {@code diversification}
     * and {@code effectiveNumberOfPartners} (unrounded). The README's "Rendering" section lists every field.
     *
     * @return indented JSON; control characters in stored text are written as {@code \}{@code uXXXX} escapes
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try {
            writeJson(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Writes {@link #toJson()}'s document, row by row (a long series is never held as a tree), without a
     * final line feed.
     *
     * @param out where to write; not closed
     * @throws IOException when the writer fails
     */
    public void writeJson(Writer out) throws IOException {
        Require.nonNull(out, "out", "a Writer, such as Files.newBufferedWriter(path)");
        SeriesJson.write(this, out);
    }

    /** One short line: {@code Series of NER from 2024-01-01 to 2024-12-31 by MONTH: 60 rows}. */
    @Override
    public String toString() {
        return "Series of " + query + ": " + rows.size() + (rows.size() == 1 ? " row" : " rows");
    }
}
