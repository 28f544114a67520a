package org.entente.core.store;

import java.util.Objects;
import org.entente.core.Dyad;

/**
 * Where a write left a dyad: the sequence number of its last event. Reads that must see the write
 * wait until projections have reached this position (read-your-writes).
 *
 * @param dyad     the dyad written
 * @param sequence the sequence number of the dyad's last event after the write; -1 if it has none
 * @param events   how many events the write stored (0 when everything was recorded already)
 */
public record Recorded(Dyad dyad, long sequence, int events) {
    /**
     * Creates the record, checking its components.
     *
     * @param dyad the dyad written
     * @param sequence the sequence number of the dyad's last event after the write; -1 if it has none
     * @param events how many events the write stored (0 when everything was recorded already)
     */
    public Recorded {
        Objects.requireNonNull(dyad, "dyad");
    }
}
