package org.entente.subscription;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.Dyad;
import org.entente.core.text.TerminalText;

/**
 * Where a subscription stands: every event up to a global position of the event store has been evaluated,
 * and every day up to a date. A subscription started from a position delivers every change after it:
 * changes from events stored after {@code event}, and changes caused by time on days after {@code day}.
 *
 * <p>While the changes time made on one day are delivered (in dyad order), {@code dayCursor} holds the
 * last dyad delivered: the day before {@code day} is fully evaluated, and {@code day} up to that dyad.
 * Its text form, {@link #toString()}, is what an application stores: {@code "1234@2024-03-16"} or
 * {@code "1234@2024-03-16/NER-USA"}; {@link #parse(String)} reads it back.
 *
 * @param event     the global position of the last event evaluated (-1: none)
 * @param day       the last day evaluated (or being evaluated, with a cursor)
 * @param dayCursor the last dyad whose change on {@code day} was delivered, when that day is being delivered
 */
public record SubscriptionPosition(long event, LocalDate day, Optional<Dyad> dayCursor) {

    /**
     * Checks the values; see the type's documentation.
     *
     * @param event     the global position of the last event evaluated (-1: none)
     * @param day       the last day evaluated
     * @param dayCursor the last dyad delivered on {@code day}, while it is being delivered
     * @throws IllegalArgumentException when the event is below -1
     */
    public SubscriptionPosition {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(dayCursor, "dayCursor");
        if (event < -1) {
            throw new IllegalArgumentException("a subscription position's event is -1 (none) or a global position, got " + event);
        }
    }

    /**
     * {@return a position with no day being delivered}
     *
     * @param event the global position of the last event evaluated (-1: none)
     * @param day   the last day evaluated
     */
    public static SubscriptionPosition of(long event, LocalDate day) {
        return new SubscriptionPosition(event, day, Optional.empty());
    }

    /**
     * Reads a position written by {@link #toString()}.
     *
     * @param text such as {@code "1234@2024-03-16"} or {@code "1234@2024-03-16/NER-USA"}
     * @return the position
     * @throws IllegalArgumentException naming the text and the accepted form
     */
    public static SubscriptionPosition parse(String text) {
        Objects.requireNonNull(text, "subscription position: give the text of a position, such as \"1234@2024-03-16\"");
        int at = text.indexOf('@');
        int slash = text.indexOf('/', Math.max(at, 0));
        try {
            if (at < 1) {
                throw new IllegalArgumentException("no '@'");
            }
            long event = Long.parseLong(text.substring(0, at));
            LocalDate day = LocalDate.parse(text.substring(at + 1, slash < 0 ? text.length() : slash));
            Optional<Dyad> cursor = slash < 0 ? Optional.empty() : Optional.of(Dyad.ofStored(text.substring(slash + 1)));
            return new SubscriptionPosition(event, day, cursor);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + TerminalText.escape(text) + "' is not a subscription position; expected EVENT@DAY"
                    + " or EVENT@DAY/DYAD, such as 1234@2024-03-16 or 1234@2024-03-16/NER-USA (" + e.getMessage() + ")", e);
        }
    }

    /** {@return the text form: {@code "1234@2024-03-16"}, or {@code "1234@2024-03-16/NER-USA"} with a cursor} */
    @Override
    public String toString() {
        return event + "@" + day + dayCursor.map(d -> "/" + d.id()).orElse("");
    }
}
