package org.entente.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Actor;
import org.entente.core.text.TerminalText;
import org.entente.partnership.Portfolio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code board ACTOR}: the portfolio of a country or an organisation on a date. */
@Command(name = "board", mixinStandardHelpOptions = true,
        header = "Show a country's or an organisation's partners on a date.",
        description = {"A country's or an organisation's partners on a date: status, agreements, forces, envoys and"
                + " last fact, then its security partners, diversification and effective number of partners.",
                "A country's organisations are listed in a section of their own, with its membership;"
                + " an organisation's board lists its members and their membership first.",
                "If the store never held an event, the bundled niger-2024 seed is loaded first."},
        footerHeading = "%nExamples:%n",
        footer = {"  entente board NER --as-of 2024-04-30",
                "  entente board ECOWAS --as-of 2024-08-01",
                "  entente board NER --as-of 2024-04-30 --known-at 2024-05-01T00:00:00Z",
                "      (the store as it stood at that instant: facts recorded later are left out,",
                "      so a seed loaded after it, such as the one loaded today, shows 0 partners)",
                "  entente board NER --as-of 2024-04-30 --published-by 2024-04-25 --format json"})
final class BoardCommand implements Callable<Integer> {

    @ParentCommand
    EntenteCli root;

    @Parameters(paramLabel = "ACTOR", converter = Converters.SubjectConverter.class,
            description = "A country's ISO 3166-1 alpha-3 code, such as NER, or an organisation's acronym, such as ECOWAS.")
    Converters.Subject subject;

    @Option(names = "--as-of", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "Facts that happened on or before this date (default: today).")
    LocalDate asOf;

    @Option(names = "--known-at", paramLabel = "INSTANT", converter = Converters.InstantConverter.class,
            description = "An instant such as 2024-05-01T09:00:00Z (UTC): the store as it stood then (default: now).")
    Instant knownAt;

    @Option(names = "--published-by", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "Only facts with a source published by this date.")
    LocalDate publishedBy;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        try (Entente entente = root.open()) {
            if (subject.isDyad()) {
                throw new IllegalArgumentException("board shows one country or organisation, not the dyad " + subject.text()
                        + "; use 'timeline " + subject.text() + "' or 'diff " + subject.text() + " --from DATE --to DATE'");
            }
            // Resolved once the store is open (it may have registered the organisation), before a seed is loaded.
            Actor actor = subject.country();
            // Only a store that never held an event is filled: one that lost its events (a truncated
            // file) is refused on open, and a store emptied some other way is not taken for a new one.
            if (entente.store().isNew()) {
                int facts = SeedLoading.loadBundled(entente, "niger-2024");
                root.notice("the store at " + TerminalText.escape(root.store.toString()) + " was empty; loaded the bundled seed niger-2024 (" + facts + " facts) first");
            }
            When when = Converters.when(asOf, knownAt, publishedBy, root.clock);
            Portfolio portfolio = entente.portfolio(actor, when);
            java.io.PrintWriter out = root.spec.commandLine().getOut();
            out.print(format == Format.JSON ? portfolio.toJson(when) + "\n" : portfolio.toText(when));
            out.flush();
        }
        return ExitCode.SUCCESS.code();
    }
}
