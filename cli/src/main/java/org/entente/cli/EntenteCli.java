package org.entente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line: load seeds into a store, correct and retract facts, and show boards, timelines
 * and changes. Exit codes are {@link ExitCode}'s: 0 success; 2 input the user must change (a bad
 * argument or value, an unknown fact id, facts that break a rule, a malformed file; with the reason
 * and the accepted forms); 1 the environment or a bug (one line; the stack trace with
 * {@code --verbose}), a full disk, a store in use by another process and an exhausted heap included.
 */
@Command(name = "entente", mixinStandardHelpOptions = true, version = "entente 0.1.0-SNAPSHOT",
        header = "Diplomatic and military relations between countries, as event-sourced history.",
        description = {"Every command takes --store DIR (default: ./entente-data), before or after its name.",
                "Run 'entente help COMMAND' or 'entente COMMAND --help' for a command's options and examples."},
        footerHeading = "%nExamples:%n",
        footer = {"  entente board NER --as-of 2024-04-30",
                "  entente --store /srv/entente load niger-2024",
                "  entente timeline NER-USA --from 2024-01-01",
                "  entente help simulate"},
        exitCodeListHeading = "%nExit codes:%n",
        subcommands = {LoadCommand.class, BoardCommand.class, MembershipCommands.Members.class, MembershipCommands.CountryMemberships.class, TimelineCommand.class, DiffCommand.class, SeriesCommand.class, ReportCommand.class, SimulateCommand.class, ImportCommand.class, ExportCommand.class, MigrateCommand.class,
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
        return ExitCode.SUCCESS.code();
    }

    /**
     * The store directory named by --store: refused (exit code 2) when it names something that is not
     * a directory, which no command could use as a store.
     */
    Path storeDirectory() {
        if (java.nio.file.Files.exists(store) && !java.nio.file.Files.isDirectory(store)) {
            throw new UsageError("--store " + TerminalText.escape(store.toString())
                    + " is not a directory; name the store's directory (created when missing)");
        }
        return store;
    }

    /** Refuses (exit code 2) a file to write whose directory does not exist: the path, not the disk, is at fault. */
    static void requireDirectoryOf(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null && !java.nio.file.Files.isDirectory(directory)) {
            throw new UsageError("no directory " + TerminalText.escape(directory.toString()) + " to write "
                    + TerminalText.escape(String.valueOf(file.getFileName())) + " in; create it first");
        }
    }

    /** Opens the store named by --store and waits until its projections have caught up. */
    Entente open() {
        Entente entente = Entente.h2(storeDirectory());
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
            code = ExitCode.ENVIRONMENT.code();
        }
        cli.getOut().flush();
        cli.getErr().flush();
        return code;
    }

    /**
     * The command line with its handlers: every failure maps to its {@link ExitCode} and is printed
     * in one line (the stack trace with --verbose); a bad argument also names the help to read.
     */
    static CommandLine commandLine(EntenteCli root, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList());
        CommandLine help = cli.getSubcommands().get("help");
        help.getCommandSpec().usageMessage().footerHeading("%nExamples:%n").footer("  entente help board", "  entente help store-import");
        layOut(cli);
        shareVersion(cli, cli.getCommandSpec().version());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Messages may quote what the user typed or what the store holds: nothing in them may reach
            // the terminal as a control character (values the library quotes are escaped already).
            Throwable reported = ExitCode.reported(e);
            String message = ExitCode.isOurs(reported) ? reported.getMessage()
                    : reported.getClass().getSimpleName() + ": " + reported.getMessage();
            commandLine.getErr().println("entente: " + TerminalText.sanitize(String.valueOf(message)));
            if (root.verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            return ExitCode.of(e).code();
        });
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("entente: " + TerminalText.sanitize(String.valueOf(e.getMessage())));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for the accepted forms.");
            return ExitCode.BAD_INPUT.code();
        });
        return cli;
    }

    /**
     * Every help page in the same shape: the one-line summary, the usage, then the description, the
     * arguments, the options (and commands) and the examples, each block after a blank line.
     */
    private static void layOut(CommandLine cli) {
        CommandLine.Model.UsageMessageSpec usage = cli.getCommandSpec().usageMessage();
        if (!cli.getCommandSpec().helpCommand()) { // picocli's own help command has a layout of its own
            usage.descriptionHeading("%n").commandListHeading("%nCommands:%n");
            if (cli.getCommandSpec().positionalParameters().isEmpty()) {
                usage.optionListHeading("%n");
            } else {
                usage.parameterListHeading("%n");
            }
        }
        cli.getSubcommands().values().forEach(EntenteCli::layOut);
    }

    /** Every command lists -V, --version: each prints the version of the command line, as the root does. */
    private static void shareVersion(CommandLine cli, String[] version) {
        cli.getSubcommands().values().forEach(sub -> {
            if (sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().version(version);
            }
            shareVersion(sub, version);
        });
    }

    /** The entry point of {@code entente.jar}. */
    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }

    /** A bad argument found after parsing (a missing file, an unknown seed, a refused backup file): exit code 2. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }

        UsageError(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
