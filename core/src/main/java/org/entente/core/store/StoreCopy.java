package org.entente.core.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.entente.core.EntenteException;

/**
 * Copies a store's history, as recorded, to another store or to a file, for migrations and backups:
 * events with their original global positions, recording timestamps and fact ids (not re-recorded),
 * snapshots, the fact-id table and the organisations registered in the store
 * ({@link EntenteStore#registerOrganisation(String, String, String)}). Projections are not copied: the target rebuilds them from the
 * events when it is next opened through {@code Entente}, so it answers every {@code asOf} and
 * {@code knownAt} query as the source did.
 *
 * <pre>{@code
 * try (EntenteStore h2 = EntenteStore.builder().h2(dir).build()) {
 *     StoreCopy.export(h2, Path.of("backup.jsonl"));            // atomic, 0600, with a manifest
 * }
 * try (EntenteStore restored = EntenteStore.builder().h2(newDir).build()) {
 *     StoreCopy.importInto(restored, Path.of("backup.jsonl"));  // checked, then resumable
 * }
 * }</pre>
 *
 * <h2>The export file</h2>
 * A format line ({@value #FORMAT}), one JSON object per row (events by position, then snapshots, then
 * fact ids, then organisations; binary columns in Base64), and a last line, the {@link Manifest}: the
 * counts of each table, the last position and the SHA-256 of the data lines. A file without its last
 * line was cut short and is refused. {@link #export(EntenteStore, Path)} writes to a hidden temporary
 * file in the same directory, readable by its owner only, forces it to disk and renames it into place:
 * a failed export leaves no file under the name asked for. Files of earlier formats still import:
 * {@value #FORMAT_2} has no organisation rows and no {@code organisations} count in its manifest (a row
 * or a count there is refused); {@value #FORMAT_1} has no manifest, is imported with a note saying so,
 * and its rows are checked as below, which finds a cut of such a file at any line before its last fact id.
 *
 * <h2>What is checked before anything is written</h2>
 * Every row of the source, in a first pass: its table and columns, Base64 and JSON; each event's
 * position above the previous one, its dyad's sequence numbers 0, 1, 2... without gap or repeat, a
 * payload that this version reads (for current revisions) about the dyad of its row; snapshots of
 * events that exist; each fact id listed once, under the dyad whose event recorded it, and every
 * recorded fact listed; each organisation listed once, with an acronym, name and CAMEO code of the
 * forms {@code Organisation.register} accepts. A refusal ({@link BackupRejectedException}) names the
 * file's line. Then the organisations against this JVM's registrations: an acronym this JVM has
 * registered as another organisation is refused ({@link OrganisationConflictException}). The target
 * must hold no event, snapshot, fact id or organisation. After the copy, its organisations are
 * registered in this JVM, as when a store opens.
 *
 * <h2>Interrupted imports resume</h2>
 * A single transaction for the whole import would make it all-or-nothing, but large H2 transactions
 * cut by {@code kill -9} are what H2's recovery has had trouble with, and one transaction would also
 * hold the whole copy's positions. So an import is written in chunks of at most 1,000 rows or 4 MB,
 * each committed with a marker row (table {@code entente_import}) that names the source, the checksum
 * of its rows and how many rows are committed. The marker is committed before the first chunk and
 * dropped after the last check. Run again from the same source (same checksum), an interrupted import
 * resumes after its last committed chunk; from another source, the unfinished rows are deleted first.
 * {@link #unfinishedImport(EntenteStore)} tells whether a store is such an unfinished target, which
 * must not be used as a store until the import completes.
 */
public final class StoreCopy {

    /** The format line of the export files this version writes. */
    public static final String FORMAT = ExportLines.FORMAT_3;
    /** The format line of export files written with a manifest but before organisations travelled, which still import. */
    public static final String FORMAT_2 = ExportLines.FORMAT_2;
    /** The format line of export files written before manifests, which still import. */
    public static final String FORMAT_1 = ExportLines.FORMAT_1;
    static final int MANIFEST_FORMAT = 3;
    static final int CHUNK_ROWS = 1000;

