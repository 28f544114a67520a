package org.entente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.EntenteException;
import org.entente.core.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line: load seeds into a store, correct and retract facts, and show boards, timelines
 * and changes. Exit codes: 0 success; 2 a bad argument or value (with the reason and the accepted
 * forms); 1 anything else (one line; the stack trace with {@code --verbose}).
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
            String message = e instanceof EntenteException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            commandLine.getErr().println("entente: " + TerminalText.sanitize(message));
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
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
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
