package org.entente.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.StoreCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code store-export FILE} and {@code store-import FILE}: a store's whole history in a file, for backups. */
final class StoreFileCommands {

    private StoreFileCommands() {
    }

    @Command(name = "store-export", mixinStandardHelpOptions = true,
            description = "Write the store's whole history (events as recorded, snapshots, fact ids) to FILE, for backups.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        EntenteCli root;

        @Parameters(paramLabel = "FILE", description = "The file to write; it must not exist.")
        Path file;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(file)) {
                throw new EntenteCli.UsageError(file + " exists already; choose a new file name");
            }
            try (EntenteStore store = EntenteStore.builder().h2(root.store).build();
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW))) {
                StoreCopy.Summary s = StoreCopy.export(store, out);
                root.spec.commandLine().getOut().println("wrote " + s.events() + " event(s), " + s.snapshots() + " snapshot(s) and "
                        + s.factIds() + " fact id(s) to " + file);
            }
            return 0;
        }
    }

    @Command(name = "store-import", mixinStandardHelpOptions = true,
            description = "Read a store-export FILE into the empty store named by --store, then rebuild its projections.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        EntenteCli root;

        @Parameters(paramLabel = "FILE", description = "A file written by store-export.")
        Path file;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new EntenteCli.UsageError("no file " + file + "; expected a file written by store-export");
            }
            StoreCopy.Summary s;
            try (EntenteStore store = EntenteStore.builder().h2(root.store).build();
                 InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                s = StoreCopy.importInto(store, in);
            }
            try (Entente entente = root.open()) {
                root.spec.commandLine().getOut().println("restored " + s.events() + " event(s), " + s.snapshots() + " snapshot(s) and "
                        + s.factIds() + " fact id(s) into " + root.store + "; projections rebuilt ("
                        + entente.processingStatus().position() + " processed)");
            }
            return 0;
        }
    }
}
