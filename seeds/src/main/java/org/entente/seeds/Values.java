package org.entente.seeds;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.entente.core.Precision;
import org.entente.core.text.TerminalText;

/** Reading dates, and describing values in messages. */
final class Values {

    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    static final String HAPPENED_FORMS = "2024-04-26 (a day), 2024-04 (a month: its first day, month precision),"
            + " 2012 (a year: 1 January, year precision) or {day: 2024-04-15, precision: month}";

    private Values() {
    }

    /** A number as messages show it: {@code 1,000,000}, whatever the default locale. */
    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** A value as a message shows it: quoted, shortened to 60 characters and escaped for a terminal. */
    static String quote(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "... (" + text.length() + " characters)" : text;
        return "'" + TerminalText.escape(shown) + "'";
    }

    /** What a node is, for "expected ..., found ..." messages. */
    static String describe(Node node) {
        if (node instanceof Node.Scalar s) {
            return s.isNull() ? "no value" : quote(s.text());
        }
        if (node instanceof Node.Mapping || node instanceof Node.Skipped k && k.mapping()) {
            return "a mapping";
        }
        if (node instanceof Node.Sequence || node instanceof Node.Skipped) {
            return "a list";
        }
        return "an invalid value";
    }

    /** A form of date a seed accepts, parsed; thrown {@link IllegalArgumentException}s say what is wrong. */
    static Parsed parseHappened(String text) {
        String t = text.strip();
        if (DAY.matcher(t).matches()) {
            try {
                return new Parsed(LocalDate.parse(t), Precision.DAY);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(quote(text) + " is not a day (" + reason(e) + "); expected " + HAPPENED_FORMS);
            }
        }
        if (MONTH.matcher(t).matches()) {
            try {
                return new Parsed(YearMonth.parse(t).atDay(1), Precision.MONTH);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(quote(text) + " is not a month (" + reason(e) + "); expected " + HAPPENED_FORMS);
            }
        }
        if (YEAR.matcher(t).matches()) {
            return new Parsed(LocalDate.of(Integer.parseInt(t), 1, 1), Precision.YEAR);
        }
        throw new IllegalArgumentException(quote(text) + " is not a date; expected " + HAPPENED_FORMS);
    }

    /** A day written {@code 2024-04-26}. */
    static LocalDate parseDay(String text) {
        String t = text.strip();
        if (!DAY.matcher(t).matches()) {
            throw new IllegalArgumentException(quote(text) + " is not a day; expected YYYY-MM-DD such as 2024-09-15");
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(quote(text) + " is not a day (" + reason(e) + "); expected YYYY-MM-DD such as 2024-09-15");
        }
    }

    /** The calendar's reason, without the parser's preamble. */
    private static String reason(DateTimeParseException e) {
        return e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    }

    /** A parsed date and its precision. */
    record Parsed(LocalDate day, Precision precision) {
    }
}
