package org.entente.core.relationship;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.entente.core.Dyad;
import org.entente.core.FactId;

/**
 * Everything recorded about one dyad, as the rules need it: each fact's current revision (and the
 * revisions corrections replaced), whether it was retracted, and the facts in docs/DOMAIN.md's order
 * (happened day, lifecycle rank, fact id), never in recording order. This is the decider's state; {@link Decider#evolve} changes it in place, so copy it
 * ({@link #copy()}) before changing a history that others share.
 *
 * <p>Not thread-safe: an aggregate or a simulation branch owns each instance.
 */
public final class DyadHistory {

    /** docs/DOMAIN.md's order of facts: happened day, then lifecycle rank, then fact id. */
    public static final Comparator<FactEvent> ORDER = Comparator
            .comparing((FactEvent e) -> e.fact().happened().day())
            .thenComparingInt(e -> e.kind().rank())
            .thenComparing(e -> e.fact().id());

    /**
     * One recorded fact.
     *
     * @param fact      its current revision
     * @param revision  1 for the original, 2 and more after corrections
     * @param retracted whether it was retracted
     */
    public record Entry(FactEvent fact, int revision, boolean retracted) {
        /**
         * Creates the record, checking its components.
         *
         * @param fact its current revision
         * @param revision 1 for the original, 2 and more after corrections
         * @param retracted whether it was retracted
         */
        public Entry {
            Objects.requireNonNull(fact, "fact");
        }
    }

    private final Dyad dyad;
    private final Map<FactId, Entry> entries;
    /** Per fact id: the revisions that corrections replaced, oldest first (a fact never corrected has none). */
    private final Map<FactId, List<FactEvent>> earlier;
    private final NavigableMap<FactEvent, FactEvent> ordered;
    /** The fold of every effective fact, kept for appends at the end; null when it must be rebuilt. */
    private Fold tail;
    /** Facts that stored history holds but today's rules reject; they are kept and skipped by the fold. */
    private int skipped;

    private DyadHistory(Dyad dyad, Map<FactId, Entry> entries, Map<FactId, List<FactEvent>> earlier,
                        NavigableMap<FactEvent, FactEvent> ordered) {
        this.dyad = dyad;
        this.entries = entries;
        this.earlier = earlier;
        this.ordered = ordered;
    }

    /**
     * {@return the history of a dyad with nothing recorded}
     *
     * @param dyad the two countries
     */
    public static DyadHistory empty(Dyad dyad) {
        return new DyadHistory(Objects.requireNonNull(dyad, "dyad"), new HashMap<>(), new HashMap<>(), new TreeMap<>(ORDER));
    }

    /**
     * {@return a history holding these entries (for example read back from a snapshot)}
     *
     * @param dyad the two countries
     * @param entries one entry per fact id, current or retracted, in any order
     */
    public static DyadHistory of(Dyad dyad, Collection<Entry> entries) {
        DyadHistory h = empty(dyad);
        for (Entry e : entries) {
            h.entries.put(e.fact().fact().id(), e);
            if (!e.retracted()) {
                h.ordered.put(e.fact(), e.fact());
            }
        }
        return h;
    }

    /**
     * {@return a history holding these entries and the revisions that corrections replaced (for example read
     * back from a snapshot)}
     *
     * @param dyad the dyad
     * @param entries the entries
     * @param earlier per fact id, the revisions that corrections replaced, oldest first (see {@link #earlierRevisions})
     */
    public static DyadHistory of(Dyad dyad, Collection<Entry> entries, Map<FactId, List<FactEvent>> earlier) {
        DyadHistory h = of(dyad, entries);
        earlier.forEach((id, revisions) -> {
            if (!revisions.isEmpty()) {
                h.earlier.put(Objects.requireNonNull(id, "fact id"), List.copyOf(revisions));
            }
        });
        return h;
    }

    /** {@return an independent copy} */
    public DyadHistory copy() {
        DyadHistory h = new DyadHistory(dyad, new HashMap<>(entries), new HashMap<>(earlier), new TreeMap<>(ordered));
        h.tail = tail == null ? null : tail.copy();
        h.skipped = skipped;
        return h;
    }

    /** {@return the dyad} */
    public Dyad dyad() {
        return dyad;
    }

