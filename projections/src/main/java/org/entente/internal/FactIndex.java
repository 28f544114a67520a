package org.entente.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.ProjectionCache;
import org.entente.core.Actor;
import org.entente.core.Dyad;

/**
 * The dyads' projected histories that queries read: a cache of {@link DyadIndex}es bounded by a budget
 * of fact versions, least recently used evicted first, filled on demand by a {@link Loader} (the
 * projection rows or the events of one dyad). Changed only after the transaction that wrote the
 * versions committed.
 *
 * <p>Beside the cache, and bounded by the number of dyads rather than facts: each dyad's last applied
 * sequence number (for read-your-writes) and the dyads applied since this index was made, by country.
 *
 * <p>A load must not miss a version applied while it reads: before reading, the loader installs a
 * placeholder that {@link #apply} appends to, and the versions read are merged into it
 * ({@link DyadIndex#append} skips a version it holds and sorts one out of order). A version committed
 * before the placeholder was installed is in what the load reads; one applied after, in the placeholder.
 *
 * <p>Without a loader ({@link #FactIndex()}) the index is complete: every version applied is kept, as
 * the benchmark harness's raw baseline needs.
 */
public final class FactIndex {

    /** Reads one dyad's versions from the store, in sequence order (empty when nothing is recorded). */
    @FunctionalInterface
    public interface Loader {
        /**
         * Reads a dyad's versions.
         *
         * @param dyad the dyad
         * @return its versions in sequence order
         */
        List<FactVersion> load(Dyad dyad);
    }

    private final long budget;
    private final Loader loader;
    private final Object lock = new Object();
    /** Access-ordered: the eldest entry is the least recently used. Guarded by {@link #lock}. */
    private final LinkedHashMap<Dyad, DyadIndex> cached = new LinkedHashMap<>(64, 0.75f, true);
    /** Dyads being read, their placeholders collecting what is applied meanwhile. Guarded by {@link #lock}. */
    private final Map<Dyad, Loading> loading = new HashMap<>();
    private long weight;
    private long hits;
    private long misses;
    private long evictions;

    private final ConcurrentHashMap<Dyad, Long> lastSequences = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Actor, Set<Dyad>> byCountry = new ConcurrentHashMap<>();
    private final Object progress = new Object();

    /** How many times versions were applied (for followers that poll for change without a query). */
    private volatile long changes;

    /** The highest global position of the events applied so far (-1 when unknown, as in memory). */
    private volatile long appliedPosition = -1;

    /** A complete index: every version applied is kept, nothing is loaded. */
    public FactIndex() {
        this(Long.MAX_VALUE, null);
    }

    /**
     * A cache of at most {@code budget} fact versions, filled by {@code loader}.
     *
     * @param budget the most fact versions kept after a query (0: none)
     * @param loader reads a dyad that is not cached; null for a complete index
     */
    public FactIndex(long budget, Loader loader) {
        this.budget = budget;
        this.loader = loader;
    }

    /**
     * Applies committed versions read from the store up to a global position, and wakes readers.
     *
     * @param versions the versions
     * @param position the highest global position among their events
     */
    public void apply(List<FactVersion> versions, long position) {
        if (position > appliedPosition) {
            appliedPosition = position;
        }
        apply(versions);
    }

    /** {@return the highest global position of the events applied so far, -1 when none or unknown} */
    public long appliedPosition() {
        return appliedPosition;
    }

    /**
     * Applies committed versions: a cached or loading dyad gets them, any other only has its last
     * sequence number and countries recorded (a complete index keeps them all). Wakes readers.
     *
     * @param versions the versions, of any dyads
     */
    public void apply(List<FactVersion> versions) {
        if (!versions.isEmpty()) {
            Map<Dyad, List<FactVersion>> grouped = new LinkedHashMap<>();
            for (FactVersion v : versions) {
                grouped.computeIfAbsent(v.dyad(), d -> new ArrayList<>()).add(v);
            }
            synchronized (lock) {
                grouped.forEach(this::applyLocked);
                evict();
            }
        }
        synchronized (progress) {
            changes++;
            progress.notifyAll();
        }
    }

    /** {@return how many times versions were applied to this index: a change of the count means something was applied} */
    public long changeCount() {
        return changes;
    }

