package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.FactId;
import org.entente.core.relationship.RelationshipCommand;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups one can trust: an export ends with a manifest, is written atomically and privately, and an
 * import checks every row and the manifest before it writes, resumes after an interruption and
 * refuses a cut or garbled file naming the line.
 */
class StoreCopyTest {

    private static final List<Country> PARTNERS = List.of(USA, FRA, CHN, TUR, RUS);

    @TempDir
    Path temp;

    private EntenteStore h2(String name) {
        return EntenteStore.builder().h2(temp.resolve(name)).build();
    }

    /** A source of {@code facts} talks over five dyads, one retracted, exported to a file. */
    private Path exported(int facts) {
        try (EntenteStore source = h2("source")) {
            List<RelationshipCommand> talks = new ArrayList<>();
            for (int i = 0; i < facts; i++) {
                talks.add(talks("t-" + i, "2024-01-01", NER, PARTNERS.get(i % PARTNERS.size())));
            }
            source.recordAll(talks);
            source.record(new RelationshipCommand.RetractFacts(List.of(FactId.of("t-0")), "duplicate"));
            Path file = temp.resolve("backup-" + facts + ".jsonl");
            StoreCopy.export(source, file);
            return file;
        }
    }

    private static long count(EntenteStore store, String table) throws Exception {
        try (Connection c = store.connections().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Path withLines(Path file, List<String> lines) throws IOException {
        Path out = temp.resolve("edited-" + System.nanoTime() + ".jsonl");
        Files.write(out, lines, StandardCharsets.UTF_8);
        return out;
    }

    @Test
    void anExportEndsWithAManifestOfItsCountsPositionAndChecksum() throws Exception {
        Path file = exported(12);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(StoreCopy.FORMAT).isEqualTo("entente-store-export/3");
        assertThat(lines).hasSize(1 + 13 + 12 + 1);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(
                (String.join("\n", lines.subList(1, lines.size() - 1)) + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("{\"manifest\":{\"format\":3,\"events\":13,\"snapshots\":0,\"factIds\":12,"
                + "\"organisations\":0,\"lastGlobalIndex\":13,\"sha256\":\"" + sha + "\"}}");
    }

    @Test
    void anExportFileIsReadableAndWritableByItsOwnerOnly() throws Exception {
        Path file = exported(3);
        Assumptions.assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aFailedExportLeavesNoFileUnderItsNameNorItsTemporaryFile() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("out"));
        Path file = dir.resolve("backup.jsonl");
        try (EntenteStore source = h2("source")) {
            source.recordAll(List.of(talks("a", "2024-01-01", NER, USA), talks("b", "2024-01-02", NER, FRA)));
            assertThatThrownBy(() -> StoreCopy.export(source, file, out -> new OutputStream() {
                int written;

                @Override
                public void write(int b) throws IOException {
                    if (++written > 700) {
                        throw new IOException("No space left on device");
                    }
                    out.write(b);
                }
            })).isInstanceOf(EntenteException.class)
                    .hasMessageContaining("could not write " + file)
                    .hasMessageContaining("No space left on device")
                    .hasMessageContaining("no file was left under that name");
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anExportRefusesToReplaceAnExistingFile() throws Exception {
        Path file = Files.writeString(temp.resolve("taken.jsonl"), "mine");
        try (EntenteStore source = h2("source")) {
            assertThatThrownBy(() -> StoreCopy.export(source, file)).hasMessage(file + " exists already; choose a new file name");
        }
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void anExportRestoresEveryRowAndTheTargetContinuesAfterTheCopiedPositions() throws Exception {
        Path file = exported(12);
        try (EntenteStore to = h2("restored")) {
            StoreCopy.Summary s = StoreCopy.importInto(to, file);
            assertThat(s.events()).isEqualTo(13);
            assertThat(s.factIds()).isEqualTo(12);
            assertThat(s.manifestChecked()).isTrue();
            assertThat(s.resumedAfterRows()).isZero();
            assertThat(s.notes()).isEmpty();
            assertThat(StoreCopy.unfinishedImport(to)).isEmpty();
            int before = to.history(Dyad.of(NER, USA)).orElseThrow().size();
            to.record(talks("after", "2024-02-01", NER, USA));
            assertThat(to.history(Dyad.of(NER, USA)).orElseThrow().size()).isEqualTo(before + 1);
            assertThat(count(to, "DomainEventEntry")).isEqualTo(14);
        }
    }

    @Test
    void runningAFinishedImportAgainFindsTheCopyWholeAndCopiesNothing() throws Exception {
        Path file = exported(12);
        try (EntenteStore to = h2("restored-twice")) {
            StoreCopy.importInto(to, file);
            // A run killed after its copy completed, before it returned: the retry must finish, not refuse.
            StoreCopy.Summary again = StoreCopy.importInto(to, file);
            assertThat(again.events()).isEqualTo(13);
            assertThat(again.notes()).singleElement().asString().contains("already holds a finished copy of these rows");
            assertThat(count(to, "DomainEventEntry")).isEqualTo(13);
            assertThat(StoreCopy.unfinishedImport(to)).isEmpty();
        }
    }

    @Test
    void anExportCutAtAnyLineBoundaryIsRefusedNamingWhatIsMissingAndWritesNothing() throws Exception {
        Path file = exported(12);
        List<String> lines = Files.readAllLines(file);
        for (int keep : new int[] {1, 5, 14, 20, lines.size() - 1}) {
            Path cut = withLines(file, lines.subList(0, keep));
            try (EntenteStore to = h2("cut-" + keep)) {
                assertThatThrownBy(() -> StoreCopy.importInto(to, cut))
                        .as("cut after line %d", keep)
                        .isInstanceOf(BackupRejectedException.class)
                        .hasMessageContaining("ends at line " + keep + " without its manifest, so it was cut short")
                        .hasMessageContaining("the rows after line " + keep + " are missing");
                assertThat(count(to, "DomainEventEntry")).isZero();
                assertThat(StoreCopy.unfinishedImport(to)).isEmpty();
            }
        }
    }

    @Test
    void aGarbledLineIsRefusedWithItsLineNumber() throws Exception {
        Path file = exported(12);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(4, lines.get(4).replaceFirst("\"payload\":\"(.)", "\"payload\":\"!"));
        Path garbled = withLines(file, lines);
        try (EntenteStore to = h2("t")) {
            assertThatThrownBy(() -> StoreCopy.importInto(to, garbled))
                    .isInstanceOf(BackupRejectedException.class)
                    .hasMessage("line 5: payload is not valid Base64 (Illegal base64 character 21)")
                    .satisfies(e -> assertThat(((BackupRejectedException) e).line()).hasValue(5));
            lines.set(4, lines.get(4).substring(0, 40));
            Path torn = withLines(file, lines);
            assertThatThrownBy(() -> StoreCopy.importInto(to, torn)).hasMessageStartingWith("line 5: not JSON");
            assertThat(count(to, "DomainEventEntry")).isZero();
        }
    }

    @Test
    void aPayloadThisVersionCannotReadIsRefusedBeforeItReachesTheStore() throws Exception {
        Path file = exported(3);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String bad = Base64.getEncoder().encodeToString("{\"@type\":\"TalksHeld\",\"fact\":{\"id\":7}}".getBytes(StandardCharsets.UTF_8));
        lines.set(2, lines.get(2).replaceFirst("\"payload\":\"[^\"]*\"", "\"payload\":\"" + bad + "\""));
        try (EntenteStore to = h2("t")) {
            assertThatThrownBy(() -> StoreCopy.importInto(to, withLines(file, lines)))
                    .hasMessageStartingWith("line 3: the TalksHeld payload cannot be read");
        }
    }

    @Test
    void anAlteredLineIsRefusedAsNotMatchingTheManifest() throws Exception {
        Path file = exported(5);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(3, lines.get(3).replaceFirst("\"timeStamp\":\"\\d{4}", "\"timeStamp\":\"2001"));
        try (EntenteStore to = h2("t")) {
            assertThatThrownBy(() -> StoreCopy.importInto(to, withLines(file, lines)))
                    .hasMessageStartingWith("line " + lines.size() + ": the file does not match its manifest, so it was damaged or altered")
                    .hasMessageContaining("the manifest lists 6 event(s), 0 snapshot(s), 5 fact id(s), 0 organisation(s), last position 6");
        }
    }

    @Test
    void aFactIdUnderTwoDyadsOrADyadsEventNumberedTwiceIsRefused() throws Exception {
        Path file = exported(5);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(0, StoreCopy.FORMAT_1);
        lines.remove(lines.size() - 1);
        List<String> otherDyad = new ArrayList<>(lines);
        int row = otherDyad.indexOf("{\"table\":\"entente_fact_id\",\"fact_id\":\"t-1\",\"dyad\":\"FRA-NER\"}");
        assertThat(row).isPositive();
        otherDyad.set(row, "{\"table\":\"entente_fact_id\",\"fact_id\":\"t-1\",\"dyad\":\"ABW-CCK\"}");
        List<String> twice = new ArrayList<>(lines);
        twice.add(3, twice.get(2).replace("\"globalIndex\":2", "\"globalIndex\":3"));
        try (EntenteStore to = h2("t")) {
            assertThatThrownBy(() -> StoreCopy.importInto(to, withLines(file, otherDyad)))
                    .hasMessage("line " + (row + 1) + ": fact id t-1 is listed for ABW-CCK, but the event that recorded it (at line 3) is of FRA-NER");
            assertThatThrownBy(() -> StoreCopy.importInto(to, withLines(file, twice)))
                    .hasMessageStartingWith("line 4: ");
        }
    }

    @Test
    void anOldExportWithoutManifestImportsWithANoteAndItsCutIsStillFound() throws Exception {
        Path file = exported(12);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(0, StoreCopy.FORMAT_1);
        lines.remove(lines.size() - 1);
        try (EntenteStore to = h2("old")) {
            StoreCopy.Summary s = StoreCopy.importInto(to, withLines(file, lines));
            assertThat(s.manifestChecked()).isFalse();
            assertThat(s.events()).isEqualTo(13);
            assertThat(s.notes()).singleElement().asString().contains("has no manifest (format entente-store-export/1");
        }
        try (EntenteStore to = h2("old-cut")) {
            assertThatThrownBy(() -> StoreCopy.importInto(to, withLines(file, lines.subList(0, 14))))
                    .isInstanceOf(BackupRejectedException.class)
                    .hasMessageStartingWith("12 fact id(s) recorded by events have no row in entente_fact_id (the first: t-0 of NER-USA,"
                            + " recorded at line 2); the file is incomplete");
            assertThat(count(to, "DomainEventEntry")).isZero();
        }
    }

    @Test
    void anInterruptedImportIsReportedAndTheSameImportResumesIt() throws Exception {
        Path file = exported(2500);
        try (EntenteStore to = h2("t")) {
            assertThatThrownBy(() -> StoreCopy.importInto(to, file, (done, total) -> {
                if (done < total) {
                    throw new IllegalStateException("killed after " + done);
                }
            })).hasMessage("killed after 1000");
            assertThat(StoreCopy.unfinishedImport(to)).hasValueSatisfying(m -> assertThat(m)
                    .contains("from " + file.toAbsolutePath() + " stopped after 1,000 of 5,006 rows")
                    .contains("run the same `entente store-import FILE`"));
            StoreCopy.Summary s = StoreCopy.importInto(to, file);
            assertThat(s.resumedAfterRows()).isEqualTo(1000);
            assertThat(s.notes()).containsExactly("resumed an interrupted import of the same rows after 1,000 of 5,006 rows");
            assertThat(count(to, "DomainEventEntry")).isEqualTo(2501);
            assertThat(count(to, "entente_fact_id")).isEqualTo(2500);
            assertThat(count(to, "SnapshotEventEntry")).as("a snapshot every 250 events of each of five dyads").isEqualTo(5);
            assertThat(StoreCopy.unfinishedImport(to)).isEmpty();
        }
    }

    @Test
    void anUnfinishedImportFromAnotherSourceIsDiscardedBeforeTheNewOne() throws Exception {
        Path big = exported(1500);
        Path small = temp.resolve("small.jsonl");
        try (EntenteStore other = h2("other")) {
            other.record(talks("x", "2024-01-01", NER, USA));
            StoreCopy.export(other, small);
        }
        try (EntenteStore to = h2("t")) {
            assertThatThrownBy(() -> StoreCopy.importInto(to, big, (done, total) -> {
                throw new IllegalStateException("killed");
            }));
            StoreCopy.Summary s = StoreCopy.importInto(to, small);
            assertThat(s.notes()).singleElement().asString().startsWith("discarded an unfinished import from " + big.toAbsolutePath() + " (1,000 rows)");
            assertThat(count(to, "DomainEventEntry")).isEqualTo(1);
            assertThat(to.dyadOf(FactId.of("x"))).contains(Dyad.of(NER, USA));
            assertThat(to.dyadOf(FactId.of("t-1"))).isEmpty();
        }
    }

    @Test
    void aCopyBetweenStoresChecksItsSourceAndResumes() throws Exception {
        exported(1200);
        try (EntenteStore from = h2("source"); EntenteStore to = h2("copy")) {
            assertThatThrownBy(() -> StoreCopy.copy(from, to, (done, total) -> {
                throw new IllegalStateException("killed");
            }));
            assertThat(StoreCopy.unfinishedImport(to)).hasValueSatisfying(m -> assertThat(m).contains("from EntenteStore[H2 "));
            StoreCopy.Summary s = StoreCopy.copy(from, to, BatchProgress.NONE);
            assertThat(s.resumedAfterRows()).isEqualTo(1000);
            assertThat(s.events()).isEqualTo(1201);
            assertThat(count(to, "entente_fact_id")).isEqualTo(1200);
        }
    }
}
