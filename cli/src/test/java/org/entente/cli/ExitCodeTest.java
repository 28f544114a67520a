package org.entente.cli;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.entente.ProjectionFailedException;
import org.entente.ProjectionTimeoutException;
import org.entente.core.EntenteException;
import org.entente.core.FactId;
import org.entente.core.relationship.FactConflictException;
import org.entente.core.relationship.RuleViolationException;
import org.entente.core.relationship.UnknownFactException;
import org.entente.core.store.BackupRejectedException;
import org.entente.core.store.TargetNotEmptyException;
import org.entente.core.store.BatchRejectedException;
import org.entente.core.store.BatchWriteException;
import org.entente.core.store.ConcurrentWriteException;
import org.entente.core.store.DiskFullException;
import org.entente.core.store.StoreDamagedException;
import org.entente.core.store.StoreInUseException;
import org.entente.core.store.StoreInconsistentException;
import org.entente.core.store.TransactionCapExceededException;
import org.entente.core.text.ControlCharacterException;
import org.entente.seeds.SeedFormatException;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: each exit code the README documents, end to end, and the deliberate mapping of every
 * exception type Entente has. 0 success; 2 input the user must change; 1 the environment or a bug.
 */
class ExitCodeTest {

    @TempDir
    Path dir;

    private CliTest.Run run(String... args) {
        return CliTest.execute(args);
    }

    private String store() {
        return dir.resolve("store").toString();
    }

    private Path loaded() {
        assertThat(run("--store", store(), "--quiet", "load", "niger-2024").code()).isZero();
        return Path.of(store());
    }

    private Path seed(String name, String facts) throws IOException {
        return Files.writeString(dir.resolve(name), "format: entente-seed/1\ntitle: " + name + "\nfacts:\n" + facts);
    }

    private static String talks(String id, String actor, String target) {
        return "  - id: " + id + "\n"
                + "    kind: hold-talks\n"
                + "    happened: 2024-07-18\n"
                + "    actor: " + actor + "\n"
                + "    target: " + target + "\n"
                + "    sources:\n"
                + "      - kind: article\n"
                + "        confidence: reported\n"
                + "        publisher: test\n";
    }

