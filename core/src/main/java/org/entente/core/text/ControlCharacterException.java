package org.entente.core.text;

import java.util.Optional;
import org.entente.core.FactId;

/**
 * New text holds a character that a terminal would act on (see {@link ControlCharacters}): the
 * message names the fact, the field, the character as {@code U+XXXX} and its position; so do the
 * typed accessors, for a program that reports it its own way.
 *
 * <pre>{@code
 * fact usa-talks, subject: U+001B (ESC) at character 1 is refused; text may not hold control characters ...
 * }</pre>
 */
public final class ControlCharacterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Optional<FactId> fact;
    /** The field holding the character. */
    private final String field;
    /** The refused character. */
    private final int codePoint;
    /** Where the character is in the field's text. */
    private final int position;

    ControlCharacterException(Optional<FactId> fact, String field, int codePoint, int position, String refusal) {
        super(fact.map(id -> "fact " + id + ", ").orElse("") + field + ": " + refusal);
        this.fact = fact;
        this.field = field;
        this.codePoint = codePoint;
        this.position = position;
    }

    /** {@return the fact the text belongs to, when the text was given as part of one} */
    public Optional<FactId> fact() {
        return fact;
    }

    /** {@return the field, such as {@code subject} or {@code sources[0].publisher}} */
    public String field() {
        return field;
    }

    /** {@return the refused character} */
    public int codePoint() {
        return codePoint;
    }

    /** {@return where it is in the field's text, counting characters (code points) from 1} */
    public int position() {
        return position;
    }
}
