package org.entente.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.timeline.Changes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code diff COUNTRY|DYAD --from DATE --to DATE}: what changed. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        header = "Show what changed between two dates.",
        description = "What changed between two dates: statuses, agreements, forces, envoys and sanctions.",
        footerHeading = "%nExamples:%n",
        footer = {"  entente diff NER --from 2024-04-01 --to 2024-10-01",
                "  entente diff NER-USA --from 2024-01-01 --to 2024-12-31 --format json"})
final class DiffCommand implements Callable<Integer> {

    @ParentCommand
    EntenteCli root;

    @Parameters(paramLabel = "COUNTRY|DYAD", converter = Converters.SubjectConverter.class,
            description = "A country such as NER, or a dyad such as NER-USA.")
    Converters.Subject subject;

    @Option(names = "--from", required = true, paramLabel = "DATE", converter = Converters.DateConverter.class, description = "The first date.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", converter = Converters.DateConverter.class, description = "The second date.")
    LocalDate to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        if (from.isAfter(to)) {
            throw new EntenteCli.UsageError("--from " + from + " is after --to " + to + "; expected --from <= --to");
        }
        try (Entente entente = root.open()) {
            Changes changes = subject.isDyad() ? Changes.of(entente.changes(subject.dyad(), from, to))
                    : Changes.of(subject.country(), from, to, entente.changes(subject.country(), from, to));
            java.io.PrintWriter out = root.spec.commandLine().getOut();
            out.print(format == Format.JSON ? changes.toJson() + "\n" : changes.toText());
            out.flush();
        }
        return ExitCode.SUCCESS.code();
    }
}
