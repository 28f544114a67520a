package org.entente.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.entente.core.Source;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipState;
import org.entente.core.store.EntenteJackson;
import org.entente.core.store.EventTypeRegistry;
import org.entente.core.text.ControlCharacters;
import org.entente.partnership.Partnership;

/**
 * The words the page shows for stored values: the board's cells, a fact's own fields, a source. Plain
 * text, not yet escaped for HTML ({@link Html} does that); control and bidirectional characters are
 * already shown as visible {@code \}{@code uXXXX} so that they can neither hide nor reorder text.
 */
final class ReportText {

    private static final ObjectMapper EVENTS = EntenteJackson.mapper(EventTypeRegistry.standard());

    private ReportText() {
    }

    /**
     * Stored text made visible: every character {@link ControlCharacters} lists (and an unpaired surrogate)
     * becomes {@code \}{@code uXXXX}; a line feed is kept only when {@code multiline}.
     */
    static String visible(String text, boolean multiline) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || ControlCharacters.isControl(c) && !(multiline && c == '\n')) {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** One line of stored text, made visible. */
    static String line(String text) {
        return visible(text, false);
    }

    /** {@code "-"} for an empty list of words. */
    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    static String agreements(Partnership p) {
        return orDash(p.agreements().stream().map(a -> a.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " since " + a.signed().getYear() + a.title().map(t -> " (" + line(t) + ")").orElse(""))
                .collect(Collectors.joining("; ")));
    }

    static String forces(Partnership p) {
        return orDash(p.forces().stream().map(ReportText::forces).collect(Collectors.joining("; ")));
    }

    private static String forces(RelationshipState.Forces f) {
        String where = f.bases().isEmpty() ? f.location().map(ReportText::line).orElse(f.host().code())
                : f.bases().stream().map(ReportText::line).collect(Collectors.joining(", "));
        String size = f.size().map(s -> " ~" + s).orElse("");
        String withdrawal = f.withdrawal().map(w -> ", withdrawing" + w.deadline().map(d -> " by " + d).orElse("")).orElse("");
        return f.owner().code() + size + " at " + where + withdrawal;
    }

    static String envoys(Partnership p) {
        return orDash(p.envoys().stream().map(e -> {
            String role = e.role() == EnvoyRole.DEFENCE_ATTACHE ? "defence attaché"
                    : e.role() == EnvoyRole.AMBASSADOR ? "ambassador" : "chargé d'affaires";
            String who = (e.rank().map(r -> line(r) + " ").orElse("") + e.name().map(ReportText::line).orElse("")).strip();
            return e.sender().code() + " " + role + (who.isEmpty() ? "" : " " + who);
        }).collect(Collectors.joining("; ")));
    }

    static String lastFact(Partnership p) {
        return p.lastFact().map(f -> f.day() + " " + f.id().value() + " (" + f.kind().label() + ")").orElse("-");
    }

    /** A source in one line: publisher (or kind), title, publication day, kind and confidence. */
    static String source(Source s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.publisher().map(ReportText::line).orElse(words(s.kind().name())));
        s.title().ifPresent(t -> parts.add("\u201c" + line(t) + "\u201d"));
        parts.add(s.published().map(d -> "published " + d).orElse("no publication date"));
        parts.add(words(s.kind().name()) + ", " + words(s.confidence().name()));
        return String.join(", ", parts);
    }

    /** {@code WINDING_DOWN} as {@code winding down}. */
    static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * A fact's own fields beyond its header, as its stored event names them ({@code agreementKind:
     * STATUS_OF_FORCES; title: ...}), every kind present and future; empty when it has none.
     */
    static String details(FactEvent fact) {
        JsonNode all = EVENTS.valueToTree(fact);
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : all.properties()) {
            if (field.getKey().equals("@type") || field.getKey().equals("fact")) {
                continue;
            }
            String value = scalar(field.getValue());
            if (!value.isEmpty()) {
                parts.add(field.getKey() + ": " + value);
            }
        }
        return line(String.join("; ", parts));
    }

    private static String scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> {
                String s = scalar(n);
                if (!s.isEmpty()) {
                    items.add(s);
                }
            });
            return String.join(", ", items);
        }
        if (node.isObject()) {
            List<String> items = new ArrayList<>();
            node.properties().forEach(e -> {
                String s = scalar(e.getValue());
                if (!s.isEmpty()) {
                    items.add(e.getKey() + " " + s);
                }
            });
            return String.join(", ", items);
        }
        return node.asText();
    }
}
