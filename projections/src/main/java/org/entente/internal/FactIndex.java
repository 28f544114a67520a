package org.entente.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.core.Country;
import org.entente.core.Dyad;

/**
 * Every dyad's projected history, by dyad and by country. Changed only after the transaction that
 * wrote the same rows committed; read without locks.
 */
public final class FactIndex {

    private final ConcurrentHashMap<Dyad, DyadIndex> dyads = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Country, Set<Dyad>> byCountry = new ConcurrentHashMap<>();
    private final Object progress = new Object();

    /** The highest global position of the events applied so far (-1 when unknown, as in memory). */
    private volatile long appliedPosition = -1;

    /** Applies committed versions read from the store up to a global position, and wakes readers. */
    public void apply(List<FactVersion> versions, long position) {
        if (position > appliedPosition) {
            appliedPosition = position;
        }
        apply(versions);
    }

    /** The highest global position of the events applied so far, -1 when none or unknown. */
    public long appliedPosition() {
        return appliedPosition;
    }

    /** Applies committed versions, grouped by dyad, and wakes readers waiting for them. */
    public void apply(List<FactVersion> versions) {
        Map<Dyad, List<FactVersion>> grouped = new LinkedHashMap<>();
        for (FactVersion v : versions) {
            grouped.computeIfAbsent(v.dyad(), d -> new ArrayList<>()).add(v);
        }
        grouped.forEach((dyad, list) -> {
            DyadIndex index = dyads.computeIfAbsent(dyad, d -> {
                byCountry.computeIfAbsent(d.first(), c -> ConcurrentHashMap.newKeySet()).add(d);
                byCountry.computeIfAbsent(d.second(), c -> ConcurrentHashMap.newKeySet()).add(d);
                return new DyadIndex(d);
            });
            index.append(list);
        });
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /** The index of a dyad, if anything was recorded for it. */
    public Optional<DyadIndex> dyad(Dyad dyad) {
        return Optional.ofNullable(dyads.get(dyad));
    }

    /** The dyads of a country. */
    public Set<Dyad> dyadsOf(Country country) {
        return Set.copyOf(byCountry.getOrDefault(country, Set.of()));
    }

    /** Every dyad's index. */
    public Collection<DyadIndex> all() {
        return dyads.values();
    }

    /** The last sequence applied for a dyad, -1 when none. */
    public long lastSequence(Dyad dyad) {
        DyadIndex index = dyads.get(dyad);
        return index == null ? -1 : index.snapshot().lastSequence();
    }

    /** Waits until any change is applied, or the timeout passes. */
    public void awaitChange(Duration timeout) throws InterruptedException {
        synchronized (progress) {
            progress.wait(Math.max(1, timeout.toMillis()));
        }
    }

    /**
     * Waits until the dyad's projection has applied the sequence number.
     *
     * @return whether it did within the timeout
     */
    public boolean await(Dyad dyad, long sequence, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
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
}
