package readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.entente.Entente;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's Java as an application sees it: every {@code java} block of the README compiles against
 * this project's classpath (Entente's installed artifacts through the Getting-started coordinates), and
 * the blocks of the sections a newcomer follows run.
 *
 * <p>A block holding a class with {@code main} is a program and compiles as written; any other block is
 * a fragment and becomes the body of a {@link Prelude} subclass, which supplies the names the text uses.
 */
class ReadmeSnippetsTest {

    /** Sections whose blocks run; the others (event data files, a PostgreSQL server) only compile. */
    private static final Set<String> RUN = Set.of(
            "Getting started", "Recording", "Reading", "Rendering", "Series", "Simulations", "Testing your scenarios");

    /**
     * Sections whose Java needs what this application does not have: the Spring Boot section's classes need Spring
     * and the starter, and are compiled by the starter's own ReadmeSpringBootTest.
     */
    private static final Set<String> COMPILED_ELSEWHERE = Set.of("Spring Boot");

    private static final String FRAGMENT_IMPORTS = String.join("\n",
            "import java.io.*;",
            "import java.nio.file.*;",
            "import java.time.*;",
            "import java.util.*;",
            "import org.entente.*;",
            "import org.entente.core.*;",
            "import org.entente.core.relationship.*;",
            "import org.entente.partnership.*;",
            "import org.entente.timeline.*;",
            "import org.entente.series.*;",
            "import org.entente.subscription.*;",
            "import io.micrometer.core.instrument.MeterRegistry;",
            "import io.micrometer.core.instrument.simple.SimpleMeterRegistry;",
            "import org.entente.simulation.*;",
            "import org.entente.report.*;",
            "import org.entente.seeds.*;",
            "import org.entente.eventdata.*;",
            "import org.entente.testing.*;",
            "import static org.entente.testing.EntenteAssertions.*;",
            "import static org.entente.testing.EntenteFixture.given;",
            "import static org.entente.partnership.Status.*;",
            "");

    record Block(String section, int line, String code) {
        boolean program() {
            return code.contains("static void main(") || testClass();
        }

        /** A whole JUnit test class, as a user's {@code src/test/java} would hold it. */
        boolean testClass() {
            return code.contains("@Test") && code.contains("class ");
        }

        String className() {
            if (program()) {
                Matcher m = Pattern.compile("class\\s+(\\w+)").matcher(code);
                if (!m.find()) {
                    throw new AssertionError("README line " + line + ": a program without a class name");
                }
                return m.group(1);
            }
            return "Fragment" + line;
        }

        String source() {
            if (program()) {
                return code;
            }
            return FRAGMENT_IMPORTS + "\npublic class " + className() + " extends readme.Prelude {\n"
                    + "    @Override public void run() throws Exception {\n" + code + "\n    }\n}\n";
        }
    }

    private static String readme;
    private static List<Block> blocks;
    private static URLClassLoader compiled;

