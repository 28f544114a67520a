package org.entente.eventdata;

import java.util.Objects;
import java.util.Optional;
import org.entente.core.Actor;

/**
 * One side of a row as the readers resolved it: a country or an organisation, or the reason it has neither.
 *
 * @param actor   the country or organisation, present exactly when {@code problem} is null
 * @param problem why there is none, or null when found
 * @param detail  the words of the skip ("CAMEO country code 'WAF': West Africa: a region, not a country")
 */
record RowActor(Optional<Actor> actor, SkipReason problem, String detail) {

    RowActor {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(detail, "detail");
        if (actor.isPresent() == (problem != null)) {
            throw new IllegalArgumentException("a side has an actor exactly when it has no problem, got " + actor + " and " + problem);
        }
    }

    static RowActor of(CountryMatch m) {
        SkipReason reason = switch (m.outcome()) {
            case FOUND -> null;
            case MISSING -> SkipReason.MISSING_COUNTRY;
            case NOT_A_COUNTRY -> SkipReason.NOT_A_COUNTRY;
            case UNKNOWN -> SkipReason.UNKNOWN_COUNTRY;
            case AMBIGUOUS -> SkipReason.AMBIGUOUS_COUNTRY;
        };
        return new RowActor(m.country().map(Actor.class::cast), reason, m.describe());
    }

    static RowActor of(OrganisationMatch m) {
        SkipReason reason = switch (m.outcome()) {
            case FOUND -> null;
            case MISSING -> SkipReason.MISSING_COUNTRY;
            case UNKNOWN, UNLISTED -> SkipReason.UNKNOWN_ORGANISATION;
            case AMBIGUOUS -> SkipReason.AMBIGUOUS_ORGANISATION;
        };
        return new RowActor(m.organisation().map(Actor.class::cast), reason, m.describe());
    }

    static RowActor problem(SkipReason reason, String detail) {
        return new RowActor(Optional.empty(), Objects.requireNonNull(reason, "reason"), detail);
    }
}