    private void applyLocked(Dyad dyad, List<FactVersion> list) {
        long last = -1;
        for (FactVersion v : list) {
            last = Math.max(last, v.sequence());
        }
        lastSequences.merge(dyad, last, Math::max);
        if (byCountry.computeIfAbsent(dyad.first(), c -> ConcurrentHashMap.newKeySet()).add(dyad)) {
            byCountry.computeIfAbsent(dyad.second(), c -> ConcurrentHashMap.newKeySet()).add(dyad);
        }
        // Counts as a use (moves the dyad to the recent end): a dyad just written is likely read next.
        DyadIndex index = cached.get(dyad);
        if (index != null) {
            long before = weight(index);
            index.append(list);
            weight += weight(index) - before;
            return;
        }
        Loading pending = loading.get(dyad);
        if (pending != null) {
            pending.index.append(list);
        } else if (loader == null) {
            index = new DyadIndex(dyad);
            index.append(list);
            cached.put(dyad, index);
            weight += weight(index);
        }
    }

    /**
     * {@return what a dyad's history holds now, read from the store when it is not cached (empty when nothing is
     * recorded for it)} The dyad is then kept if it fits the budget, evicting the least recently used.
     *
     * @param dyad the dyad
     */
    public DyadIndex.Snapshot snapshot(Dyad dyad) {
        Loading pending;
        boolean mine = false;
        synchronized (lock) {
            DyadIndex index = cached.get(dyad);
            if (index != null) {
                hits++;
                return index.snapshot();
            }
            if (loader == null) {
                return new DyadIndex(dyad).snapshot();
            }
            misses++;
            pending = loading.get(dyad);
            if (pending == null) {
                pending = new Loading(dyad);
                loading.put(dyad, pending);
                mine = true;
            }
        }
        if (!mine) {
            return pending.await();
        }
        try {
            pending.index.append(loader.load(dyad));
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                loading.remove(dyad, pending);
            }
            pending.done.completeExceptionally(e);
            throw e;
        }
        synchronized (lock) {
            loading.remove(dyad, pending);
            long w = weight(pending.index);
            if (w <= budget) {
                cached.put(dyad, pending.index);
                weight += w;
                evict();
            } else {
                evictions++;
            }
        }
        pending.done.complete(null);
        return pending.index.snapshot();
    }

    /** Drops the least recently used dyads until the cache is within its budget. Under {@link #lock}. */
    private void evict() {
        Iterator<DyadIndex> eldest = cached.values().iterator();
        while (weight > budget && eldest.hasNext()) {
            weight -= weight(eldest.next());
            eldest.remove();
            evictions++;
        }
    }

    /** A dyad weighs its versions, at least 1 (a dyad with nothing recorded is kept too). */
    private static long weight(DyadIndex index) {
        return Math.max(1, index.snapshot().versions().size());
    }

    /** {@return the dyads applied to this index, by country (not those only in the store)} */
    public Set<Dyad> dyadsOf(Actor country) {
        return Set.copyOf(byCountry.getOrDefault(country, Set.of()));
    }

    /** {@return every cached dyad's index (for a complete index, every dyad's)} */
    public Collection<DyadIndex> all() {
        synchronized (lock) {
            return List.copyOf(cached.values());
        }
    }

    /** {@return what the cache holds and how it has served queries} */
    public ProjectionCache.Statistics statistics() {
        synchronized (lock) {
            return new ProjectionCache.Statistics(cached.size(), weight, budget, hits, misses, evictions);
        }
    }

    /**
     * {@return the last sequence applied for a dyad, -1 when none was applied to this index}
     *
     * @param dyad the dyad
     */
    public long lastSequence(Dyad dyad) {
        return lastSequences.getOrDefault(dyad, -1L);
    }

    /**
     * Waits until any change is applied, or the timeout passes.
     *
     * @param timeout how long to wait at most
     * @throws InterruptedException when interrupted
     */
    public void awaitChange(Duration timeout) throws InterruptedException {
        synchronized (progress) {
            progress.wait(Math.max(1, timeout.toMillis()));
        }
    }

    /**
     * Waits until the dyad's projection has applied the sequence number.
     *
     * @param dyad     the dyad
     * @param sequence the sequence number to wait for
     * @param timeout  how long to wait at most
     * @return whether it did within the timeout
     * @throws InterruptedException when interrupted
     */
    public boolean await(Dyad dyad, long sequence, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (loader != null && !lastSequences.containsKey(dyad)) {
            // Nothing applied to this dyad since the index was made (a write that recorded nothing new, such
            // as a fact recorded again after a restart, names a sequence applied before): what the store's
            // projection holds says how far it is.
            lastSequences.merge(dyad, snapshot(dyad).lastSequence(), Math::max);
        }
        synchronized (progress) {
            while (lastSequence(dyad) < sequence) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, left / 1_000_000), 0);
            }
        }
        return true;
    }

    /** A dyad being read: the placeholder that collects versions applied meanwhile, and when the read is done. */
    private static final class Loading {
        final DyadIndex index;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Loading(Dyad dyad) {
            this.index = new DyadIndex(dyad);
        }

        DyadIndex.Snapshot await() {
            try {
                done.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
            return index.snapshot();
        }
    }
}