    /**
     * What an export or a copy holds: the last line of an export file.
     *
     * @param format          the format version (3; 2 for files written before organisations travelled)
     * @param events          event rows
     * @param snapshots       snapshot rows
     * @param factIds         fact-id rows
     * @param organisations   rows of organisations registered in the store (0 in a manifest of format 2)
     * @param lastGlobalIndex the position of the last event (0 when there is none)
     * @param sha256          SHA-256, in lowercase hexadecimal, of the data lines, each in UTF-8 followed by a line feed
     */
    public record Manifest(int format, long events, long snapshots, long factIds, long organisations, long lastGlobalIndex,
                           String sha256) {
        /**
         * Validates the counts and the checksum's form.
         *
         * @param format the format version (3; 2 for files written before organisations travelled)
         * @param events event rows
         * @param snapshots snapshot rows
         * @param factIds fact-id rows
         * @param organisations rows of organisations registered in the store (0 in a manifest of format 2)
         * @param lastGlobalIndex the position of the last event (0 when there is none)
         * @param sha256 SHA-256, in lowercase hexadecimal, of the data lines, each in UTF-8 followed by a line feed
         */
        public Manifest {
            Objects.requireNonNull(sha256, "sha256");
            if (events < 0 || snapshots < 0 || factIds < 0 || organisations < 0 || lastGlobalIndex < 0) {
                throw new IllegalArgumentException("counts and position must be 0 or more, got " + events + ", " + snapshots + ", "
                        + factIds + ", " + organisations + ", " + lastGlobalIndex);
            }
        }

        /**
         * A manifest without organisations, as format 2 wrote them.
         *
         * @param format the format version
         * @param events event rows
         * @param snapshots snapshot rows
         * @param factIds fact-id rows
         * @param lastGlobalIndex the position of the last event (0 when there is none)
         * @param sha256 SHA-256, in lowercase hexadecimal, of the data lines, each in UTF-8 followed by a line feed
         */
        public Manifest(int format, long events, long snapshots, long factIds, long lastGlobalIndex, String sha256) {
            this(format, events, snapshots, factIds, 0, lastGlobalIndex, sha256);
        }

        /** {@return all rows} */
        public long rows() {
            return events + snapshots + factIds + organisations;
        }

        String describe() {
            return String.format(java.util.Locale.ROOT, "%,d event(s), %,d snapshot(s), %,d fact id(s), %,d organisation(s),"
                    + " last position %d, sha256 %s", events, snapshots, factIds, organisations, lastGlobalIndex, sha256);
        }

        boolean sameContent(Manifest o) {
            return events == o.events && snapshots == o.snapshots && factIds == o.factIds && organisations == o.organisations
                    && lastGlobalIndex == o.lastGlobalIndex && sha256.equals(o.sha256);
        }
    }

    /**
     * What was copied.
     *
     * @param events           events copied
     * @param snapshots        snapshots copied
     * @param factIds          fact ids copied
     * @param organisations    organisations registered in the store, copied (and registered in this JVM on import)
     * @param sha256           the checksum of the rows (the manifest's)
     * @param manifestChecked  false for an export file of format 1, which has no manifest
     * @param resumedAfterRows rows that an interrupted run of the same import had committed already (0: none)
     * @param notes            what a user should know (an earlier format, a resumed or discarded import), one sentence each
     */
    public record Summary(long events, long snapshots, long factIds, long organisations, String sha256, boolean manifestChecked,
                          long resumedAfterRows, List<String> notes) {
        /**
         * Copies the notes.
         *
         * @param events events copied
         * @param snapshots snapshots copied
         * @param factIds fact ids copied
         * @param organisations organisations registered in the store, copied
         * @param sha256 the checksum of the rows (the manifest's)
         * @param manifestChecked false for an export file of format 1, which has no manifest
         * @param resumedAfterRows rows that an interrupted run of the same import had committed already (0: none)
         * @param notes what a user should know (an earlier format, a resumed or discarded import), one sentence each
         */
        public Summary {
            notes = List.copyOf(notes);
        }

        /**
         * A summary without organisations, as versions before them made.
         *
         * @param events events copied
         * @param snapshots snapshots copied
         * @param factIds fact ids copied
         * @param sha256 the checksum of the rows (the manifest's)
         * @param manifestChecked false for an export file of format 1, which has no manifest
         * @param resumedAfterRows rows that an interrupted run of the same import had committed already (0: none)
         * @param notes what a user should know, one sentence each
         */
        public Summary(long events, long snapshots, long factIds, String sha256, boolean manifestChecked, long resumedAfterRows,
                       List<String> notes) {
            this(events, snapshots, factIds, 0, sha256, manifestChecked, resumedAfterRows, notes);
        }
    }

