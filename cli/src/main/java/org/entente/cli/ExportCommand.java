package org.entente.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.eventdata.ExportCommandSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code export plover|cameo|cow FILE}: the history in event-data formats. */
@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Export the history as PLOVER, CAMEO or Correlates of War data.",
        description = {"Export the history as PLOVER JSON lines, CAMEO-coded TSV or Correlates of War dyad-years.",
                "Facts of countries and of organisations are exported (PLOVER's UNO, EUR or IGO with Entente's ORG:"
                + " code; the ORG: code in the TSV), except to Correlates of War, which numbers states only: dyads"
                + " with an organisation are left out with a note."},
        footerHeading = "%nExamples:%n",
        footer = {"  entente export plover facts.jsonl",
                "  entente export cameo -",
                "  entente export cow dyad-years.csv --from 2020 --to 2024 --day 06-30"})
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    EntenteCli root;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "plover, cameo or cow.")
    String format;

    @Parameters(index = "1", paramLabel = "FILE", description = "The output file, or - for standard output.")
    String file;

    @Option(names = "--from", paramLabel = "YEAR", description = "cow: the first year (default: the earliest fact's).")
    Integer from;

    @Option(names = "--to", paramLabel = "YEAR", description = "cow: the last year (default: the latest fact's).")
    Integer to;

    @Option(names = "--step", paramLabel = "YEARS", defaultValue = "1", description = "cow: years between rows (default: ${DEFAULT-VALUE}).")
    int step;

    @Option(names = "--day", paramLabel = "MM-DD", description = "cow: the day of each year envoys are read on (default 12-31).")
    String day;

    @Override
    public Integer call() {
        if (!file.equals("-")) {
            EntenteCli.requireDirectoryOf(Path.of(file));
        }
        try (Entente entente = root.open()) {
            ExportCommandSupport.run(entente, format, file, Optional.ofNullable(from), Optional.ofNullable(to), step,
                    Optional.ofNullable(day), root.spec.commandLine().getOut());
        }
        return ExitCode.SUCCESS.code();
    }
}
