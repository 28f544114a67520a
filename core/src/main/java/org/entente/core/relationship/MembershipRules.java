package org.entente.core.relationship;

import java.time.LocalDate;
import java.util.Optional;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.Organisation;
import org.entente.core.relationship.RelationshipState.AnnouncedWithdrawal;
import org.entente.core.relationship.RelationshipState.FactRef;
import org.entente.core.relationship.RelationshipState.Membership;
import org.entente.core.relationship.RelationshipState.Suspension;

/**
 * The rules of membership, as pure functions from the membership before a fact (null for none) to the
 * one after it, for {@link Fold}: each checks the fact and returns the new membership, or throws
 * {@link Fold.Violation} naming the membership facts it conflicts with.
 *
 * <p>Membership ends only with a recorded withdrawal: an announced withdrawal whose effective day has
 * passed makes {@link Membership#status} say {@code FORMER}, but the rules wait for the {@code withdraw}
 * fact (so a country re-joins after that fact, and the withdrawal on the effective day is accepted).
 * Membership facts are neither cooperative nor winding-down steps: those are about military ties.
 */
final class MembershipRules {

    private MembershipRules() {
    }

    /** The member joins: refused while it is a member (joined and not withdrawn). */
    static Membership join(Membership current, FactHeader fact) {
        Country country = country(fact, FactKind.JOIN, true);
        if (current != null && current.withdrawal().isEmpty()) {
            throw new Fold.Violation(Rule.ALREADY_A_MEMBER, country + " is already a member of " + current.organisation()
                    + " since " + current.joined() + " (joined by " + current.joining() + "); a member joins again only"
                    + " after its withdrawal is recorded");
        }
        return new Membership(country, organisation(fact.dyad()), fact.id(), day(fact), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The organisation suspends a member that is not suspended. */
    static Membership suspend(Membership current, FactHeader fact, Optional<String> scope) {
        country(fact, FactKind.SUSPEND_MEMBERSHIP, false);
        Membership m = member(current, fact, "only a member can be suspended");
        if (m.suspension().isPresent()) {
            Suspension s = m.suspension().get();
            throw new Fold.Violation(Rule.MEMBERSHIP_ALREADY_SUSPENDED, m.member() + " is already suspended from "
                    + m.organisation() + " since " + s.since() + " (suspended by " + s.suspension()
                    + "); record reinstate-membership before suspending it again");
        }
        return new Membership(m.member(), m.organisation(), m.joining(), m.joined(),
                Optional.of(new Suspension(fact.id(), day(fact), scope)), m.announcedWithdrawal(), m.withdrawal());
    }

    /** The organisation reinstates a suspended member. */
    static Membership reinstate(Membership current, FactHeader fact) {
        country(fact, FactKind.REINSTATE_MEMBERSHIP, false);
        Membership m = member(current, fact, "only a suspended member can be reinstated");
        if (m.suspension().isEmpty()) {
            throw new Fold.Violation(Rule.MEMBERSHIP_NOT_SUSPENDED, m.member() + " is not suspended from " + m.organisation()
                    + " on " + day(fact) + " (a member since " + m.joined() + ", joined by " + m.joining()
                    + "); only a suspended member can be reinstated");
        }
        return new Membership(m.member(), m.organisation(), m.joining(), m.joined(), Optional.empty(),
                m.announcedWithdrawal(), m.withdrawal());
    }

    /** A member announces its withdrawal, once, effective on or after the announcement. */
    static Membership announceWithdrawal(Membership current, FactHeader fact, LocalDate effective) {
        country(fact, FactKind.ANNOUNCE_WITHDRAWAL, true);
        if (effective.isBefore(day(fact))) {
            throw new Fold.Violation(Rule.EFFECTIVE_BEFORE_ANNOUNCEMENT, "the withdrawal's effective day " + effective
                    + " precedes its announcement on " + day(fact));
        }
        Membership m = member(current, fact, "only a member can announce its withdrawal");
        if (m.announcedWithdrawal().isPresent()) {
            AnnouncedWithdrawal a = m.announcedWithdrawal().get();
            throw new Fold.Violation(Rule.WITHDRAWAL_ALREADY_ANNOUNCED, m.member() + " already announced its withdrawal from "
                    + m.organisation() + " on " + a.announced() + " (" + a.announcement() + "), effective " + a.effective()
                    + "; a member announces its withdrawal once (correct that fact to change the effective day)");
        }
        return new Membership(m.member(), m.organisation(), m.joining(), m.joined(), m.suspension(),
                Optional.of(new AnnouncedWithdrawal(fact.id(), day(fact), effective)), m.withdrawal());
    }

    /** A member withdraws; the withdrawal ends its suspension and its announcement. */
    static Membership withdraw(Membership current, FactHeader fact) {
        country(fact, FactKind.WITHDRAW, true);
        Membership m = member(current, fact, "a member withdraws once");
        return new Membership(m.member(), m.organisation(), m.joining(), m.joined(), Optional.empty(), Optional.empty(),
                Optional.of(new FactRef(fact.id(), FactKind.WITHDRAW, day(fact))));
    }

    /** The current membership, which must have begun and not ended. */
    private static Membership member(Membership current, FactHeader fact, String rule) {
        Dyad dyad = fact.dyad();
        String country = dyad.countryOfMember().orElseThrow().code();
        String organisation = organisation(dyad).code();
        if (current == null) {
            throw new Fold.Violation(Rule.NOT_A_MEMBER, country + " is not a member of " + organisation + " on " + day(fact)
                    + " (no join recorded on or before that day); " + rule);
        }
        if (current.withdrawal().isPresent()) {
            FactRef w = current.withdrawal().get();
            throw new Fold.Violation(Rule.NOT_A_MEMBER, country + " is not a member of " + organisation + " on " + day(fact)
                    + ": it withdrew on " + w.day() + " (" + w.id() + "), after joining on " + current.joined() + " ("
                    + current.joining() + "); " + rule);
        }
        return current;
    }

    /**
     * The country of a country–organisation dyad, checking that the actor is the side that acts in
     * this kind: the country ({@code countryActs}) or the organisation.
     */
    private static Country country(FactHeader fact, FactKind kind, boolean countryActs) {
        Dyad dyad = fact.dyad();
        Optional<Country> country = dyad.countryOfMember();
        if (country.isEmpty()) {
            throw new Fold.Violation(Rule.MEMBERSHIP_NEEDS_COUNTRY_AND_ORGANISATION, kind.slug() + " is a fact between a country"
                    + " and an organisation, and " + dyad + " is two " + (dyad.involvesOrganisation() ? "organisations" : "countries"));
        }
        Actor actor = fact.actor();
        if (countryActs != actor.equals(country.get())) {
            Actor acting = countryActs ? country.get() : organisation(dyad);
            throw new Fold.Violation(Rule.MEMBERSHIP_BY_THE_WRONG_SIDE, "the " + (countryActs ? "member country" : "organisation")
                    + " is the actor of " + kind.slug() + ": " + acting + " towards " + dyad.other(acting) + ", not " + actor
                    + " towards " + fact.target());
        }
        return country.get();
    }

    private static Organisation organisation(Dyad dyad) {
        return dyad.organisationOfMember().orElseThrow();
    }

    private static LocalDate day(FactHeader fact) {
        return fact.happened().day();
    }
}
