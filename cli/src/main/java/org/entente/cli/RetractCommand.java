package org.entente.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.FactId;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.store.Recorded;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code retract FACT-ID... --reason TEXT}. */
@Command(name = "retract", mixinStandardHelpOptions = true,
        header = "Retract facts of one dyad, keeping the originals.",
        description = "Retract facts of one dyad, atomically. The originals stay in the store; reads as known before keep them.",
        footerHeading = "%nExamples:%n",
        footer = {"  entente retract chn-talks-2023 --reason \"duplicate of chn-talks\"",
                "  entente retract tur-visit tur-visit-pledge --reason \"not confirmed\""})
final class RetractCommand implements Callable<Integer> {

    @ParentCommand
    EntenteCli root;

    @Parameters(paramLabel = "FACT-ID", arity = "1..*", converter = Converters.FactIdConverter.class, description = "Fact ids of one dyad (an id given twice counts once).")
    List<FactId> facts;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the facts are withdrawn.")
    String reason;

    @Override
    public Integer call() {
        try (Entente entente = root.open()) {
            // A fact id given twice is one fact: it is retracted once, and counted once.
            List<FactId> distinct = List.copyOf(new LinkedHashSet<>(facts));
            Recorded r = entente.record(new RelationshipCommand.RetractFacts(distinct, reason));
            root.spec.commandLine().getOut().println(r.events() == 0
                    ? "nothing to retract: " + distinct + " were retracted already"
                    : "retracted " + distinct.size() + " fact(s) of " + r.dyad());
        }
        return ExitCode.SUCCESS.code();
    }
}
