package org.entente.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.entente.Entente;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code rebuild}: the projections rebuilt from the event store. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Rebuild the projections from the event store (built aside, then swapped in one transaction).")
final class RebuildCommand implements Callable<Integer> {

    @ParentCommand
    EntenteCli root;

    @Override
    public Integer call() {
        try (Entente entente = root.open()) {
            Instant start = Instant.now();
            entente.rebuildProjections(Progress.on(root.spec.commandLine().getErr(), root.quiet, "rebuilding", "events"));
            root.spec.commandLine().getOut().println("rebuilt the projections from the events up to position "
                    + entente.processingStatus().head() + " in " + Duration.between(start, Instant.now()).toMillis() + " ms");
        }
        return 0;
    }
}
