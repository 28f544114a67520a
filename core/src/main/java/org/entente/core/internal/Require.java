package org.entente.core.internal;

import java.util.function.Supplier;

/**
 * The one form of the public API's refusal of a null argument: it names the argument and says what to give,
 * {@code dyad is null; give Dyad.of(a, b)}, where {@link java.util.Objects#requireNonNull(Object, String)} would
 * say one word and the JDK's helpful message would name a local variable of the implementation.
 */
public final class Require {

    private Require() {
    }

    /**
     * The value, when it is not null.
     *
     * @param value the argument
     * @param name the argument as the message names it: {@code dyad}, {@code the reason of a retraction}
     * @param give what to give instead, as code or words: {@code Dyad.of(a, b)}
     * @param <T> the argument's type
     * @return the value
     * @throws NullPointerException "{@code name} is null; give {@code give}"
     */
    public static <T> T nonNull(T value, String name, String give) {
        if (value == null) {
            throw new NullPointerException(name + " is null; give " + give);
        }
        return value;
    }

    /**
     * As {@link #nonNull(Object, String, String)}, composing the name only when the value is null (a name that
     * quotes other values, such as a fact id).
     *
     * @param value the argument
     * @param name the argument as the message names it
     * @param give what to give instead
     * @param <T> the argument's type
     * @return the value
     * @throws NullPointerException "{@code name} is null; give {@code give}"
     */
    public static <T> T nonNull(T value, Supplier<String> name, String give) {
        if (value == null) {
            throw new NullPointerException(name.get() + " is null; give " + give);
        }
        return value;
    }
}
