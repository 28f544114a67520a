package org.entente.core;

/**
 * Someone who acts in a fact: today always a {@link Country}.
 *
 * <p>Stored events hold an actor as its code alone (a plain string such as {@code "NER"}), never as a
 * Java type name, so organisations (ECOWAS, the EU, the UN) can later implement this interface with
 * codes that cannot clash with ISO 3166-1 alpha-3 (for example {@code "ORG:ECOWAS"}) without touching
 * history that is already stored.
 */
public sealed interface Actor permits Country {

    /** {@return the stable code stored in events, for example {@code "NER"}} */
    String code();

    /** {@return a human-readable English name, for example {@code "Niger"}} */
    String name();
}
