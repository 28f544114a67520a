package org.entente.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.FactId;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.store.Recorded;
import org.entente.core.text.TerminalText;
import org.entente.seeds.Seed;
import org.entente.seeds.SeedFact;
import org.entente.seeds.SeedFormatException;
import org.entente.seeds.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code correct FACT-ID --from FILE}: a new revision of a fact, read from a file in the seed format. */
@Command(name = "correct", mixinStandardHelpOptions = true,
        header = "Record a new revision of a fact, read from a seed file.",
        description = {"Record a new revision of a fact, read from FILE (a seed file that holds the fact under the same id).",
                "The original stays in the store; reads as known before the correction still see it."},
        footerHeading = "%nExamples:%n",
        footer = {"  entente correct tur-visit --from tur-visit.yaml \\",
                "      --reason \"date confirmed by a second source\""})
final class CorrectCommand implements Callable<Integer> {

    @ParentCommand
    EntenteCli root;

    @Parameters(paramLabel = "FACT-ID", converter = Converters.FactIdConverter.class, description = "The fact to correct.")
    FactId fact;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "A seed file holding the corrected fact.")
    Path file;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (default: corrected from FILE).")
    String reason;

    @Override
    public Integer call() {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new EntenteCli.UsageError("no file " + file + "; expected a seed file (YAML or JSON) holding fact " + fact);
        }
        Seed seed;
        try {
            seed = Seeds.read(file);
        } catch (SeedFormatException e) {
            throw new EntenteCli.UsageError(e.getMessage());
        }
        SeedFact revised = seed.fact(fact).orElseThrow(() -> new EntenteCli.UsageError(
                file + " holds no fact " + fact + " (it holds: " + seed.facts().stream().map(f -> f.id().value()).toList() + ")"));
        try (Entente entente = root.open()) {
            Recorded r = entente.record(new RelationshipCommand.CorrectFact(revised.command(),
                    reason != null ? reason : "corrected from " + TerminalText.escape(file.getFileName().toString())));
            root.spec.commandLine().getOut().println(r.events() == 0
                    ? "nothing to correct: " + fact + " already has this content"
                    : "corrected " + fact + " of " + r.dyad());
        }
        return ExitCode.SUCCESS.code();
    }
}
