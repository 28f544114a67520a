package org.entente.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.text.TerminalText;
import org.entente.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code report COUNTRY|DYAD -o FILE}: the history as one HTML page (see {@link Report}). */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Write a country's or a dyad's history as one HTML page.",
        description = {"Write one self-contained HTML page that opens offline in a browser: status lanes with the exact"
                + " days each status changed and a marker per fact, temperatures with their trend, security partners"
                + " over time with diversification, the board on any day (a slider redraws it and a network of"
                + " partners), and the timeline with its sources.",
                "The range runs from --from (default: " + Report.DEFAULT_YEARS + " years before its end, or the subject's first"
                + " fact if later) to --to (default: --as-of, else today); --as-of is the board's day when the page opens"
                + " (default: --to). The file is replaced whole, never left half-written.",
                "If the store never held an event, the bundled niger-2024 seed is loaded first."},
        footerHeading = "%nExamples:%n",
        footer = {"  entente report NER -o niger.html",
                "  entente report NER --from 2023-01-01 --to 2024-12-31 --as-of 2024-04-30 \\",
                "      -o niger-2023-2024.html",
                "  entente report NER-USA --from 2024-01-01 --to 2024-12-31 -o -",
                "  entente report NER --to 2024-06-30 --published-by 2024-04-25 -o -"})
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    EntenteCli root;

    @Parameters(paramLabel = "COUNTRY|DYAD", converter = Converters.SubjectConverter.class,
            description = "A country such as NER, an organisation such as ECOWAS, or a dyad such as NER-USA.")
    Converters.Subject subject;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The HTML file to write (replaced if it exists), or - for standard output.")
    String output;

    @Option(names = "--from", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "The first day (default: " + Report.DEFAULT_YEARS + " years before the last, or the first fact if later).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "The last day (default: --as-of, else today).")
    LocalDate to;

    @Option(names = "--as-of", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "The board's day when the page opens (default: the last day).")
    LocalDate asOf;

    @Option(names = "--known-at", paramLabel = "INSTANT", converter = Converters.InstantConverter.class,
            description = "An instant such as 2024-05-01T09:00:00Z (UTC): the store as it stood then (default: now).")
    Instant knownAt;

    @Option(names = "--published-by", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "Only facts with a source published by this date.")
    LocalDate publishedBy;

    @Override
    public Integer call() throws Exception {
        boolean toStandardOutput = output.equals("-");
        Path file = toStandardOutput ? null : Path.of(output);
        if (file != null) {
            if (Files.isDirectory(file)) {
                throw new EntenteCli.UsageError(TerminalText.escape(output) + " is a directory; name the HTML file to write, such as niger.html");
            }
            EntenteCli.requireDirectoryOf(file);
        }
        Report report;
        try (Entente entente = root.open()) {
            String origin = "the store at " + root.store;
            if (entente.store().isNew()) {
                int facts = SeedLoading.loadBundled(entente, "niger-2024");
                root.notice("the store at " + TerminalText.escape(root.store.toString()) + " was empty; loaded the bundled seed niger-2024 ("
                        + facts + " facts) first");
                origin += ", into which the bundled seed niger-2024 (" + facts + " facts) was loaded because it was empty";
            }
            Report.Builder builder = (subject.isDyad() ? Report.builder(entente, subject.dyad()) : Report.builder(entente, subject.country()))
                    .origin(origin).clock(root.clock);
            if (from != null) {
                builder.from(from);
            }
            if (to != null) {
                builder.to(to);
            }
            if (asOf != null) {
                builder.asOf(asOf);
            }
            if (knownAt != null) {
                builder.knownAt(knownAt);
            }
            if (publishedBy != null) {
                builder.publishedBy(publishedBy);
            }
            report = builder.build();
        }
        if (toStandardOutput) {
            java.io.PrintWriter out = root.spec.commandLine().getOut();
            report.writeTo(out);
            out.flush();
            return ExitCode.SUCCESS.code();
        }
        long bytes = writeAtomically(report, file);
        root.spec.commandLine().getOut().println("wrote " + TerminalText.escape(output) + " (" + kilobytes(bytes) + "): " + report);
        return ExitCode.SUCCESS.code();
    }

    /**
     * Writes the page beside the file under a temporary name, forces it to disk, then renames it over the
     * file: a reader sees the old page or the new one, never a part; a failure leaves no temporary file.
     */
    static long writeAtomically(Report report, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 Writer w = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16)) {
                report.writeTo(w);
                w.flush();
                channel.force(true);
            }
            long size = Files.size(temp);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            return size;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static String kilobytes(long bytes) {
        return bytes < 10 * 1024 ? bytes + " bytes" : (bytes + 512) / 1024 + " KB";
    }
}