    @BeforeAll
    static void compileEveryBlock() throws IOException {
        readme = Files.readString(Path.of(System.getProperty("readme.path")), StandardCharsets.UTF_8);
        blocks = javaBlocks(readme).stream().filter(b -> !COMPILED_ELSEWHERE.contains(b.section())).toList();
        Path src = Files.createDirectories(Path.of("target", "readme-snippets", "src"));
        Path out = Files.createDirectories(Path.of("target", "readme-snippets", "classes"));
        List<Path> files = new ArrayList<>();
        for (Block b : blocks) {
            Path file = src.resolve(b.className() + ".java");
            Files.writeString(file, b.source(), StandardCharsets.UTF_8);
            files.add(file);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, fm, diagnostics,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-Xlint:none"),
                    null, fm.getJavaFileObjectsFromPaths(files)).call();
            StringBuilder errors = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.append(readmeLine(d)).append(": ").append(d.getMessage(null)).append('\n');
                }
            }
            assertThat(ok).as("the README's Java compiles:\n%s", errors).isTrue();
        }
        compiled = new URLClassLoader(new URL[] {out.toUri().toURL()}, ReadmeSnippetsTest.class.getClassLoader());
    }

    /** Where in the README a compiler error lies (the generated file's line, mapped back). */
    private static String readmeLine(Diagnostic<? extends JavaFileObject> d) {
        String name = Path.of(d.getSource().toUri()).getFileName().toString().replace(".java", "");
        for (Block b : blocks) {
            if (b.className().equals(name)) {
                int offset = b.program() ? 0 : FRAGMENT_IMPORTS.split("\n", -1).length + 1;
                return "README.md:" + (b.line() + (d.getLineNumber() - offset)) + " (section " + b.section() + ")";
            }
        }
        return name + ":" + d.getLineNumber();
    }

    static List<Block> javaBlocks(String text) {
        List<Block> found = new ArrayList<>();
        String section = "";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("## ")) {
                // "Reading: partnerships on any date, ..." is the section "Reading"
                section = lines[i].substring(3).split(":")[0].strip();
            } else if (lines[i].strip().equals("```java")) {
                int start = i + 1;
                StringBuilder code = new StringBuilder();
                for (i = start; i < lines.length && !lines[i].strip().equals("```"); i++) {
                    code.append(lines[i]).append('\n');
                }
                found.add(new Block(section, start, code.toString()));
            }
        }
        return found;
    }

    @Test
    void theReadmeHasTheSectionsANewcomerFollows() {
        Set<String> sections = new TreeSet<>();
        blocks.forEach(b -> sections.add(b.section()));
        assertThat(sections).contains("Getting started", "Recording", "Reading", "Simulations", "Testing your scenarios");
        assertThat(readme.indexOf("\n## ")).as("the README's first section is Getting started")
                .isEqualTo(readme.indexOf("\n## Getting started"));
    }

    @Test
    void theFragmentsOfTheSectionsANewcomerFollowsRun() throws Exception {
        for (Block b : blocks) {
            if (!RUN.contains(b.section()) || b.program()) {
                continue;
            }
            for (Path store : storesOpened(b.code())) {
                deleteRecursively(store); // a fragment that opens a directory starts from nothing, as a newcomer's
            }
            // Twice, on the same directories: a newcomer runs a snippet again, and a fact already recorded
            // (at any revision), a correction that changes nothing and a retraction done are no-ops.
            Class<?> type = compiled.loadClass(b.className());
            for (int run = 1; run <= 2; run++) {
                try (Prelude p = (Prelude) type.getDeclaredConstructor().newInstance()) {
                    p.run();
                } catch (Exception | AssertionError e) {
                    throw new AssertionError("README.md:" + b.line() + " (section " + b.section() + ") failed on run " + run + ": " + e, e);
                }
            }
        }
    }

    @Test
    void theRecordingFragmentKeepsAStoreOfItsOwn() {
        Block recording = blocks.stream().filter(b -> b.section().equals("Recording") && !b.program()).findFirst()
                .orElseThrow(() -> new AssertionError("Recording has no fragment"));
        Block gettingStarted = blocks.stream().filter(b -> b.section().equals("Getting started") && b.program() && !b.testClass())
                .findFirst().orElseThrow(() -> new AssertionError("Getting started has no program"));
        assertThat(storesOpened(recording.code())).as("the Recording fragment opens a directory").isNotEmpty()
                .doesNotContainAnyElementsOf(storesOpened(gettingStarted.code()));
        assertThat(factIds(recording.code())).as("the Recording fragment's fact ids").isNotEmpty()
                .doesNotContainAnyElementsOf(factIds(gettingStarted.code()));
    }

    /** The directories a block opens a store in: {@code Path.of("...")}. */
    private static Set<Path> storesOpened(String code) {
        Set<Path> out = new TreeSet<>();
        Matcher m = Pattern.compile("Path\\.of\\(\"([^\"]+)\"\\)").matcher(code);
        while (m.find()) {
            out.add(Path.of(m.group(1)));
        }
        return out;
    }

    /** The fact ids a block records: {@code Fact.id("...")}. */
    private static Set<String> factIds(String code) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("Fact\\.id\\(\"([^\"]+)\"\\)").matcher(code);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theScenarioTestClassOfTheTestingSectionPasses() throws Exception {
        List<Block> tests = blocks.stream().filter(Block::testClass).toList();
        assertThat(tests).as("the Testing section shows a whole test class").isNotEmpty();
        for (Block b : tests) {
            Class<?> type = compiled.loadClass(b.className());
            var listener = new org.junit.platform.launcher.listeners.SummaryGeneratingListener();
            org.junit.platform.launcher.core.LauncherFactory.create().execute(
                    org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                            .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(type)).build(),
                    listener);
            var summary = listener.getSummary();
            java.io.StringWriter failures = new java.io.StringWriter();
            summary.printFailuresTo(new java.io.PrintWriter(failures), 20);
            assertThat(summary.getTestsFoundCount()).as("README.md:%d: tests found", b.line()).isPositive();
            assertThat(summary.getTotalFailureCount()).as("README.md:%d: failures\n%s", b.line(), failures).isZero();
            assertThat(summary.getTestsSucceededCount()).isEqualTo(summary.getTestsFoundCount());
        }
    }

    @Test
    void anApplicationOnH2CarriesNoPostgresqlDriverAndIsToldWhatToAddForPostgresql() {
        assertThat(Stream.of("org.postgresql.Driver", "com.zaxxer.hikari.HikariDataSource").filter(ReadmeSnippetsTest::loadable))
                .as("PostgreSQL support is opt-in: not on an H2 application's classpath").isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Entente.builder()
                        .postgres("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "", 2).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("com.zaxxer:HikariCP");
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, ReadmeSnippetsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void theGettingStartedProgramRunsInItsOwnJvmAndPrintsNoLoggingWarning() throws Exception {
        Block program = blocks.stream().filter(b -> b.section().equals("Getting started") && b.program() && !b.testClass()).findFirst()
                .orElseThrow(() -> new AssertionError("Getting started has no program"));
        Path dir = Path.of("target", "getting-started-run");
        deleteRecursively(dir); // the program creates ./getting-started: each run starts from nothing, as a newcomer's
        Files.createDirectories(dir);
        String classpath = Path.of("target", "readme-snippets", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + System.getProperty("java.class.path");
        // twice in the same directory: a newcomer runs the program again, on the store the first run left
        for (int run = 1; run <= 2; run++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, program.className())
                    .directory(dir.toFile())
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile())
                    .start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("run %d: the program ends within 2 minutes", run).isTrue();
            String out = Files.readString(dir.resolve("stdout.txt"));
            String err = Files.readString(dir.resolve("stderr.txt"));
            assertThat(p.exitValue()).as("run %d: exit code; stderr:\n%s", run, err).isZero();
            assertThat(out).as("run %d: what the README says the program prints", run).contains(expectedOutput());
            assertThat(err).as("run %d: no logging warning (SLF4J)", run).doesNotContain("SLF4J");
            assertThat(err).as("run %d: nothing at WARN or ERROR", run).doesNotContain("WARN").doesNotContain("ERROR");
            assertThat(err).as("run %d: no advertisement from the engine inside", run).doesNotContain("AxonIQ Console");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The block after the Getting-started program: what it prints. */
    private static String expectedOutput() {
        int section = readme.indexOf("## Getting started");
        int program = readme.indexOf("static void main(", section);
        int end = readme.indexOf("\n```\n", program);
        int printsStart = readme.indexOf("```\n", end + 4);
        int printsEnd = readme.indexOf("\n```", printsStart + 4);
        assertThat(printsStart).as("a block showing what the program prints").isPositive();
        return readme.substring(printsStart + 4, printsEnd).strip();
    }

    @Test
    void theApplicationDependsOnEntenteExactlyAsTheReadmeSays() throws IOException {
        int section = readme.indexOf("## Getting started");
        int xml = readme.indexOf("```xml", section);
        String readmeXml = readme.substring(xml, readme.indexOf("\n```", xml + 6));
        String pom = Files.readString(Path.of(System.getProperty("application.pom")));
        Set<String> documented = elements("dependency", readmeXml);
        Set<String> used = elements("dependency", pom);
        // the launcher runs the README's test class from this test: this test's need, not an application's
        used.removeIf(d -> d.contains("<artifactId>junit-platform-launcher</artifactId>"));
        // Micrometer is for the Metrics section's block: optional, added by an application that passes a registry (as it says)
        used.removeIf(d -> d.contains("<artifactId>micrometer-core</artifactId>"));
        assertThat(documented).as("the README's dependencies").isNotEmpty();
        assertThat(used).as("this application's dependencies are the README's").isEqualTo(documented);

        Set<String> documentedProperties = elements("properties", readmeXml);
        assertThat(documentedProperties).as("the README's <properties>").hasSize(1);
        assertThat(properties(documentedProperties.iterator().next())).as("the README's properties")
                .contains("maven.compiler.release=17");
        assertThat(properties(elements("properties", pom).iterator().next()))
                .as("this application's properties are the README's")
                .isEqualTo(properties(documentedProperties.iterator().next()));

        Set<String> documentedPlugins = new TreeSet<>();
        elements("plugin", readmeXml).forEach(p -> documentedPlugins.add(coordinates(p)));
        Set<String> usedPlugins = new TreeSet<>();
        elements("plugin", pom).forEach(p -> usedPlugins.add(coordinates(p)));
        assertThat(documentedPlugins).as("the README's build plugins")
                .contains("org.apache.maven.plugins:maven-surefire-plugin:3.5.3");
        assertThat(usedPlugins).as("this application builds with the README's plugin versions").containsAll(documentedPlugins);
    }

    /** The contents of each {@code <name>} element, comments and white space left out. */
    private static Set<String> elements(String name, String xml) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL)
                .matcher(xml.replaceAll("(?s)<!--.*?-->", ""));
        while (m.find()) {
            out.add(m.group(1).replaceAll("\\s+", ""));
        }
        return out;
    }

    /** {@code <a>1</a><b>2</b>} as {@code a=1, b=2}. */
    private static Set<String> properties(String xml) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("<([\\w.-]+)>(.*?)</\\1>").matcher(xml);
        while (m.find()) {
            out.add(m.group(1) + "=" + m.group(2));
        }
        return out;
    }

    /** A plugin's {@code groupId:artifactId:version}, from the elements before its configuration. */
    private static String coordinates(String plugin) {
        String head = plugin.replaceAll("(?s)<configuration>.*</configuration>", "");
        return text(head, "groupId") + ":" + text(head, "artifactId") + ":" + text(head, "version");
    }

    private static String text(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : "(no " + name + ")";
    }
}
