package org.entente.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.entente.When;
import org.entente.core.Actor;
import org.entente.core.FactId;
import org.entente.core.Organisation;
import org.entente.core.Source;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.RelationshipState;
import org.entente.core.text.TerminalText;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.timeline.DyadChanges;
import org.entente.timeline.TimelineEntry;

/**
 * The aligned text tables behind the read models' {@code toText()} (and so the command line's
 * {@code board}, {@code timeline} and {@code diff}). Not API: call {@code toText()} on the read model.
 *
 * <p>Every cell of a table and every stored value put into a line goes through
 * {@link TerminalText#escape}, so that a CR or LF in stored text cannot forge a row nor an ESC act on
 * the terminal. Lines end with {@code \n}, trailing spaces stripped.
 */
public final class TextRendering {

    private TextRendering() {
    }

    /**
     * A board: heading, one row per partner, then its security partners. A country's organisations get a
     * section of their own after its countries, with its membership; an organisation's board lists its
     * members first, then its other partners.
     *
     * @param p    the portfolio
     * @param when the query, whose recording-time and publication limits the heading names; empty for none
     * @return the text, each line ending with a line feed
     */
    public static String portfolio(Portfolio p, Optional<When> when) {
        StringBuilder out = new StringBuilder();
        Actor c = p.country();
        String heading = c.name() + " (" + c.code() + ") on " + p.date() + when.map(TextRendering::describe).orElse("") + ": ";
        if (c instanceof Organisation) {
            List<Partnership> members = p.partners().stream().filter(Partnership::isMembership).toList();
            List<Partnership> others = p.partners().stream().filter(x -> !x.isMembership()).toList();
            line(out, heading + count(members.size(), "member") + ", " + count(others.size(), "other partner"));
            line(out, "");
            if (!members.isEmpty()) {
                memberTable(out, members, c, "MEMBER");
                line(out, "");
            }
            if (!others.isEmpty()) {
                partnerTable(out, others, c);
                line(out, "");
            }
        } else {
            List<Partnership> countries = p.partners().stream().filter(x -> !(x.partnerOf(c) instanceof Organisation)).toList();
            List<Partnership> organisations = p.partners().stream().filter(x -> x.partnerOf(c) instanceof Organisation).toList();
            line(out, heading + count(countries.size(), "partner")
                    + (organisations.isEmpty() ? "" : " and " + count(organisations.size(), "organisation")));
            line(out, "");
            partnerTable(out, countries, c);
            line(out, "");
            if (!organisations.isEmpty()) {
                line(out, "Organisations:");
                memberTable(out, organisations, c, "ORGANISATION");
                line(out, "");
            }
        }
        if (p.securityPartners().isEmpty()) {
            line(out, "Security partners: none");
        } else {
            line(out, "Security partners (weight of 4): " + p.securityPartners().stream()
                    .map(s -> s.partner().code() + " " + s.partner().name() + " " + s.weight())
                    .collect(Collectors.joining(", ")));
            Portfolio.SecurityMix mix = p.mix().orElseThrow();
            line(out, String.format(Locale.ROOT, "Concentration %.2f, diversification %.2f, effective number of partners %.2f",
                    mix.concentration(), mix.diversification(), mix.effectiveNumberOfPartners()));
        }
        return out.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void partnerTable(StringBuilder out, List<Partnership> partnerships, Actor c) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PARTNER", "STATUS", "AGREEMENTS IN FORCE", "FORCES PRESENT", "ENVOYS IN POST", "LAST FACT"});
        for (Partnership partnership : partnerships) {
            Actor partner = partnership.partnerOf(c);
            rows.add(new String[] {
                partner.code() + " " + partner.name(),
                partnership.status().name(),
                agreements(partnership),
                forces(partnership),
                envoys(partnership),
                partnership.lastFact().map(TextRendering::factRef).orElse("-")});
        }
        table(out, rows);
    }

