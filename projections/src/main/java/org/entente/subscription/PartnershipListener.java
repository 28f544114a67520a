package org.entente.subscription;

/**
 * Receives the changes of a subscription, one at a time, in order, on the subscription's own thread.
 * Returning normally acknowledges the change: the subscription's position moves past it. Throwing
 * anything leaves it unacknowledged: the same change is delivered again after a back-off, and nothing after
 * it is delivered before it succeeds. Writers and other subscriptions never wait for a listener.
 */
@FunctionalInterface
public interface PartnershipListener {

    /**
     * Called once per change, and again for the same change after a failure (at least once).
     *
     * @param change what changed; its {@link PartnershipChanged#position()} is where to resume after it
     * @throws Exception to have the change delivered again after a back-off
     */
    void onChange(PartnershipChanged change) throws Exception;
}
