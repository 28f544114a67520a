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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.entente.core.Dyad;
import org.entente.core.FactId;

/**
 * Everything recorded about one dyad, as the rules need it: each fact's current revision (and the
 * revisions corrections replaced), whether it was retracted, and the facts in docs/DOMAIN.md's order
 * (happened day, lifecycle rank, fact id), never in recording order. This is the decider's state; {@link Decider#evolve} changes it in place, so copy it
 * ({@link #copy()}) before changing a history that others share.
 *
 * <p>A history can also be {@link #partial}: only a {@link Summary} (what an append after the last fact
 * needs) and the facts appended since. It decides such appends alone and reads its stored facts (from the
 * reader given to {@link #attach}) the first time anything else needs them; every answer is the whole
 * history's. The store's aggregates and snapshots keep histories this way.
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

    /**
     * What a fact appended after the last fact in force needs, and all that a {@link #partial} history
     * holds: the state after every fact in force, the last of them in {@link #ORDER}, how many there
     * are, and how many of them today's rules reject. An aggregate snapshot stores this instead of the facts.
     *
     * @param state   the state after every fact in force (facts the rules reject skipped)
     * @param last    the last fact in force in {@link #ORDER}; empty when none is
     * @param size    how many facts are in force
     * @param skipped how many of them today's rules reject (see {@link #skippedByRules()})
     */
    public record Summary(RelationshipState state, Optional<FactEvent> last, int size, int skipped) {
        /**
         * Creates the record, checking its components.
         *
         * @param state the state after every fact in force
         * @param last the last fact in force in {@link #ORDER}; empty when none is
         * @param size how many facts are in force, at least 0
         * @param skipped how many of them today's rules reject, from 0 to {@code size}
         */
        public Summary {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(last, "last");
            if (size < 0 || skipped < 0 || skipped > size || (size == 0) != last.isEmpty()) {
                throw new IllegalArgumentException("a summary of " + state.dyad() + " with " + size + " fact(s) in force, "
                        + skipped + " skipped and " + (last.isPresent() ? "a" : "no") + " last fact is inconsistent; it needs"
                        + " 0 <= skipped <= size, and a last fact exactly when size > 0");
            }
            last.ifPresent(f -> {
                if (!f.dyad().equals(state.dyad())) {
                    throw new IllegalArgumentException("the last fact " + f.fact().id() + " is about " + f.dyad()
                            + ", but the state is of " + state.dyad());
                }
            });
        }
    }

    private final Dyad dyad;
    /** Every entry; while partial, only the facts appended since the stored part (the rest is not held). */
    private Map<FactId, Entry> entries;
    /** Per fact id: the revisions that corrections replaced, oldest first (a fact never corrected has none). */
    private Map<FactId, List<FactEvent>> earlier;
    /** The facts in force in order; empty while partial. */
    private NavigableMap<FactEvent, FactEvent> ordered;
    /** The fold of every effective fact, kept for appends at the end; null when it must be rebuilt. */
    private Fold tail;
    /** Facts that stored history holds but today's rules reject; they are kept and skipped by the fold. */
    private int skipped;
    /**
     * Null for a whole history. For a partial one: what it knows without its stored facts, and where to
     * read them the first time a method needs them.
     */
    private Partial partial;

    /**
     * What a partial history holds besides its tail: the last fact in force, how many there are, the events
     * applied since the stored part (replayed when it is read), and the stored part's reader.
     */
    private static final class Partial {
        /** The last fact in force in ORDER; null when none is or when {@link #stale}. */
        FactEvent last;
        int size;
        /** Events applied since the stored part that the summary could not take in: only the whole history can. */
        boolean stale;
        List<RelationshipEvent> pending = new ArrayList<>();
        /** Reads the stored part once, shared by copies; null while none is attached. */
        Stored stored;
        /** Fact ids known to be recorded nowhere in the stored part. */
        Set<FactId> absent = Set.of();

        Partial copy() {
            Partial p = new Partial();
            p.last = last;
            p.size = size;
            p.stale = stale;
            p.pending = new ArrayList<>(pending);
            p.stored = stored;
            p.absent = absent;
            return p;
        }
    }

    /** The stored part of a partial history, read on first use and then handed out as copies. */
    private static final class Stored {
        private final Supplier<DyadHistory> reader;
        private DyadHistory read;

        Stored(Supplier<DyadHistory> reader) {
            this.reader = reader;
        }

        DyadHistory get() {
            if (read == null) {
                read = Objects.requireNonNull(reader.get(), "the stored history");
            }
            return read.copy();
        }
    }

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

    /**
     * {@return a history that holds only what appends need (the {@link Summary}), not the facts} It decides a
     * fact appended after its last fact in force as a whole history would; anything else (an entry looked up,
     * a retroactive fact, a correction, a retraction) reads the stored facts from the reader given to
     * {@link #attach} the first time it is needed, and fails without one.
     *
     * @param dyad    the two countries
     * @param summary the state after every fact in force and what goes with it, such as a snapshot's
     */
    public static DyadHistory partial(Dyad dyad, Summary summary) {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(summary, "summary");
        if (!summary.state().dyad().equals(dyad)) {
            throw new IllegalArgumentException("a summary of " + summary.state().dyad() + " cannot be the history of " + dyad);
        }
        DyadHistory h = empty(dyad);
        h.partial = new Partial();
        h.partial.last = summary.last().orElse(null);
        h.partial.size = summary.size();
        h.tail = Fold.from(summary.state());
        h.skipped = summary.skipped();
        return h;
    }

    /**
     * Tells a partial history where its stored facts are: {@code stored} reads (at most once, when first needed)
     * the whole history of everything this history holds now; the events applied to it so far are taken to be in
     * it. Fact ids in {@code absent} are known to be recorded nowhere in it, so looking them up needs no read.
     * Copies made afterwards share the reader. A whole history is left as it is.
     *
     * @param stored reads the whole stored history; not null
     * @param absent fact ids recorded nowhere in the stored history (for example, ids the store's fact-id table lacks)
     */
    public void attach(Supplier<DyadHistory> stored, Set<FactId> absent) {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(absent, "absent");
        if (partial == null) {
            return;
        }
        partial.stored = new Stored(stored);
        partial.absent = Set.copyOf(absent);
        partial.pending = new ArrayList<>();
        entries = new HashMap<>();
    }

    /** {@return whether this history holds only a {@link Summary} and the facts appended since (see {@link #partial})} */
    public boolean isPartial() {
        return partial != null;
    }

    /** {@return what appends need: the state after every fact in force, the last of them, and the counts} */
    public Summary summary() {
        if (partial != null && partial.stale) {
            materialize();
        }
        Fold fold = tail();
        if (partial != null) {
            return new Summary(fold.snapshot(), Optional.ofNullable(partial.last), partial.size, skipped);
        }
        return new Summary(fold.snapshot(), ordered.isEmpty() ? Optional.empty() : Optional.of(ordered.lastKey()), ordered.size(), skipped);
    }

    /** {@return a partial history of the same facts, holding only their {@link #summary()}} */
    public DyadHistory compacted() {
        return partial(dyad, summary());
    }

    /** {@return an independent copy} */
    public DyadHistory copy() {
        DyadHistory h = new DyadHistory(dyad, new HashMap<>(entries), new HashMap<>(earlier), new TreeMap<>(ordered));
        h.tail = tail == null ? null : tail.copy();
        h.skipped = skipped;
        h.partial = partial == null ? null : partial.copy();
        return h;
    }

    /**
     * Turns a partial history whole: reads the stored part and replays the events applied since.
     *
     * @throws IllegalStateException when no reader was attached
     */
    private void materialize() {
        if (partial == null) {
            return;
        }
        if (partial.stored == null) {
            throw new IllegalStateException(dyad + ": this history holds only what appends need (a snapshot's summary) and"
                    + " no reader of its stored facts was attached; attach one before looking up facts or deciding anything"
                    + " but an append");
        }
        DyadHistory whole = partial.stored.get();
        if (!whole.dyad.equals(dyad)) {
            throw new IllegalStateException("the stored history read for " + dyad + " is of " + whole.dyad);
        }
        for (RelationshipEvent e : partial.pending) {
            whole.apply(e);
        }
        entries = whole.entries;
        earlier = whole.earlier;
        ordered = whole.ordered;
        tail = whole.tail;
        skipped = whole.skipped;
        partial = null;
    }

    /** Whether a partial history can answer a question about this fact id without its stored facts. */
    private boolean knownWithoutStored(FactId id) {
        return partial != null && !partial.stale && (entries.containsKey(id) || partial.absent.contains(id));
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
        if (partial != null && !knownWithoutStored(id)) {
            materialize();
        }
        return Optional.ofNullable(entries.get(id));
    }

    /**
     * {@return the revisions of a fact that corrections replaced, oldest first; empty for a fact never corrected
     * (or unknown)} The current revision is {@link #entry}'s.
     *
     * @param id the fact's id
     */
    public List<FactEvent> earlierRevisions(FactId id) {
        if (partial != null) {
            if (knownWithoutStored(id)) {
                return List.of(); // appended since the stored part, or recorded nowhere: never corrected
            }
            materialize();
        }
        return earlier.getOrDefault(id, List.of());
    }

    /**
     * {@return whether this content was recorded under its fact id at some point: it is the current revision
     * or one that a correction replaced (retracted facts included)} Recording such a fact again changes nothing.
     *
     * @param fact the fact
     */
    public boolean hasRecorded(FactEvent fact) {
        Entry entry = entry(fact.fact().id()).orElse(null);
        return entry != null && (entry.fact().equals(fact) || earlierRevisions(fact.fact().id()).contains(fact));
    }

    /** {@return every entry, retracted ones included, in no particular order} */
    public Collection<Entry> entries() {
        materialize();
        return java.util.Collections.unmodifiableCollection(entries.values());
    }

    /** {@return the facts in force (current revisions, not retracted), in docs/DOMAIN.md's order} */
    public List<FactEvent> facts() {
        materialize();
        return new ArrayList<>(ordered.keySet());
    }

    /** {@return how many facts are in force} */
    public int size() {
        if (partial != null && partial.stale) {
            materialize();
        }
        return partial != null ? partial.size : ordered.size();
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
        if (partial != null) {
            if (partial.stale) {
                materialize();
                return isAppend(fact);
            }
            return partial.last == null || ORDER.compare(fact, partial.last) > 0;
        }
        return ordered.isEmpty() || ORDER.compare(fact, ordered.lastKey()) > 0;
    }

    /** The fold over every fact in force, built on first use. */
    Fold tail() {
        if (partial != null && partial.stale) {
            materialize();
        }
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
        if (partial != null && !applyPartially(event)) {
            if (partial.stored == null) {
                // Being read back from a snapshot and the events after it: the stored facts are read when
                // something needs them (a reader is attached by then), not in the middle of the read.
                partial.stale = true;
                partial.pending.add(event);
                return;
            }
            materialize();
        }
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

    /**
     * Applies the event to a partial history if its summary can take it in: a new fact after the last fact in
     * force (or a fact appended since the stored part, recorded again: nothing changes).
     */
    private boolean applyPartially(RelationshipEvent event) {
        if (partial.stale || !(event instanceof FactEvent e)) {
            return false;
        }
        if (entries.containsKey(e.fact().id())) {
            return true; // recorded already: recording again changes nothing
        }
        if (!isAppend(e)) {
            return false;
        }
        try {
            tail.apply(e);
        } catch (Fold.Violation v) {
            skipped++;
        }
        appendApplied(e);
        return true;
    }

    /** Records a fact that was just applied to {@link #tail()} by the caller. */
    void appendApplied(FactEvent e) {
        entries.put(e.fact().id(), new Entry(e, 1, false));
        if (partial != null) {
            partial.last = e;
            partial.size++;
            partial.pending.add(e);
            return;
        }
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
