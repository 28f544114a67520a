package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import, export, migrate, store-export and store-import from the command line. */
class DataCommandsTest {

    @TempDir
    Path dir;

    private CliTest.Run run(String... args) {
        return runWith(name -> null, args);
    }

    private CliTest.Run runWith(java.util.function.UnaryOperator<String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EntenteCli.run(new PrintWriter(out), new PrintWriter(err), environment, args);
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    private String postgresUrl(Postgres pg) {
        return System.getProperty("entente.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test") + "?currentSchema=" + pg.schema();
    }

    private String postgresUser() {
        return System.getProperty("entente.postgres.user", "postgres");
    }

    /** The niger-2024 seed in store a, exported; the file's lines. */
    private List<String> exportedLines(Path file) throws Exception {
        run("--store", store("a"), "--quiet", "load", "niger-2024");
        assertThat(run("--store", store("a"), "store-export", file.toString()).code()).isZero();
        return Files.readAllLines(file);
    }

    private String store(String name) {
        return dir.resolve(name).toString();
    }

    private Path gdelt() throws Exception {
        Path file = dir.resolve("gdelt.tsv");
        try (InputStream in = getClass().getResourceAsStream("gdelt2_export_20240819130000_3rows.tsv")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void gdeltRowsImportOnceAndExportAsPloverAndCameo() throws Exception {
        Path file = gdelt();
        CliTest.Run first = run("--store", store("s"), "--quiet", "import", "gdelt", file.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("3 imported");
        CliTest.Run again = run("--store", store("s"), "--quiet", "import", "gdelt", file.toString());
        assertThat(again.out()).contains("0 imported");
        CliTest.Run cameo = run("--store", store("s"), "export", "cameo", "-");
        assertThat(cameo.code()).isZero();
        assertThat(cameo.out()).contains("gdelt-1193447408").contains("042");
        Path plover = dir.resolve("out.jsonl");
        assertThat(run("--store", store("s"), "export", "plover", plover.toString()).code()).isZero();
        assertThat(Files.readAllLines(plover)).hasSize(3);
    }

    @Test
    void anUnknownDatasetOrFormatExitsWithTwo() throws Exception {
        assertThat(run("--store", store("s"), "import", "acled", gdelt().toString()).code()).isEqualTo(2);
        CliTest.Run r = run("--store", store("s"), "export", "xml", "-");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'xml' is not an export format; accepted: plover, cameo, cow");
    }

    @Test
    void aStoreExportRestoresIntoAnEmptyStoreWithTheSameBoard() {
        run("--store", store("a"), "--quiet", "load", "niger-2024");
        Path file = dir.resolve("backup.jsonl");
        CliTest.Run export = run("--store", store("a"), "store-export", file.toString());
        assertThat(export.out()).contains("wrote 26 event(s)").containsPattern("\\(sha256 [0-9a-f]{64}\\)");
        CliTest.Run restore = run("--store", store("b"), "store-import", file.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("restored 26 event(s), 0 snapshot(s) and 26 fact id(s) into " + store("b") + ", as its manifest lists");
        String boardA = run("--store", store("a"), "board", "NER", "--as-of", "2024-04-30").out();
        String boardB = run("--store", store("b"), "board", "NER", "--as-of", "2024-04-30").out();
        assertThat(boardB).isEqualTo(boardA).contains("Concentration 0.28");
        // The same file again: the store already holds that finished copy, so nothing is copied (a retry
        // after a kill that came once the copy was complete must finish, not refuse).
        CliTest.Run again = run("--store", store("b"), "store-import", file.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out() + again.err()).contains("already holds a finished copy of these rows");
        assertThat(run("--store", store("b"), "board", "NER", "--as-of", "2024-04-30").out()).isEqualTo(boardA);
    }

    @Test
    void aStoreExportCarriesTheOrganisationsRegisteredInTheStore() {
        run("--store", store("a"), "--quiet", "load", "niger-2024");
        try (org.entente.core.store.EntenteStore a = org.entente.core.store.EntenteStore.builder().h2(dir.resolve("a")).build()) {
            a.registerOrganisation("ZZCLI", "Registered for the command line (test)");
        }
        Path file = dir.resolve("backup.jsonl");
        CliTest.Run export = run("--store", store("a"), "store-export", file.toString());
        assertThat(export.out()).contains("wrote 26 event(s), 0 snapshot(s) and 26 fact id(s) (and 1 registered organisation(s)) to ");
        CliTest.Run restore = run("--store", store("b"), "store-import", file.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("restored 26 event(s), 0 snapshot(s) and 26 fact id(s) (and 1 registered organisation(s)) into ");
        try (org.entente.core.store.EntenteStore b = org.entente.core.store.EntenteStore.builder().h2(dir.resolve("b")).build()) {
            assertThat(b.organisations()).extracting(org.entente.core.Organisation::name).containsExactly("Registered for the command line (test)");
        }
    }

    @Test
    void aStoreExportIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("backup.jsonl");
        exportedLines(file);
        org.junit.jupiter.api.Assumptions.assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aStoreExportCutShortIsRefusedNamingWhatIsMissingAndTheStoreStaysUsable() throws Exception {
        Path file = dir.resolve("backup.jsonl");
        List<String> lines = exportedLines(file);
        Path cut = Files.write(dir.resolve("cut.jsonl"), lines.subList(0, 20));
        CliTest.Run r = run("--store", store("b"), "store-import", cut.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("entente: cannot restore " + cut + ": ")
                .contains("ends at line 20 without its manifest, so it was cut short: it holds 19 event(s), 0 snapshot(s) and 0 fact id(s)")
                .contains("nothing was written to " + store("b"));
        CliTest.Run whole = run("--store", store("b"), "--quiet", "store-import", file.toString());
        assertThat(whole.code()).as(whole.err()).isZero();
        assertThat(whole.out()).contains("restored 26 event(s)");
    }

    @Test
    void aGarbledStoreExportLineIsReportedWithItsNumber() throws Exception {
        Path file = dir.resolve("backup.jsonl");
        List<String> lines = new ArrayList<>(exportedLines(file));
        lines.set(6, lines.get(6).replaceFirst("\"payload\":\"(.)", "\"payload\":\"!"));
        Path garbled = Files.write(dir.resolve("garbled.jsonl"), lines);
        CliTest.Run r = run("--store", store("b"), "store-import", garbled.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("entente: cannot restore " + garbled + ": line 7: payload is not valid Base64 (Illegal base64"
                + " character 21); nothing was written to " + store("b") + "\n");
        lines.set(6, lines.get(6).replaceFirst("\"payload\":\"!(.{20})", "\"payload\":\"AAAAAAAAAAAAAAAAAAAAA"));
        Path undecodable = Files.write(dir.resolve("undecodable.jsonl"), lines);
        CliTest.Run unreadable = run("--store", store("b"), "store-import", undecodable.toString());
        assertThat(unreadable.code()).isEqualTo(2);
        assertThat(unreadable.err()).startsWith("entente: cannot restore " + undecodable + ": line 7: the ")
                .contains(" payload cannot be read (");
        CliTest.Run whole = run("--store", store("b"), "--quiet", "store-import", file.toString());
        assertThat(whole.code()).as(whole.err()).isZero();
        assertThat(run("--store", store("b"), "timeline", "NER-USA").code()).isZero();
    }

    @Test
    void aStoreExportOfAnEarlierVersionImportsWithAWarningThatItHasNoManifest() throws Exception {
        Path file = dir.resolve("backup.jsonl");
        List<String> lines = new ArrayList<>(exportedLines(file));
        lines.set(0, "entente-store-export/1");
        lines.remove(lines.size() - 1);
        Path old = Files.write(dir.resolve("old.jsonl"), lines);
        CliTest.Run r = run("--store", store("b"), "--quiet", "store-import", old.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("entente: warning: " + old.toAbsolutePath() + " has no manifest (format entente-store-export/1");
        assertThat(r.out()).contains("restored 26 event(s)").doesNotContain("manifest");
    }

    @Test
    void migrateTakesThePasswordFromAnEnvironmentVariableOrAFileAndNeverPrintsIt() throws Exception {
        run("--store", store("a"), "--quiet", "load", "niger-2024");
        String secret = "hunter2-s3cret";
        try (Postgres pg = Postgres.freshSchema("cli_migrate_env")) {
            CliTest.Run r = runWith(name -> name.equals("ENTENTE_PG_PASSWORD") ? secret : null, "--store", store("a"), "--quiet",
                    "migrate", "--to", postgresUrl(pg) + "&password=" + secret, "--user", postgresUser(), "--password-env", "ENTENTE_PG_PASSWORD");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("migrated 26 event(s)").contains("to " + postgresUrl(pg) + ";");
            assertThat(r.out() + r.err()).doesNotContain(secret);
        }
        try (Postgres pg = Postgres.freshSchema("cli_migrate_file")) {
            Path passwordFile = Files.writeString(dir.resolve("pgpass"), secret + "\n");
            CliTest.Run r = run("--store", store("a"), "--quiet", "migrate", "--to", postgresUrl(pg), "--user", postgresUser(),
                    "--password-file", passwordFile.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out() + r.err()).doesNotContain(secret);
        }
        CliTest.Run missing = run("--store", store("a"), "migrate", "--to", "jdbc:postgresql://127.0.0.1/x", "--password-env", "NOPE");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--password-env NOPE: no such environment variable is set");
        CliTest.Run both = run("--store", store("a"), "migrate", "--to", "jdbc:postgresql://127.0.0.1/x", "--password-env", "A",
                "--password-file", "B");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("give the password one way only");
    }

    @Test
    void aPasswordOnTheCommandLineStillWorksWithAWarningAndIsNotPrinted() {
        run("--store", store("a"), "--quiet", "load", "niger-2024");
        try (Postgres pg = Postgres.freshSchema("cli_migrate_pw")) {
            CliTest.Run r = run("--store", store("a"), "--quiet", "migrate", "--to", postgresUrl(pg), "--user", postgresUser(),
                    "--password", "visible-in-ps");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).contains("entente: warning: --password with a value is deprecated: other users can see it in the process list (ps)");
            assertThat(r.out() + r.err()).doesNotContain("visible-in-ps");
        }
        CliTest.Run wrongUrl = run("--store", store("a"), "migrate", "--to", "jdbc:mysql://root:hunter2@db/x?password=hunter2");
        assertThat(wrongUrl.code()).isEqualTo(2);
        assertThat(wrongUrl.err()).contains("--to jdbc:mysql://db/x is not a PostgreSQL JDBC URL").doesNotContain("hunter2");
    }

    @Test
    void migrateCopiesTheH2StoreIntoPostgres() {
        run("--store", store("a"), "--quiet", "load", "niger-2024");
        try (Postgres pg = Postgres.freshSchema("cli_migrate")) {
            String url = System.getProperty("entente.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test")
                    + "?currentSchema=" + pg.schema();
            CliTest.Run r = run("--store", store("a"), "--quiet", "migrate", "--to", url,
                    "--user", System.getProperty("entente.postgres.user", "postgres"));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("migrated 26 event(s)").contains("projections rebuilt");
        }
        assertThat(run("--store", store("a"), "migrate", "--to", "jdbc:mysql://x/y").code()).isEqualTo(2);
    }
}
