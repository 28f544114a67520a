package org.entente.core.relationship;

import java.util.List;
import java.util.Objects;

/** The limits on the free text and lists that facts carry, with messages that name the fact and the field. */
final class Texts {

    /** The longest text accepted in a fact's field. */
    static final int MAX_TEXT = 2000;
    /** The most items a fact's list may hold. */
    static final int MAX_ITEMS = 100;

    private Texts() {
    }

    static String text(FactHeader fact, String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException("fact " + fact.id() + ": " + field + " is blank; leave it out or give a value");
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException("fact " + fact.id() + ": " + field + " has " + value.length()
                    + " characters; at most " + MAX_TEXT + " are accepted");
        }
        return value;
    }

    static <T> List<T> list(FactHeader fact, String field, List<T> value) {
        List<T> copy = List.copyOf(Objects.requireNonNull(value, field));
        if (copy.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("fact " + fact.id() + ": " + field + " has " + copy.size()
                    + " items; at most " + MAX_ITEMS + " are accepted");
        }
        return copy;
    }
}
