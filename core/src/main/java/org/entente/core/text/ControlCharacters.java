package org.entente.core.text;

import java.util.Objects;
import java.util.Optional;
import org.entente.core.FactId;

/**
 * The characters that new text may not hold, because a terminal (or a text viewer) acts on them
 * instead of showing them: they can move the cursor, clear the screen, change the window's title,
 * forge a line of a table or reorder what a line seems to say.
 *
 * <p>They are, as {@link #isControl(int)} tells:
 * <ul>
 *   <li>the C0 controls U+0000 to U+001F, among them TAB (U+0009), LF (U+000A), CR (U+000D) and ESC
 *       (U+001B);</li>
 *   <li>DEL (U+007F) and the C1 controls U+0080 to U+009F (U+009B is a CSI on some terminals);</li>
 *   <li>the bidirectional formatting characters: the embeddings and overrides U+202A to U+202E, the
 *       isolates U+2066 to U+2069, and the marks ALM (U+061C), LRM (U+200E) and RLM (U+200F), which
 *       are invisible and can make a line read otherwise than its characters say;</li>
 *   <li>the line and paragraph separators U+2028 and U+2029, which some viewers break lines on.</li>
 * </ul>
 *
 * <p>New text (commands, {@link org.entente.core.Source}'s {@code with...} methods, seed files) is
 * refused when it holds one, with {@link ControlCharacterException}; the one exception is the line
 * feed (LF, U+000A) in the fields that are written over several lines ({@link LineFeeds#ACCEPTED}):
 * the description of a sanction or an interaction, a source's note, the reason of a correction or a
 * retraction, and a seed's description. TAB is refused everywhere: it moves the cursor by a width
 * the terminal decides, which breaks the columns of a table; write spaces. CR is refused everywhere,
 * line breaks are LF only. Text already stored is never refused: it is read as it is, and
 * {@link TerminalText} escapes it on output.
 *
 * <p>New text also refuses an unpaired UTF-16 surrogate (a high surrogate U+D800 to U+DBFF not
 * followed by a low one, or a low surrogate U+DC00 to U+DFFF not preceded by a high one): it is no
 * character at all, and UTF-8 (JSON output, the files the command line writes) cannot encode it. See
 * {@link #isUnpairedSurrogate(int)}.
 *
 * <p>Other invisible characters (the zero-width space U+200B, joiners U+200C and U+200D, which
 * scripts such as Persian need, the soft hyphen U+00AD, the byte order mark U+FEFF) are accepted: a
 * terminal shows nothing for them but does not act on them. {@link TerminalText} escapes them on
 * output, except the two joiners.
 */
public final class ControlCharacters {

    /** Whether a field accepts line feeds: a multi-line note does, a name or a title does not. */
    public enum LineFeeds {
        /** A one-line field: LF is refused like the other control characters. */
        REFUSED,
        /** A multi-line field: LF is accepted, the other control characters are refused. */
        ACCEPTED
    }

