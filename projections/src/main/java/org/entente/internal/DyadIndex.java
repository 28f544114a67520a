package org.entente.internal;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.FactEvent;

/**
 * The projections' history of one dyad: every {@link FactVersion} in sequence order, kept in an
 * append-only array. Readers take an immutable {@link Snapshot} (the array and a length) without
 * locking; a writer appends under the dyad's lock and publishes a new snapshot. A snapshot caches
 * its current {@link FactView}, so the common query (as known now) builds it once per change.
 */
public final class DyadIndex {

    private final Dyad dyad;
    private volatile Snapshot snapshot;

    DyadIndex(Dyad dyad) {
        this.dyad = dyad;
        this.snapshot = new Snapshot(dyad, new FactVersion[4], 0);
    }

    /** The dyad. */
    public Dyad dyad() {
        return dyad;
    }

    /** What readers see now. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Appends versions; a version already present (same sequence and fact id) is skipped. */
    synchronized void append(List<FactVersion> versions) {
        Snapshot s = snapshot;
        FactVersion[] array = s.versions;
        int size = s.size;
        boolean outOfOrder = false;
        for (FactVersion v : versions) {
            if (contains(array, size, v)) {
                continue;
            }
            if (size > 0 && v.sequence() < array[size - 1].sequence()) {
                outOfOrder = true;
            }
            if (size == array.length) {
                array = Arrays.copyOf(array, Math.max(8, size * 2));
            }
            array[size++] = v;
        }
        if (outOfOrder) {
            // Rare (two writers' commits seen in the other order, or a load merged into the versions applied
            // while it read): copy, so that older snapshots stay intact, sort, and keep each (sequence, fact id)
            // once: contains() above stops at the first lower sequence, which finds duplicates only in order.
            array = Arrays.copyOf(array, array.length);
            Arrays.sort(array, 0, size, BY_SEQUENCE_AND_ID);
            int kept = 0;
            for (int i = 0; i < size; i++) {
                FactVersion v = array[i];
                if (kept > 0 && array[kept - 1].sequence() == v.sequence() && array[kept - 1].id().equals(v.id())) {
                    continue;
                }
                array[kept++] = v;
            }
            Arrays.fill(array, kept, size, null);
            size = kept;
        }
        snapshot = new Snapshot(dyad, array, size);
    }

    private static final java.util.Comparator<FactVersion> BY_SEQUENCE_AND_ID = java.util.Comparator
            .comparingLong(FactVersion::sequence).thenComparing(v -> v.id().value());

    private static boolean contains(FactVersion[] array, int size, FactVersion v) {
        for (int i = size - 1; i >= 0 && array[i].sequence() >= v.sequence(); i--) {
            if (array[i].sequence() == v.sequence() && array[i].id().equals(v.id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * An immutable view of a dyad's versions at one moment of processing.
     */
    public static final class Snapshot {
        private final Dyad dyad;
        private final FactVersion[] versions;
        private final int size;
        private volatile FactView current;

        Snapshot(Dyad dyad, FactVersion[] versions, int size) {
            this.dyad = dyad;
            this.versions = versions;
            this.size = size;
        }

        /** {@return the dyad} */
        public Dyad dyad() {
            return dyad;
        }

        /** Every version, in sequence order. */
        public List<FactVersion> versions() {
            return new AbstractList<>() {
                @Override
                public FactVersion get(int index) {
                    if (index >= size) {
                        throw new IndexOutOfBoundsException(index);
                    }
                    return versions[index];
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }

        /** The sequence number of the last event applied, -1 when none. */
        public long lastSequence() {
            return size == 0 ? -1 : versions[size - 1].sequence();
        }

        /** Whether nothing was applied. */
        public boolean isEmpty() {
            return size == 0;
        }

        /** The facts in force now, in order, with checkpoints (built on first use). */
        public FactView current() {
            FactView v = current;
            if (v == null) {
                v = FactView.of(dyad, effective(null, null));
                current = v;
            }
            return v;
        }

        /**
         * {@return the first version written by the event with this sequence number (a retraction of several facts
         * writes one per fact), found by binary search}
         *
         * @param sequence the event's sequence number in the dyad
         */
        public Optional<FactVersion> version(long sequence) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (versions[mid].sequence() < sequence) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo < size && versions[lo].sequence() == sequence ? Optional.of(versions[lo]) : Optional.empty();
        }

        /**
         * {@return the facts in force after the events up to a sequence number (the current view when that is the last)}
         *
         * @param sequence the last sequence number to include (-1: none)
         */
        public FactView upTo(long sequence) {
            if (sequence >= lastSequence()) {
                return current();
            }
            Map<FactId, FactEvent> byId = new LinkedHashMap<>();
            for (int i = 0; i < size && versions[i].sequence() <= sequence; i++) {
                FactVersion v = versions[i];
                if (v.isRetraction()) {
                    byId.remove(v.id());
                } else {
                    byId.put(v.id(), v.fact().get());
                }
            }
            return FactView.of(dyad, new ArrayList<>(byId.values()));
        }

        /**
         * The facts in force as known at an instant (null: now), keeping those the filter accepts
         * (null: all).
         */
        public List<FactEvent> effective(Instant knownAt, Predicate<FactEvent> keep) {
            Map<FactId, FactEvent> byId = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                FactVersion v = versions[i];
                if (knownAt != null && v.recordedAt().isAfter(knownAt)) {
                    continue;
                }
                if (v.isRetraction()) {
                    byId.remove(v.id());
                } else {
                    byId.put(v.id(), v.fact().get());
                }
            }
            List<FactEvent> out = new ArrayList<>(byId.size());
            for (FactEvent e : byId.values()) {
                if (keep == null || keep.test(e)) {
                    out.add(e);
                }
            }
            return out;
        }

        /**
         * Every fact as known at an instant (null: now), retracted ones included, with what the
         * timeline shows of each.
         */
        public List<Entry> entries(Instant knownAt) {
            Map<FactId, Entry> byId = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                FactVersion v = versions[i];
                if (knownAt != null && v.recordedAt().isAfter(knownAt)) {
                    continue;
                }
                Entry old = byId.get(v.id());
                if (v.isRetraction()) {
                    if (old != null) {
                        byId.put(v.id(), new Entry(old.fact(), old.revision(), old.firstRecorded(), old.revisedAt(),
                                Optional.of(v.recordedAt()), v.reason()));
                    }
                } else if (old == null) {
                    byId.put(v.id(), new Entry(v.fact().get(), v.revision(), v.recordedAt(), v.recordedAt(), Optional.empty(),
                            Optional.empty()));
                } else {
                    byId.put(v.id(), new Entry(v.fact().get(), v.revision(), old.firstRecorded(), v.recordedAt(),
                            old.retractedAt(), old.retractionReason()));
                }
            }
            return new ArrayList<>(byId.values());
        }
    }

    /**
     * A fact as the timeline shows it.
     *
     * @param fact             its content (the latest revision known)
     * @param revision         that revision's number
     * @param firstRecorded    when its first revision was recorded
     * @param revisedAt        when the revision shown was recorded
     * @param retractedAt      when it was retracted, if it was
     * @param retractionReason why it was retracted
     */
    public record Entry(FactEvent fact, int revision, Instant firstRecorded, Instant revisedAt, Optional<Instant> retractedAt,
                        Optional<String> retractionReason) {
    }
}
