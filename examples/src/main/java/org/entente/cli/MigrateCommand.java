package org.entente.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.StoreCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code migrate --to JDBC-URL}: the H2 store named by --store, copied into PostgreSQL. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copy the H2 store named by --store into an empty PostgreSQL database: events keep their",
                "recording times, positions and fact ids; the target then rebuilds its projections."})
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    EntenteCli root;

    @Option(names = "--to", required = true, paramLabel = "JDBC-URL", description = "Such as jdbc:postgresql://127.0.0.1:5432/entente")
    String url;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "postgres", description = "Database user (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", paramLabel = "TEXT", defaultValue = "", description = "Database password (default: none).")
    String password;

    @Override
    public Integer call() {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new EntenteCli.UsageError("--to " + url + " is not a PostgreSQL JDBC URL; expected jdbc:postgresql://HOST:PORT/DATABASE");
        }
        if (!Files.isDirectory(root.store)) {
            throw new EntenteCli.UsageError("no store at " + root.store + "; name the H2 store to migrate with --store DIR");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        try (HikariDataSource target = new HikariDataSource(config)) {
            StoreCopy.Summary copied;
            try (EntenteStore from = EntenteStore.builder().h2(root.store).build();
                 EntenteStore to = EntenteStore.builder().postgres(target).build()) {
                copied = StoreCopy.copy(from, to, Progress.on(root.spec.commandLine().getErr(), root.quiet, "copying", "rows"));
            }
            try (Entente rebuilt = Entente.postgres(target)) {
                rebuilt.awaitCaughtUp(java.time.Duration.ofMinutes(30));
            }
            root.spec.commandLine().getOut().println("migrated " + copied.events() + " event(s), " + copied.snapshots()
                    + " snapshot(s) and " + copied.factIds() + " fact id(s) to " + url + "; projections rebuilt");
        }
        return 0;
    }
}
