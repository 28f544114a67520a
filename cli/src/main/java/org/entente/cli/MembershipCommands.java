package org.entente.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Organisation;
import org.entente.partnership.Memberships;
import org.entente.partnership.Partnership;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code members ORGANISATION} and {@code memberships COUNTRY}: who belongs to what on a date. */
final class MembershipCommands {

    private MembershipCommands() {
    }

    /** The options both commands take: the date, the knowledge and publication limits, the format. */
    abstract static class Query implements Callable<Integer> {
        @ParentCommand
        EntenteCli root;

        @Option(names = "--as-of", paramLabel = "DATE", converter = Converters.DateConverter.class,
                description = "Memberships on this date (default: today).")
        LocalDate asOf;

        @Option(names = "--known-at", paramLabel = "INSTANT", converter = Converters.InstantConverter.class,
                description = "An instant such as 2024-05-01T09:00:00Z (UTC): the store as it stood then (default: now).")
        Instant knownAt;

        @Option(names = "--published-by", paramLabel = "DATE", converter = Converters.DateConverter.class,
                description = "Only facts with a source published by this date.")
        LocalDate publishedBy;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        abstract Converters.Subject subject();

        abstract List<Partnership> answer(Entente entente, Actor subject, When when);

        @Override
        public Integer call() {
            if (subject().isDyad()) {
                throw new IllegalArgumentException(subject().text() + " is a dyad; give one organisation (members) or one country (memberships)");
            }
            try (Entente entente = root.open()) {
                Actor actor = subject().country();
                When when = Converters.when(asOf, knownAt, publishedBy, root.clock);
                Memberships m = Memberships.of(actor, when.date(), answer(entente, actor, when));
                PrintWriter out = root.spec.commandLine().getOut();
                out.print(format == Format.JSON ? m.toJson(when) + "\n" : m.toText(when));
                out.flush();
            }
            return ExitCode.SUCCESS.code();
        }
    }

    @Command(name = "members", mixinStandardHelpOptions = true,
            header = "Show an organisation's members on a date.",
            description = {"The countries that are members of an organisation on a date (MEMBER, SUSPENDED or"
                    + " WITHDRAWING), each with when it joined, a suspension and an announced withdrawal."},
            footerHeading = "%nExamples:%n",
            footer = {"  entente members ECOWAS --as-of 2024-08-01",
                    "  entente members AES --as-of 2024-08-01 --format json"})
    static final class Members extends Query {
        @Parameters(paramLabel = "ORGANISATION", converter = Converters.SubjectConverter.class,
                description = "An organisation's acronym, such as ECOWAS, or a registered one.")
        Converters.Subject organisation;

        @Override
        Converters.Subject subject() {
            return organisation;
        }

        @Override
        List<Partnership> answer(Entente entente, Actor subject, When when) {
            if (!(subject instanceof Organisation o)) {
                throw new IllegalArgumentException(subject.code() + " (" + subject.name() + ") is a country; members lists an"
                        + " organisation's members, such as 'members ECOWAS'; a country's organisations are 'memberships " + subject.code() + "'");
            }
            return entente.members(o, when);
        }
    }

    @Command(name = "memberships", mixinStandardHelpOptions = true,
            header = "Show a country's memberships of organisations on a date.",
            description = {"Every organisation a country is a member of, suspended from, withdrawing from or a former"
                    + " member of on a date."},
            footerHeading = "%nExamples:%n",
            footer = {"  entente memberships NER --as-of 2024-08-01",
                    "  entente memberships MLI --as-of 2025-03-01 --format json"})
    static final class CountryMemberships extends Query {
        @Parameters(paramLabel = "COUNTRY", converter = Converters.SubjectConverter.class,
                description = "A country's ISO 3166-1 alpha-3 code, such as NER.")
        Converters.Subject country;

        @Override
        Converters.Subject subject() {
            return country;
        }

        @Override
        List<Partnership> answer(Entente entente, Actor subject, When when) {
            if (!(subject instanceof Country c)) {
                throw new IllegalArgumentException(subject.code() + " (" + subject.name() + ") is an organisation; memberships lists a"
                        + " country's organisations, such as 'memberships NER'; an organisation's members are 'members "
                        + ((Organisation) subject).acronym() + "'");
            }
            return entente.memberships(c, when);
        }
    }
}
