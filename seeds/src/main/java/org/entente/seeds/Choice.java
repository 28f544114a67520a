package org.entente.seeds;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The values a field accepts, written in lower-case kebab-case ({@code status-of-forces}); case and
 * underscores are tolerated ({@code STATUS_OF_FORCES}).
 *
 * @param what     what a value is, for messages: "an agreement kind"
 * @param bySlug   the values by slug, in the order listed in messages
 */
record Choice<E>(String what, Map<String, E> bySlug) {

    static <E extends Enum<E>> Choice<E> of(String what, Class<E> type) {
        return of(what, type.getEnumConstants(), e -> slug(e.name()));
    }

    static <E> Choice<E> of(String what, E[] values, Function<E, String> slug) {
        Map<String, E> map = new LinkedHashMap<>();
        for (E value : values) {
            map.put(slug.apply(value), value);
        }
        return new Choice<>(what, java.util.Collections.unmodifiableMap(map));
    }

    static String slug(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Optional<E> find(String text) {
        return Optional.ofNullable(bySlug.get(slug(text)));
    }

    /** {@code a, b, c}. */
    String accepted() {
        return String.join(", ", bySlug.keySet());
    }

    String refusal(String text) {
        return Values.quote(text) + " is not " + what + "; accepted: " + accepted();
    }
}
