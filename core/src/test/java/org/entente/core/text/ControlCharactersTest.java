package org.entente.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.entente.core.FactId;
import org.entente.core.text.ControlCharacters.LineFeeds;
import org.junit.jupiter.api.Test;

/** Which characters new text may not hold, and how a refusal reads. */
class ControlCharactersTest {

    @Test
    void c0DelC1BidirectionalControlsAndSeparatorsAreControls() {
        for (int c : new int[] {0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F, 0x061C, 0x200E,
            0x200F, 0x202A, 0x202E, 0x2066, 0x2069, 0x2028, 0x2029}) {
            assertThat(ControlCharacters.isControl(c)).as(ControlCharacters.name(c)).isTrue();
        }
        for (int c : new int[] {' ', '~', 0xA0, 0xE9, 0x200B, 0x200D, 0x2030, 0x2065, 0x206A, 0xFEFF, 0x1F600}) {
            assertThat(ControlCharacters.isControl(c)).as(ControlCharacters.name(c)).isFalse();
        }
    }

    @Test
    void charactersAreNamedByTheirCodePointAndAbbreviation() {
        assertThat(ControlCharacters.name(0x1B)).isEqualTo("U+001B (ESC)");
        assertThat(ControlCharacters.name(0x09)).isEqualTo("U+0009 (TAB)");
        assertThat(ControlCharacters.name(0x9B)).isEqualTo("U+009B (CSI)");
        assertThat(ControlCharacters.name(0x202E)).isEqualTo("U+202E (RLO)");
        assertThat(ControlCharacters.name(0x2067)).isEqualTo("U+2067 (RLI)");
        assertThat(ControlCharacters.name(0xE9)).isEqualTo("U+00E9");
    }

    @Test
    void aLineFeedIsAcceptedOnlyWhereTheFieldAcceptsLineFeedsAndCrAndTabNowhere() {
        assertThat(ControlCharacters.find("one\ntwo", LineFeeds.ACCEPTED)).isEmpty();
        assertThat(ControlCharacters.find("one\ntwo", LineFeeds.REFUSED)).contains(new ControlCharacters.Found('\n', 4));
        assertThat(ControlCharacters.find("one\r\ntwo", LineFeeds.ACCEPTED)).contains(new ControlCharacters.Found('\r', 4));
        assertThat(ControlCharacters.find("one\ttwo", LineFeeds.ACCEPTED)).contains(new ControlCharacters.Found('\t', 4));
    }

    @Test
    void thePositionCountsCharactersNotJavaChars() {
        assertThat(ControlCharacters.find("\uD83D\uDE00\u202E", LineFeeds.REFUSED)).contains(new ControlCharacters.Found(0x202E, 2));
    }

    @Test
    void aRefusalNamesTheFactTheFieldTheCharacterAndItsPosition() {
        assertThatThrownBy(() -> ControlCharacters.requireNone("Reuters\u001b]0;pwned\u0007", LineFeeds.REFUSED,
                Optional.of(FactId.of("usa-talks")), "sources[0].publisher"))
                .isInstanceOfSatisfying(ControlCharacterException.class, e -> {
                    assertThat(e.fact()).contains(FactId.of("usa-talks"));
                    assertThat(e.field()).isEqualTo("sources[0].publisher");
                    assertThat(e.codePoint()).isEqualTo(0x1B);
                    assertThat(e.position()).isEqualTo(8);
                })
                .hasMessageStartingWith("fact usa-talks, sources[0].publisher: U+001B (ESC) at character 8 is refused;"
                        + " text may not hold control characters (U+0000 to U+001F, U+007F to U+009F)");
    }

    @Test
    void aLineFeedInAOneLineFieldSaysWhichFieldsAcceptIt() {
        assertThatThrownBy(() -> ControlCharacters.requireNone("a\nb", LineFeeds.REFUSED, Optional.empty(), "subject"))
                .hasMessageStartingWith("subject: U+000A (LF) at character 2 is refused")
                .hasMessageEndingWith("line feeds are accepted only in multi-line fields (description, note, reason)");
    }

    @Test
    void anUnpairedSurrogateIsRefusedWithItsPositionAndAPairIsAccepted() {
        assertThat(ControlCharacters.find("pair \uD83D\uDE00", LineFeeds.ACCEPTED)).isEmpty();
        assertThat(ControlCharacters.find("lone \uD800 high", LineFeeds.ACCEPTED)).contains(new ControlCharacters.Found(0xD800, 6));
        assertThat(ControlCharacters.find("\uDC00 lone low", LineFeeds.ACCEPTED)).contains(new ControlCharacters.Found(0xDC00, 1));
        assertThat(ControlCharacters.find("ends high \uDBFF", LineFeeds.ACCEPTED)).contains(new ControlCharacters.Found(0xDBFF, 11));
        assertThatThrownBy(() -> ControlCharacters.requireNone("lone \uD800 high", LineFeeds.REFUSED,
                Optional.of(FactId.of("usa-talks")), "subject"))
                .isInstanceOfSatisfying(ControlCharacterException.class, e -> {
                    assertThat(e.codePoint()).isEqualTo(0xD800);
                    assertThat(e.position()).isEqualTo(6);
                })
                .hasMessageStartingWith("fact usa-talks, subject: unpaired surrogate U+D800 at character 6 is refused;")
                .hasMessageContaining("half of a UTF-16 surrogate pair (U+D800 to U+DFFF) without its other half");
    }

    @Test
    void invisibleFormatCharactersOtherThanTheListedOnesAreAccepted() {
        for (String text : new String[] {"zero\u200Bwidth", "bom\uFEFF", "soft\u00ADhyphen", "word\u2060joiner", "\u0645\u06CC\u200C\u0634\u0648\u062F"}) {
            assertThat(ControlCharacters.find(text, LineFeeds.REFUSED)).as(text).isEmpty();
        }
    }
}