    private static final String[] C0 = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT",
        "FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS",
        "GS", "RS", "US"};
    private static final String[] C1 = {"PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS",
        "PLD", "PLU", "RI", "SS2", "SS3", "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGC", "SCI",
        "CSI", "ST", "OSC", "PM", "APC"};
    private static final String[] BIDI = {"LRE", "RLE", "PDF", "LRO", "RLO"};
    private static final String[] ISOLATES = {"LRI", "RLI", "FSI", "PDI"};

    /** What the refusal messages say is refused. */
    static final String REFUSED = "control characters (U+0000 to U+001F, U+007F to U+009F), bidirectional formatting"
            + " characters (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) and U+2028, U+2029";

    private ControlCharacters() {
    }

    /**
     * {@return whether the code point is one of the characters this class lists}
     *
     * @param codePoint any Unicode code point, such as one from {@code String.codePoints()}
     */
    public static boolean isControl(int codePoint) {
        return codePoint < 0x20
                || codePoint >= 0x7F && codePoint <= 0x9F
                || codePoint == 0x061C
                || codePoint == 0x200E || codePoint == 0x200F
                || codePoint >= 0x2028 && codePoint <= 0x202E
                || codePoint >= 0x2066 && codePoint <= 0x2069;
    }

    /**
     * {@return whether the code point is a surrogate (U+D800 to U+DFFF): {@link #find} returns one only when
     * it is unpaired, since a pair is read as the one character it encodes}
     *
     * @param codePoint the code point
     */
    public static boolean isUnpairedSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    /**
     * {@return the code point as messages name it: {@code U+001B (ESC)}, {@code U+202E (RLO)}, {@code U+00E9}}
     *
     * @param codePoint any Unicode code point, such as one from {@code String.codePoints()}
     */
    public static String name(int codePoint) {
        String hex = String.format(java.util.Locale.ROOT, "U+%04X", codePoint);
        String abbreviation = codePoint < 0x20 ? C0[codePoint]
                : codePoint == 0x7F ? "DEL"
                : codePoint >= 0x80 && codePoint <= 0x9F ? C1[codePoint - 0x80]
                : codePoint == 0x061C ? "ALM"
                : codePoint == 0x200E ? "LRM"
                : codePoint == 0x200F ? "RLM"
                : codePoint == 0x2028 ? "LS"
                : codePoint == 0x2029 ? "PS"
                : codePoint >= 0x202A && codePoint <= 0x202E ? BIDI[codePoint - 0x202A]
                : codePoint >= 0x2066 && codePoint <= 0x2069 ? ISOLATES[codePoint - 0x2066]
                : isUnpairedSurrogate(codePoint) ? "unpaired surrogate"
                : null;
        return abbreviation == null ? hex : hex + " (" + abbreviation + ")";
    }

    /**
     * {@return the first character of the text that the field refuses, or empty when there is none}
     *
     * @param text      the text to check
     * @param lineFeeds whether the field accepts line feeds
     */
    public static Optional<Found> find(CharSequence text, LineFeeds lineFeeds) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(lineFeeds, "lineFeeds");
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            position++;
            // Character.codePointAt returns a surrogate only when it is not half of a pair.
            if (isControl(c) && !(c == '\n' && lineFeeds == LineFeeds.ACCEPTED) || isUnpairedSurrogate(c)) {
                return Optional.of(new Found(c, position));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /**
     * The text, when it holds no character the field refuses.
     *
     * <pre>{@code
     * ControlCharacters.requireNone("Reuters\r\n", LineFeeds.REFUSED, Optional.of(id), "sources[0].publisher");
     * // ControlCharacterException: fact usa-denounce, sources[0].publisher: U+000D (CR) at character 8 is refused; ...
     * }</pre>
     *
     * @param text      the text to check
     * @param lineFeeds whether the field accepts line feeds
     * @param fact      the fact the text belongs to, when there is one
     * @param field     the field, as messages name it: {@code subject}, {@code sources[0].publisher}
     * @return the text, unchanged
     * @throws ControlCharacterException naming the fact, the field, the character and its position
     */
    public static String requireNone(String text, LineFeeds lineFeeds, Optional<FactId> fact, String field) {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(field, "field");
        Optional<Found> found = find(text, lineFeeds);
        if (found.isPresent()) {
            throw new ControlCharacterException(fact, field, found.get().codePoint(), found.get().position(),
                    found.get().refusal(lineFeeds));
        }
        return text;
    }

    /**
     * A refused character and where it is in its text.
     *
     * @param codePoint the character
     * @param position  its position in the text, counting characters (code points) from 1
     */
    public record Found(int codePoint, int position) {

        /**
         * Validates; see the type's documentation.
         *
         * @param codePoint the character
         * @param position its position in the text, counting characters (code points) from 1
         */
        public Found {
            if (!isControl(codePoint) && !isUnpairedSurrogate(codePoint)) {
                throw new IllegalArgumentException(name(codePoint) + " is not a control character nor a surrogate");
            }
            if (position < 1) {
                throw new IllegalArgumentException("positions count from 1, got " + position);
            }
        }

        /**
         * {@return what is wrong and what is accepted, for a message that names the field first:
         * {@code U+001B (ESC) at character 9 is refused; text may not hold ...}}
         *
         * @param lineFeeds whether the field accepts line feeds, which the message says
         */
        public String refusal(LineFeeds lineFeeds) {
            if (isUnpairedSurrogate(codePoint)) {
                return String.format(java.util.Locale.ROOT, "unpaired surrogate U+%04X", codePoint) + " at character " + position
                        + " is refused; text may not hold half of a UTF-16 surrogate pair (U+D800 to U+DFFF) without its other"
                        + " half, which no UTF-8 output can encode; nor " + REFUSED;
            }
            return name(codePoint) + " at character " + position + " is refused; text may not hold " + REFUSED
                    + (lineFeeds == LineFeeds.ACCEPTED ? ", except line feeds (U+000A)"
                    : codePoint == '\n' ? "; line feeds are accepted only in multi-line fields (description, note, reason)"
                    : "");
        }
    }
}
