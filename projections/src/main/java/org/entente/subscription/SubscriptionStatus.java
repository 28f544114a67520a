package org.entente.subscription;

import java.time.Instant;
import java.util.Optional;

/**
 * How a subscription is doing.
 *
 * @param watch               what it watches
 * @param running             false once it is closed (or its Entente is)
 * @param position            the position after the last acknowledged change (or the last event and day evaluated)
 * @param lag                 events stored after {@code position}'s event, not yet evaluated
 * @param delivered           changes acknowledged since it started
 * @param failures            failed deliveries since it started
 * @param consecutiveFailures failed deliveries of the change now waiting (0 when none is failing)
 * @param lastFailure         the last failure's exception, as text, and when it happened
 */
public record SubscriptionStatus(Watch watch, boolean running, SubscriptionPosition position, long lag, long delivered,
                                 long failures, int consecutiveFailures, Optional<Failure> lastFailure) {

    /**
     * A failed delivery.
     *
     * @param at      when it failed, by the Entente's clock
     * @param message the exception's class and message
     */
    public record Failure(Instant at, String message) {
    }
}
