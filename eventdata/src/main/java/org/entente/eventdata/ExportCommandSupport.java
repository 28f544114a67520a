package org.entente.eventdata;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.entente.Entente;
import org.entente.core.relationship.FactEvent;

/**
 * What the command line's {@code export plover|cameo|cow FILE [--from YEAR] [--to YEAR] [--step N]
 * [--day MM-DD]} does, so that the command itself only parses options. {@code FILE} {@code -} is the
 * standard output.
 */
public final class ExportCommandSupport {

    /** The formats accepted. */
    public static final List<String> FORMATS = List.of("plover", "cameo", "cow");

    private ExportCommandSupport() {
    }

    /**
     * Exports the store's history.
     *
     * @param format plover, cameo or cow
     * @param file   where to write (UTF-8), or {@code -} for {@code out}
     * @param from   COW: first year (default: the year of the earliest fact)
     * @param to     COW: last year (default: the year of the latest fact)
     * @param step   COW: years between rows (1 for every year, 5 for COW's own rhythm)
     * @param day    COW: the day of the year envoys are read on, {@code MM-DD} (default 12-31)
     * @param entente the Entente to read
     * @param out where to write
     * @return the format, the rows written and what was left out
     * @throws IllegalArgumentException for an unknown format, a bad year range or day (exit code 2)
     */
    public static ExportReport run(Entente entente, String format, String file, Optional<Integer> from, Optional<Integer> to,
                                   int step, Optional<String> day, PrintWriter out) {
        Objects.requireNonNull(entente, "entente");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(out, "out");
        String f = Objects.requireNonNull(format, "format").strip().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(f)) {
            throw new IllegalArgumentException("'" + format + "' is not an export format; accepted: " + String.join(", ", FORMATS));
        }
        MonthDay readOn = day.map(ExportCommandSupport::monthDay).orElse(MonthDay.of(12, 31));
        List<FactEvent> facts = Exporter.facts(entente);
        ExportReport report;
        if (file.equals("-")) {
            report = write(entente, f, facts, from, to, step, readOn, out);
        } else {
            try (Writer w = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
                report = write(entente, f, facts, from, to, step, readOn, w);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
            }
            out.println("wrote " + file + ": " + report.summary());
        }
        out.flush();
        return report;
    }

    private static ExportReport write(Entente entente, String format, List<FactEvent> facts, Optional<Integer> from,
                                      Optional<Integer> to, int step, MonthDay day, Writer w) {
        return switch (format) {
            case "plover" -> Exporter.plover(facts, w);
            case "cameo" -> Exporter.cameo(facts, w);
            default -> {
                int first = from.orElseGet(() -> facts.stream().mapToInt(x -> x.fact().happened().day().getYear()).min().orElse(2000));
                int last = to.orElseGet(() -> Math.max(first,
                        facts.stream().mapToInt(x -> x.fact().happened().day().getYear()).max().orElse(first)));
                yield Exporter.cow(entente, new CowOptions(first, last, step, day), w);
            }
        };
    }

    private static MonthDay monthDay(String text) {
        try {
            return MonthDay.parse("--" + text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a day of the year; expected MM-DD such as 12-31");
        }
    }
}
