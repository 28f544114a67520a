package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import, export, migrate, store-export and store-import from the command line. */
class DataCommandsTest {

    @TempDir
    Path dir;

    private CliTest.Run run(String... args) {
        return CliTest.execute(args);
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
        assertThat(export.out()).contains("wrote 26 event(s)");
        CliTest.Run restore = run("--store", store("b"), "store-import", file.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("restored 26 event(s)");
        String boardA = run("--store", store("a"), "board", "NER", "--as-of", "2024-04-30").out();
        String boardB = run("--store", store("b"), "board", "NER", "--as-of", "2024-04-30").out();
        assertThat(boardB).isEqualTo(boardA).contains("Concentration 0.28");
        assertThat(run("--store", store("b"), "store-import", file.toString()).code()).isEqualTo(1);
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
