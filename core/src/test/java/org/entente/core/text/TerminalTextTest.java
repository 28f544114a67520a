package org.entente.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one escaping function of text shown on a terminal. */
class TerminalTextTest {

    @Test
    void textWithNothingToEscapeIsReturnedAsItIs() {
        String plain = "Reuters (devdiscourse.com), « Niamey » – 2024, 北京";
        assertThat(TerminalText.escape(plain)).isSameAs(plain);
        assertThat(TerminalText.needsEscape(plain)).isFalse();
    }

    @Test
    void aTitleChangeAClearScreenAndABellAreShownAsEscapes() {
        assertThat(TerminalText.escape("\u001b]0;pwned\u0007")).isEqualTo("\\u001B]0;pwned\\u0007");
        assertThat(TerminalText.escape("\u001b[2J\u0000")).isEqualTo("\\u001B[2J\\u0000");
    }

    @Test
    void lineBreaksAndTabsUseTheirShortEscapesSoThatAValueStaysOnOneLine() {
        assertThat(TerminalText.escape("Reuters\r\n2024-01-01  USA  forged\trow"))
                .isEqualTo("Reuters\\r\\n2024-01-01  USA  forged\\trow");
    }

    @Test
    void delC1AndBidirectionalControlsAreEscapedToo() {
        assertThat(TerminalText.escape("a\u007fb\u0085c\u009bd")).isEqualTo("a\\u007Fb\\u0085c\\u009Bd");
        assertThat(TerminalText.escape("\u202Etxt.exe\u202C \u2066x\u2069 \u200E\u200F\u061C \u2028\u2029"))
                .isEqualTo("\\u202Etxt.exe\\u202C \\u2066x\\u2069 \\u200E\\u200F\\u061C \\u2028\\u2029");
    }

    @Test
    void aBackslashIsDoubledSoThatAnEscapeOnScreenAlwaysMeansTheCharacter() {
        assertThat(TerminalText.escape("C:\\data")).isEqualTo("C:\\\\data");
        // The six characters \u001B and the ESC itself must not look the same.
        assertThat(TerminalText.escape("\\u001B")).isEqualTo("\\\\u001B").isNotEqualTo(TerminalText.escape("\u001b"));
    }

    @Test
    void multilineTextKeepsItsLineFeedsAndEscapesTheRest() {
        assertThat(TerminalText.escapeMultiline("first\nsecond\r\n\u001b[2J\\"))
                .isEqualTo("first\nsecond\\r\n\\u001B[2J\\\\");
    }

    @Test
    void sanitizingComposedTextEscapesControlsButNotBackslashesAndChangesNothingTheSecondTime() {
        String message = "a.yaml:3:5: fact x, kind: '\\u001B' is not a kind\nbad \u001b[2J \u0007 \u202E";
        String once = TerminalText.sanitize(message);
        assertThat(once).isEqualTo("a.yaml:3:5: fact x, kind: '\\u001B' is not a kind\nbad \\u001B[2J \\u0007 \\u202E");
        assertThat(TerminalText.sanitize(once)).isEqualTo(once);
    }

    @Test
    void escapedTextHoldsNoCharacterATerminalActsOn() {
        StringBuilder every = new StringBuilder();
        for (int c = 0; c < 0x3000; c++) {
            if (!Character.isSurrogate((char) c)) {
                every.append((char) c);
            }
        }
        String escaped = TerminalText.escape(every);
        assertThat(escaped.chars().filter(ControlCharacters::isControl)).isEmpty();
        assertThat(TerminalText.escapeMultiline(every).chars().filter(c -> ControlCharacters.isControl(c) && c != '\n')).isEmpty();
    }

    @Test
    void invisibleFormatCharactersAndUnpairedSurrogatesAreEscapedButJoinersAndPairsAreKept() {
        assertThat(TerminalText.escape("a\u200Bb\uFEFFc\u00ADd\u2060e")).isEqualTo("a\\u200Bb\\uFEFFc\\u00ADd\\u2060e");
        assertThat(TerminalText.escape("lone \uD800 high, \uDC00 low")).isEqualTo("lone \\uD800 high, \\uDC00 low");
        assertThat(TerminalText.escape("tag \uDB40\uDC01")).isEqualTo("tag \\uDB40\\uDC01");
        String persian = "\u0645\u06CC\u200C\u0634\u0648\u062F";
        assertThat(TerminalText.escape(persian)).isSameAs(persian);
        String emoji = "\uD83D\uDC68\u200D\uD83D\uDCBB";
        assertThat(TerminalText.escape(emoji)).isEqualTo(emoji);
        assertThat(TerminalText.needsEscape("x\u200B")).isTrue();
        assertThat(TerminalText.sanitize(TerminalText.sanitize("x\uFEFF"))).isEqualTo("x\\uFEFF");
    }
}
