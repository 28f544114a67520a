package org.entente.core.text;

import java.util.Objects;

/**
 * Makes text safe to print on a terminal: every character that a terminal would act on (the
 * control, bidirectional and separator characters that {@link ControlCharacters#isControl(int)}
 * lists) is written visibly instead, as in a Java or JSON string literal. The command line, the
 * library's own text ({@code toText()}) and any report print stored text through this class, so that
 * text stored by an older version, or written to the store by other means, cannot change the
 * terminal's title, clear the screen or forge a line of a table.
 *
 * <p>The escapes: {@code \t}, {@code \n}, {@code \r} for TAB, LF and CR; a backslash, {@code u} and
 * four upper-case hexadecimal digits for the others, such as <code>&#92;u001B</code> for ESC and
 * <code>&#92;u202E</code> for RLO; and {@code \\} for a backslash, so that the escaped text is
 * unambiguous: <code>&#92;u001B</code> on screen is always an ESC in the text, never these six
 * characters, which are shown <code>&#92;&#92;u001B</code>.
 *
 * <pre>
 * TerminalText.escape("Reuters\r\nForged row");          // Reuters\r\nForged row, on one line
 * TerminalText.escape("&#92;u001b]0;pwned&#92;u0007");       // &#92;u001B]0;pwned&#92;u0007
 * TerminalText.escapeMultiline("first\nsecond\t2");    // first, a line feed, second\t2
 * </pre>
 *
 * <p>Text with nothing to escape is returned as it is (the same instance, without copying).
 */
public final class TerminalText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private TerminalText() {
    }

    /**
     * {@return a value shown on one line (a cell of a table, a value quoted in a message): line feeds are
     * escaped too, so that a value never starts a line of its own}
     *
     * @param text any text, such as a value read from a store or a file; not null
     */
    public static String escape(CharSequence text) {
        return escape(text, false, true);
    }

    /**
     * {@return a value shown over several lines (a note, a description): line feeds are kept, everything else
     * is escaped as {@link #escape(CharSequence)} does}
     *
     * @param text any text, such as a stored note or description; not null
     */
    public static String escapeMultiline(CharSequence text) {
        return escape(text, true, true);
    }

    /**
     * Text composed by a program (a message, a report) whose values were escaped when they were put
     * in, made safe in case one was not: control characters other than LF are escaped, backslashes
     * are left as they are, so that nothing already escaped is escaped twice. Applying it twice
     * gives the same text. Unlike {@link #escape(CharSequence)}, the result is not unambiguous: use
     * it as a last line of defence (the command line passes every error message through it), not
     * for values.
     *
     * @param text a message or report composed by a program; not null
     * @return the text, safe to print
     */
    public static String sanitize(CharSequence text) {
        return escape(text, true, false);
    }

    /**
     * {@return whether {@link #escape(CharSequence)} would change the text}
     *
     * @param text any text; not null
     */
    public static boolean needsEscape(CharSequence text) {
        return firstToEscape(Objects.requireNonNull(text, "text"), false, true) >= 0;
    }

    private static String escape(CharSequence text, boolean keepLineFeeds, boolean backslashes) {
        Objects.requireNonNull(text, "text");
        int first = firstToEscape(text, keepLineFeeds, backslashes);
        if (first < 0) {
            return text.toString();
        }
        StringBuilder s = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && backslashes) {
                s.append("\\\\");
            } else if (c == '\n' && keepLineFeeds || !ControlCharacters.isControl(c)) {
                s.append(c);
            } else if (c == '\t') {
                s.append("\\t");
            } else if (c == '\n') {
                s.append("\\n");
            } else if (c == '\r') {
                s.append("\\r");
            } else {
                s.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            }
        }
        return s.toString();
    }

    /** Every character to escape is in the Basic Multilingual Plane, so chars can be tested one by one. */
    private static int firstToEscape(CharSequence text, boolean keepLineFeeds, boolean backslashes) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' ? backslashes : ControlCharacters.isControl(c) && !(c == '\n' && keepLineFeeds)) {
                return i;
            }
        }
        return -1;
    }
}
