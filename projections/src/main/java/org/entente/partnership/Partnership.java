package org.entente.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.internal.Require;
import org.entente.core.relationship.RelationshipState;
import org.entente.core.relationship.RelationshipState.Agreement;
import org.entente.core.relationship.RelationshipState.Envoy;
import org.entente.core.relationship.RelationshipState.FactRef;
import org.entente.core.relationship.RelationshipState.Forces;
import org.entente.core.relationship.RelationshipState.Sanctions;

/**
 * The state of a dyad's partnership on a date, as known at a time. Immutable.
 *
 * <pre>{@code
 * Partnership p = entente.partnership(Dyad.of(NER, USA), When.asOf(LocalDate.of(2024, 4, 30)));
 * p.status();          // WINDING_DOWN
 * p.forcesPresent();   // the two US stationings
 * }</pre>
 *
 * @param dyad           the two actors (countries or organisations)
 * @param date           the date the partnership is given for (facts on or before it)
 * @param status         the status (see {@link Status})
 * @param relations      diplomatic relations
 * @param representation each side's head of mission in the other (first → second, then second → first)
 * @param envoys         envoys in post, either direction
 * @param agreements     agreements in force, of any kind
 * @param forces         foreign forces present, either direction
 * @param withdrawals    forces present whose withdrawal is scheduled (deadline, bases handed over)
 * @param sanctions      sanctions in force, either direction
 * @param lastContact    the last talks or interaction on or before the date
 * @param lastFact       the last fact on or before the date
 * @param temperature    the decayed sum of fact weights (see {@link Definitions})
 * @param trend          the sign of the temperature's change over 90 days
 * @param securityWeight how many of the four security elements the dyad has (0 to 4)
 * @param facts          how many facts the partnership is built from
 * @param membership     a country–organisation dyad's membership record (see {@link #membershipStatus()});
 *                       empty for other dyads and when no membership fact is recorded
 */