    /**
     * {@return the entry recorded under this id, retracted or not}
     *
     * @param id a fact id, of this dyad or not
     */
    public Optional<Entry> entry(FactId id) {
        return Optional.ofNullable(entries.get(id));
    }

    /**
     * {@return the revisions of a fact that corrections replaced, oldest first; empty for a fact never corrected
     * (or unknown)} The current revision is {@link #entry}'s.
     *
     * @param id the fact's id
     */
    public List<FactEvent> earlierRevisions(FactId id) {
        return earlier.getOrDefault(id, List.of());
    }

    /**
     * {@return whether this content was recorded under its fact id at some point: it is the current revision
     * or one that a correction replaced (retracted facts included)} Recording such a fact again changes nothing.
     *
     * @param fact the fact
     */
    public boolean hasRecorded(FactEvent fact) {
        Entry entry = entries.get(fact.fact().id());
        return entry != null && (entry.fact().equals(fact) || earlierRevisions(fact.fact().id()).contains(fact));
    }

    /** {@return every entry, retracted ones included, in no particular order} */
    public Collection<Entry> entries() {
        return java.util.Collections.unmodifiableCollection(entries.values());
    }

    /** {@return the facts in force (current revisions, not retracted), in docs/DOMAIN.md's order} */
    public List<FactEvent> facts() {
        return new ArrayList<>(ordered.keySet());
    }

    /** {@return how many facts are in force} */
    public int size() {
        return ordered.size();
    }

    /** {@return the state after every fact in force} */
    public RelationshipState state() {
        return tail().snapshot();
    }

    /**
     * {@return how many stored facts today's rules reject (they were accepted under older rules or written by
     * hand); such facts are kept in the history and skipped by the state's fold}
     */
    public int skippedByRules() {
        tail();
        return skipped;
    }

    /** Whether the fact sorts after every fact in force, so that it can be checked by extending the fold. */
    boolean isAppend(FactEvent fact) {
        return ordered.isEmpty() || ORDER.compare(fact, ordered.lastKey()) > 0;
    }

    /** The fold over every fact in force, built on first use. */
    Fold tail() {
        if (tail == null) {
            Fold fold = new Fold(dyad);
            int bad = 0;
            for (FactEvent e : ordered.keySet()) {
                try {
                    fold.apply(e);
                } catch (Fold.Violation v) {
                    bad++;
                }
            }
            tail = fold;
            skipped = bad;
        }
        return tail;
    }

    /** Applies a stored event (the evolve step); see {@link Decider#evolve}. */
    void apply(RelationshipEvent event) {
        event.match(this::fact, this::retracted, this::corrected);
    }

    private Void retracted(RelationshipEvent.FactsRetracted e) {
        for (FactId id : e.facts()) {
            Entry old = entries.get(id);
            if (old != null && !old.retracted()) {
                entries.put(id, new Entry(old.fact(), old.revision(), true));
                ordered.remove(old.fact());
            }
        }
        tail = null;
        return null;
    }

    private Void corrected(RelationshipEvent.FactCorrected e) {
        FactId id = e.revised().fact().id();
        Entry old = entries.get(id);
        boolean retracted = old != null && old.retracted();
        if (old != null && !retracted) {
            ordered.remove(old.fact());
        }
        if (old != null) {
            List<FactEvent> replaced = new ArrayList<>(earlierRevisions(id));
            if (!replaced.contains(old.fact())) {
                replaced.add(old.fact());
                earlier.put(id, List.copyOf(replaced));
            }
        }
        entries.put(id, new Entry(e.revised(), e.revision(), retracted));
        if (!retracted) {
            ordered.put(e.revised(), e.revised());
        }
        tail = null;
        return null;
    }

    /** Records a fact that was just applied to {@link #tail()} by the caller. */
    void appendApplied(FactEvent e) {
        entries.put(e.fact().id(), new Entry(e, 1, false));
        ordered.put(e, e);
    }

    private Void fact(FactEvent e) {
        FactId id = e.fact().id();
        if (entries.containsKey(id)) {
            return null; // recorded already: recording again changes nothing
        }
        boolean append = isAppend(e);
        entries.put(id, new Entry(e, 1, false));
        ordered.put(e, e);
        if (tail != null) {
            if (append) {
                try {
                    tail.apply(e);
                } catch (Fold.Violation v) {
                    skipped++;
                }
            } else {
                tail = null;
            }
        }
        return null;
    }
}
