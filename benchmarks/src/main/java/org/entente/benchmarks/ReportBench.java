package org.entente.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.entente.Entente;
import org.entente.core.Country;
import org.entente.eventdata.ImportProgress;
import org.entente.eventdata.ImportReport;
import org.entente.eventdata.Importer;
import org.entente.report.Report;
import org.entente.seeds.Seeds;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The report's measurements of issue 16: the time to read and write the page ({@link Report}'s
 * {@code build()} then {@code writeTo()} into a file, as {@code entente report} does) and its size, for
 * Niger (the bundled {@code niger-2024} seed, 2023-01-01 to 2024-12-31) and for the United States after
 * importing the ICEWS sample of eventdata's tests (2018, the sample's year); then each page's first
 * contentful paint in Debian's headless Chromium, the median of five loads. Each page is written in a
 * child JVM ({@code -Xmx1024m}) that opens the store, as {@code entente report} does, and times its first
 * write (cold: classes loaded as it goes, nothing compiled yet) and the median of five more; the store's projections
 * have caught up before the clock starts, as {@code entente report} waits for them when it opens a store.
 *
 * <pre>java -cp benchmarks/target/entente-benchmarks.jar org.entente.benchmarks.ReportBench [--icews FILE] [--work DIR]
 *     [--chromium PATH] [--chromedriver PATH] [--no-browser]</pre>
 *
 * Defaults: the sample at {@code eventdata/src/test/resources/org/entente/eventdata/icews_events.2018.sample.tab},
 * work under {@code benchmarks/target/report-work} (deleted at the end), {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}. Targets: the ICEWS USA report written in under 2 s and under 3 MB; first
 * contentful paint under 1 s.
 */
public final class ReportBench {

    private static final int LOADS = 5;
    private static final int WARM_WRITES = 5;
    private static final Duration CAUGHT_UP = Duration.ofMinutes(2);
    private static final int CHILD_HEAP_MB = 1024;

    /** Selenium warns when it has no DevTools binding for the browser's version; none is used here. */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private ReportBench() {
    }

    /** A page written: its file, size and write times. */
    record Written(String name, Path file, long bytes, double coldSeconds, double warmMedianSeconds, String summary) {
    }

