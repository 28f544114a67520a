package org.entente.internal;

import java.time.Clock;
import java.time.Duration;
import org.entente.core.store.EntenteStore;
import org.entente.subscription.PartnershipListener;
import org.entente.subscription.Subscription;
import org.entente.subscription.SubscriptionOptions;
import org.entente.subscription.Watch;

/** The running subscriptions of one Entente (being built). */
public final class Subscriptions implements AutoCloseable {

    /**
     * Subscriptions over a store and its projections.
     *
     * @param store       the store
     * @param projections its projections
     * @param clock       what today is
     * @param windowDays  the status window
     * @param gapTimeout  how long a missing global position may stay missing before it is skipped
     */
    public Subscriptions(EntenteStore store, Projections projections, Clock clock, int windowDays, Duration gapTimeout) {
    }

    /**
     * Starts a subscription.
     *
     * @param watch    what it watches
     * @param listener who it tells
     * @param options  where it starts
     * @return the subscription
     */
    public Subscription subscribe(Watch watch, PartnershipListener listener, SubscriptionOptions options) {
        throw new UnsupportedOperationException("being built");
    }

    @Override
    public void close() {
    }
}
