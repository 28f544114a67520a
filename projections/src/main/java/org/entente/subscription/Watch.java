package org.entente.subscription;

import java.util.Objects;
import java.util.Optional;
import org.entente.core.Actor;
import org.entente.core.Dyad;

/**
 * What a subscription watches: one dyad, every dyad of one actor (a country or an organisation), or every
 * dyad in the store (including dyads recorded after the subscription started).
 */
public final class Watch {

    private static final Watch ALL = new Watch(null, null);

    private final Dyad dyad;
    private final Actor actor;

    private Watch(Dyad dyad, Actor actor) {
        this.dyad = dyad;
        this.actor = actor;
    }

    /**
     * {@return a watch of one dyad}
     *
     * @param dyad the dyad, such as {@code Dyad.parse("NER-USA")}; not null
     */
    public static Watch dyad(Dyad dyad) {
        return new Watch(Objects.requireNonNull(dyad, "dyad: give a Dyad such as Dyad.parse(\"NER-USA\")"), null);
    }

    /**
     * {@return a watch of every dyad of an actor, present and future}
     *
     * @param actor a country or organisation, such as {@code Country.of("NER")}; not null
     */
    public static Watch actor(Actor actor) {
        return new Watch(null, Objects.requireNonNull(actor, "actor: give a Country or Organisation such as Country.of(\"NER\")"));
    }

    /** {@return a watch of every dyad in the store, present and future} */
    public static Watch all() {
        return ALL;
    }

    /**
     * {@return whether this watch covers a dyad}
     *
     * @param candidate the dyad
     */
    public boolean covers(Dyad candidate) {
        if (dyad != null) {
            return dyad.equals(candidate);
        }
        return actor == null || candidate.contains(actor);
    }

    /** {@return the watched dyad, when this watches one} */
    public Optional<Dyad> singleDyad() {
        return Optional.ofNullable(dyad);
    }

    /** {@return the watched actor, when this watches an actor's dyads} */
    public Optional<Actor> actor() {
        return Optional.ofNullable(actor);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Watch w && Objects.equals(dyad, w.dyad) && Objects.equals(actor, w.actor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dyad, actor);
    }

    /** {@return "NER-USA", "NER's dyads" or "every dyad"} */
    @Override
    public String toString() {
        return dyad != null ? dyad.toString() : actor != null ? actor.code() + "'s dyads" : "every dyad";
    }
}
