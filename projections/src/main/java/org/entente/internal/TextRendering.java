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
     * A country's board: heading, one row per partner, then its security partners.
     *
     * @param p    the portfolio
     * @param when the query, whose recording-time and publication limits the heading names; empty for none
     * @return the text, each line ending with a line feed
     */
    public static String portfolio(Portfolio p, Optional<When> when) {
        StringBuilder out = new StringBuilder();
        Actor c = p.country();
        line(out, c.name() + " (" + c.code() + ") on " + p.date() + when.map(TextRendering::describe).orElse("") + ": "
                + p.partners().size() + (p.partners().size() == 1 ? " partner" : " partners"));
        line(out, "");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PARTNER", "STATUS", "AGREEMENTS IN FORCE", "FORCES PRESENT", "ENVOYS IN POST", "LAST FACT"});
        for (Partnership partnership : p.partners()) {
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
        line(out, "");
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
