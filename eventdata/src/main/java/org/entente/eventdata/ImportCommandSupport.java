package org.entente.eventdata;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.entente.Entente;

/**
 * What the command line's {@code import icews|gdelt|plover FILE [--dry-run] [--skips FILE]} does,
 * so that the command itself only parses options.
 *
 * <pre>{@code
 * ImportReport r = ImportCommandSupport.run(entente, "icews", Path.of("events.tab"), false,
 *         Optional.of(Path.of("skips.tsv")), out, ImportProgress.NONE);
 * }</pre>
 */
public final class ImportCommandSupport {

    /** Skips printed on the standard output; the rest go to the {@code --skips} file. */
    public static final int SKIPS_SHOWN = 10;

    private ImportCommandSupport() {
    }

    /**
     * Imports (or dry-runs) a file and prints a summary: counts, skips by reason, the first
     * {@value #SKIPS_SHOWN} skips, and rows changed since recorded.
     *
     * @param dataset   {@code icews}, {@code gdelt} or {@code plover}
     * @param skipsFile where to write every skip as TSV (line, id, reason, detail), if wanted
     * @param entente the Entente to record into
     * @param file a UTF-8 file of the dataset
     * @param dryRun true to check the file against the store and report, writing nothing
     * @param out where to write the report
     * @param progress receives progress reports
     * @return how many rows were read, and every row skipped with its line and reason
     * @throws IllegalArgumentException for an unknown dataset, a missing or unreadable file, or a file
     *                                  that is not of the dataset (the command line's exit code 2)
     */
    public static ImportReport run(Entente entente, String dataset, Path file, boolean dryRun, Optional<Path> skipsFile,
                                   PrintWriter out, ImportProgress progress) {
        Objects.requireNonNull(entente, "entente");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(skipsFile, "skipsFile");
        Objects.requireNonNull(out, "out");
        Importer importer = Importer.of(Dataset.of(Objects.requireNonNull(dataset, "dataset")));
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(file + " is not a readable file; expected a " + importer.dataset().label()
                    + " file");
        }
        ImportReport report;
        try {
            report = dryRun ? importer.dryRun(entente, file) : importer.importFile(entente, file, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        print(report, out);
        if (skipsFile.isPresent()) {
            try (Writer w = Files.newBufferedWriter(skipsFile.get(), StandardCharsets.UTF_8)) {
                report.skips().writeTsv(w);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + skipsFile.get() + ": " + e.getMessage(), e);
            }
            out.println("every skipped row: " + skipsFile.get());
        }
        out.flush();
        return report;
    }

    /**
     * The summary lines of a report.
     *
     * @param report what an import or a dry run did
     * @param out where to write the report
     */
    public static void print(ImportReport report, PrintWriter out) {
        out.println(report.summary());
        List<Skip> changed = report.changed();
        if (!changed.isEmpty()) {
            out.println(changed.size() + " row(s) changed since recorded (not imported; record corrections to change them):");
            changed.stream().limit(SKIPS_SHOWN).forEach(s -> out.println("  " + s));
        }
        List<Skip> others = report.skips().all().stream().filter(s -> s.reason() != SkipReason.CHANGED).toList();
        if (!others.isEmpty()) {
            out.println("first skipped rows:");
            others.stream().limit(SKIPS_SHOWN).forEach(s -> out.println("  " + s));
        }
    }
}
