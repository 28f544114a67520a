package org.entente.subscription;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.entente.core.text.TerminalText;

/**
 * Where a subscription starts and how it retries: {@link #fromNow()} (the default: changes from the moment it
 * is made), {@link #from(SubscriptionPosition)} (a position the application stored), or
 * {@link #durable(String)} (the store keeps the position under a name: the first start is from now, each
 * later start resumes where the last acknowledged change left it). Immutable.
 */
public final class SubscriptionOptions {

    /** The form of a durable subscription's name. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Optional<SubscriptionPosition> from;
    private final Optional<String> durableName;
    private final Duration firstRetry;
    private final Duration maxRetry;

    private SubscriptionOptions(Optional<SubscriptionPosition> from, Optional<String> durableName, Duration firstRetry, Duration maxRetry) {
        this.from = from;
        this.durableName = durableName;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    /** {@return options for a subscription that starts now, with retries after 100 ms doubling up to 30 s} */
    public static SubscriptionOptions fromNow() {
        return new SubscriptionOptions(Optional.empty(), Optional.empty(), Duration.ofMillis(100), Duration.ofSeconds(30));
    }

    /**
     * {@return options for a subscription that resumes after a stored position}
     *
     * @param position a position from a {@link PartnershipChanged#position()} or {@link Subscription#position()}
     */
    public static SubscriptionOptions from(SubscriptionPosition position) {
        Objects.requireNonNull(position, "position: give a stored SubscriptionPosition, or use fromNow()");
        return new SubscriptionOptions(Optional.of(position), Optional.empty(), Duration.ofMillis(100), Duration.ofSeconds(30));
    }

    /**
     * {@return options for a subscription whose position the store keeps under a name}
     *
     * @param name 1 to 100 letters, digits, {@code .}, {@code _} or {@code -}, starting with a letter or digit
     * @throws IllegalArgumentException naming the name and the accepted form
     */
    public static SubscriptionOptions durable(String name) {
        Objects.requireNonNull(name, "durable subscription name: give a name such as \"alerts\"");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + TerminalText.escape(name) + "' is not a durable subscription name; expected 1 to 100"
                    + " letters, digits, '.', '_' or '-', starting with a letter or digit, such as \"alerts\" or \"billing.partners\"");
        }
        return new SubscriptionOptions(Optional.empty(), Optional.of(name), Duration.ofMillis(100), Duration.ofSeconds(30));
    }

    /**
     * {@return these options with another back-off: a failed delivery is retried after {@code first}, then twice as
     * long each time, up to {@code max}}
     *
     * @param first the first wait, positive
     * @param max   the longest wait, not shorter than {@code first}
     * @throws IllegalArgumentException when {@code first} is not positive or {@code max} is shorter
     */
    public SubscriptionOptions retry(Duration first, Duration max) {
        Objects.requireNonNull(first, "first retry: give a positive Duration such as Duration.ofMillis(100)");
        Objects.requireNonNull(max, "longest retry: give a Duration such as Duration.ofSeconds(30)");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("retries need 0 < first <= max, got first " + first + " and max " + max);
        }
        return new SubscriptionOptions(from, durableName, first, max);
    }

    /** {@return the stored position to resume after, for {@link #from(SubscriptionPosition)}} */
    public Optional<SubscriptionPosition> position() {
        return from;
    }

    /** {@return the durable name, for {@link #durable(String)}} */
    public Optional<String> durableName() {
        return durableName;
    }

    /** {@return the first wait after a failed delivery} */
    public Duration firstRetry() {
        return firstRetry;
    }

    /** {@return the longest wait between retries} */
    public Duration maxRetry() {
        return maxRetry;
    }
}
