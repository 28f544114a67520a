package org.entente.cli;

import java.util.concurrent.Callable;
import org.entente.Entente;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code rebuild}: the projections rebuilt from the event store. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        header = "Rebuild the stored projections from the events.",
        description = "Rebuild the stored projections from the event store: rows, token and version replaced in one"
                + " transaction, reading the events once, without holding the projections in memory.",
        footerHeading = "%nExamples:%n",
        footer = {"  entente rebuild",
                "  entente --store /srv/entente --quiet rebuild"})
final class RebuildCommand implements Callable<Integer> {

    @ParentCommand
    EntenteCli root;

    @Override
    public Integer call() {
        // The command line is the store's only user while it runs (H2 locks the file), so the rebuild
        // is the offline one: its memory does not grow with the store.
        long start = System.nanoTime(); // elapsed time, not a date: immune to the wall clock being set
        long events = Entente.builder().h2(root.storeDirectory())
                .rebuildStoredProjections(Progress.on(root.spec.commandLine().getErr(), root.quiet, "rebuilding", "events"));
        root.spec.commandLine().getOut().println("rebuilt the projections from " + events + " events in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        return ExitCode.SUCCESS.code();
    }
}
