package org.entente.testing;

import org.entente.core.Actor;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipState.Forces;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;

/** How the kit prints state and facts in failure messages: one place, so every message reads alike. */
final class Render {

    private Render() {
    }

    /** {@code "2024-04-19 USA -> NER schedule withdrawal (usa-schedule)"}. */
    static String fact(FactEvent e) {
        return e.fact().happened() + " " + e.fact().actor().code() + " -> " + e.fact().target().code() + " "
                + e.kind().label() + " (" + e.fact().id() + ")";
    }

    /** The facts on or before a date, one indented line each, or a line saying there are none. */
    static String factsUpTo(List<FactEvent> facts, LocalDate date) {
        List<FactEvent> upTo = facts.stream().filter(f -> !f.fact().happened().day().isAfter(date)).toList();
        if (upTo.isEmpty()) {
            return "  (none)";
        }
        return upTo.stream().map(f -> "  " + fact(f)).collect(Collectors.joining("\n"));
    }

    /** A one-line summary of a partnership: status, ties and weight. */
    static String partnership(Partnership p) {
        return p.status() + " (security weight " + p.securityWeight()
                + ", forces " + forces(p.forces())
                + ", agreements in force " + p.agreements().stream().map(a -> a.signing().value()).toList()
                + ", envoys " + p.envoys().stream().map(e -> e.sender().code() + " " + e.role().name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList()
                + ")";
    }

    /** {@code "[usa-forces-niamey (USA, withdrawal deadline 2024-09-15)]"}. */
    static String forces(List<Forces> forces) {
        return forces.stream().map(f -> f.stationing() + " (" + f.owner().code() + ", " + withdrawal(f) + ")").toList().toString();
    }

    static String withdrawal(Forces f) {
        return f.withdrawal()
                .map(w -> "withdrawal scheduled on " + w.scheduledOn()
                        + w.deadline().map(d -> ", deadline " + d).orElse(", no deadline"))
                .orElse("no withdrawal scheduled");
    }

    /** {@code "TUR 2, CHN 1, RUS 1, USA 1"}, or {@code "none"}. */
    static String securityPartners(Portfolio p) {
        if (p.securityPartners().isEmpty()) {
            return "none";
        }
        return p.securityPartners().stream().map(s -> s.partner().code() + " " + s.weight()).collect(Collectors.joining(", "));
    }

    /** {@code "concentration 0.28, diversification 0.72, effective number of partners 3.57"}, or a line saying there is none. */
    static String mix(Portfolio p) {
        return p.mix().map(m -> "concentration " + number(m.concentration()) + ", diversification " + number(m.diversification())
                        + ", effective number of partners " + number(m.effectiveNumberOfPartners()))
                .orElse("no security partners, so no concentration");
    }

    /** Every partner with its status, one indented line each. */
    static String partners(Portfolio p) {
        if (p.partners().isEmpty()) {
            return "  (no partner)";
        }
        return p.partners().stream()
                .map(x -> "  " + x.partnerOf(p.country()).code() + " " + x.status() + ", security weight " + x.securityWeight())
                .collect(Collectors.joining("\n"));
    }

    static String where(Actor country, LocalDate date) {
        return country.code() + " on " + date;
    }

    static String number(double v) {
        // Four decimals, trailing zeros trimmed down to two: 0.28, 0.72, 3.5714.
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0{1,2}$", "");
    }

    static String number(Optional<Double> v) {
        return v.map(Render::number).orElse("none");
    }
}
