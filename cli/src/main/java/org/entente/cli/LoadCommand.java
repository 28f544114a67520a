package org.entente.cli;

import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.store.BatchResult;
import org.entente.core.text.TerminalText;
import org.entente.seeds.Seed;
import org.entente.seeds.SeedFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code load SEED}: checks a seed whole, then records it. */
@Command(name = "load", mixinStandardHelpOptions = true,
        header = "Check a seed whole, then record its facts.",
        description = {"SEED is a bundled seed (such as niger-2024) or a seed file (YAML or JSON). Every fact is checked"
                + " first, so a violation anywhere means nothing is written; each one is reported at its file and line.",
                "Loading the same seed again adds nothing. A fact whose content changed under a recorded id is a"
                + " conflict, unless --apply-corrections records it as a correction."},
        footerHeading = "%nExamples:%n",
        footer = {"  entente load niger-2024",
                "  entente load my-facts.yaml --dry-run",
                "  entente --store /srv/entente load my-facts.yaml --apply-corrections"})
final class LoadCommand implements Callable<Integer> {

    @ParentCommand
    EntenteCli root;

    @Parameters(paramLabel = "SEED", description = "A bundled seed name or a seed file (YAML or JSON).")
    String seed;

    @Option(names = "--dry-run", description = "Check and report, write nothing.")
    boolean dryRun;

    @Option(names = "--apply-corrections", description = "Record facts whose content changed under a recorded id as corrections.")
    boolean applyCorrections;

    @Override
    public Integer call() {
        Seed parsed;
        try {
            parsed = SeedLoading.resolve(seed);
        } catch (SeedFormatException e) {
            throw new EntenteCli.UsageError(e.getMessage());
        }
        try (Entente entente = root.open()) {
            BatchResult r = SeedLoading.load(entente, parsed, dryRun, applyCorrections,
                    Progress.on(root.spec.commandLine().getErr(), root.quiet, "loading " + TerminalText.escape(seed)));
            String what = TerminalText.escape(parsed.header().title()) + " (" + parsed.facts().size() + " facts)";
            int organisations = parsed.organisations().size();
            root.spec.commandLine().getOut().println((dryRun
                    ? "dry run of " + what + ": would record " + r.events() + " event(s); " + r.unchanged() + " fact(s) already recorded"
                    : "loaded " + what + ": recorded " + r.events() + " event(s) in " + r.chunks() + " transaction(s); "
                    + r.unchanged() + " fact(s) already recorded")
                    + (organisations == 0 ? "" : (dryRun ? "; would register " : "; registered ") + organisations
                    + " organisation(s)"));
        }
        return ExitCode.SUCCESS.code();
    }
}
