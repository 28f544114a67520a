package org.entente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.EntenteException;
import org.entente.core.store.DiskFullException;
import org.entente.core.store.StoreInUseException;
import org.entente.core.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line: load seeds into a store, correct and retract facts, and show boards, timelines
 * and changes. Exit codes: 0 success; 2 a bad argument or value (with the reason and the accepted
 * forms); 1 anything else (one line; the stack trace with {@code --verbose}), a full disk, a store in
 * use by another process and an exhausted heap included.
 */
@Command(name = "entente", mixinStandardHelpOptions = true, version = "entente 0.1.0-SNAPSHOT",
        description = "Diplomatic and military relations between countries, as event-sourced history.",
        subcommands = {LoadCommand.class, BoardCommand.class, TimelineCommand.class, DiffCommand.class, SimulateCommand.class, ImportCommand.class, ExportCommand.class, MigrateCommand.class,
                StoreFileCommands.Export.class, StoreFileCommands.Import.class,
                RetractCommand.class, CorrectCommand.class, RebuildCommand.class, CheckCommands.Check.class, CheckCommands.Repair.class,
                CommandLine.HelpCommand.class})
public final class EntenteCli implements Callable<Integer> {

    @Option(names = "--store", scope = ScopeType.INHERIT, paramLabel = "DIR", defaultValue = "entente-data",
            description = "The H2 store directory (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @Option(names = "--quiet", scope = ScopeType.INHERIT, description = "No progress or notices on standard error.")
    boolean quiet;

    /** The clock that gives "today" when no --as-of is given. */
    Clock clock = Clock.systemDefaultZone();

    /** Environment variables by name (for --password-env); tests give their own. */
    java.util.function.UnaryOperator<String> environment = System::getenv;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Opens the store named by --store and waits until its projections have caught up. */
    Entente open() {
        Entente entente = Entente.h2(store);
        try {
            entente.awaitCaughtUp(Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            entente.close();
            throw e;
        }
        return entente;
    }

    /** Prints a notice on standard error unless --quiet; values in it should be escaped ({@link TerminalText#escape}). */
    void notice(String message) {
        if (!quiet) {
            spec.commandLine().getErr().println("entente: " + TerminalText.sanitize(message));
        }
    }

    /** Runs the command line and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System::getenv, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, with the environment variables given. */
    static int run(PrintWriter out, PrintWriter err, java.util.function.UnaryOperator<String> environment, String... args) {
        EntenteCli root = new EntenteCli();
        root.environment = environment;
        return execute(commandLine(root, out, err), root, args);
    }

    /**
     * Runs a configured command line. An {@link OutOfMemoryError} (which picocli's handlers never see)
     * becomes one line with the heap's limit and how to raise it: its stack trace says nothing to a user.
     */
    static int execute(CommandLine cli, EntenteCli root, String... args) {
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            // What the failed command held is unreachable now: there is room to say so.
            long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            cli.getErr().println("entente: out of memory (" + e.getMessage() + "; the Java heap is limited to " + maxMb
                    + " MB); run again with a larger heap, such as java -Xmx" + Math.max(1, 2 * maxMb / 1024 + 1)
                    + "g -jar entente.jar ..., or load the seed in parts");
            if (root.verbose) {
                e.printStackTrace(cli.getErr());
            }
            code = 1;
        }
        cli.getOut().flush();
        cli.getErr().flush();
        return code;
    }

    /** The command line with its handlers: exit code 2 for a bad argument, 1 with one line for anything else. */
    static CommandLine commandLine(EntenteCli root, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Messages may quote what the user typed or what the store holds: nothing in them may reach
            // the terminal as a control character (values the library quotes are escaped already).
            if (e instanceof IllegalArgumentException || e instanceof UsageError) {
                commandLine.getErr().println("entente: " + TerminalText.sanitize(String.valueOf(e.getMessage())));
                if (root.verbose) {
                    e.printStackTrace(commandLine.getErr());
                }
                return 2;
            }
            // A full disk or a store held by another process says so, even inside another library's exception.
            Throwable storeFailure = storeFailure(e);
            String message = storeFailure != null ? storeFailure.getMessage()
                    : e instanceof EntenteException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            commandLine.getErr().println("entente: " + TerminalText.sanitize(String.valueOf(message)));
            if (root.verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("entente: " + TerminalText.sanitize(String.valueOf(e.getMessage())));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for the accepted forms.");
            return 2;
        });
        return cli;
    }

    /** A {@link DiskFullException} or {@link StoreInUseException} among the causes, unless the failure is Entente's own. */
    private static Throwable storeFailure(Throwable e) {
        if (e instanceof EntenteException) {
            return null;
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof DiskFullException || t instanceof StoreInUseException) {
                return t;
            }
        }
        return null;
    }

    /** The entry point of {@code entente.jar}. */
    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }

    /** A bad argument found after parsing (a missing file, an unknown seed): exit code 2. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }
}