    public static void main(String[] args) throws Exception {
        Path icews = Path.of("eventdata/src/test/resources/org/entente/eventdata/icews_events.2018.sample.tab");
        Path work = Path.of("benchmarks/target/report-work");
        Path chromium = Path.of("/usr/bin/chromium");
        Path chromedriver = Path.of("/usr/bin/chromedriver");
        boolean browser = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--icews" -> icews = Path.of(value(args, ++i));
                case "--work" -> work = Path.of(value(args, ++i));
                case "--chromium" -> chromium = Path.of(value(args, ++i));
                case "--chromedriver" -> chromedriver = Path.of(value(args, ++i));
                case "--no-browser" -> browser = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; accepted: --icews FILE, --work DIR, --chromium PATH, --chromedriver PATH, --no-browser");
            }
        }
        if (!Files.isRegularFile(icews)) {
            throw new IllegalArgumentException("no ICEWS sample at " + icews.toAbsolutePath()
                    + "; run from the repository's root or give --icews FILE");
        }
        Harness.deleteTree(work);
        Files.createDirectories(work);
        List<Written> pages = new ArrayList<>();
        try {
            Path niger = work.resolve("niger-store");
            try (Entente entente = Entente.h2(niger)) {
                entente.recordAll(Seeds.bundled("niger-2024").commands());
                entente.awaitCaughtUp(CAUGHT_UP);
            }
            Path usa = work.resolve("icews-store");
            try (Entente entente = Entente.h2(usa)) {
                long t0 = System.nanoTime();
                ImportReport imported = Importer.icews().importFile(entente, icews, ImportProgress.NONE);
                // The projections catch up in the background: that wait is the import's, not a report's.
                entente.awaitCaughtUp(CAUGHT_UP);
                Harness.log(String.format(Locale.ROOT, "imported %s: %,d facts in %.2f s, projections caught up", icews.getFileName(),
                        imported.imported(), (System.nanoTime() - t0) / 1e9));
            }
            pages.add(write("Niger (niger-2024 seed)", niger, "NER", "2023-01-01", "2024-12-31", "the bundled seed niger-2024",
                    work.resolve("niger.html")));
            pages.add(write("USA (ICEWS sample)", usa, "USA", "2018-01-01", "2018-12-31", "the ICEWS sample " + icews.getFileName(),
                    work.resolve("usa.html")));
            List<double[]> paints = browser ? paints(chromium, chromedriver, pages) : List.of();
            System.out.println("| page | facts, partners | size | write, first in a new JVM (s) | write, median of the next "
                    + WARM_WRITES + " (s) | first contentful paint, median of " + LOADS + " loads (ms) |");
            System.out.println("|---|---|---:|---:|---:|---:|");
            for (int i = 0; i < pages.size(); i++) {
                Written w = pages.get(i);
                String paint = paints.isEmpty() ? "not measured" : String.format(Locale.ROOT, "%.0f (loads: %s)",
                        median(paints.get(i)), Arrays.toString(Arrays.stream(paints.get(i)).mapToLong(Math::round).toArray()));
                System.out.printf(Locale.ROOT, "| %s | %s | %,d bytes (%.0f KB) | %.3f | %.3f | %s |%n", w.name(), w.summary(), w.bytes(),
                        w.bytes() / 1024.0, w.coldSeconds(), w.warmMedianSeconds(), paint);
            }
        } finally {
            Harness.deleteTree(work);
        }
    }

    /** Writes one page in a child JVM (see {@link WriteOne}), so that its first write is as cold as one {@code entente report}. */
    private static Written write(String name, Path store, String subject, String from, String to, String origin, Path file)
            throws Exception {
        Map<String, Object> r = ChildJvm.run(WriteOne.class, CHILD_HEAP_MB,
                List.of(store.toString(), subject, from, to, origin, file.toString()));
        if (!Boolean.TRUE.equals(r.get("ok"))) {
            throw new IllegalStateException("writing the report of " + subject + " failed: " + r.get("error"));
        }
        return new Written(name, file, ((Number) r.get("bytes")).longValue(), ((Number) r.get("first_seconds")).doubleValue(),
                ((Number) r.get("warm_median_seconds")).doubleValue(), (String) r.get("summary"));
    }

    /**
     * The child: opens the store (H2), waits for its projections, then times {@code build()} and
     * {@code writeTo()} into the file once and {@value #WARM_WRITES} more times; prints a {@code PROBE} line.
     * Arguments: STORE SUBJECT FROM TO ORIGIN FILE.
     */
    static final class WriteOne {
        private WriteOne() {
        }

        public static void main(String[] args) throws Exception {
            Map<String, Object> out = new LinkedHashMap<>();
            try (Entente entente = Entente.h2(Path.of(args[0]))) {
                entente.awaitCaughtUp(CAUGHT_UP);
                Path file = Path.of(args[5]);
                double first = 0;
                double[] warm = new double[WARM_WRITES];
                Report report = null;
                for (int i = 0; i <= WARM_WRITES; i++) {
                    long t0 = System.nanoTime();
                    report = Report.builder(entente, Country.of(args[1])).from(LocalDate.parse(args[2])).to(LocalDate.parse(args[3]))
                            .origin(args[4]).build();
                    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
                        report.writeTo(w);
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    if (i == 0) {
                        first = seconds;
                    } else {
                        warm[i - 1] = seconds;
                    }
                }
                out.put("ok", true);
                out.put("first_seconds", first);
                out.put("warm_median_seconds", median(warm));
                out.put("bytes", Files.size(file));
                out.put("summary", report.facts() + " facts, " + report.partners().size() + " partners");
                out.put("report", report.toString());
            } catch (RuntimeException | IOException e) {
                out.put("ok", false);
                out.put("error", e.toString());
            }
            System.out.println("PROBE " + new ObjectMapper().writeValueAsString(out));
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** Each page's first contentful paint (ms after navigation start) in {@value #LOADS} loads, in headless Chromium. */
    private static List<double[]> paints(Path chromium, Path chromedriver, List<Written> pages) {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync");
        if ("root".equals(System.getProperty("user.name"))) {
            options.addArguments("--no-sandbox");
        }
        // The driver named outright: Selenium's manager then neither looks for nor downloads one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .withLogFile(new File(System.getProperty("java.io.tmpdir"), "entente-report-bench-chromedriver.log")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
            List<double[]> out = new ArrayList<>();
            for (Written page : pages) {
                double[] fcp = new double[LOADS];
                for (int i = 0; i < LOADS; i++) {
                    driver.get("about:blank");
                    driver.get(page.file().toUri().toString());
                    // The entry once the browser has reported it (a buffered observer sees one already made).
                    Object ms = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                            + "new PerformanceObserver(function (list) {"
                            + "  list.getEntries().forEach(function (e) { if (e.name === 'first-contentful-paint') { done(e.startTime); } });"
                            + "}).observe({ type: 'paint', buffered: true });");
                    fcp[i] = ((Number) ms).doubleValue();
                }
                System.err.printf(Locale.ROOT, "%s: first contentful paint %s ms%n", page.name(), Arrays.toString(fcp));
                out.add(fcp);
            }
            return out;
        } finally {
            driver.quit();
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
