package org.entente.seeds;

import com.fasterxml.jackson.core.JsonToken;
import java.util.List;
import java.util.Map;

/**
 * A value of a seed file as far as it was read, with its position. Only what the format can use is
 * read (see {@link Shape}); anything else is skipped, so a hostile file cannot make the reader build a
 * large tree.
 */
sealed interface Node permits Node.Scalar, Node.Mapping, Node.Sequence, Node.Skipped, Node.Invalid {

    /** The 1-based line where the value starts. */
    int line();

    /** The 1-based column where the value starts. */
    int column();

    /**
     * A single value: text, a number, a boolean or null.
     *
     * @param token the token Jackson read (a number keeps its text as written: {@code 040} stays {@code "040"})
     * @param text  the text as written; null only for {@code VALUE_NULL}
     */
    record Scalar(int line, int column, JsonToken token, String text) implements Node {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }
    }

    /** A mapping, its fields in the order of the file. */
    record Mapping(int line, int column, Map<String, Entry> entries) implements Node {
    }

    /** A field of a mapping, with the position of its key. */
    record Entry(String key, int line, int column, Node value) {
    }

    /** A list. */
    record Sequence(int line, int column, List<Node> items) implements Node {
    }

    /** A mapping or a list where the format expects none: not read. */
    record Skipped(int line, int column, boolean mapping) implements Node {
    }

    /** A value with a problem that was reported already (an unknown alias, a text too long). */
    record Invalid(int line, int column) implements Node {
    }
}