    private StoreCopy() {
    }

    // ------------------------------------------------------------------------------------- exports

    /**
     * Writes everything recorded in a store to a new file, atomically and readable by its owner only
     * (on POSIX file systems): see the class documentation. Nothing is left under {@code file} when it fails.
     *
     * @param from the store to read
     * @param file the export file to create; it must not exist yet
     * @return what was copied: events, snapshots and fact ids counted, the checksum and any notes
     * @throws EntenteException when the file exists already, or the store cannot be read or the file written
     */
    public static Summary export(EntenteStore from, Path file) {
        return export(from, file, UnaryOperator.identity());
    }

    /** As {@link #export(EntenteStore, Path)}, writing through a wrapper of the file's stream (tests simulate failures). */
    static Summary export(EntenteStore from, Path file, UnaryOperator<OutputStream> wrap) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new EntenteException(target + " exists already; choose a new file name");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new EntenteException("no directory " + dir + " to write " + target.getFileName() + " in; create it first");
        }
        Path temp = null;
        boolean moved = false;
        try {
            temp = createPrivateFile(dir, "." + target.getFileName() + ".", ".partial");
            Summary summary;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(wrap.apply(Channels.newOutputStream(channel)), 1 << 16)) {
                summary = export(from, out);
                out.flush();
                channel.force(true);
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target + " was created by someone else during the export");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            moved = true;
            forceDirectory(dir);
            return summary;
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new EntenteException("could not write " + target + " (" + io + "); no file was left under that name", io);
        } finally {
            if (temp != null && !moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the export
                }
            }
        }
    }

    /**
     * Writes everything recorded in a store to a stream: the format line, one line per row and the
     * manifest; the rows are read in one transaction, so concurrent writers do not split the copy.
     * The caller owns the stream (not closed here); prefer {@link #export(EntenteStore, Path)} for files.
     *
     * @param from the store to read
     * @param out where to write the export
     * @return what was copied: events, snapshots and fact ids counted, the checksum and any notes
     */
    public static Summary export(EntenteStore from, OutputStream out) {
        long[] counts = new long[CopiedTable.values().length];
        long last = 0;
        MessageDigest sha = sha256();
        try (StoreRows rows = new StoreRows(from)) {
            out.write((FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
            for (ExportLines.Row row; (row = rows.next()) != null; ) {
                out.write(row.line());
                out.write('\n');
                sha.update(row.line());
                sha.update((byte) '\n');
                counts[row.table().ordinal()]++;
                if (row.table() == CopiedTable.EVENTS) {
                    last = row.whole("globalIndex");
                }
            }
            Manifest manifest = new Manifest(MANIFEST_FORMAT, counts[0], counts[1], counts[2], counts[3], last,
                    HexFormat.of().formatHex(sha.digest()));
            out.write(ExportLines.encode(manifest));
            out.write('\n');
            out.flush();
            return new Summary(counts[0], counts[1], counts[2], counts[3], manifest.sha256(), true, 0, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------- imports

    /**
     * Reads an export file into a store that holds no event, or finishes an interrupted import of the
     * same file: checks every row first, then writes in resumable chunks (see the class documentation).
     *
     * @param to the store to write into
     * @param file a file written by {@link #export(EntenteStore, Path)} (the command line's {@code store-export})
     * @return what was copied: events, snapshots and fact ids counted, the checksum and any notes
     * @throws BackupRejectedException when the file is not a complete, consistent export (nothing is written)
     * @throws EntenteException        when the target holds other data, or cannot be written (run again to resume)
     */
    public static Summary importInto(EntenteStore to, Path file) {
        return importInto(to, file, BatchProgress.NONE);
    }

    /**
     * As {@link #importInto(EntenteStore, Path)}, telling progress.
     *
     * @param progress told (rows committed, rows in the file) after each chunk
     * @param to the store to write into
     * @param file a file written by {@link #export(EntenteStore, Path)} (the command line's {@code store-export})
     * @return what was copied: events, snapshots and fact ids counted, the checksum and any notes
     */
    public static Summary importInto(EntenteStore to, Path file, BatchProgress progress) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new EntenteException("no file " + file + "; expected a file written by store-export");
        }
        ExportFileSource source = new ExportFileSource(file);
        return restore(to, file.toAbsolutePath().toString(), source, progress);
    }

    /**
     * Reads an export from a stream (copied to a temporary file readable by its owner only, since the
     * rows are read twice: checked, then written), as {@link #importInto(EntenteStore, Path)}.
     *
     * @param to the store to write into
     * @param in the export to read
     * @return what was copied: events, snapshots and fact ids counted, the checksum and any notes
     */
    public static Summary importInto(EntenteStore to, InputStream in) {
        Path spool = null;
        try {
            spool = createPrivateFile(Path.of(System.getProperty("java.io.tmpdir")), "entente-import-", ".jsonl");
            try (OutputStream out = Files.newOutputStream(spool, StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(out);
            }
            return restore(to, "an export stream", new ExportFileSource(spool), BatchProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    // a temporary file that the system cleans
                }
            }
        }
    }

    /**
     * Copies everything recorded in {@code from} into {@code to}, which must hold no event (or be an
     * unfinished copy of the same source, which this finishes). Every row of the source is checked
     * first, as for an import; the copy is written in resumable chunks.
     *
     * @param progress told (rows committed, rows total) after each chunk
     * @param from the store to read
     * @param to the store to write into
     * @return what was copied: events, snapshots and fact ids counted, the checksum and any notes
     * @throws BackupRejectedException when the source's rows are not consistent (nothing is written)
     * @throws EntenteException        when the target holds other data, or cannot be written (run again to resume)
     */
    public static Summary copy(EntenteStore from, EntenteStore to, BatchProgress progress) {
        return restore(to, from.toString(), new CopySource() {
            @Override
            public CopySource.Rows open() {
                return new StoreRows(from);
            }

            @Override
            public boolean fromFile() {
                return false;
            }
        }, progress);
    }

    /**
     * Whether a store is the target of an import or copy that has not finished (it was interrupted).
     * Such a store holds only part of a history and must not be used: opening it should refuse.
     * Reads only; call it outside a transaction.
     *
     * @param store an open store, of any backend
     * @return a sentence naming the source, the rows committed and the command that finishes it; empty when there is none
     */
    public static Optional<String> unfinishedImport(EntenteStore store) {
        return ImportMarker.read(store).map(m -> String.format(java.util.Locale.ROOT,
                "an import into %s from %s stopped after %,d of %,d rows (started %s); run the same `entente store-import FILE`"
                        + " (or `entente migrate`) again to finish it, or StoreCopy.importInto/StoreCopy.copy from the same source",
                store, m.source(), m.rowsDone(), m.totalRows(), m.started()));
    }

    // ------------------------------------------------------------------------------------- the work

    private static Summary restore(EntenteStore to, String sourceName, CopySource source, BatchProgress progress) {
        RowCheck check = new RowCheck(source.fromFile());
        try (CopySource.Rows rows = source.open()) {
            for (ExportLines.Row row; (row = rows.next()) != null; ) {
                check.accept(row);
            }
        }
        List<String> notes = new ArrayList<>();
        if (source instanceof ExportFileSource file) {
            file.requireManifestLine(check);
        }
        Manifest manifest = check.finish();
        notes.addAll(source.verify(manifest));
        requireNoConflict(check.organisations(), sourceName, to);

        long resumeAt = prepareTarget(to, sourceName, manifest, notes);
        MessageDigest sha = sha256();
        long total = manifest.rows();
        ChunkWriter writer = new ChunkWriter(to);
        long n = 0;
        try (CopySource.Rows rows = source.open()) {
            for (ExportLines.Row row; (row = rows.next()) != null; ) {
                sha.update(row.line());
                sha.update((byte) '\n');
                n++;
                if (n <= resumeAt) {
                    continue;
                }
                writer.add(row);
                if (writer.full()) {
                    writer.flush(n);
                    progress.written(clamp(n), clamp(total));
                }
            }
            writer.flush(n);
            progress.written(clamp(n), clamp(total));
        }
        if (n != total || !HexFormat.of().formatHex(sha.digest()).equals(manifest.sha256())) {
            throw new EntenteException(sourceName + " changed while it was copied (" + n + " rows instead of " + total
                    + ", or other content); run the same import again");
        }
        restartGlobalIndex(to);
        requireCopied(to, manifest);
        ImportMarker.finish(to);
        // Checked against this JVM before anything was written; now that the rows are there, as on open.
        to.organisations();
        return new Summary(manifest.events(), manifest.snapshots(), manifest.factIds(), manifest.organisations(), manifest.sha256(),
                !(source instanceof ExportFileSource f) || f.hasManifest(), resumeAt, notes);
    }

    /** The source's organisations fit this JVM's registrations: checked before anything is written, changing nothing. */
    private static void requireNoConflict(List<OrganisationRegistry.Row> organisations, String sourceName, EntenteStore to) {
        for (OrganisationRegistry.Row row : organisations) {
            OrganisationRegistry.conflict(row).ifPresent(held -> {
                throw new OrganisationConflictException("cannot copy " + sourceName + " into " + to + ": it registers organisation "
                        + row.acronym() + " as " + row.describe() + ", but this JVM has it registered as "
                        + OrganisationRegistry.Row.describe(held.name(), held.cameoCode().orElse(null))
                        + " (by another store or by Organisation.register); an acronym names one organisation in a JVM:"
                        + " import in a JVM of its own; nothing was written", row.acronym(), held.name(), row.name());
            });
        }
    }

    /** Where the import starts: after an interrupted import of the same rows, or at the first row of an empty target. */
    private static long prepareTarget(EntenteStore to, String sourceName, Manifest manifest, List<String> notes) {
        Optional<ImportMarker.State> marker = ImportMarker.read(to);
        if (marker.isPresent()) {
            ImportMarker.State m = marker.get();
            long held = rows(to);
            if (m.sha256().equals(manifest.sha256()) && m.totalRows() == manifest.rows() && held == m.rowsDone()) {
                if (m.rowsDone() > 0) {
                    notes.add(String.format(java.util.Locale.ROOT, "resumed an interrupted import of the same rows after %,d of %,d rows",
                            m.rowsDone(), m.totalRows()));
                }
                return m.rowsDone();
            }
            notes.add(String.format(java.util.Locale.ROOT, "discarded an unfinished import from %s (%,d rows) before this one", m.source(), held));
            clear(to);
        } else if (holdsCopy(to, manifest)) {
            // A run killed after its copy completed (the marker dropped) but before it returned: the retry
            // finds the copy whole and finishes instead of refusing a target that is not empty.
            notes.add(String.format(java.util.Locale.ROOT, "%s already holds a finished copy of these rows (%s); nothing was copied",
                    to, manifest.describe()));
            return manifest.rows();
        } else {
            requireEmpty(to);
        }
        ImportMarker.start(to, sourceName, manifest, Clock.systemUTC());
        return 0;
    }

    /** Whether the target holds exactly the counts and last position the manifest lists (a finished copy). */
    private static boolean holdsCopy(EntenteStore to, Manifest manifest) {
        if (manifest.rows() == 0) {
            return false;
        }
        long[] held = held(to);
        return held[0] == manifest.events() && held[1] == manifest.snapshots() && held[2] == manifest.factIds()
                && held[3] == manifest.organisations() && held[4] == manifest.lastGlobalIndex();
    }

    /** Events, snapshots, fact ids, organisations and the last position a store holds. */
    private static long[] held(EntenteStore to) {
        long events = count(to, CopiedTable.EVENTS.table());
        long snapshots = count(to, CopiedTable.SNAPSHOTS.table());
        long ids = count(to, CopiedTable.FACT_IDS.table());
        long organisations = count(to, CopiedTable.ORGANISATIONS.table());
        // A manifest counts the last position of an empty store as 0; head() says -1.
        return new long[] {events, snapshots, ids, organisations, Math.max(0, to.head())};
    }

    /** The target holds exactly what the manifest lists. */
    private static void requireCopied(EntenteStore to, Manifest manifest) {
        long[] held = held(to);
        long events = held[0];
        long snapshots = held[1];
        long ids = held[2];
        long organisations = held[3];
        long last = held[4];
        if (events != manifest.events() || snapshots != manifest.snapshots() || ids != manifest.factIds()
                || organisations != manifest.organisations() || last != manifest.lastGlobalIndex()) {
            throw new EntenteException(String.format(java.util.Locale.ROOT, "after the copy %s holds %,d event(s), %,d snapshot(s), %,d"
                    + " fact id(s) and %,d organisation(s), last position %d, but the source holds %s; run the same import again,"
                    + " which starts over", to, events, snapshots, ids, organisations, last, manifest.describe()));
        }
    }

    /** The target's global index continues after the copied positions. */
    private static void restartGlobalIndex(EntenteStore to) {
        try (Connection c = to.connections().getConnection(); Statement s = c.createStatement()) {
            long max = Math.max(0, StoreIntegrity.head(c));
            if (to.backend() == EntenteStore.Backend.POSTGRES) {
                s.execute("SELECT setval(pg_get_serial_sequence('domainevententry', 'globalindex'), " + Math.max(1, max)
                        + ", " + (max > 0) + ")");
            } else {
                s.execute("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex RESTART WITH " + (max + 1));
            }
        } catch (SQLException e) {
            throw new EntenteException("could not move the global index of " + to + " past the copied events: " + e.getMessage(), e);
        }
    }

    private static void requireEmpty(EntenteStore to) {
        long events = count(to, CopiedTable.EVENTS.table());
        long ids = count(to, CopiedTable.FACT_IDS.table());
        long snapshots = count(to, CopiedTable.SNAPSHOTS.table());
        long organisations = count(to, CopiedTable.ORGANISATIONS.table());
        if (events > 0 || ids > 0 || snapshots > 0 || organisations > 0) {
            throw new TargetNotEmptyException(to.toString(), events, ids, snapshots, organisations);
        }
    }

    private static long rows(EntenteStore store) {
        long n = 0;
        for (CopiedTable t : CopiedTable.values()) {
            n += count(store, t.table());
        }
        return n;
    }

    /** Deletes an unfinished import's rows, in small transactions (large ones are what H2's recovery mishandles). */
    private static void clear(EntenteStore to) {
        String[] deletes = {
            "DELETE FROM DomainEventEntry WHERE globalIndex < (SELECT MIN(globalIndex) FROM DomainEventEntry) + " + CHUNK_ROWS,
            "DELETE FROM SnapshotEventEntry WHERE aggregateIdentifier IN (SELECT aggregateIdentifier FROM SnapshotEventEntry"
                    + " ORDER BY aggregateIdentifier FETCH FIRST 100 ROWS ONLY)",
            "DELETE FROM " + FactIdRegistry.TABLE + " WHERE fact_id IN (SELECT fact_id FROM " + FactIdRegistry.TABLE
                    + " ORDER BY fact_id FETCH FIRST " + CHUNK_ROWS + " ROWS ONLY)",
            "DELETE FROM " + OrganisationRegistry.TABLE + " WHERE acronym IN (SELECT acronym FROM " + OrganisationRegistry.TABLE
                    + " ORDER BY acronym FETCH FIRST " + CHUNK_ROWS + " ROWS ONLY)"};
        try (Connection c = to.connections().getConnection(); Statement s = c.createStatement()) {
            for (String delete : deletes) {
                while (s.executeUpdate(delete) > 0) {
                    // one committed chunk at a time
                }
            }
        } catch (SQLException e) {
            throw new EntenteException("could not clear the unfinished import in " + to + ": " + e.getMessage(), e);
        }
    }

    private static long count(EntenteStore store, String table) {
        try (Connection c = store.connections().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new EntenteException("could not count " + table + " in " + store + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------- sources

    // ------------------------------------------------------------------------------------- files

    /** A new empty file readable and writable by its owner only where the file system has POSIX permissions. */
    static Path createPrivateFile(Path dir, String prefix, String suffix) throws IOException {
        try {
            return Files.createTempFile(dir, prefix, suffix,
                    PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException e) {
            Path file = Files.createTempFile(dir, prefix, suffix);
            java.io.File f = file.toFile();
            // Without POSIX permissions, the closest: readable and writable by the owner only.
            f.setReadable(false, false);
            f.setReadable(true, true);
            f.setWritable(false, false);
            f.setWritable(true, true);
            return file;
        }
    }

    /** Forces a directory's entries (the rename) to disk where the platform allows it. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not every platform opens directories; the file itself is on disk already.
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static int clamp(long n) {
        return (int) Math.min(Integer.MAX_VALUE, n);
    }
}
