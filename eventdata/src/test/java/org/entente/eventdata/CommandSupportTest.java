package org.entente.eventdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.entente.Entente;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandSupportTest {

    @Test
    void importPrintsASummaryAndWritesEverySkip(@TempDir Path dir) throws IOException {
        StringWriter text = new StringWriter();
        Path skips = dir.resolve("skips.tsv");
        try (Entente entente = Entente.inMemory()) {
            ImportReport r = ImportCommandSupport.run(entente, "ICEWS", Samples.path(Samples.ICEWS), false, Optional.of(skips),
                    new PrintWriter(text), ImportProgress.NONE);
            assertThat(r.imported()).isEqualTo(1840);
        }
        assertThat(text.toString()).startsWith("ICEWS " + Samples.ICEWS + ": 3705 rows, 1840 imported, 0 already recorded, "
                + "1865 rows skipped: 156 missing country, 77 not a country, 39 unknown organisation, 1593 same country");
        List<String> lines = Files.readAllLines(skips, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1866);
        assertThat(lines.get(0)).isEqualTo("line\tid\treason\tdetail");
    }

    @Test
    void badArgumentsAreIllegalArguments(@TempDir Path dir) {
        try (Entente entente = Entente.inMemory()) {
            PrintWriter out = new PrintWriter(new StringWriter());
            assertThatThrownBy(() -> ImportCommandSupport.run(entente, "acled", dir.resolve("x"), false, Optional.empty(), out,
                    ImportProgress.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accepted: icews, gdelt, plover");
            assertThatThrownBy(() -> ImportCommandSupport.run(entente, "gdelt", dir.resolve("missing.tsv"), false, Optional.empty(), out,
                    ImportProgress.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a readable file");
            assertThatThrownBy(() -> ExportCommandSupport.run(entente, "xml", "-", Optional.empty(), Optional.empty(), 1,
                    Optional.empty(), out)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accepted: plover, cameo, cow");
            assertThatThrownBy(() -> ExportCommandSupport.run(entente, "cow", "-", Optional.empty(), Optional.empty(), 1,
                    Optional.of("31-12"), out)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected MM-DD");
        }
    }

    @Test
    void exportWritesEachFormatToAFileOrTheStandardOutput(@TempDir Path dir) throws IOException {
        try (Entente entente = Entente.inMemory()) {
            Importer.gdelt().importFile(entente, Samples.path(Samples.GDELT), ImportProgress.NONE);
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text);

            ExportCommandSupport.run(entente, "plover", dir.resolve("x.jsonl").toString(), Optional.empty(), Optional.empty(), 1,
                    Optional.empty(), out);
            ExportCommandSupport.run(entente, "cameo", "-", Optional.empty(), Optional.empty(), 1, Optional.empty(), out);
            ExportReport cow = ExportCommandSupport.run(entente, "cow", dir.resolve("cow.csv").toString(), Optional.empty(),
                    Optional.empty(), 1, Optional.empty(), out);

            assertThat(Files.readAllLines(dir.resolve("x.jsonl"))).hasSize(3);
            assertThat(text.toString()).contains("wrote " + dir.resolve("x.jsonl") + ": plover: 3 rows");
            assertThat(text.toString()).contains(String.join("\t", Exporter.CAMEO_COLUMNS));
            assertThat(cow.rows()).as("three dyads, the year 2024 only").isEqualTo(3);
            assertThat(Files.readAllLines(dir.resolve("cow.csv"))).contains("200,205,2024,0,0,0", "2,365,2024,0,0,0", "2,369,2024,0,0,0");
        }
    }
}
