package org.entente.cli;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.core.relationship.FactKind;
import org.entente.timeline.Timeline;
import org.entente.timeline.TimelineFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code timeline COUNTRY|DYAD}: facts in happened order, with sources. */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        header = "List the facts of a country or a dyad, with their sources.",
        description = "Facts of a country (with every partner) or of a dyad, in happened order, with their sources.",
        footerHeading = "%nExamples:%n",
        footer = {"  entente timeline NER-USA",
                "  entente timeline NER --from 2024-04-01 --to 2024-04-30 \\",
                "      --kind schedule-withdrawal --kind hold-talks",
                "  entente timeline NER-TUR --format json"})
final class TimelineCommand implements Callable<Integer> {

    @ParentCommand
    EntenteCli root;

    @Parameters(paramLabel = "COUNTRY|DYAD", converter = Converters.SubjectConverter.class,
            description = "A country such as NER, or a dyad such as NER-USA.")
    Converters.Subject subject;

    @Option(names = "--from", paramLabel = "DATE", converter = Converters.DateConverter.class, description = "First day (inclusive).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = Converters.DateConverter.class, description = "Last day (inclusive).")
    LocalDate to;

    @Option(names = "--kind", paramLabel = "KIND", converter = Converters.KindConverter.class,
            description = "Only facts of this kind, such as schedule-withdrawal (repeatable).")
    List<FactKind> kinds = List.of();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        TimelineFilter filter = TimelineFilter.all();
        if (from != null) {
            filter = filter.from(from);
        }
        if (to != null) {
            filter = filter.to(to);
        }
        if (!kinds.isEmpty()) {
            Set<FactKind> only = EnumSet.copyOf(kinds);
            filter = filter.kinds(only);
        }
        try (Entente entente = root.open()) {
            Timeline timeline = subject.isDyad() ? Timeline.of(subject.dyad(), entente.timeline(subject.dyad(), filter))
                    : Timeline.of(subject.country(), entente.timeline(subject.country(), filter));
            java.io.PrintWriter out = root.spec.commandLine().getOut();
            out.print(format == Format.JSON ? timeline.toJson() + "\n" : timeline.toText());
            out.flush();
        }
        return ExitCode.SUCCESS.code();
    }
}
