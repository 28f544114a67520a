package org.entente.eventdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.entente.Entente;

/**
 * Reads a coded event-data file (ICEWS, GDELT 2.0, PLOVER) and records each usable row as an
 * interaction between two actors, countries or organisations, through Entente's batch path.
 *
 * <pre>{@code
 * try (Entente entente = Entente.inMemory()) {
 *     ImportReport report = Importer.icews().importFile(entente, Path.of("events.2018.sample.tab"), ImportProgress.NONE);
 *     report.imported();                      // rows recorded as new facts
 *     report.skips().countsByReason();        // every other row, by reason, with line numbers
 * }
 * }</pre>
 *
 * <p>Each row becomes a {@link org.entente.core.relationship.FactCommand.RecordInteraction}: the fact
 * id is the row's own id with the dataset's prefix ({@code icews-32889836}); the happened day is the
 * row's event date (precision day); the CAMEO code is the row's, and the Goldstein value the CAMEO
 * table's (a row's own intensity or Goldstein value, when different, is kept in the description); the
 * source is an article, confidence {@code REPORTED}, with the row's publisher or URL (and for GDELT the
 * publication date {@code DATEADDED}). Countries go through the {@link CountryCrosswalk}, organisations
 * through the {@link OrganisationCrosswalk}: an ICEWS side without a country whose name is an
 * organisation's ("European Union"), a GDELT actor whose CAMEO code starts with {@code IGO} (by its
 * known-group code, {@code WAS} for ECOWAS), a PLOVER {@code UNO}, {@code EUR} or {@code ORG:} code. Rows
 * without two distinct actors Entente knows are skipped and counted by reason ({@link SkipReason}),
 * unknown and ambiguous organisations included.
 *
 * <p>Structural CAMEO codes (057 sign agreement, 161 break relations, 163 sanctions...) stay
 * interactions: coded data is noisy, and an inferred denunciation or severance would change statuses
 * that the rules then defend against true facts. So do the lines of Entente's own PLOVER export: their
 * {@code entente_kind} ({@code impose-sanctions}, {@code join}, {@code withdraw}...) is not read back.
 *
 * <p>Re-importing a file adds nothing (fact ids are idempotent). Importing a newer release of a file
 * adds only its new rows; rows whose content changed under the same id are reported as
 * {@link SkipReason#CHANGED} (one conflict per row) and the rest is imported. Files are read as UTF-8;
 * lines longer than 1,048,576 characters are skipped as malformed.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Importer {

    /** {@return the ICEWS importer: tab-separated, header row, countries and organisations as names} */
    static Importer icews() {
        return new IcewsImporter(CountryCrosswalk.standard(), OrganisationCrosswalk.standard());
    }

    /** {@return the GDELT 2.0 event-export importer: 61 tab-separated columns, with or without a header} */
    static Importer gdelt() {
        return new GdeltImporter(CountryCrosswalk.standard(), OrganisationCrosswalk.standard());
    }

    /** {@return the PLOVER importer: JSON lines, required {@code id, date, actor, event}} */
    static Importer plover() {
        return new PloverImporter(CountryCrosswalk.standard(), OrganisationCrosswalk.standard());
    }

    /**
     * {@return the importer of a dataset}
     *
     * @param dataset {@code ICEWS}, {@code GDELT} or {@code PLOVER}
     */
    static Importer of(Dataset dataset) {
        return switch (Objects.requireNonNull(dataset, "dataset")) {
            case ICEWS -> icews();
            case GDELT -> gdelt();
            case PLOVER -> plover();
        };
    }

    /** {@return the dataset this importer reads} */
    Dataset dataset();

    /**
     * Reads rows into commands without recording anything (also the plain-parse baseline of
     * benchmarks).
     *
     * @param in       the file's text
     * @param fileName the file's name, for reports and for sources of rows that name no publisher
     * @param progress told every 10,000 rows
     * @return the commands read, with every skipped row and why
     * @throws IOException when reading fails
     * @throws IllegalArgumentException when the file as a whole is not of this dataset (an ICEWS header
     *                                  without its columns)
     */
    ParseResult parse(Reader in, String fileName, ImportProgress progress) throws IOException;

    /**
     * As {@link #parse(Reader, String, ImportProgress)}, reading a UTF-8 file (bad bytes become U+FFFD).
     *
     * @param file a UTF-8 file of this importer's dataset; its name becomes the source of rows that name no publisher
     * @return the commands read, with every skipped row and why
     * @throws IOException if reading or writing fails
     */
    default ParseResult parse(Path file) throws IOException {
        return parse(file, ImportProgress.NONE);
    }

    /**
     * As {@link #parse(Path)}, with progress.
     *
     * @param file a UTF-8 file of this importer's dataset
     * @param progress receives progress reports
     * @return the commands read, with every skipped row and why
     * @throws IOException if reading or writing fails
     */
    default ParseResult parse(Path file, ImportProgress progress) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE))) {
            Path name = file.getFileName();
            return parse(reader, name == null ? file.toString() : name.toString(), progress);
        }
    }

    /**
     * Reads a file and records its usable rows through {@link Entente#recordAll}; rows in conflict
     * with recorded facts are reported, the rest recorded.
     *
     * @param entente the Entente to record into
     * @param file a UTF-8 file of this importer's dataset
     * @param progress receives progress reports
     * @return how many rows were read, and every row skipped with its line and reason
     * @throws IOException when reading fails
     * @throws org.entente.core.store.BatchWriteException when writing failed after some chunks were
     *         committed (importing the file again completes it)
     */
    default ImportReport importFile(Entente entente, Path file, ImportProgress progress) throws IOException {
        Objects.requireNonNull(entente, "entente");
        Objects.requireNonNull(progress, "progress");
        return Recording.record(entente, parse(file, progress), false, progress);
    }

    /**
     * Records what {@link #parse} read; see {@link #importFile}.
     *
     * @param entente the Entente to record into
     * @param parsed what {@link #parse} read: the commands and the skipped rows
     * @param progress receives progress reports
     * @return how many rows were read, and every row skipped with its line and reason
     */
    default ImportReport record(Entente entente, ParseResult parsed, ImportProgress progress) {
        return Recording.record(Objects.requireNonNull(entente, "entente"), Objects.requireNonNull(parsed, "parsed"), false,
                Objects.requireNonNull(progress, "progress"));
    }

    /**
     * {@return what importing the file would do, writing nothing (Entente's dry run)}
     *
     * @param entente the Entente to record into
     * @param file a UTF-8 file of this importer's dataset
     * @throws IOException if reading or writing fails
     */
    default ImportReport dryRun(Entente entente, Path file) throws IOException {
        Objects.requireNonNull(entente, "entente");
        return Recording.record(entente, parse(file), true, ImportProgress.NONE);
    }
}
