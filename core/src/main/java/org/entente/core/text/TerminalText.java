package org.entente.core.text;

import java.util.Objects;

/**
 * Makes text safe to print on a terminal: every character that a terminal would act on (the
 * control, bidirectional and separator characters that {@link ControlCharacters#isControl(int)}
 * lists), every other invisible format character (Unicode category Cf, such as the zero-width space
 * U+200B, the soft hyphen U+00AD, the word joiner U+2060 and the byte order mark U+FEFF; except the
 * joiners U+200C and U+200D, which scripts such as Persian need) and every unpaired surrogate is
 * written visibly instead, as in a Java or JSON string literal. The command line, the
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
        for (int i = first; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            if (c == '\\' && backslashes) {
                s.append("\\\\");
            } else if (c == '\n' && keepLineFeeds || !toEscape(c)) {
                s.appendCodePoint(c);
            } else if (c == '\t') {
                s.append("\\t");
            } else if (c == '\n') {
                s.append("\\n");
            } else if (c == '\r') {
                s.append("\\r");
            } else {
                // A character outside the Basic Multilingual Plane is written as its two UTF-16 halves, as JSON does.
                for (char unit : Character.toChars(c)) {
                    s.append("\\u").append(HEX[unit >> 12 & 0xF]).append(HEX[unit >> 8 & 0xF])
                            .append(HEX[unit >> 4 & 0xF]).append(HEX[unit & 0xF]);
                }
            }
        }
        return s.toString();
    }

    /**
     * Whether a character is written escaped: the ones a terminal acts on ({@link ControlCharacters#isControl(int)}),
     * an unpaired surrogate (no character at all, which UTF-8 cannot encode), and every other invisible format
     * character (Unicode category Cf: U+00AD, U+200B, U+2060, U+FEFF, ...), which would make two values that
     * differ look the same; except the joiners U+200C and U+200D, which scripts such as Persian need to be shown right.
     */
    private static boolean toEscape(int c) {
        return ControlCharacters.isControl(c)
                || ControlCharacters.isUnpairedSurrogate(c)
                || Character.getType(c) == Character.FORMAT && c != 0x200C && c != 0x200D;
    }

    private static int firstToEscape(CharSequence text, boolean keepLineFeeds, boolean backslashes) {
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            if (c == '\\' ? backslashes : toEscape(c) && !(c == '\n' && keepLineFeeds)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }
}
