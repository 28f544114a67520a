package org.entente.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.EntenteException;
import org.entente.core.store.BackupRejectedException;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.StoreCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code migrate --to JDBC-URL}: the H2 store named by --store, checked row by row and copied into
 * PostgreSQL in resumable chunks (see {@link StoreCopy}). The password comes from an environment
 * variable, a file or a prompt, never from the command line (which other users see in {@code ps});
 * printed URLs carry no credentials.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        header = "Copy the H2 store into an empty PostgreSQL database.",
        description = {"Copy the H2 store named by --store into an empty PostgreSQL database: events keep their"
                + " recording times, positions and fact ids; the target then rebuilds its projections.",
                "Every row is checked first; an interrupted migration is finished by running it again.",
                "The password: --password-env VAR, --password-file FILE, or a prompt when the server asks for one."},
        footerHeading = "%nExamples:%n",
        footer = {"  entente migrate --to jdbc:postgresql://127.0.0.1:5432/entente \\",
                "      --user entente --password-env PGPASSWORD",
                "  entente --store /srv/entente migrate \\",
                "      --to jdbc:postgresql://db.example.org/entente --password-file pgpass"})
final class MigrateCommand implements Callable<Integer> {

    /** SQL states of a refused password: invalid password, no password given (a password may help). */
    private static final Set<String> PASSWORD_REFUSED = Set.of("28P01", "08004");

    /**
     * SQL state of an invalid authorization specification: PostgreSQL's answer when the role does not
     * exist or no pg_hba.conf entry lets it connect (a password would not help).
     */
    private static final String AUTHORIZATION_INVALID = "28000";

    @ParentCommand
    EntenteCli root;

