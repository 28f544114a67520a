package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.entente.Entente;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.Source;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.Fact;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue 16: the Niger report that {@code entente report} writes, opened in a real headless Chromium
 * (Debian's, see {@link HeadlessChromium}; skipped without it unless {@code -Dentente.browser.required=true}).
 * The page is read as a person sees it: the rendered lanes, the text of the board after typing a day,
 * the tooltip after hovering or tabbing to a marker; and a hostile store's page is checked to run nothing.
 *
 * <p>Each run writes {@code target/niger-report.png}; with {@code -Dentente.screenshot=docs/images/niger-report.png}
 * (a path relative to the repository's root, or absolute) the same picture goes there too, which is how
 * the README's picture is made:
 * <pre>./mvnw -q -B -pl cli -am test -Dtest=ReportBrowserTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dentente.screenshot=docs/images/niger-report.png</pre>
 */
class ReportBrowserTest {

    static final Country NER = Country.of("NER");
    static final Country TUR = Country.of("TUR");

    /** Each sets {@code window.__pwned} if it ever runs, and most also open an alert. */
    static final String SCRIPT = "</script><script>window.__pwned=1;alert(1)</script>";
    static final String IMAGE = "<img src=x onerror=\"window.__pwned=2;alert(2)\">";
    static final String QUOTES = "\" onmouseover=\"window.__pwned=3\" x='";
    static final String COMMENT = "<!-- <script>window.__pwned=4</script>";
    static final String ADDRESS = "javascript:window.__pwned=5;alert(5)";

    @TempDir
    static Path dir;

    static HeadlessChromium chromium;
    static ChromeDriver driver;
    static Path niger;
    static Path hostile;

    @BeforeAll
    static void writeThePages() throws IOException {
        // The Niger store under target/ rather than in the temporary directory: the page names its store, and
        // the screenshot shows that name, the same on every run.
        Path store = Path.of("target", "report-browser", "entente-data");
        deleteTree(store);
        niger = dir.resolve("niger.html");
        report(store, "--from", "2023-01-01", "--to", "2024-12-31", "-o", niger.toString());
        hostile = dir.resolve("hostile.html");
        try (Entente entente = Entente.h2(dir.resolve("hostile-store"))) {
            SeedLoading.loadBundled(entente, "niger-2024");
            recordHostileFacts(entente);
        }
        report(dir.resolve("hostile-store"), "--from", "2024-01-01", "--to", "2024-12-31", "--as-of", "2024-05-10", "-o", hostile.toString());
    }

    /** Started by the first test and kept for the others; without a browser each test is skipped (or fails) with the reason. */
    @BeforeEach
    void startTheBrowserOnce() {
        if (chromium == null) {
            chromium = HeadlessChromium.start();
            driver = chromium.driver();
        }
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void report(Path store, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "--store";
        all[1] = store.toString();
        all[2] = "--quiet";
        all[3] = "report";
        all[4] = "NER";
        System.arraycopy(args, 0, all, 5, args.length);
        CliTest.Run r = CliTest.execute(all);
        assertThat(r.code()).as("report %s: %s", String.join(" ", args), r.err()).isZero();
    }

    private static Source hostileSource(String address) {
        return Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher(SCRIPT).withTitle(IMAGE + QUOTES)
                .withAddress(address).withPublished(LocalDate.of(2024, 5, 2)).withNote(COMMENT + "\n" + SCRIPT);
    }

    private static void recordHostileFacts(Entente entente) {
        entente.record(Fact.id("tur-hostile-talks").on(2024, 5, 2).by(TUR).towards(NER).source(hostileSource(ADDRESS))
                .holdTalks().subject(SCRIPT + IMAGE));
        entente.record(Fact.id("tur-hostile-sign").on(2024, 5, 3).by(TUR).towards(NER).source(hostileSource("//evil.example/x.js"))
                .source(hostileSource("data:text/html,<script>window.__pwned=6</script>"))
                .signAgreement(AgreementKind.DEFENCE_COOPERATION).title(COMMENT + QUOTES));
        entente.record(Fact.id("tur-hostile-attache").on(2024, 5, 4).by(TUR).towards(NER).source(hostileSource(ADDRESS))
                .appointAttache(IMAGE).rank(SCRIPT));
        entente.retract(SCRIPT + " " + IMAGE, FactId.of("tur-hostile-talks"));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The board's rows as shown: partner code (first word of its cell) to the status cell's text. */
    private static Map<String, String> boardAsShown() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (WebElement tr : driver.findElements(By.cssSelector("#board-table tbody tr"))) {
            String partner = tr.findElement(By.cssSelector("td.partner")).getText().split(" ")[0];
            rows.put(partner, tr.findElement(By.cssSelector("td.status")).getText().lines().findFirst().orElse("").strip());
        }
        return rows;
    }

    /** Types a day into the day field as a person would, then leaves the field (Tab), which fires its change. */
    private static void typeDay(String day) {
        WebElement field = find("input#day-date");
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), day, Keys.TAB);
    }

    @Test
    void theNigerPageLoadsWithNoConsoleErrorAndNoRequestButItsOwnFile() {
        chromium.open(niger);
        assertThat(js("return document.readyState")).isEqualTo("complete");
        // The page's own script ran (its hash is in the Content-Security-Policy): the board was drawn by it.
        assertThat(js("return typeof window.ententeReport")).isEqualTo("object");
        assertThat(driver.findElements(By.cssSelector("#board-table tbody tr[data-partner]"))).isNotEmpty();
        assertThat(chromium.consoleErrors()).as("console errors and warnings").isEmpty();
        List<String> requests = chromium.requestedUrls();
        assertThat(requests).as("network requests").isNotEmpty().containsOnly(niger.toUri().toString());
        assertThat(js("return performance.getEntriesByType('resource').map(function (e) { return e.name; })"))
                .as("resources the page loaded").asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
    }

    @Test
    void theUsaLaneIsWindingDownFromTheSixteenthOfMarchThroughTheFourthOfAugustAndEndedFromTheFifth() {
        chromium.open(niger);
        List<WebElement> segments = driver.findElements(By.cssSelector("#lanes-chart g.lane[data-partner=USA] rect.segment"));
        List<String> runs = segments.stream()
                .map(s -> s.getDomAttribute("data-status") + " " + s.getDomAttribute("data-from") + " " + s.getDomAttribute("data-to")).toList();
        assertThat(runs).containsSubsequence("WINDING_DOWN 2024-03-16 2024-08-04", "ENDED 2024-08-05 2024-12-31");
        assertThat(runs.get(runs.size() - 1)).isEqualTo("ENDED 2024-08-05 2024-12-31");
        int windingDown = runs.indexOf("WINDING_DOWN 2024-03-16 2024-08-04");
        assertThat(runs.get(windingDown + 1)).isEqualTo("ENDED 2024-08-05 2024-12-31");
        // Drawn side by side on one row: the ended run starts where the winding down ends.
        Rectangle wound = segments.get(windingDown).getRect();
        Rectangle ended = segments.get(windingDown + 1).getRect();
        assertThat(segments.get(windingDown).isDisplayed()).isTrue();
        assertThat(wound.width).isPositive();
        assertThat(ended.width).isPositive();
        assertThat(ended.x).isBetween(wound.x + wound.width - 1, wound.x + wound.width + 1);
        assertThat(ended.y).isEqualTo(wound.y);
    }

    @Test
    void typingTheThirtiethOfAprilRedrawsTheBoardAndTheMixAndTheSliderMovesByKeyboard() {
        chromium.open(niger);
        // The page opens on its last day, when the United States had left.
        assertThat(find("#board-day").getText()).isEqualTo("2024-12-31");
        assertThat(boardAsShown()).containsEntry("USA", "ENDED");

        typeDay("2024-04-30");
        assertThat(find("#board-day").getText()).isEqualTo("2024-04-30");
        assertThat(find("output#day-value").getText()).isEqualTo("2024-04-30");
        assertThat(boardAsShown()).containsExactly(Map.entry("USA", "WINDING_DOWN"), Map.entry("FRA", "ENDED"),
                Map.entry("CHN", "STRENGTHENING"), Map.entry("RUS", "STRENGTHENING"), Map.entry("TUR", "STRENGTHENING"));
        assertThat(find("#diversification").getText()).isEqualTo("0.72");
        assertThat(find("#diversification").getDomAttribute("data-value")).isEqualTo("0.72");
        assertThat(find("svg#network line.edge[data-partner=USA]").getDomAttribute("data-status")).isEqualTo("WINDING_DOWN");
        assertThat(find("line#day-line").getDomAttribute("data-day")).isEqualTo("2024-04-30");

        // The slider, reached with Shift+Tab from the day field (a click would move it), answers the arrow keys a day at a time.
        find("input#day-date").click();
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("day");
        new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
        assertThat(find("output#day-value").getText()).isEqualTo("2024-05-01");
        assertThat(find("input#day-date").getDomProperty("value")).isEqualTo("2024-05-01");
        assertThat(boardAsShown()).containsEntry("USA", "WINDING_DOWN");
        new Actions(driver).sendKeys(Keys.ARROW_LEFT).perform();
        assertThat(find("#board-day").getText()).isEqualTo("2024-04-30");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void hoveringOrTabbingToAFactMarkerShowsItsFactWithEachSourcesPublisherAndDay() {
        chromium.open(niger);
        WebElement tooltip = find("#tooltip[role=tooltip]");
        assertThat(tooltip.isDisplayed()).isFalse();

        WebElement talks = find("#lanes-chart g.lane[data-partner=CHN] g.marker[data-fact=chn-talks]");
        new Actions(driver).moveToElement(talks).perform();
        assertThat(tooltip.isDisplayed()).isTrue();
        assertThat(tooltip.findElement(By.cssSelector(".tt-id")).getText()).isEqualTo("chn-talks");
        List<String> sources = tooltip.findElements(By.cssSelector("ul.tt-sources li")).stream().map(WebElement::getText).toList();
        assertThat(sources).hasSize(3);
        assertThat(sources.get(0)).contains("madar.mr").contains("published 2024-04-24");
        assertThat(sources.get(1)).contains("alwihdainfo.com");
        assertThat(sources.get(2)).contains("published 2024-04-26");

        new Actions(driver).moveToElement(find("#report-header")).perform();
        assertThat(tooltip.isDisplayed()).isFalse();

        // The keyboard: Tab from the title, past the header's links, reaches the first marker, which shows its fact.
        find("#report-header h1").click();
        String focused = "";
        for (int i = 0; i < 20 && focused.isEmpty(); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement active = driver.switchTo().activeElement();
            if (active.getDomAttribute("class") != null && active.getDomAttribute("class").contains("marker")) {
                focused = active.getDomAttribute("data-fact");
            }
        }
        assertThat(focused).as("a marker reached with Tab").isNotEmpty();
        assertThat(tooltip.isDisplayed()).isTrue();
        assertThat(tooltip.findElement(By.cssSelector(".tt-id")).getText()).isEqualTo(focused);
        assertThat(tooltip.findElements(By.cssSelector("ul.tt-sources li"))).isNotEmpty();
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        assertThat(tooltip.isDisplayed()).isFalse();
    }

    @Test
    void aHostileStoresPageShowsItsTextAndRunsNothing() {
        chromium.open(hostile);
        assertThat(js("return typeof window.ententeReport")).isEqualTo("object");
        // The hostile text is in the page, as text.
        assertThat(find("#fact-tur-hostile-talks").getText()).contains(SCRIPT + IMAGE).contains(ADDRESS);
        assertThat(find("#fact-tur-hostile-sign").getText()).contains(COMMENT + QUOTES);
        assertThat(driver.findElements(By.cssSelector("#fact-tur-hostile-talks a"))).isEmpty();

        // A person moves the board to the hostile days, hovers over each hostile marker and the links.
        typeDay("2024-05-04");
        assertThat(find("#board-table tbody tr[data-partner=TUR]").getText()).contains(SCRIPT);
        WebElement tooltip = find("#tooltip");
        for (WebElement marker : driver.findElements(By.cssSelector("#lanes-chart g.marker[data-fact^=tur-hostile]"))) {
            new Actions(driver).moveToElement(marker).perform();
            assertThat(tooltip.getText()).contains(SCRIPT);
        }
        assertThat(driver.findElements(By.cssSelector("#lanes-chart g.marker[data-fact^=tur-hostile]"))).hasSize(3);
        for (WebElement source : driver.findElements(By.cssSelector("#timeline-table tr[data-fact^=tur-hostile] li.source"))) {
            new Actions(driver).moveToElement(source).perform();
        }

        assertThat(js("return typeof window.__pwned")).isEqualTo("undefined");
        boolean alert;
        try {
            driver.switchTo().alert();
            alert = true;
        } catch (NoAlertPresentException none) {
            alert = false;
        }
        assertThat(alert).as("an alert is open").isFalse();
        assertThat(js("return Array.prototype.map.call(document.scripts, function (s) { return s.id || s.type || 'the page script'; })"))
                .asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly("report-data", "the page script");
        assertThat(driver.findElements(By.cssSelector("img, iframe, object, embed, [onerror], [onmouseover]"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("a[href^=javascript], a[href^=data], a[href^='//']"))).isEmpty();
        // Nothing tried and was refused either: an injected script or image would have left a CSP error here.
        assertThat(chromium.consoleErrors()).as("console errors and warnings").isEmpty();
        assertThat(chromium.requestedUrls()).containsOnly(hostile.toUri().toString());
    }

    @Test
    void theNigerPageIsPhotographedOnTheThirtiethOfApril() throws IOException {
        chromium.open(niger);
        typeDay("2024-04-30");
        new Actions(driver).moveToElement(find("#report-header")).perform();
        js("window.scrollTo(0, 0); document.activeElement.blur()");
        Path png = Path.of("target", "niger-report.png");
        Files.createDirectories(png.getParent());
        Files.write(png, driver.getScreenshotAs(OutputType.BYTES));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours: the page is drawn, not blank").isGreaterThan(50);

        String wanted = System.getProperty("entente.screenshot", "");
        if (!wanted.isBlank()) {
            Path target = Path.of(wanted).isAbsolute() ? Path.of(wanted) : Path.of("..").resolve(wanted).normalize();
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.mismatch(png, target)).isEqualTo(-1L);
        }
    }
}
