package org.entente.subscription;

import java.time.Duration;

/**
 * A running subscription, made by {@link org.entente.Entente#subscribe(Watch, PartnershipListener, SubscriptionOptions)}.
 * Closing it stops delivery (the change being delivered, if any, finishes first); closing the Entente closes it.
 */
public interface Subscription extends AutoCloseable {

    /** {@return what it watches} */
    Watch watch();

    /** {@return the position after the last acknowledged change: store it to resume later} */
    SubscriptionPosition position();

    /** {@return its counts, lag and last failure} */
    SubscriptionStatus status();

    /**
     * Waits until every event stored when the call began has been evaluated, the clock's date has been
     * evaluated, and every change found has been acknowledged (for tests and orderly shut-downs).
     *
     * @param timeout the longest wait
     * @return whether it caught up within the timeout (false when a listener keeps failing, for one)
     */
    boolean awaitCaughtUp(Duration timeout);

    /** Stops delivery; a second call does nothing. */
    @Override
    void close();
}