public record Partnership(
        Dyad dyad,
        LocalDate date,
        Status status,
        RelationshipState.Relations relations,
        List<Representation> representation,
        List<Envoy> envoys,
        List<Agreement> agreements,
        List<Forces> forces,
        List<Forces> withdrawals,
        List<Sanctions> sanctions,
        Optional<FactRef> lastContact,
        Optional<FactRef> lastFact,
        double temperature,
        Trend trend,
        int securityWeight,
        int facts,
        Optional<RelationshipState.Membership> membership) {

    /**
     * A partnership with no membership record, as dyads of two countries have; see the record's components.
     *
     * @param dyad           the two actors
     * @param date           the date
     * @param status         the status
     * @param relations      diplomatic relations
     * @param representation each side's head of mission in the other
     * @param envoys         envoys in post
     * @param agreements     agreements in force
     * @param forces         foreign forces present
     * @param withdrawals    forces present whose withdrawal is scheduled
     * @param sanctions      sanctions in force
     * @param lastContact    the last talks or interaction
     * @param lastFact       the last fact
     * @param temperature    the temperature
     * @param trend          the trend
     * @param securityWeight the security weight, 0 to 4
     * @param facts          how many facts
     */
    public Partnership(Dyad dyad, LocalDate date, Status status, RelationshipState.Relations relations,
                       List<Representation> representation, List<Envoy> envoys, List<Agreement> agreements,
                       List<Forces> forces, List<Forces> withdrawals, List<Sanctions> sanctions,
                       Optional<FactRef> lastContact, Optional<FactRef> lastFact, double temperature, Trend trend,
                       int securityWeight, int facts) {
        this(dyad, date, status, relations, representation, envoys, agreements, forces, withdrawals, sanctions,
                lastContact, lastFact, temperature, trend, securityWeight, facts, Optional.empty());
    }

    /**
     * {@return where the country stands in the organisation on the partnership's date: {@code MEMBER},
     * {@code SUSPENDED}, {@code WITHDRAWING}, {@code FORMER}, or {@code NONE} when no membership is recorded
     * (always for two countries or two organisations)}
     */
    public RelationshipState.MembershipStatus membershipStatus() {
        return membership.map(m -> m.status(date)).orElse(RelationshipState.MembershipStatus.NONE);
    }

    /** {@return whether the country is a member on the date: {@code MEMBER}, {@code SUSPENDED} or {@code WITHDRAWING}} */
    public boolean isMembership() {
        RelationshipState.MembershipStatus s = membershipStatus();
        return s == RelationshipState.MembershipStatus.MEMBER || s == RelationshipState.MembershipStatus.SUSPENDED
                || s == RelationshipState.MembershipStatus.WITHDRAWING;
    }

    /**
     * The {@code format} of {@link #toJson()}: {@value}. Fields may be added within a version, never
     * removed or renamed.
     */
    public static final String JSON_FORMAT = "entente-partnership/1";

    /**
     * Creates the record, checking its components.
     *
     * @param dyad the two actors (countries or organisations)
     * @param date the date the partnership is given for (facts on or before it)
     * @param status the status (see {@link Status})
     * @param relations diplomatic relations
     * @param representation each side's head of mission in the other (first → second, then second → first)
     * @param envoys envoys in post, either direction
     * @param agreements agreements in force, of any kind
     * @param forces foreign forces present, either direction
     * @param withdrawals forces present whose withdrawal is scheduled (deadline, bases handed over)
     * @param sanctions sanctions in force, either direction
     * @param lastContact the last talks or interaction on or before the date
     * @param lastFact the last fact on or before the date
     * @param temperature the decayed sum of fact weights (see {@link Definitions})
     * @param trend the sign of the temperature's change over 90 days
     * @param securityWeight how many of the four security elements the dyad has (0 to 4)
     * @param facts how many facts the partnership is built from
     * @param membership a country–organisation dyad's membership record, empty for none
     */
    public Partnership {
        Require.nonNull(membership, "membership", "Optional.empty() for none");
        Require.nonNull(dyad, "dyad", "Dyad.of(a, b), such as Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        Require.nonNull(status, "status", "a Status such as Status.NONE");
        Require.nonNull(relations, "relations", "the dyad's RelationshipState.Relations");
        Require.nonNull(lastContact, "lastContact", "Optional.empty() for none");
        Require.nonNull(lastFact, "lastFact", "Optional.empty() for none");
        Require.nonNull(trend, "trend", "a Trend such as Trend.of(0.0)");
        representation = List.copyOf(Require.nonNull(representation, "representation", "a list, empty for none"));
        envoys = List.copyOf(Require.nonNull(envoys, "envoys", "a list, empty for none"));
        agreements = List.copyOf(Require.nonNull(agreements, "agreements", "a list, empty for none"));
        forces = List.copyOf(Require.nonNull(forces, "forces", "a list, empty for none"));
        withdrawals = List.copyOf(Require.nonNull(withdrawals, "withdrawals", "a list, empty for none"));
        sanctions = List.copyOf(Require.nonNull(sanctions, "sanctions", "a list, empty for none"));
    }

    /**
     * One side's head of mission in the other.
     *
     * @param sender the country represented
     * @param host   where
     * @param level  ambassador, chargé d'affaires or none
     */
    public record Representation(Actor sender, Actor host, RepresentationLevel level) {
        /**
         * Checks the components.
         *
         * @param sender the country represented
         * @param host   where
         * @param level  ambassador, chargé d'affaires or none
         */
        public Representation {
            Require.nonNull(sender, "sender", "the country represented, such as Country.of(\"TUR\")");
            Require.nonNull(host, "host", "the country it is represented in, such as Country.of(\"NER\")");
            Require.nonNull(level, "level", "a RepresentationLevel (NONE when it has no head of mission there)");
        }
    }

    /**
     * {@return whether the dyad has military ties on the date (a military agreement in force or forces present)}
     */
    public boolean hasMilitaryTies() {
        return !forces.isEmpty() || agreements.stream().anyMatch(a -> a.kind().isMilitary());
    }

    /**
     * {@return the partner of a country in this dyad}
     *
     * @param country one of the dyad's two countries
     */
    public Actor partnerOf(Actor country) {
        Require.nonNull(country, "country", "one of the dyad's countries, " + dyad.first() + " or " + dyad.second());
        return dyad.other(country);
    }

    /**
     * The partnership as aligned text, for people: a heading, then one row per aspect. Stored text is
     * escaped for a terminal ({@link org.entente.core.text.TerminalText}).
     *
     * <pre>
     * NER-USA on 2024-04-30: WINDING_DOWN
     *
     * relations            presumed
     * representation       NER in USA: none; USA in NER: none
     * agreements in force  -
     * forces present       USA ~100 at Air Base 101, withdrawing; USA at Air Base 201, withdrawing
     * ...
     * </pre>
     *
     * @return the text, each line ending with a line feed
     */
    public String toText() {
        return org.entente.internal.TextRendering.partnership(this);
    }

    /**
     * The partnership as JSON, for programs: an object whose first field is {@code "format": "entente-partnership/1"},
     * then {@code dyad}, {@code date}, {@code status}, {@code relations}, {@code representation}, {@code envoys},
     * {@code agreements}, {@code forces}, {@code withdrawals}, {@code sanctions}, {@code lastContact},
     * {@code lastFact}, {@code temperature}, {@code trend}, {@code securityWeight} and {@code facts}, named as
     * this record's components (absent optional values left out). The README's "Rendering" section lists every field.
     *
     * @return indented JSON; control characters in stored text are written as {@code \}{@code uXXXX} escapes
     */
    public String toJson() {
        return org.entente.internal.JsonRendering.write(org.entente.internal.JsonRendering.partnership(JSON_FORMAT, this));
    }

    /**
     * One short line: {@code NER-USA on 2024-04-30: WINDING_DOWN, security weight 1, 7 facts, last fact 2024-04-19 usa-schedule}.
     */
    @Override
    public String toString() {
        return dyad + " on " + date + ": " + status + ", security weight " + securityWeight + ", " + facts
                + (facts == 1 ? " fact" : " facts")
                + lastFact.map(f -> ", last fact " + f.day() + " " + org.entente.core.text.TerminalText.escape(f.id().value())).orElse("");
    }

    /**
     * Builds the read model from a state; used by Entente's projections and simulations.
     *
     * @param state the dyad's state after every fact on or before the date
     * @param date the day the partnership is given for
     * @param windowDays the status and pledge window's length in days (180 by default)
     * @param temperature the decayed sum of fact weights on the date, unrounded (see {@link Definitions})
     * @param temperatureBefore the same sum {@value Definitions#TREND_DAYS} days before, for the trend
     * @return the partnership on the date, temperature rounded to three decimals
     */
    public static Partnership of(RelationshipState state, LocalDate date, int windowDays, double temperature,
                                 double temperatureBefore) {
        Require.nonNull(state, "state", "the RelationshipState of a dyad, such as entente.history(dyad).get().state()");
        Require.nonNull(date, "date", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        Dyad dyad = state.dyad();
        List<Representation> representation = List.of(
                representation(state, dyad.first(), dyad.second()),
                representation(state, dyad.second(), dyad.first()));
        List<Forces> present = state.forcesPresent();
        List<Forces> withdrawing = present.stream().filter(f -> f.withdrawal().isPresent()).toList();
        return new Partnership(dyad, date, Definitions.status(state, date, windowDays), state.relations(),
                representation, state.envoys(), state.agreementsInForce(), present, withdrawing,
                state.sanctionsInForce(), state.lastContact(), state.lastFact(), round(temperature),
                Trend.of(temperature - temperatureBefore), Definitions.securityWeight(state, date, windowDays),
                state.factCount(), state.membership());
    }

    private static Representation representation(RelationshipState state, Actor sender, Actor host) {
        RepresentationLevel level = state.envoy(sender, org.entente.core.relationship.EnvoyRole.AMBASSADOR).isPresent()
                ? RepresentationLevel.AMBASSADOR
                : state.envoy(sender, org.entente.core.relationship.EnvoyRole.CHARGE_D_AFFAIRES).isPresent()
                ? RepresentationLevel.CHARGE_D_AFFAIRES : RepresentationLevel.NONE;
        return new Representation(sender, host, level);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
