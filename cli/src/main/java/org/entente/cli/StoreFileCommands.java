package org.entente.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.store.BackupRejectedException;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.StoreCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code store-export FILE} and {@code store-import FILE}: a store's whole history in a file, for
 * backups. The file ends with a manifest and is written atomically, readable by its owner only; an
 * import checks every row and the manifest before writing, and resumes after an interruption (see
 * {@link StoreCopy}).
 */
final class StoreFileCommands {

    private StoreFileCommands() {
    }

    @Command(name = "store-export", mixinStandardHelpOptions = true,
            header = "Write the store's whole history to a file, for backups.",
            description = {"Write the store's whole history (events as recorded, snapshots, fact ids) to FILE, for backups.",
                    "The file ends with a manifest (counts, last position, SHA-256) and appears only when complete;"
                    + " it is readable by its owner only."},
            footerHeading = "%nExamples:%n",
            footer = {"  entente store-export backup-2024-10-01.jsonl",
                    "  entente --store /srv/entente store-export /var/backups/entente.jsonl"})
    static final class Export implements Callable<Integer> {
        @ParentCommand
        EntenteCli root;

        @Parameters(paramLabel = "FILE", description = "The file to write; it must not exist.")
        Path file;

        @Override
        public Integer call() {
            if (Files.exists(file)) {
                throw new EntenteCli.UsageError(file + " exists already; choose a new file name");
            }
            EntenteCli.requireDirectoryOf(file);
            try (EntenteStore store = EntenteStore.builder().h2(root.storeDirectory()).build()) {
                StoreCopy.Summary s = StoreCopy.export(store, file);
                root.spec.commandLine().getOut().println("wrote " + s.events() + " event(s), " + s.snapshots() + " snapshot(s) and "
                        + s.factIds() + " fact id(s)" + registered(s) + " to " + file + " (sha256 " + s.sha256() + ")");
            }
            return ExitCode.SUCCESS.code();
        }
    }

    @Command(name = "store-import", mixinStandardHelpOptions = true,
            header = "Restore a store-export file into an empty store.",
            description = {"Read a store-export FILE into the empty store named by --store, then rebuild its projections.",
                    "Every row and the manifest are checked before anything is written; an interrupted import"
                    + " is finished by running the same command again."},
            footerHeading = "%nExamples:%n",
            footer = {"  entente --store restored store-import backup-2024-10-01.jsonl"})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        EntenteCli root;

        @Parameters(paramLabel = "FILE", description = "A file written by store-export.")
        Path file;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new EntenteCli.UsageError("no file " + file + "; expected a file written by store-export");
            }
            StoreCopy.Summary s;
            try (EntenteStore store = EntenteStore.builder().h2(root.storeDirectory()).build()) {
                s = StoreCopy.importInto(store, file, Progress.on(root.spec.commandLine().getErr(), root.quiet, "importing", "rows"));
            } catch (BackupRejectedException e) {
                // The file the user handed in is at fault, not the store: exit code 2.
                throw new EntenteCli.UsageError("cannot restore " + file + ": " + e.getMessage() + "; nothing was written to " + root.store, e);
            }
            for (String note : s.notes()) {
                if (s.manifestChecked()) {
                    root.notice(note);
                } else {
                    // A backup whose completeness cannot be proven is worth a line even with --quiet.
                    root.spec.commandLine().getErr().println("entente: warning: " + note);
                }
            }
            try (Entente entente = root.open()) {
                root.spec.commandLine().getOut().println("restored " + s.events() + " event(s), " + s.snapshots() + " snapshot(s) and "
                        + s.factIds() + " fact id(s)" + registered(s) + " into " + root.store + (s.manifestChecked() ? ", as its manifest lists" : "")
                        + "; projections rebuilt (" + entente.processingStatus().position() + " processed)");
            }
            return ExitCode.SUCCESS.code();
        }
    }

    /** " (and 2 registered organisation(s))", or nothing for a store without registrations. */
    static String registered(StoreCopy.Summary s) {
        return s.organisations() > 0 ? " (and " + s.organisations() + " registered organisation(s))" : "";
    }
}
