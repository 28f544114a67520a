package org.entente.core;

import org.entente.core.internal.Require;

/**
 * Someone who acts in a fact: a {@link Country} or an {@link Organisation}.
 *
 * <p>Stored events hold an actor as its code alone (a plain string such as {@code "NER"} or
 * {@code "ORG:ECOWAS"}), never as a Java type name. An organisation's code starts with {@code ORG:}, so it
 * cannot clash with an ISO 3166-1 alpha-3 code now or later, and organisations joined this type without
 * touching history that is already stored.
 */
public sealed interface Actor extends Comparable<Actor> permits Country, Organisation {

    /** {@return the stable code stored in events, for example {@code "NER"} or {@code "ORG:ECOWAS"}} */
    String code();

    /** {@return a human-readable English name, for example {@code "Niger"}} */
    String name();

    /**
     * Orders actors: countries first, by ISO code, then organisations, by code. The kind comes first
     * because the codes alone would not do it: {@code "ORG:ECOWAS"} sorts after {@code "NER"} but before
     * {@code "SEN"}, and a country–organisation dyad puts its country first whatever the country's code.
     *
     * @param other another actor
     * @return negative, zero or positive as this actor sorts before, with or after the other
     */
    @Override
    default int compareTo(Actor other) {
        int kind = Boolean.compare(this instanceof Organisation, other instanceof Organisation);
        return kind != 0 ? kind : code().compareTo(other.code());
    }

    /**
     * {@return the country or organisation this text names, in any letter case, surrounding blanks ignored}
     *
     * <p>The rule: text that starts with {@code ORG:} always names an organisation ({@code "ORG:ECOWAS"}).
     * Otherwise a country's ISO 3166-1 alpha-3 code that Entente knows names the country ({@code "NER"}),
     * and else an organisation's acronym names the organisation ({@code "ECOWAS"}, {@code "eu"}). A bare
     * code that is both a country's code and an acronym would name the country; no bundled acronym is a
     * country's code today, and {@code ORG:} reaches the organisation in any case.
     *
     * <pre>{@code
     * Actor.of("NER");          // Country NER (Niger)
     * Actor.of("ecowas");       // Organisation ORG:ECOWAS
     * Actor.of("ORG:EU");       // Organisation ORG:EU
     * Actor.of("NIG");          // IllegalArgumentException: "NIG is neither a country's ISO 3166-1 alpha-3
     *                           // code nor an organisation's acronym; did you mean NER (Niger) or NGA (Nigeria)?"
     * }</pre>
     *
     * @param code a country's ISO 3166-1 alpha-3 code, an organisation's acronym, or an organisation's code
     *             with its {@code ORG:} prefix; not null
     * @throws IllegalArgumentException naming the text and the closest countries and organisations when it
     *                                  names neither
     */
    static Actor of(String code) {
        Require.nonNull(code, "actor code", "a country's ISO 3166-1 alpha-3 code or an organisation's acronym, such as Actor.of(\"NER\") or Actor.of(\"ECOWAS\")");
        return ActorCodes.resolve(code, Organisation.known());
    }

    /**
     * {@return the actor of a code exactly as events store it ({@code "NER"}, {@code "ORG:ECOWAS"})}
     *
     * <p>Unlike {@link #of(String)}, an organisation's code that this JVM does not know (one registered in
     * another store) is accepted: the organisation then has its acronym as its name. Stored history always
     * reads back.
     *
     * @param code a stored code; not null
     * @throws IllegalArgumentException when it is neither a country's code nor {@code ORG:} and an acronym
     */
    static Actor ofStored(String code) {
        Require.nonNull(code, "stored actor code", "a code such as \"NER\" or \"ORG:ECOWAS\"");
        return code.startsWith(Organisation.CODE_PREFIX) ? Organisation.ofStoredCode(code) : Country.of(code);
    }
}
