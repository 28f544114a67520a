package org.entente.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.Source;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.RelationshipState;
import org.entente.core.store.EntenteJackson;
import org.entente.core.store.EventTypeRegistry;
import org.entente.core.text.ControlCharacters;
import org.entente.core.text.TerminalText;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.timeline.DyadChanges;
import org.entente.timeline.TimelineEntry;

/**
 * Text tables for people and JSON for scripts. Recording times appear only in JSON and timelines on request.
 *
 * <p>Stored text may hold characters a terminal acts on (a store written before they were refused, or
 * written by other means): every cell of a table and every value put into a line goes through
 * {@link TerminalText#escape}, so a CR/LF cannot forge a row nor an ESC change the terminal. JSON
 * escapes them as {@code \}{@code uXXXX} too ({@link #JSON_ESCAPES}), so scripts read the exact
 * stored text back and a terminal shows the JSON as it is.
 */
final class Output {

    /** Jackson escapes C0 controls already; DEL, C1, bidirectional and separator characters are added. */
    static final CharacterEscapes JSON_ESCAPES = new CharacterEscapes() {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ControlCharacters.isControl(ch) ? new SerializedString(TerminalText.escape(String.valueOf((char) ch))) : null;
        }
    };

    private static final ObjectMapper JSON = EntenteJackson.mapper(EventTypeRegistry.standard())
            .enable(SerializationFeature.INDENT_OUTPUT);

    static {
        JSON.getFactory().setCharacterEscapes(JSON_ESCAPES);
    }

    private final PrintWriter out;

    Output(PrintWriter out) {
        this.out = out;
    }

    void json(Object value) throws Exception {
        out.println(JSON.writeValueAsString(value));
        out.flush();
    }

    void board(Portfolio p, When when) {
        Country c = p.country();
        out.println(c.name() + " (" + c.code() + ") on " + p.date() + describe(when) + ": " + p.partners().size()
                + (p.partners().size() == 1 ? " partner" : " partners"));
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PARTNER", "STATUS", "AGREEMENTS IN FORCE", "FORCES PRESENT", "ENVOYS IN POST", "LAST FACT"});
        for (Partnership partnership : p.partners()) {
            Country partner = partnership.partnerOf(c);
            rows.add(new String[] {
                partner.code() + " " + partner.name(),
                partnership.status().name(),
                orDash(partnership.agreements().stream().map(Output::agreement).collect(Collectors.joining("; "))),
                orDash(partnership.forces().stream().map(Output::forces).collect(Collectors.joining("; "))),
                orDash(partnership.envoys().stream().map(Output::envoy).collect(Collectors.joining("; "))),
                partnership.lastFact().map(f -> f.day() + " " + f.id() + " (" + f.kind().label() + ")").orElse("-")});
        }
        table(rows);
        out.println();
        if (p.securityPartners().isEmpty()) {
            out.println("Security partners: none");
        } else {
            out.println("Security partners (weight of 4): " + p.securityPartners().stream()
                    .map(s -> s.partner().code() + " " + s.partner().name() + " " + s.weight())
                    .collect(Collectors.joining(", ")));
            Portfolio.SecurityMix mix = p.mix().orElseThrow();
            out.println(String.format(Locale.ROOT, "Concentration %.2f, diversification %.2f, effective number of partners %.2f",
                    mix.concentration(), mix.diversification(), mix.effectiveNumberOfPartners()));
        }
        out.flush();
    }

    void timeline(String subject, List<TimelineEntry> entries) {
        out.println("Timeline of " + TerminalText.escape(subject) + ": " + entries.size() + (entries.size() == 1 ? " fact" : " facts"));
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"DAY", "KIND", "ACTOR", "TARGET", "FACT", "SOURCES"});
        for (TimelineEntry e : entries) {
            var f = e.fact().fact();
            String day = f.happened().toString();
            String id = f.id().value() + (e.revision() > 1 ? " (revision " + e.revision() + ")" : "")
                    + (e.retracted() ? " (retracted)" : "");
            rows.add(new String[] {day, e.fact().kind().label(), f.actor().code(), f.target().code(), id,
                    f.sources().stream().map(Output::source).collect(Collectors.joining("; "))});
        }
        table(rows);
        out.flush();
    }

    void changes(String subject, java.time.LocalDate from, java.time.LocalDate to, List<DyadChanges> changes) {
        out.println("Changes of " + TerminalText.escape(subject) + " from " + from + " to " + to + ": "
                + (changes.isEmpty() ? "none" : changes.size() + (changes.size() == 1 ? " dyad" : " dyads")));
        for (DyadChanges c : changes) {
            out.println();
            out.println(c.dyad() + ": " + (c.statusBefore() == c.statusAfter() ? "status " + c.statusAfter()
                    : "status " + c.statusBefore() + " -> " + c.statusAfter()));
            line("agreements in force", c.agreementsGained(), c.agreementsLost());
            line("forces present", c.forcesArrived(), c.forcesLeft());
            line("envoys in post", c.envoysArrived(), c.envoysLeft());
            line("sanctions in force", c.sanctionsImposed(), c.sanctionsLifted());
        }
        out.flush();
    }

    private void line(String what, List<FactId> gained, List<FactId> lost) {
        if (!gained.isEmpty()) {
            out.println("  + " + what + ": " + TerminalText.escape(gained.stream().map(FactId::value).collect(Collectors.joining(", "))));
        }
        if (!lost.isEmpty()) {
            out.println("  - " + what + ": " + TerminalText.escape(lost.stream().map(FactId::value).collect(Collectors.joining(", "))));
        }
    }

    /** Aligned columns; each cell is escaped, so that it stays on its row whatever stored text it shows. */
    private void table(List<String[]> raw) {
        List<String[]> rows = raw.stream().map(r -> java.util.Arrays.stream(r).map(TerminalText::escape).toArray(String[]::new)).toList();
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(r[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
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
