package org.entente.core;

import java.util.UUID;
import java.util.regex.Pattern;
import org.entente.core.internal.Require;
import org.entente.core.text.TerminalText;

/**
 * The stable id of a fact, unique across a whole store: the idempotency key of recording.
 *
 * <p>Supplied by whoever knows the fact (a seed file's {@code usa-denounce}, an importer's
 * {@code icews-32889836}) or generated. Recording the same fact again under its id changes nothing;
 * recording different content under an id already used is rejected as a conflict.
 *
 * <p>Accepted: 1 to 128 characters, letters, digits and {@code . _ : -}, starting with a letter or digit.
 */
public record FactId(String value) implements Comparable<FactId> {

    /** The longest id accepted. */
    public static final int MAX_LENGTH = 128;

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    /**
     * Validates the form; see the type's documentation.
     *
     * @param value 1 to 128 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}, starting with a letter or digit,
     *        such as {@code "tur-attache"}; case-sensitive
     */
    public FactId {
        Require.nonNull(value, "fact id", "a text such as FactId.of(\"usa-talks\"), or FactId.generate()");
        if (!FORM.matcher(value).matches()) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "... (" + value.length() + " characters)" : value;
            throw new IllegalArgumentException("'" + TerminalText.escape(shown) + "' is not a fact id; expected 1 to " + MAX_LENGTH
                    + " letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
    }

    /**
     * {@return the fact id with this text}
     *
     * @param value 1 to 128 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}, starting with a letter or digit
     */
    public static FactId of(String value) {
        return new FactId(value);
    }

    /** {@return a new random id ({@code fact-} and a UUID), for facts that nobody else names} */
    public static FactId generate() {
        return new FactId("fact-" + UUID.randomUUID());
    }

    @Override
    public int compareTo(FactId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
