package org.entente.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started from the test's own classpath, whose standard output is read line by line.
 *
 * <p>A JVM can be started ahead of its job ({@link #spare}): it starts and warms up while the test does
 * something else, then waits for its arguments on standard input ({@link #go}). The JVM's start-up, most of
 * a short job's cost, then overlaps the test's own work.
 */
final class ChildJvm implements AutoCloseable {

    /** The argument that makes a child's main method wait for its real arguments ({@link #readJob}). */
    static final String SPARE = "--spare";

    private final Process process;
    private final BufferedReader out;
    private final Path errors;

    private ChildJvm(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm start(Class<?> main, Path errors, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(errors.toFile());
        return new ChildJvm(pb.start(), errors);
    }

    /**
     * Starts a JVM whose main method is called with {@code SPARE} and {@code warmUp}: it warms up, then reads its
     * arguments with {@link #readJob} once {@link #go} sends them.
     */
    static ChildJvm spare(Class<?> main, Path errors, String warmUp) throws IOException {
        return start(main, errors, SPARE, warmUp);
    }

    /** Gives a {@link #spare} its job: the arguments its main method goes on with. */
    void go(String... args) throws IOException {
        Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        in.write(String.join("\t", args) + "\n");
        in.flush();
    }

    /** In a spare child: its job's arguments, or null when the test ended without giving it one. */
    static String[] readJob() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.split("\t", -1);
    }

    /** Where the JVM's standard error goes. */
    Path errors() {
        return errors;
    }

    /** The next line, or null at the end of the output. */
    String readLine() throws IOException {
        return out.readLine();
    }

    /** Kills the JVM at once (SIGKILL, as kill -9) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child JVM did not die within 30 s");
        }
    }

    /** Waits for the JVM to end and returns its exit code. */
    int waitFor() throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the child JVM did not end within 120 s");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
        out.close();
    }
}
