package org.entente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.Actor;
import org.entente.core.Dyad;
import org.entente.core.text.TerminalText;
import org.entente.series.Series;
import org.entente.series.SeriesQuery;
import org.entente.series.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code series COUNTRY|DYAD --from DATE --to DATE --step STEP}: partnerships on each date, as CSV or JSON. */
@Command(name = "series", mixinStandardHelpOptions = true,
        header = "Write a country's partnerships over time, as CSV or JSON.",
        description = {"One row per date and partner: status, temperature, trend, security weight and share, and the"
                + " country's diversification and effective number of partners (empty without security partners).",
                "The CSV is tidy (long): ISO dates, a header, a point as the decimal separator, no thousands"
                + " separator; pandas.read_csv and R's read.csv read it without options.",
                "The dates are --from, then --from plus 1, 2... steps up to and including --to; a month or a year"
                + " step keeps --from's day, clamped to the month's last day (2024-01-31, 2024-02-29, 2024-03-31).",
                "A dyad gives that one partnership on every date (status NONE before its first fact), seen from"
                + " the side typed first: NER-USA has Niger's shares and diversification, USA-NER those of the"
                + " United States."},
        footerHeading = "%nExamples:%n",
        footer = {"  entente series NER --from 2023-01-01 --to 2024-12-31 --step month",
                "  entente series NER-USA --from 2024-01-01 --to 2024-12-31 --step week \\",
                "      --format json",
                "  entente series NER --from 2024-01-01 --to 2024-12-31 --step week \\",
                "      --published-by 2024-06-30",
                "  entente series NER --from 2023-01-01 --to 2024-12-31 --step week -o niger.csv"})
final class SeriesCommand implements Callable<Integer> {

    /** What {@code --format} accepts. */
    enum SeriesFormat {
        /** Tidy CSV, for pandas, R and spreadsheets. */
        CSV,
        /** JSON ({@code entente-series/1}), for programs. */
        JSON
    }

    @ParentCommand
    EntenteCli root;

    @Parameters(paramLabel = "COUNTRY|DYAD", converter = Converters.SubjectConverter.class,
            description = "A country such as NER (or an organisation such as ECOWAS), or a dyad such as NER-USA.")
    Converters.Subject subject;

    @Option(names = "--from", required = true, paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "The first date.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "The last date a step may reach (included when a step lands on it).")
    LocalDate to;

    @Option(names = "--step", required = true, paramLabel = "STEP", description = "day, week, month or year.")
    Step step;

    @Option(names = "--known-at", paramLabel = "INSTANT", converter = Converters.InstantConverter.class,
            description = "An instant such as 2024-05-01T09:00:00Z (UTC): the store as it stood then (default: now).")
    Instant knownAt;

    @Option(names = "--published-by", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "Only facts with a source published by this date.")
    LocalDate publishedBy;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE}).")
    SeriesFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to this file, all at once, replacing it (default: standard output).")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (from.isAfter(to)) {
            throw new EntenteCli.UsageError("--from " + from + " is after --to " + to + "; expected --from <= --to");
        }
        if (output != null) {
            EntenteCli.requireDirectoryOf(output);
        }
        Series series;
        try (Entente entente = root.open()) {
            series = entente.series(query());
        }
        if (output == null) {
            PrintWriter out = root.spec.commandLine().getOut();
            write(series, out);
            out.flush();
        } else {
            AtomicFile.write(output, w -> write(series, w));
            root.notice("wrote " + series.rows().size() + (series.rows().size() == 1 ? " row" : " rows") + " to "
                    + TerminalText.escape(output.toString()));
        }
        return ExitCode.SUCCESS.code();
    }

    /** The query, once the store is open: an organisation it registered is known by then. */
    private SeriesQuery query() {
        SeriesQuery query;
        if (subject.isDyad()) {
            Dyad dyad = subject.dyad();
            // The side typed first is the country whose portfolio gives the shares: NER-CHN is Niger's view.
            Actor country = Actor.of(subject.text().split("-", 2)[0].strip());
            query = SeriesQuery.of(country, from, to, step).partner(dyad.other(country));
        } else {
            query = SeriesQuery.of(subject.country(), from, to, step);
        }
        if (knownAt != null) {
            query = query.knownAt(knownAt);
        }
        if (publishedBy != null) {
            query = query.publishedBy(publishedBy);
        }
        return query;
    }

    private void write(Series series, java.io.Writer out) throws java.io.IOException {
        if (format == SeriesFormat.JSON) {
            series.writeJson(out);
            out.write('\n');
        } else {
            series.writeCsv(out);
        }
    }
}
