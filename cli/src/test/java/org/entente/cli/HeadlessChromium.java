package org.entente.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver: one per test class, closed by
 * {@link #close()}. The binaries are {@code -Dentente.chromium=PATH} (default {@code /usr/bin/chromium})
 * and {@code -Dentente.chromedriver=PATH} (default {@code /usr/bin/chromedriver}), both given to Selenium
 * so that its manager never looks for (or downloads) a browser or a driver. When either is missing or
 * the browser does not start, the test is skipped with a message, unless
 * {@code entente.browser.required=true} (CI), where it fails.
 *
 * <p>The browser keeps its console ({@link #consoleErrors()}) and the network requests of the page
 * ({@link #requestedUrls()}), read from chromedriver's browser and performance logs; each read empties them.
 */
final class HeadlessChromium implements AutoCloseable {

    /** The window: a fixed size, so that screenshots and hover positions do not depend on the machine. */
    static final Dimension WINDOW = new Dimension(1280, 1000);

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Selenium looks for a DevTools binding of the browser's version and warns when it has none (its bindings
     * lag Debian's Chromium); these tests use none (the performance log gives the requests), so that warning
     * is noise. Held here: java.util.logging keeps loggers only weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts the browser, or skips (or fails, when required) without one. */
    static HeadlessChromium start() {
        Path chromium = Path.of(System.getProperty("entente.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("entente.chromedriver", "/usr/bin/chromedriver"));
        List<String> missing = new ArrayList<>();
        for (Path p : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(p)) {
                missing.add(p.toString());
            }
        }
        if (!missing.isEmpty()) {
            unavailable("no executable " + String.join(" or ", missing) + " (Debian: apt-get install chromium chromium-driver;"
                    + " or name them with -Dentente.chromium=PATH -Dentente.chromedriver=PATH)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + WINDOW.width + "," + WINDOW.height, "--hide-scrollbars", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=en-GB");
        if ("root".equals(System.getProperty("user.name"))) {
            options.addArguments("--no-sandbox"); // Chromium refuses to start as root with its sandbox
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        // An alert stays open, so that a test can find it, instead of being dismissed by the next command.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .withLogFile(new File("target/chromedriver.log")).build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            unavailable(chromium + " with " + chromedriver + " did not start: " + e.getMessage().lines().findFirst().orElse(""));
            throw e; // not reached: unavailable always throws
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
        return new HeadlessChromium(driver);
    }

    private static void unavailable(String message) {
        if (Boolean.getBoolean("entente.browser.required")) {
            Assertions.fail(message + "; entente.browser.required=true, so the browser tests must run");
        }
        Assumptions.abort(message + "; the browser tests are skipped (set -Dentente.browser.required=true to make this a failure)");
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a file, after emptying the logs of what came before, and waits for its load event. */
    void open(Path file) {
        consoleErrors();
        requestedUrls();
        driver.get(file.toUri().toString());
    }

    /** The console's errors and warnings since the last read, as {@code LEVEL message}. */
    List<String> consoleErrors() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                out.add(e.getLevel() + " " + e.getMessage());
            }
        }
        return out;
    }

    /** Every URL the page asked for since the last read (Network.requestWillBeSent), in order. */
    List<String> requestedUrls() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(e.getMessage()).path("message");
                if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                    out.add(message.path("params").path("request").path("url").asText());
                }
            } catch (IOException bad) {
                throw new UncheckedIOException("chromedriver wrote a performance log entry that is not JSON: " + e.getMessage(), bad);
            }
        }
        return out;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
