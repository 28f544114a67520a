package org.entente.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.store.BatchProgress;
import org.entente.eventdata.ImportCommandSupport;
import org.entente.eventdata.ImportProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code import icews|gdelt|plover FILE}: coded event data as interactions. */
@Command(name = "import", mixinStandardHelpOptions = true,
        header = "Import coded event data (ICEWS, GDELT, PLOVER) as interactions.",
        description = {"Import coded events (icews, gdelt, plover) as interactions between two actors Entente knows:"
                + " countries, or organisations such as ECOWAS, the EU or the UN. Rows naming others are skipped with"
                + " a reason. Entente's own PLOVER export imports as interactions too: the kinds of its facts are not"
                + " read back.",
                "Re-importing adds nothing; a newer release adds its new rows and reports changed ones."},
        footerHeading = "%nExamples:%n",
        footer = {"  entente import gdelt 20240819130000.export.CSV --dry-run",
                "  entente import icews events.2024.tab --skips skipped.tsv"})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    EntenteCli root;

    @Parameters(index = "0", paramLabel = "DATASET", description = "icews, gdelt or plover.")
    String dataset;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = "--dry-run", description = "Check and report, write nothing.")
    boolean dryRun;

    @Option(names = "--skips", paramLabel = "FILE", description = "Write every skipped row (line, id, reason, detail) as TSV.")
    Path skips;

    @Override
    public Integer call() {
        if (skips != null) {
            EntenteCli.requireDirectoryOf(skips);
        }
        try (Entente entente = root.open()) {
            BatchProgress bar = Progress.on(root.spec.commandLine().getErr(), root.quiet, "importing " + file.getFileName());
            ImportCommandSupport.run(entente, dataset, file, dryRun, Optional.ofNullable(skips), root.spec.commandLine().getOut(),
                    (phase, done, total) -> {
                        if (phase == ImportProgress.Phase.WRITING) {
                            bar.written((int) done, (int) total);
                        }
                    });
        }
        return ExitCode.SUCCESS.code();
    }
}
