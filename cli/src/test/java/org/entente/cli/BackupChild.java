package org.entente.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.entente.core.store.BatchProgress;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.StoreCopy;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The child JVM of {@link BackupCrashTest}: an import or a migration that prints {@code ROWS done total}
 * after each committed chunk, until it ends ({@code DONE}) or is killed.
 *
 * <p>Arguments: {@code import STORE FILE} or {@code migrate STORE URL USER SCHEMA}.
 */
public final class BackupChild {

    private BackupChild() {
    }

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        PrintStream out = System.out;
        BatchProgress progress = (done, total) -> {
            out.println("ROWS " + done + " " + total);
            out.flush();
        };
        try (EntenteStore store = EntenteStore.builder().h2(Path.of(args[1])).build()) {
            if (args[0].equals("import")) {
                StoreCopy.importInto(store, Path.of(args[2]), progress);
            } else {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setUrl(args[2]);
                ds.setUser(args[3]);
                ds.setCurrentSchema(args[4]);
                try (EntenteStore target = EntenteStore.builder().postgres(ds).build()) {
                    StoreCopy.copy(store, target, progress);
                }
            }
        }
        out.println("DONE");
        out.flush();
    }
}
