package org.entente.seeds;

import java.util.function.Function;

/**
 * What the reader builds of a value: a scalar always; a mapping only when {@code fields} is set (with
 * the shape of each field), a list only when {@code items} is set. Whatever else is found is skipped
 * and reported by the conversion as a wrong type.
 *
 * @param fields   the shape of each field of a mapping; null when no mapping is expected
 * @param items    the shape of a list's items; null when no list is expected
 * @param maxItems the most items (or fields) read
 * @param tooMany  what to say when there are more
 */
record Shape(Function<String, Shape> fields, Shape items, int maxItems, String tooMany) {

    /** A scalar; lists and mappings are skipped. */
    static final Shape SCALAR = new Shape(null, null, 0, "");

    /** A mapping of scalars. */
    static final Shape MAPPING_OF_SCALARS = mapping(key -> SCALAR);

    /** A list of scalars. */
    static final Shape LIST_OF_SCALARS = new Shape(null, SCALAR, Limits.MAX_LIST_ITEMS, "a list in a fact has at most "
            + Values.count(Limits.MAX_LIST_ITEMS) + " items");

    static Shape mapping(Function<String, Shape> fields) {
        return new Shape(fields, null, Limits.MAX_FIELDS, "a mapping has at most " + Limits.MAX_FIELDS + " fields");
    }

    static Shape list(Shape items, int maxItems, String tooMany) {
        return new Shape(null, items, maxItems, tooMany);
    }
}
