package org.entente.eventdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.entente.core.Source;

/** The JSON of PLOVER lines: one shared mapper, and sources written and read back. */
final class Json {

    /** Lines are at most 1 MiB, so these limits only stop pathological nesting early. */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
            .build());

    private Json() {
    }

    /** A source as a JSON object: kind, confidence, and the optional fields that are present. */
    static ObjectNode source(Source s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
        o.put("confidence", s.confidence().name().toLowerCase(Locale.ROOT));
        s.publisher().ifPresent(v -> o.put("publisher", v));
        s.title().ifPresent(v -> o.put("title", v));
        s.address().ifPresent(v -> o.put("address", v));
        s.published().ifPresent(v -> o.put("published", v.toString()));
        s.note().ifPresent(v -> o.put("note", v));
        return o;
    }

    /**
     * Sources written by {@link #source(Source)}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static List<Source> sources(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) {
            throw new IllegalArgumentException("'sources' must be a non-empty array of source objects");
        }
        List<Source> out = new ArrayList<>();
        for (JsonNode n : (ArrayNode) array) {
            if (!n.isObject()) {
                throw new IllegalArgumentException("each of 'sources' must be an object");
            }
            Source s = Source.of(enumValue(Source.Kind.class, n, "kind"), enumValue(Source.Confidence.class, n, "confidence"));
            Optional<String> v;
            if ((v = text(n, "publisher")).isPresent()) {
                s = s.withPublisher(v.get());
            }
            if ((v = text(n, "title")).isPresent()) {
                s = s.withTitle(v.get());
            }
            if ((v = text(n, "address")).isPresent()) {
                s = s.withAddress(v.get());
            }
            if ((v = text(n, "published")).isPresent()) {
                try {
                    s = s.withPublished(LocalDate.parse(v.get()));
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("source 'published' '" + Text.cut(v.get(), 40) + "' is not a date (yyyy-MM-dd)");
                }
            }
            if ((v = text(n, "note")).isPresent()) {
                s = s.withNote(v.get());
            }
            out.add(s);
        }
        return out;
    }

    /** A text field, when present and not null; numbers are read as their text. */
    static Optional<String> text(JsonNode object, String field) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull() || n.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(n.asText());
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode n, String field) {
        String v = text(n, field).orElseThrow(() -> new IllegalArgumentException("a source needs '" + field + "'"));
        try {
            return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source " + field + " '" + Text.cut(v, 40) + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
