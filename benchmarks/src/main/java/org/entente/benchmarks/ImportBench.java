package org.entente.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.entente.Entente;
import org.entente.eventdata.ImportProgress;
import org.entente.eventdata.ImportReport;
import org.entente.eventdata.Importer;
import org.entente.eventdata.ParseResult;

/**
 * The import measurement of issue 8: a synthetic ICEWS file of N rows (the sample's format, country
 * names the crosswalk knows, CAMEO codes of the bundled table, a tenth of the rows domestic) imported
 * through Entente's batch path into an H2 file store with processing paused, against a plain parse of
 * the same file in the same run. Adds {@code import_ratio} (import rows/s ÷ parse rows/s) and the raw
 * figures to an existing {@code results.json}.
 *
 * <pre>java -cp benchmarks/target/entente-benchmarks.jar org.entente.benchmarks.ImportBench --rows 1000000 [--results FILE] [--work DIR]</pre>
 */
public final class ImportBench {

    private static final List<String> NAMES = List.of("Niger", "United States", "France", "China", "Turkey", "Russian Federation",
            "Nigeria", "Germany", "India", "Japan", "Brazil", "South Africa", "Egypt", "Mali", "Chad", "Algeria", "Morocco",
            "Ukraine", "Poland", "Italy");
    private static final List<String> CODES = List.of("040", "042", "043", "036", "057", "0312", "112", "120", "173", "190", "051", "061");
    private static final String HEADER = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
            + "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
            + "Province\tCountry\tLatitude\tLongitude";

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = 100_000;
        Path results = Path.of("benchmarks/target/results.json");
        Path work = Path.of("benchmarks/target/import-work");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--results" -> results = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; accepted: --rows N, --results FILE, --work DIR");
            }
        }
        Files.createDirectories(work);
        Path file = work.resolve("icews-synthetic-" + rows + ".tab");
        write(file, rows);

        long t0 = System.nanoTime();
        ParseResult parsed = Importer.icews().parse(file, ImportProgress.NONE);
        double parseSeconds = (System.nanoTime() - t0) / 1e9;

        Imported imported = timedImport(work.resolve("store-" + System.nanoTime()), file);
        ImportReport report = imported.report();
        double importSeconds = imported.seconds();
        double parseRate = rows / parseSeconds;
        double importRate = rows / importSeconds;
        System.err.printf("import: %,d rows (%,d imported, %,d skipped): parse %.1f s (%,.0f rows/s), import %.1f s (%,.0f rows/s), ratio %.3f%n",
                rows, report.imported(), report.skips().size(), parseSeconds, parseRate, importSeconds, importRate, importRate / parseRate);
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = Files.exists(results) ? (ObjectNode) json.readTree(results.toFile()) : json.createObjectNode();
        node.put("import_ratio", importRate / parseRate);
        node.put("import_rows", rows);
        node.put("import_rows_imported", report.imported());
        node.put("import_rows_per_sec", importRate);
        node.put("import_parse_rows_per_sec", parseRate);
        node.put("import_parsed_commands", parsed.parsed().size());
        json.writerWithDefaultPrettyPrinter().writeValue(results.toFile(), node);
    }

    /**
     * {@code import_raw_ratio}: the same synthetic file imported through Entente (H2 file store,
     * processing paused, parse included as the import does it) against a plain JDBC insert of the
     * interaction rows the parse made (Entente's stored form, {@link RawStore}, the harness's commit
     * size) into a fresh store with the same tables. The parse is timed too and reported apart.
     */
    static java.util.Map<String, Object> rawRatio(Path work, int rows) throws Exception {
        Files.createDirectories(work);
        Path file = work.resolve("icews-synthetic-" + rows + ".tab");
        write(file, rows);
        long t0 = System.nanoTime();
        ParseResult parsed = Importer.icews().parse(file, ImportProgress.NONE);
        double parseSeconds = (System.nanoTime() - t0) / 1e9;
        List<org.entente.core.relationship.RelationshipCommand> commands = parsed.parsed().stream()
                .map(r -> (org.entente.core.relationship.RelationshipCommand) r.command()).toList();
        Path rawDir = work.resolve("import-raw");
        org.entente.core.store.EntenteStore.builder().h2(rawDir).build().close();
        double rawSeconds;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(Harness.h2Url(rawDir), "sa", "")) {
            long t1 = System.nanoTime();
            new RawStore().insert(c, commands, java.util.Map.of(), Harness.CHUNK);
            rawSeconds = (System.nanoTime() - t1) / 1e9;
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
        Imported imported = timedImport(work.resolve("import-entente"), file);
        ImportReport report = imported.report();
        double importSeconds = imported.seconds();
        Harness.deleteTree(work);
        java.util.Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("rows", rows);
        f.put("imported", report.imported());
        f.put("raw_rows", commands.size());
        f.put("import_seconds", importSeconds);
        f.put("raw_insert_seconds", rawSeconds);
        f.put("parse_seconds", parseSeconds);
        f.put("import_raw_ratio", (commands.size() / rawSeconds) == 0 ? 0 : (report.imported() / importSeconds) / (commands.size() / rawSeconds));
        Harness.log(String.format(java.util.Locale.ROOT, "import: %,d rows imported in %.1f s; raw insert of %,d rows %.1f s (parse %.1f s); ratio %.2f",
                report.imported(), importSeconds, commands.size(), rawSeconds, parseSeconds,
                (report.imported() / importSeconds) / (commands.size() / rawSeconds)));
        return f;
    }

    /** A synthetic ICEWS file: deterministic, valid rows of the sample's 20 columns. */
    static void write(Path file, int rows) throws IOException {
        Random random = new Random(20240426);
        LocalDate start = LocalDate.of(2018, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (int i = 0; i < rows; i++) {
                String source = NAMES.get(random.nextInt(NAMES.size()));
                String target = random.nextInt(10) == 0 ? source : NAMES.get(random.nextInt(NAMES.size()));
                String code = CODES.get(random.nextInt(CODES.size()));
                w.write(String.join("\t", Integer.toString(90_000_000 + i), start.plusDays(random.nextInt(2000)).toString(),
                        source, "Government", source, "synthetic event", code, "1.0", target, "Government", target,
                        Integer.toString(50_000_000 + i / 3), "1", "Synthetic Wire", "NA", "NA", "NA", source, "0", "0"));
                w.write('\n');
            }
        }
    }

    /** What an import reported and how long it took, processing paused. */
    private record Imported(ImportReport report, double seconds) {
    }

    /** Imports the file into a new H2 store at {@code store} with processing paused, timing the import alone. */
    private static Imported timedImport(Path store, Path file) throws Exception {
        try (Entente entente = Entente.h2(store)) {
            entente.pauseProcessing();
            long t0 = System.nanoTime();
            ImportReport report = Importer.icews().importFile(entente, file, ImportProgress.NONE);
            return new Imported(report, (System.nanoTime() - t0) / 1e9);
        }
    }
}
