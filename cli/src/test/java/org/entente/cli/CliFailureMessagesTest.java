package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.entente.core.store.StoreHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Failures a user causes or meets (a hostile path, a store held elsewhere, no memory left) end in one line. */
class CliFailureMessagesTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EntenteCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aStorePathCarryingH2SettingsExitsWithTwoAndCreatesNothing() throws IOException {
        Path hostile = dir.resolve("data;INIT=CREATE TABLE PWNED(x int)--");
        Run r = run("--store", hostile.toString(), "board", "NER");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString()
                .startsWith("entente: the store directory '" + hostile + "' holds a ';'")
                .endsWith("name a directory whose absolute path has no ';' and no control characters");
        try (Stream<Path> created = Files.list(dir)) {
            assertThat(created).as("no directory, no database beside it").isEmpty();
        }
    }

    @Test
    void aStoreHeldByAnotherProcessIsReportedAsInUseInOneLineNamingTheFile() throws Exception {
        Path store = dir.resolve("store");
        assertThat(run("--store", store.toString(), "load", "niger-2024").code()).isZero();
        Process holder = StoreHolder.hold(store);
        try {
            Run r = run("--store", store.toString(), "board", "NER");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("entente: the store file " + store.resolve("entente.mv.db") + " is in use by another"
                    + " process (an H2 store is opened by one process at a time); close that process, or work on a copy"
                    + System.lineSeparator());
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Command(name = "exhaust")
    static final class Exhaust implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void runningOutOfMemoryPrintsOneLineWithTheHeapLimitAndHowToRaiseIt() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        EntenteCli root = new EntenteCli();
        CommandLine cli = EntenteCli.commandLine(root, new PrintWriter(out), new PrintWriter(err));
        cli.addSubcommand(new Exhaust());
        int code = EntenteCli.execute(cli, root, "exhaust");
        assertThat(code).isEqualTo(1);
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        assertThat(err.toString().lines()).hasSize(1).first().asString()
                .startsWith("entente: out of memory (Java heap space; the Java heap is limited to " + maxMb + " MB)")
                .contains("run again with a larger heap, such as java -Xmx")
                .doesNotContain("\tat ");
    }
}
