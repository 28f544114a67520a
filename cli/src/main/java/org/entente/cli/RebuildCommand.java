package org.entente.cli;

import java.time.Duration;
import java.time.Instant;
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
        Instant start = Instant.now();
        long events = Entente.builder().h2(root.storeDirectory())
                .rebuildStoredProjections(Progress.on(root.spec.commandLine().getErr(), root.quiet, "rebuilding", "events"));
        root.spec.commandLine().getOut().println("rebuilt the projections from " + events + " events in "
                + Duration.between(start, Instant.now()).toMillis() + " ms");
        return ExitCode.SUCCESS.code();
    }
}
