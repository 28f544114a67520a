package org.entente.core.relationship;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.entente.core.EntenteException;
import org.entente.core.FactId;
import org.entente.core.text.TerminalText;

/**
 * Different content was recorded under a fact id that already names a fact: a fact id is the
 * idempotency key, so recording the same fact again (any of its recorded revisions) changes nothing,
 * but a different one is refused.
 * Record a {@link RelationshipCommand.CorrectFact} to change a fact on purpose.
 *
 * <p>The message and {@link #differences()} name only the fields that differ, for example
 * {@code size: 350 -> 1200} or {@code sources[0].publisher: AFP -> Reuters}; a fact of another kind is
 * {@code kind: hold talks -> pledge cooperation}.
 */
public final class FactConflictException extends EntenteException {

    /** The fact id recorded twice with different content. */
    private final FactId fact;
    private final transient List<Difference> differences;

    /**
     * One field that differs between the recorded fact and the new one.
     *
     * @param field    the field's path ({@code size}, {@code fact.sources[0].publisher}, {@code kind})
     * @param recorded its recorded value ({@code none} for an empty optional)
     * @param proposed its new value
     */
    public record Difference(String field, String recorded, String proposed) {
        @Override
        public String toString() {
            return field + ": " + recorded + " -> " + proposed;
        }
    }

    /**
     * A conflict on one fact id, with a message of its own and no field-by-field differences.
     *
     * @param fact the fact id that names other content than the one recorded
     * @param message what conflicts and how to resolve it, naming the fact
     */
    public FactConflictException(FactId fact, String message) {
        super(message);
        this.fact = Objects.requireNonNull(fact);
        this.differences = List.of();
    }

    private FactConflictException(FactId fact, String message, List<Difference> differences) {
        super(message);
        this.fact = fact;
        this.differences = List.copyOf(differences);
    }

    /** The conflict between the fact recorded under an id and a different one proposed under it. */
    static FactConflictException between(FactEvent recorded, FactEvent proposed, String where) {
        List<Difference> differences = new ArrayList<>();
        diff("", recorded, proposed, differences);
        String listed = differences.stream().map(Difference::toString).collect(Collectors.joining("; "));
        return new FactConflictException(proposed.fact().id(), "fact id " + proposed.fact().id() + " already names a different fact of "
                + where + " (" + listed + "); record a correction to change it", differences);
    }

    /** {@return the fact id in conflict} */
    public FactId fact() {
        return fact;
    }

    /**
     * {@return the fields that differ, recorded value first; empty when the exception was made with a message only}
     */
    public List<Difference> differences() {
        return differences == null ? List.of() : differences;
    }

    private static void diff(String path, Object recorded, Object proposed, List<Difference> out) {
        if (Objects.equals(recorded, proposed)) {
            return;
        }
        if (recorded == null || proposed == null || recorded.getClass() != proposed.getClass()) {
            out.add(new Difference(path.isEmpty() ? "kind" : path, shown(recorded, path.isEmpty()), shown(proposed, path.isEmpty())));
            return;
        }
        if (recorded.getClass().isRecord()) {
            for (RecordComponent c : recorded.getClass().getRecordComponents()) {
                try {
                    diff(path.isEmpty() ? c.getName() : path + "." + c.getName(), c.getAccessor().invoke(recorded),
                            c.getAccessor().invoke(proposed), out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + recorded.getClass().getSimpleName(), e);
                }
            }
            return;
        }
        if (recorded instanceof Optional<?> a && proposed instanceof Optional<?> b && a.isPresent() && b.isPresent()) {
            diff(path, a.get(), b.get(), out);
            return;
        }
        if (recorded instanceof List<?> a && proposed instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
            return;
        }
        out.add(new Difference(path, shown(recorded, false), shown(proposed, false)));
    }

    private static String shown(Object value, boolean kind) {
        if (value == null) {
            return "none";
        }
        if (kind) {
            // The kind's name as every other message gives it ("hold talks"), not the event's class.
            return value instanceof FactEvent e ? e.kind().label() : value.getClass().getSimpleName();
        }
        if (value instanceof Optional<?> o) {
            return o.map(v -> shown(v, false)).orElse("none");
        }
        if (value instanceof List<?> l) {
            return l.stream().map(v -> shown(v, false)).collect(Collectors.joining(", ", "[", "]"));
        }
        // Stored text may predate the refusal of control characters: shown escaped, like all output.
        String text = TerminalText.escape(String.valueOf(value));
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