    @Option(names = "--to", required = true, paramLabel = "JDBC-URL", description = "Such as jdbc:postgresql://127.0.0.1:5432/entente")
    String url;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "postgres", description = "Database user (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this environment variable.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of this file.")
    Path passwordFile;

    @Option(names = "--password", paramLabel = "TEXT", arity = "0..1", interactive = true,
            description = "Prompt for the password. Deprecated with a value: a password on the command line is visible"
                    + " to other users in the process list (ps); use --password-env or --password-file.")
    char[] password;

    @Override
    public Integer call() {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new EntenteCli.UsageError("--to " + JdbcUrls.redact(url)
                    + " is not a PostgreSQL JDBC URL; expected jdbc:postgresql://HOST:PORT/DATABASE");
        }
        if (!Files.isDirectory(root.storeDirectory())) {
            throw new EntenteCli.UsageError("no store at " + root.store + "; name the H2 store to migrate with --store DIR");
        }
        String shown = JdbcUrls.redact(url);
        char[] secret = password();
        secret = login(shown, secret);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(new String(secret));
        java.util.Arrays.fill(secret, '\0');
        config.setMaximumPoolSize(4);
        try (HikariDataSource target = new HikariDataSource(config)) {
            StoreCopy.Summary copied;
            try (EntenteStore from = EntenteStore.builder().h2(root.storeDirectory()).build();
                 EntenteStore to = EntenteStore.builder().postgres(target).build()) {
                copied = StoreCopy.copy(from, to, Progress.on(root.spec.commandLine().getErr(), root.quiet, "copying", "rows"));
            } catch (BackupRejectedException e) {
                // Rows of the user's own store that cannot be copied: the store is inconsistent, which is
                // the environment's failure (exit code 1), unlike a backup file handed to store-import.
                throw new EntenteException("cannot migrate " + root.store + ": " + e.getMessage() + "; nothing was written to " + shown, e);
            }
            copied.notes().forEach(root::notice);
            try (Entente rebuilt = Entente.postgres(target)) {
                rebuilt.awaitCaughtUp(java.time.Duration.ofMinutes(30));
            }
            root.spec.commandLine().getOut().println("migrated " + copied.events() + " event(s), " + copied.snapshots()
                    + " snapshot(s) and " + copied.factIds() + " fact id(s)" + StoreFileCommands.registered(copied) + " to " + shown
                    + "; projections rebuilt");
        }
        return ExitCode.SUCCESS.code();
    }

    /** The password from the one place it was given, or empty (the server may not ask for one). */
    private char[] password() {
        int given = (passwordEnv != null ? 1 : 0) + (passwordFile != null ? 1 : 0) + (password != null ? 1 : 0);
        if (given > 1) {
            throw new EntenteCli.UsageError("give the password one way only: --password-env VAR, --password-file FILE or --password (a prompt)");
        }
        if (passwordEnv != null) {
            String value = root.environment.apply(passwordEnv);
            if (value == null) {
                throw new EntenteCli.UsageError("--password-env " + passwordEnv + ": no such environment variable is set");
            }
            return value.toCharArray();
        }
        if (passwordFile != null) {
            return readPasswordFile(passwordFile);
        }
        if (password != null) {
            if (givenOnCommandLine()) {
                root.spec.commandLine().getErr().println("entente: warning: --password with a value is deprecated: other users can see it"
                        + " in the process list (ps); use --password-env VAR or --password-file FILE");
            }
            return password;
        }
        return new char[0];
    }

    private boolean givenOnCommandLine() {
        List<String> args = root.spec.commandLine().getParseResult().originalArgs();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--password=") || (a.equals("--password") && i + 1 < args.size() && !args.get(i + 1).startsWith("-"))) {
                return true;
            }
        }
        return false;
    }

    private char[] readPasswordFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EntenteCli.UsageError("--password-file " + file + ": no such file");
        }
        try {
            try {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
                if (mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ)) {
                    root.notice("--password-file " + file + " is readable by other users; chmod 600 it");
                }
            } catch (UnsupportedOperationException e) {
                // no POSIX permissions to check on this file system
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
        } catch (IOException e) {
            throw new EntenteCli.UsageError("--password-file " + file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    /**
     * Logs in once before the copy: when the server asks for a password that was not given and a
     * terminal is there, prompts for it. Returns the password that works.
     */
    @SuppressWarnings("try") // the connection is opened only to try the login, never used
    private char[] login(String shown, char[] secret) {
        try (Connection ignored = DriverManager.getConnection(url, user, new String(secret))) {
            return secret;
        } catch (SQLException e) {
            if (AUTHORIZATION_INVALID.equals(e.getSQLState())) {
                String message = String.valueOf(e.getMessage());
                throw new EntenteCli.UsageError("PostgreSQL at " + shown + " refused user " + user + " (" + message + "); "
                        + (message.contains("does not exist")
                                ? "the role " + user + " does not exist there: name an existing role with --user NAME (default: postgres)"
                                : "the server does not let the role " + user + " connect to this database (pg_hba.conf):"
                                        + " name another role with --user NAME or ask the database's administrator"), e);
            }
            boolean refused = PASSWORD_REFUSED.contains(e.getSQLState());
            Console console = System.console();
            boolean nothingGiven = passwordEnv == null && passwordFile == null && password == null;
            if (refused && nothingGiven && console != null) {
                char[] typed = console.readPassword("Password for %s at %s: ", user, shown);
                if (typed == null) {
                    throw new EntenteCli.UsageError("no password given for " + user + " at " + shown);
                }
                return login(shown, typed);
            }
            if (refused) {
                // Credentials the user must change: exit code 2 (an unreachable server is 1).
                throw new EntenteCli.UsageError("PostgreSQL at " + shown + " refused user " + user + " (" + e.getMessage() + "); give the password"
                        + " with --password-env VAR, --password-file FILE, or at the prompt in a terminal", e);
            }
            throw new EntenteException("cannot connect to PostgreSQL at " + shown + " as " + user + ": " + e.getMessage(), e);
        }
    }
}
