package org.entente.core.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipEvent;

/**
 * The allow-list of types that may be stored: each Java class with a short, stable name and its
 * current revision. The store records the name (for example {@code "WithdrawalScheduled"}), never the
 * Java class name, so classes can move without breaking stored history, and no name read from a
 * stored row can make the deserializer build a class outside this list.
 *
 * <p>When an event's shape changes, raise its revision here and register an upcaster from the old
 * revision (Axon's {@code EventUpcaster}, which sees these names and revisions).
 */
public final class EventTypeRegistry {

    /** The name under which {@link RelationshipAggregate} snapshots are stored. */
    public static final String SNAPSHOT_NAME = "RelationshipSnapshot";

    /**
     * The revision of {@link #SNAPSHOT_NAME} this version writes and reads: {@code "2"}, a summary of the
     * dyad (its state, last fact and counts). Revision {@code "1"} held the whole history; the store passes
     * such snapshots over and replaces them.
     */
    public static final String SNAPSHOT_REVISION = "2";

    private final Map<String, Entry> byName;
    private final Map<Class<?>, Entry> byClass;

    /**
     * One stored type.
     *
     * @param name     the stable name stored with each event
     * @param type     the Java class
     * @param revision the current revision of its shape
     */
    public record Entry(String name, Class<?> type, String revision) {
        /**
         * Creates the record, checking its components.
         *
         * @param name the stable name stored with each event
         * @param type the Java class
         * @param revision the current revision of its shape
         */
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(revision, "revision");
        }
    }

    private EventTypeRegistry(Map<String, Entry> byName) {
        this.byName = Collections.unmodifiableMap(byName);
        Map<Class<?>, Entry> classes = new LinkedHashMap<>();
        byName.values().forEach(e -> classes.put(e.type(), e));
        this.byClass = Collections.unmodifiableMap(classes);
    }

    /**
     * Entente's registry: every {@link RelationshipEvent} under its simple class name at revision
     * {@code "1"}, and the aggregate snapshot at {@link #SNAPSHOT_REVISION}.
     *
     * @return the event type registry
     */
    public static EventTypeRegistry standard() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Class<?> c : FactEvent.class.getPermittedSubclasses()) {
            entries.put(c.getSimpleName(), new Entry(c.getSimpleName(), c, "1"));
        }
        entries.put("FactsRetracted", new Entry("FactsRetracted", RelationshipEvent.FactsRetracted.class, "1"));
        entries.put("FactCorrected", new Entry("FactCorrected", RelationshipEvent.FactCorrected.class, "1"));
        // Revision 2 holds a summary of the history, not its facts; revision-1 snapshots (the whole history)
        // are passed over when reading and replaced as dyads take new snapshots.
        entries.put(SNAPSHOT_NAME, new Entry(SNAPSHOT_NAME, RelationshipAggregate.class, SNAPSHOT_REVISION));
        return new EventTypeRegistry(entries);
    }

    /**
     * {@return the entry for a stored name}
     *
     * @param name a stored type name, such as {@code "WithdrawalScheduled"}
     */
    public Optional<Entry> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * {@return the entry for a class}
     *
     * @param type a Java class, such as an event record's
     */
    public Optional<Entry> byClass(Class<?> type) {
        return Optional.ofNullable(byClass.get(type));
    }

    /** {@return every entry, by name} */
    public Map<String, Entry> entries() {
        return byName;
    }
}
