package org.entente.testsupport;

import java.time.Instant;

/** Instants between recordings, for knownAt questions. */
public final class Moments {

    private Moments() {
    }

    /**
     * {@return an instant more than 2 ms after the call began} Recording times are kept to the millisecond,
     * so what was recorded before the call and what is recorded after the returned instant fall on two
     * sides of it. Spins rather than sleeps: it waits for the clock, not for a thread.
     */
    public static Instant tick() {
        Instant now = Instant.now();
        while (!Instant.now().isAfter(now.plusMillis(2))) {
            Thread.onSpinWait();
        }
        return Instant.now();
    }
}