    /** Country–organisation partnerships with their membership: a country's organisations, an organisation's members. */
    private static void memberTable(StringBuilder out, List<Partnership> partnerships, Actor c, String first) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {first, "MEMBERSHIP", "STATUS", "AGREEMENTS IN FORCE", "FORCES PRESENT", "SANCTIONS IN FORCE", "LAST FACT"});
        for (Partnership partnership : partnerships) {
            Actor partner = partnership.partnerOf(c);
            rows.add(new String[] {
                partner.code() + " " + partner.name(),
                membership(partnership),
                partnership.status().name(),
                agreements(partnership),
                forces(partnership),
                orDash(partnership.sanctions().stream()
                        .map(s -> s.imposer().code() + " on " + s.target().code() + " since " + s.since())
                        .collect(Collectors.joining("; "))),
                partnership.lastFact().map(TextRendering::factRef).orElse("-")});
        }
        table(out, rows);
    }

    /**
     * An organisation's members or a country's memberships: heading, then one row each.
     *
     * @param m    the memberships
     * @param when the query, whose recording-time and publication limits the heading names; empty for none
     * @return the text, each line ending with a line feed
     */
    public static String memberships(org.entente.partnership.Memberships m, Optional<When> when) {
        StringBuilder out = new StringBuilder();
        Actor subject = m.subject();
        boolean ofOrganisation = subject instanceof Organisation;
        line(out, subject.name() + " (" + subject.code() + ") on " + m.date() + when.map(TextRendering::describe).orElse("") + ": "
                + count(m.entries().size(), ofOrganisation ? "member" : "membership"));
        line(out, "");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {ofOrganisation ? "MEMBER" : "ORGANISATION", "MEMBERSHIP", "STATUS", "LAST FACT"});
        for (Partnership p : m.entries()) {
            Actor other = p.partnerOf(subject);
            rows.add(new String[] {other.code() + " " + other.name(), membership(p), p.status().name(),
                p.lastFact().map(TextRendering::factRef).orElse("-")});
        }
        table(out, rows);
        return out.toString();
    }

    /** {@code WITHDRAWING (joined 1975-05-28; suspended since 2023-12-10; leaving on 2025-01-29)}, or {@code -}. */
    static String membership(Partnership p) {
        RelationshipState.MembershipStatus status = p.membershipStatus();
        if (p.membership().isEmpty() || status == RelationshipState.MembershipStatus.NONE) {
            return "-";
        }
        RelationshipState.Membership m = p.membership().get();
        List<String> details = new ArrayList<>();
        details.add("joined " + m.joined());
        if (status != RelationshipState.MembershipStatus.FORMER) {
            m.suspendedSince().ifPresent(d -> details.add("suspended since " + d));
        }
        m.announcedWithdrawal().ifPresent(a -> details.add(
                (status == RelationshipState.MembershipStatus.FORMER ? "left on " : "leaving on ") + a.effective()));
        m.withdrawn().ifPresent(d -> details.add("withdrew on " + d));
        return status.name() + " (" + String.join("; ", details) + ")";
    }

    /**
     * One partnership: a heading line, then one aligned row per aspect.
     *
     * @param p the partnership
     * @return the text, each line ending with a line feed
     */
    public static String partnership(Partnership p) {
        StringBuilder out = new StringBuilder();
        line(out, p.dyad() + " on " + p.date() + ": " + p.status().name());
        line(out, "");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"relations", p.relations().status().name().toLowerCase(Locale.ROOT)
                + p.relations().since().map(d -> " since " + d).orElse("")});
        rows.add(new String[] {"representation", p.representation().stream()
                .map(r -> r.sender().code() + " in " + r.host().code() + ": " + r.level().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining("; "))});
        rows.add(new String[] {"agreements in force", agreements(p)});
        rows.add(new String[] {"forces present", forces(p)});
        rows.add(new String[] {"envoys in post", envoys(p)});
        rows.add(new String[] {"sanctions in force", orDash(p.sanctions().stream()
                .map(s -> s.imposer().code() + " on " + s.target().code() + " since " + s.since() + " (" + s.description() + ")")
                .collect(Collectors.joining("; ")))});
        rows.add(new String[] {"last contact", p.lastContact().map(TextRendering::factRef).orElse("-")});
        rows.add(new String[] {"last fact", p.lastFact().map(TextRendering::factRef).orElse("-")});
        rows.add(new String[] {"temperature", String.format(Locale.ROOT, "%.2f, %s", p.temperature(),
                p.trend().name().toLowerCase(Locale.ROOT))});
        rows.add(new String[] {"security weight", p.securityWeight() + " of 4"});
        if (p.membership().isPresent()) {
            rows.add(new String[] {"membership", membership(p)});
        }
        rows.add(new String[] {"facts", Integer.toString(p.facts())});
        table(out, rows);
        return out.toString();
    }

    /**
     * A timeline: heading, then one row per fact with its sources.
     *
     * @param subject the country or dyad, as the heading names it
     * @param entries the facts
     * @return the text, each line ending with a line feed
     */
    public static String timeline(String subject, List<TimelineEntry> entries) {
        StringBuilder out = new StringBuilder();
        line(out, "Timeline of " + TerminalText.escape(subject) + ": " + entries.size() + (entries.size() == 1 ? " fact" : " facts"));
        line(out, "");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"DAY", "KIND", "ACTOR", "TARGET", "FACT", "SOURCES"});
        for (TimelineEntry e : entries) {
            String id = e.id().value() + (e.revision() > 1 ? " (revision " + e.revision() + ")" : "")
                    + (e.retracted() ? " (retracted)" : "");
            rows.add(new String[] {e.happened().toString(), e.kind().label(), e.actor().code(), e.target().code(), id,
                e.sources().stream().map(TextRendering::source).collect(Collectors.joining("; "))});
        }
        table(out, rows);
        return out.toString();
    }

    /**
     * The changes of a country or a dyad between two dates: heading, then each dyad's block.
     *
     * @param subject the country or dyad, as the heading names it
     * @param from    the first date
     * @param to      the second date
     * @param changes the dyads that changed
     * @return the text, each line ending with a line feed
     */
    public static String changes(String subject, LocalDate from, LocalDate to, List<DyadChanges> changes) {
        StringBuilder out = new StringBuilder();
        line(out, "Changes of " + TerminalText.escape(subject) + " from " + from + " to " + to + ": "
                + (changes.isEmpty() ? "none" : changes.size() + (changes.size() == 1 ? " dyad" : " dyads")));
        for (DyadChanges c : changes) {
            line(out, "");
            out.append(dyadChanges(c));
        }
        return out.toString();
    }

    /**
     * One dyad's changes: its status line, then a line per kind of tie gained ({@code +}) or lost ({@code -}).
     *
     * @param c the changes
     * @return the text, each line ending with a line feed
     */
    public static String dyadChanges(DyadChanges c) {
        StringBuilder out = new StringBuilder();
        line(out, c.dyad() + ": " + (c.statusBefore() == c.statusAfter() ? "status " + c.statusAfter()
                : "status " + c.statusBefore() + " -> " + c.statusAfter()));
        changeLine(out, "agreements in force", c.agreementsGained(), c.agreementsLost());
        changeLine(out, "forces present", c.forcesArrived(), c.forcesLeft());
        changeLine(out, "envoys in post", c.envoysArrived(), c.envoysLeft());
        changeLine(out, "sanctions in force", c.sanctionsImposed(), c.sanctionsLifted());
        return out.toString();
    }

    /**
     * Fact ids joined with commas and escaped for a terminal: {@code usa-forces-niamey, usa-forces-agadez}.
     *
     * @param ids the ids
     * @return the list, empty for none
     */
    public static String ids(List<FactId> ids) {
        return TerminalText.escape(ids.stream().map(FactId::value).collect(Collectors.joining(", ")));
    }

    private static void changeLine(StringBuilder out, String what, List<FactId> gained, List<FactId> lost) {
        if (!gained.isEmpty()) {
            line(out, "  + " + what + ": " + ids(gained));
        }
        if (!lost.isEmpty()) {
            line(out, "  - " + what + ": " + ids(lost));
        }
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append('\n');
    }

    /** Aligned columns, two spaces apart; each cell is escaped, so that it stays on its row whatever stored text it shows. */
    private static void table(StringBuilder out, List<String[]> raw) {
        List<String[]> rows = raw.stream().map(r -> Arrays.stream(r).map(TerminalText::escape).toArray(String[]::new)).toList();
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                row.append(r[i]);
                if (i < columns - 1) {
                    row.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            line(out, row.toString().stripTrailing());
        }
    }

    private static String describe(When when) {
        StringBuilder s = new StringBuilder();
        when.knownAt().ifPresent(i -> s.append(", as known at ").append(i));
        when.publishedBy().ifPresent(d -> s.append(", from sources published by ").append(d));
        return s.toString();
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    private static String factRef(RelationshipState.FactRef f) {
        return f.day() + " " + f.id() + " (" + f.kind().label() + ")";
    }

    private static String agreements(Partnership p) {
        return orDash(p.agreements().stream().map(TextRendering::agreement).collect(Collectors.joining("; ")));
    }

    private static String forces(Partnership p) {
        return orDash(p.forces().stream().map(TextRendering::forces).collect(Collectors.joining("; ")));
    }

    private static String envoys(Partnership p) {
        return orDash(p.envoys().stream().map(TextRendering::envoy).collect(Collectors.joining("; ")));
    }

    private static String agreement(RelationshipState.Agreement a) {
        return a.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " since " + a.signed().getYear()
                + a.title().map(t -> " (" + t + ")").orElse("");
    }

    private static String forces(RelationshipState.Forces f) {
        String where = f.bases().isEmpty() ? f.location().orElse(f.host().code()) : String.join(", ", f.bases());
        String size = f.size().map(s -> " ~" + s).orElse("");
        String withdrawal = f.withdrawal().map(w -> ", withdrawing" + w.deadline().map(d -> " by " + d).orElse("")).orElse("");
        return f.owner().code() + size + " at " + where + withdrawal;
    }

    private static String envoy(RelationshipState.Envoy e) {
        String role = e.role() == EnvoyRole.DEFENCE_ATTACHE ? "defence attaché"
                : e.role() == EnvoyRole.AMBASSADOR ? "ambassador" : "chargé d'affaires";
        String who = e.rank().map(r -> r + " ").orElse("") + e.name().orElse("");
        return e.sender().code() + " " + role + (who.isBlank() ? "" : " " + who.strip());
    }

    private static String source(Source s) {
        String label = s.publisher().orElse(s.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        return label + s.published().map(d -> " " + d).orElse("");
    }
}
