package org.entente.core;

import java.util.Optional;
import org.entente.core.internal.Require;
import org.entente.core.text.TerminalText;

/**
 * An unordered pair of distinct actors: the unit whose relationship Entente keeps. An actor is a
 * {@link Country} or an {@link Organisation}, so a dyad is two countries ({@code NER-USA}), a country and
 * an organisation ({@code NER-ORG:ECOWAS}) or two organisations ({@code ORG:AU-ORG:EU}).
 *
 * <p>{@code Dyad.of(USA, NER).equals(Dyad.of(NER, USA))}; the canonical id puts the codes in
 * alphabetical order ({@code "NER-USA"}), countries before organisations, so a country comes first in a
 * country–organisation dyad ({@code "SEN-ORG:ECOWAS"}, although {@code "ORG:"} sorts before {@code "SEN"}). Every fact inside a dyad still has a direction (who acted,
 * towards whom).
 */
public final class Dyad implements Comparable<Dyad> {

    private final Actor first;
    private final Actor second;

    private Dyad(Actor first, Actor second) {
        this.first = first;
        this.second = second;
    }

    /**
     * {@return the dyad of two distinct actors, in either order}
     *
     * @param a one actor: a country or an organisation
     * @param b the other actor
     * @throws IllegalArgumentException when both are the same actor
     */
    public static Dyad of(Actor a, Actor b) {
        Require.nonNull(a, "first actor of the dyad", "Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        Require.nonNull(b, "second actor of the dyad", "Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        if (a.equals(b)) {
            throw new IllegalArgumentException("a dyad needs two distinct actors, got " + a.code() + " twice");
        }
        return a.compareTo(b) < 0 ? new Dyad(a, b) : new Dyad(b, a);
    }

    /**
     * Parses a dyad id such as {@code "NER-USA"}, {@code "usa-ner"} or {@code "NER-ECOWAS"} (either order).
     *
     * @param id two actors joined by {@code -}, in any order and letter case: ISO 3166-1 alpha-3 codes or
     *           organisations' acronyms, with or without {@code ORG:} (see {@link Actor#of(String)}); not null
     * @return the dyad of the two actors, equal whichever order they were given in
     * @throws IllegalArgumentException naming the text and the accepted form
     */
    public static Dyad parse(String id) {
        Require.nonNull(id, "dyad id", "two actor codes joined by '-', such as \"NER-USA\" or \"NER-ECOWAS\"");
        String[] parts = id.strip().split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + TerminalText.escape(id) + "' is not a dyad; expected two actor codes joined by '-', such as NER-USA or NER-ECOWAS");
        }
        return of(Actor.of(parts[0]), Actor.of(parts[1]));
    }

    /**
     * {@return the dyad of an id exactly as the store keeps it ({@code "NER-ORG:ECOWAS"}), reading
     * organisations this JVM has not registered as {@link Actor#ofStored(String)} does}
     *
     * @param id two stored actor codes joined by {@code -}
     * @throws IllegalArgumentException when it is not such an id
     */
    public static Dyad ofStored(String id) {
        Require.nonNull(id, "stored dyad id", "two stored codes joined by '-', such as \"NER-USA\"");
        int dash = id.indexOf('-');
        if (dash < 0 || id.indexOf('-', dash + 1) >= 0) {
            throw new IllegalArgumentException("'" + TerminalText.escape(id) + "' is not a stored dyad id; expected two codes joined by '-', such as NER-USA");
        }
        return of(Actor.ofStored(id.substring(0, dash)), Actor.ofStored(id.substring(dash + 1)));
    }

    /** {@return the actor that sorts first ({@link Actor#compareTo}): the country, in a country–organisation dyad} */
    public Actor first() {
        return first;
    }

    /** {@return the actor that sorts second: the organisation, in a country–organisation dyad} */
    public Actor second() {
        return second;
    }

    /** {@return whether one of the two is an organisation} */
    public boolean involvesOrganisation() {
        return first instanceof Organisation || second instanceof Organisation;
    }

    /** {@return the organisation of a country–organisation dyad, empty for two countries or two organisations} */
    public Optional<Organisation> organisationOfMember() {
        if (first instanceof Country && second instanceof Organisation o) {
            return Optional.of(o);
        }
        return Optional.empty();
    }

    /** {@return the country of a country–organisation dyad, empty for two countries or two organisations} */
    public Optional<Country> countryOfMember() {
        if (first instanceof Country c && second instanceof Organisation) {
            return Optional.of(c);
        }
        return Optional.empty();
    }

    /**
     * {@return whether the actor is one of the two}
     *
     * @param actor a country or an organisation
     */
    public boolean contains(Actor actor) {
        Require.nonNull(actor, "actor", "a Country such as Country.of(\"NER\") or an Organisation such as Organisation.of(\"ECOWAS\")");
        return first.equals(actor) || second.equals(actor);
    }

    /**
     * {@return the other actor of the dyad}
     *
     * @param actor one of the two actors
     * @throws IllegalArgumentException when the actor is not in this dyad
     */
    public Actor other(Actor actor) {
        Require.nonNull(actor, "actor", "one of the dyad's actors, " + first.code() + " or " + second.code());
        if (first.equals(actor)) {
            return second;
        }
        if (second.equals(actor)) {
            return first;
        }
        throw new IllegalArgumentException(actor.code() + " is not one of the two actors of " + id());
    }

    /** {@return the canonical id, for example {@code "NER-USA"}} */
    public String id() {
        return first.code() + "-" + second.code();
    }

    @Override
    public int compareTo(Dyad o) {
        int c = first.compareTo(o.first);
        return c != 0 ? c : second.compareTo(o.second);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dyad d && first.equals(d.first) && second.equals(d.second);
    }

    @Override
    public int hashCode() {
        return 31 * first.hashCode() + second.hashCode();
    }

    @Override
    public String toString() {
        return id();
    }
}
