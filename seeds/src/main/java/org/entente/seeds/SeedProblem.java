package org.entente.seeds;

import java.util.Objects;
import java.util.Optional;
import org.entente.core.FactId;

/**
 * One thing wrong with a seed file, where it is and what would be accepted instead.
 *
 * <pre>{@code
 * niger.yaml:14:12: fact usa-denounce, kind: 'denounce-agreemnt' is not a kind of fact; accepted: ...
 * }</pre>
 *
 * @param file    the file's name as it was given to the reader
 * @param line    the line, from 1; 0 when the problem is about the whole file (its size)
 * @param column  the column, from 1; 0 when the problem is about the whole file
 * @param factId  the fact concerned, when the problem is inside a fact whose id could be read
 * @param field   where in the fact or the header, such as {@code kind} or {@code sources[0].confidence}
 *                (list items counted from 0); empty when the problem is not about one field (syntax,
 *                encoding, limits)
 * @param message what is wrong, with the offending value and what is accepted
 */
public record SeedProblem(String file, int line, int column, Optional<FactId> factId, String field, String message) {

    /**
     * Validates; see the type's documentation.
     *
     * @param file the file's name as it was given to the reader
     * @param line the line, from 1; 0 when the problem is about the whole file (its size)
     * @param column the column, from 1; 0 when the problem is about the whole file
     * @param factId the fact concerned, when the problem is inside a fact whose id could be read
     * @param field where in the fact or the header, such as {@code kind} or {@code sources[0].confidence} (list items counted from 0); empty when the problem is not about one field (syntax, encoding, limits)
     * @param message what is wrong, with the offending value and what is accepted
     */
    public SeedProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(factId, "factId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 0 or more, got " + line + ":" + column);
        }
    }

    /** {@return where the problem is} */
    public SeedLocation location() {
        return new SeedLocation(file, line, column);
    }

    /** {@code file:line:column: fact id, field: message}, the parts that are known. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(location()).append(": ");
        factId.ifPresent(id -> s.append("fact ").append(id).append(field.isEmpty() ? ": " : ", "));
        if (!field.isEmpty()) {
            s.append(field).append(": ");
        }
        return s.append(message).toString();
    }
}
