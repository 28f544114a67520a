package org.entente.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.store.IntegrityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code check} and {@code repair}: the store's tables against its events. */
final class CheckCommands {

    private CheckCommands() {
    }

    /** {@code check}: every event and derived row read; exit 0 when consistent, 1 otherwise. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            header = "Check every event and derived row of the store; write nothing.",
            description = {"Check the store: every event and every derived row (fact ids, snapshots, projection rows,"
                    + " tokens) against the events. Writes nothing.",
                    "Exit 0 when consistent, 1 when something disagrees (each inconsistency is listed)."},
            footerHeading = "%nExamples:%n",
            footer = {"  entente check",
                    "  entente --store /srv/entente check"})
    static final class Check implements Callable<Integer> {

        @ParentCommand
        EntenteCli root;

        @Override
        public Integer call() {
            IntegrityReport report = Entente.builder().h2(root.storeDirectory()).check();
            print(root.spec.commandLine().getOut(), report);
            return verdict(report);
        }
    }

    /** {@code repair}: derived tables rebuilt from the events. */
    @Command(name = "repair", mixinStandardHelpOptions = true,
            header = "Rebuild the derived tables that disagree with the events.",
            description = {"Rebuild from the events every derived table that disagrees with them (fact ids, snapshots,"
                    + " projection rows and token), then check again. Events are never changed.",
                    "Exit 0 when the store is consistent afterwards, 1 when findings remain (missing events: restore a backup)."},
            footerHeading = "%nExamples:%n",
            footer = {"  entente repair --dry-run",
                    "  entente repair"})
    static final class Repair implements Callable<Integer> {

        @ParentCommand
        EntenteCli root;

        @Option(names = "--dry-run", description = "Say what would be repaired; write nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            IntegrityReport report = Entente.builder().h2(root.storeDirectory()).repair(dryRun);
            PrintWriter out = root.spec.commandLine().getOut();
            print(out, report);
            if (dryRun && !report.consistent()) {
                out.println(report.repairable() ? "a repair would rebuild what is listed above from the events"
                        : "a repair would rebuild what it can; missing events need a backup");
            }
            return verdict(report);
        }
    }

    /** An inconsistent store is the environment's failure (exit code 1): the command was right, the store needs work. */
    static int verdict(IntegrityReport report) {
        return (report.consistent() ? ExitCode.SUCCESS : ExitCode.ENVIRONMENT).code();
    }

    static void print(PrintWriter out, IntegrityReport report) {
        out.println(report.describe());
    }
}