    /** Exit code 2, one line (no stack trace) that says what the input was. */
    private static void assertBadInput(CliTest.Run r, String says) {
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.BAD_INPUT.code()).isEqualTo(2);
        assertThat(r.err()).contains(says).doesNotContain("\tat ");
    }

    @Nested
    class Success {
        @Test
        void aCommandThatDidWhatItWasAskedExitsWithZero() {
            CliTest.Run r = run("--store", store(), "load", "niger-2024");
            assertThat(r.code()).isEqualTo(ExitCode.SUCCESS.code()).isZero();
            assertThat(run("--help").code()).isZero();
            assertThat(run("help", "board").code()).isZero();
            assertThat(run("--store", store(), "check").code()).as("a consistent store").isZero();
        }
    }

    @Nested
    class BadInput {
        @Test
        void usageErrorsExitWithTwoAndNameTheHelpToRead() {
            CliTest.Run unknownOption = run("--store", store(), "board", "NER", "--colour", "red");
            assertBadInput(unknownOption, "Unknown options: '--colour', 'red'");
            assertThat(unknownOption.err()).contains("Try 'entente board --help' for the accepted forms.");
            assertBadInput(run("--store", store(), "diff", "NER"), "Missing required options: '--from=DATE', '--to=DATE'");
            assertBadInput(run("frobnicate"), "Unmatched argument at index 0: 'frobnicate'");
            assertBadInput(run("--store", store(), "board", "NIG"), "NIG is neither a country's ISO 3166-1 alpha-3 code nor an organisation's acronym");
        }

        @Test
        void importingIntoAStoreThatHoldsOtherHistoryExitsWithTwoAndCopiesNothing() throws IOException {
            loaded();
            Path backup = dir.resolve("niger.jsonl");
            assertThat(run("--store", store(), "--quiet", "store-export", backup.toString()).code()).isZero();
            String other = dir.resolve("other").toString();
            Path talks = seed("talks.yaml", talks("tur-talks-x", "TUR", "NER"));
            assertThat(run("--store", other, "--quiet", "load", talks.toString()).code()).isZero();

            assertBadInput(run("--store", other, "store-import", backup.toString()),
                    "already holds 1 event(s) and 1 fact id(s); copy into an empty database");
            assertThat(run("--store", other, "timeline", "NER").out()).contains("tur-talks-x").doesNotContain("usa-schedule");
        }

        @Test
        void retractingAnUnknownFactIdExitsWithTwo() {
            loaded();
            assertBadInput(run("--store", store(), "retract", "no-such-fact", "--reason", "test"), "no-such-fact is not recorded");
        }

        @Test
        void correctingAnUnknownFactIdExitsWithTwo() throws IOException {
            loaded();
            Path file = seed("unknown.yaml", talks("no-such-fact", "TUR", "NER"));
            CliTest.Run r = run("--store", store(), "correct", "no-such-fact", "--from", file.toString());
            assertBadInput(r, "no-such-fact");
        }

        @Test
        void aCorrectionMovingItsFactToAnotherDyadExitsWithTwoNamingTheRule() throws IOException {
            loaded();
            Path file = seed("moved.yaml", talks("tur-visit", "TUR", "FRA"));
            CliTest.Run r = run("--store", store(), "correct", "tur-visit", "--from", file.toString());
            assertBadInput(r, "NER-TUR tur-visit: a correction stays in its dyad, but the revision is about FRA-TUR");
            assertThat(r.err()).doesNotContain("is not recorded");
        }

        @Test
        void retractingFactsOfTwoDyadsAtOnceExitsWithTwoAndRetractsNothing() {
            loaded();
            CliTest.Run r = run("--store", store(), "retract", "chn-talks-2023", "tur-visit", "--reason", "test");
            assertBadInput(r, "a retraction acts on facts of one dyad, but chn-talks-2023 is of CHN-NER and tur-visit of NER-TUR; retract them separately");
            assertThat(run("--store", store(), "timeline", "CHN-NER").out()).doesNotContain("(retracted)");
        }

        @Test
        void aSeedWhoseFactsBreakARuleExitsWithTwoAndWritesNothing() throws IOException {
            Path file = seed("impossible.yaml", """
                      - id: rus-out
                        kind: complete-withdrawal
                        happened: 2024-06-01
                        actor: RUS
                        target: NER
                        sources:
                          - kind: article
                            confidence: reported
                            publisher: test
                    """);
            CliTest.Run r = run("--store", store(), "load", file.toString());
            assertBadInput(r, "impossible.yaml: 1 fact cannot be recorded; nothing was written");
            assertThat(r.err()).contains("rus-out").contains("no forces of RUS are in NER on 2024-06-01");
            assertThat(run("--store", store(), "check").out()).contains("0 events checked");
        }

        @Test
        void aFactIdThatAlreadyNamesAFactOfAnotherDyadExitsWithTwo() throws IOException {
            loaded();
            Path file = seed("moved.yaml", talks("tur-visit", "TUR", "NGA"));
            CliTest.Run r = run("--store", store(), "load", file.toString());
            assertBadInput(r, "fact id tur-visit already names a fact of NER-TUR, so it cannot name a fact of NGA-TUR");
        }

        @Test
        void aMalformedSeedFileExitsWithTwo() throws IOException {
            Path file = seed("malformed.yaml", talks("t-1", "NIG", "NER"));
            assertBadInput(run("--store", store(), "load", file.toString()), "NIG is neither a country's ISO 3166-1 alpha-3 code nor an organisation's acronym");
        }

        @Test
        void aBackupFileThatIsNotAnExportExitsWithTwoAndWritesNothing() throws IOException {
            Path file = Files.writeString(dir.resolve("notes.txt"), "not a backup\n");
            CliTest.Run r = run("--store", store(), "store-import", file.toString());
            assertBadInput(r, "cannot restore " + file + ": ");
            assertThat(r.err()).contains("nothing was written");
        }

        @Test
        void anOutputFileInADirectoryThatDoesNotExistExitsWithTwo() {
            loaded();
            Path missing = dir.resolve("no-such-dir");
            assertBadInput(run("--store", store(), "store-export", missing.resolve("backup.jsonl").toString()),
                    "no directory " + missing + " to write backup.jsonl in; create it first");
            assertBadInput(run("--store", store(), "export", "plover", missing.resolve("facts.jsonl").toString()),
                    "no directory " + missing + " to write facts.jsonl in");
            assertThat(missing).doesNotExist();
        }

        @Test
        void aStoreOptionNamingAFileExitsWithTwo() throws IOException {
            Path file = Files.writeString(dir.resolve("plain-file"), "x");
            assertBadInput(run("--store", file.toString(), "board", "NER"), "--store " + file + " is not a directory");
            assertBadInput(run("--store", file.toString(), "check"), "is not a directory");
        }

        @Test
        void aLoginThatPostgresRefusesExitsWithTwo() {
            loaded();
            try (Postgres pg = Postgres.freshSchema("cli_exit_login")) {
                String url = System.getProperty("entente.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test")
                        + "?currentSchema=" + pg.schema();
                CliTest.Run r = run("--store", store(), "migrate", "--to", url, "--user", "no_such_role_13");
                assertBadInput(r, "refused user no_such_role_13");
                // SQLState 28000: the role is missing; a password would not help, so none is suggested.
                assertThat(r.err()).contains("the role no_such_role_13 does not exist there")
                        .contains("--user NAME").doesNotContain("give the password").doesNotContain("--password");
            }
        }
    }

    @Nested
    class Environment {
        @Test
        void anUnreachablePostgresExitsWithOne() {
            loaded();
            CliTest.Run r = run("--store", store(), "migrate", "--to", "jdbc:postgresql://127.0.0.1:1/entente?connectTimeout=5");
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.ENVIRONMENT.code()).isEqualTo(1);
            assertThat(r.err()).startsWith("entente: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/entente")
                    .doesNotContain("\tat ");
            assertThat(r.err().lines()).hasSize(1);
        }

        // A store in use by another process: CliFailureMessagesTest; an inconsistent store: CheckCommandsTest.
    }

    /** Every exception type of Entente, with the exit code it was given on purpose. */
    private static final Map<Class<? extends Throwable>, ExitCode> DELIBERATE = Map.ofEntries(
            entry(EntenteCli.UsageError.class, ExitCode.BAD_INPUT),
            entry(IllegalArgumentException.class, ExitCode.BAD_INPUT),
            entry(ControlCharacterException.class, ExitCode.BAD_INPUT),
            entry(RuleViolationException.class, ExitCode.BAD_INPUT),
            entry(BatchRejectedException.class, ExitCode.BAD_INPUT),
            entry(SeedLoading.SeedRejectedException.class, ExitCode.BAD_INPUT),
            entry(FactConflictException.class, ExitCode.BAD_INPUT),
            entry(UnknownFactException.class, ExitCode.BAD_INPUT),
            entry(SeedFormatException.class, ExitCode.BAD_INPUT),
            entry(BackupRejectedException.class, ExitCode.BAD_INPUT),
            entry(TargetNotEmptyException.class, ExitCode.BAD_INPUT),
            entry(org.entente.core.store.OrganisationConflictException.class, ExitCode.BAD_INPUT),
            entry(EntenteException.class, ExitCode.ENVIRONMENT),
            entry(StoreInconsistentException.class, ExitCode.ENVIRONMENT),
            entry(StoreDamagedException.class, ExitCode.ENVIRONMENT),
            entry(StoreInUseException.class, ExitCode.ENVIRONMENT),
            entry(DiskFullException.class, ExitCode.ENVIRONMENT),
            entry(ConcurrentWriteException.class, ExitCode.ENVIRONMENT),
            entry(TransactionCapExceededException.class, ExitCode.ENVIRONMENT),
            entry(BatchWriteException.class, ExitCode.ENVIRONMENT),
            entry(ProjectionFailedException.class, ExitCode.ENVIRONMENT),
            entry(ProjectionTimeoutException.class, ExitCode.ENVIRONMENT),
            entry(IllegalStateException.class, ExitCode.ENVIRONMENT),
            entry(UncheckedIOException.class, ExitCode.ENVIRONMENT),
            entry(NullPointerException.class, ExitCode.ENVIRONMENT),
            entry(OutOfMemoryError.class, ExitCode.ENVIRONMENT));

    @Nested
    class Mapping {
        @Test
        void everyTypeHasTheExitCodeItWasGiven() {
            DELIBERATE.forEach((type, code) -> assertThat(ExitCode.ofType(type)).as(type.getName()).isEqualTo(code));
        }

        @Test
        void everyEntenteExceptionOnTheClassPathIsMappedOnPurpose() throws Exception {
            Set<String> found = ententeExceptions();
            assertThat(found).as("the scan finds the library's exceptions")
                    .contains(RuleViolationException.class.getName(), SeedFormatException.class.getName(),
                            ProjectionFailedException.class.getName(), SeedLoading.SeedRejectedException.class.getName());
            Set<String> mapped = new TreeSet<>();
            DELIBERATE.keySet().forEach(c -> mapped.add(c.getName()));
            assertThat(mapped).as("a new exception type needs an exit code chosen on purpose (ExitCode.INPUT_ERRORS"
                    + " or the environment's 1) and a line in DELIBERATE").containsAll(found);
        }

        @Test
        void anotherLibrarysWrapperIsJudgedByTheEntenteExceptionInside() {
            UnknownFactException unknown = new UnknownFactException(FactId.of("x-1"), "fact x-1 is not recorded");
            RuntimeException wrapper = new RuntimeException("wrapped", unknown);
            assertThat(ExitCode.of(wrapper)).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(ExitCode.reported(wrapper)).isSameAs(unknown);
            EntenteException io = new EntenteException("could not write table x: disk error");
            assertThat(ExitCode.of(new RuntimeException(new RuntimeException(io)))).isEqualTo(ExitCode.ENVIRONMENT);
            assertThat(ExitCode.of(new UncheckedIOException(new IOException("No space left on device")))).isEqualTo(ExitCode.ENVIRONMENT);
        }

        @Test
        void ententesOwnExceptionIsJudgedByItsOwnTypeNotByItsCause() {
            assertThat(ExitCode.of(new EntenteException("could not read x", new IllegalArgumentException("bad row"))))
                    .isEqualTo(ExitCode.ENVIRONMENT);
            assertThat(ExitCode.of(new EntenteCli.UsageError("cannot restore f", new EntenteException("x"))))
                    .isEqualTo(ExitCode.BAD_INPUT);
        }

        @Test
        void theHelpListsEveryCodeOnce() {
            assertThat(ExitCode.helpList()).containsOnlyKeys("0", "1", "2");
            assertThat(Stream.of(ExitCode.values()).map(ExitCode::code)).containsExactlyInAnyOrder(0, 1, 2);
        }
    }

    /** Names of the classes extending EntenteException in Entente's main code on the class path (no test classes). */
    private static Set<String> ententeExceptions() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.contains("test-classes") || entry.endsWith("-tests.jar")) {
                continue;
            }
            if (Files.isDirectory(path.resolve("org/entente"))) {
                try (Stream<Path> files = Files.walk(path.resolve("org/entente"))) {
                    files.map(f -> path.relativize(f).toString()).filter(f -> f.endsWith(".class"))
                            .forEach(f -> names.add(f.substring(0, f.length() - 6).replace(java.io.File.separatorChar, '.')));
                }
            } else if (entry.endsWith(".jar") && path.getFileName().toString().startsWith("entente")) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String n = e.nextElement().getName();
                        if (n.startsWith("org/entente/") && n.endsWith(".class")) {
                            names.add(n.substring(0, n.length() - 6).replace('/', '.'));
                        }
                    }
                }
            }
        }
        Set<String> exceptions = new TreeSet<>();
        for (String name : names) {
            try {
                Class<?> c = Class.forName(name, false, ExitCodeTest.class.getClassLoader());
                if (EntenteException.class.isAssignableFrom(c)) {
                    exceptions.add(c.getName());
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // a class whose optional dependency is absent cannot be an exception the command line meets
            }
        }
        return exceptions;
    }
}
