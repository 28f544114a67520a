package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.FactHeader;
import org.entente.core.relationship.MissionLevel;
import org.entente.core.store.EntenteJackson;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.EventTypeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, defect 7: text that a terminal would act on. A hostile seed is refused by {@code load};
 * the same text in a store written before it was refused is printed escaped by every command, which
 * is checked on the bytes the command line writes: no byte below 0x20 but the line feed, no DEL, no C1
 * control, no bidirectional control.
 */
class HostileTextCliTest {

    static final Country NER = Country.of("NER");
    static final Country USA = Country.of("USA");

    static final String TITLE_CHANGE = "\u001b]0;pwned\u0007";
    static final String CLEAR_SCREEN = "\u001b[2J";
    static final String FORGED_ROW = "Reuters\r\n2024-01-03  hold talks  USA  NER  forged  AFP";

    @TempDir
    Path dir;

    record Run(int code, byte[] out, byte[] err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }

        String errText() {
            return new String(err, StandardCharsets.UTF_8);
        }
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EntenteCli.run(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8)), args);
        return new Run(code, out.toByteArray(), err.toByteArray());
    }

    String store() {
        return dir.resolve("store").toString();
    }

    /** What a terminal would act on, byte by byte (UTF-8), then character by character. */
    static void assertSafeForATerminal(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            assertThat(b < 0x20 && b != '\n' || b == 0x7F).as("byte 0x%02X at %d of:%n%s", b, i,
                    new String(bytes, StandardCharsets.UTF_8)).isFalse();
            // C1 controls are C2 80 to C2 9F in UTF-8.
            assertThat(b == 0xC2 && i + 1 < bytes.length && (bytes[i + 1] & 0xFF) <= 0x9F).as("a C1 control at %d", i).isFalse();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.chars().filter(c -> c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x2028 && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069)).as("bidirectional controls in:%n%s", text).isEmpty();
    }

    // ------------------------------------------------------------------------------------ input

    @Test
    void aHostileSeedIsRefusedByLoadWithTheFieldNamedAndNothingIsWritten() throws Exception {
        Path seed = dir.resolve("hostile.yaml");
        Files.writeString(seed, """
                format: entente-seed/1
                title: Hostile
                facts:
                  - id: t-1
                    kind: hold-talks
                    happened: 2024-01-01
                    actor: USA
                    target: NER
                    subject: "\\e]0;pwned\\a\\e[2J\\0"
                    sources:
                      - kind: article
                        confidence: reported
                        publisher: "Reuters\\r\\n2024-01-03  hold talks  USA  NER  forged"
                        title: "\\u202Egnp.exe"
                """);
        Run r = run("--store", store(), "load", seed.toString());
        assertThat(r.code()).isEqualTo(2);
        assertSafeForATerminal(r.err());
        assertThat(r.errText()).contains(
                seed + ":9:14: fact t-1, subject: U+001B (ESC) at character 1 is refused",
                seed + ":13:20: fact t-1, sources[0].publisher: U+000D (CR) at character 8 is refused",
                seed + ":14:16: fact t-1, sources[0].title: U+202E (RLO) at character 1 is refused");
        assertThat(r.outText()).isEmpty();
        assertThat(dir.resolve("store")).doesNotExist();
    }

    @Test
    void valuesEchoedInErrorsAreEscaped() {
        Run r = run("--store", store(), "load", "niger" + TITLE_CHANGE);
        assertThat(r.code()).isEqualTo(2);
        assertSafeForATerminal(r.err());
        assertThat(r.errText()).startsWith("entente: 'niger\\u001B]0;pwned\\u0007' is neither a seed file nor a bundled seed");

        Run retract = run("--store", store(), "retract", "x" + CLEAR_SCREEN, "--reason", "test");
        assertThat(retract.code()).isEqualTo(2);
        assertSafeForATerminal(retract.err());
        assertThat(retract.errText()).contains("x\\u001B[2J");

        Run reason = run("--store", store(), "retract", "usa-denounce", "--reason", "bell\u0007");
        assertThat(reason.code()).isEqualTo(2);
        assertSafeForATerminal(reason.err());
        assertThat(reason.errText()).startsWith("entente: fact usa-denounce, reason: U+0007 (BEL) at character 5 is refused");
    }

    // ----------------------------------------------------------------------------------- output

    private static FactHeader header(String id, String day, Country actor, Country target, Source source) {
        return new FactHeader(FactId.of(id), HappenedOn.day(LocalDate.parse(day)), actor, target, List.of(source));
    }

    private static Source publisher(String publisher) {
        return new Source(Source.Kind.ARTICLE, Source.Confidence.REPORTED, Optional.of(publisher), Optional.empty(),
                Optional.empty(), Optional.of(LocalDate.of(2024, 1, 3)), Optional.empty());
    }

    /**
     * A store as an older version wrote it: facts recorded through the API with plain text, whose
     * payloads are then replaced by the same events holding hostile text (events, unlike commands,
     * accept it, since they are what the store reads back).
     */
    private void writeOldStore() throws Exception {
        Source plain = publisher("AFP");
        List<FactCommand> recorded = List.of(
                new FactCommand.SignAgreement(header("t-sign", "2024-01-01", NER, USA, plain), AgreementKind.STATUS_OF_FORCES,
                        Optional.of("SOFA")),
                new FactCommand.StationForces(header("t-station", "2024-01-01", USA, NER, plain), Optional.of("Niamey"),
                        Optional.of(1000), List.of("Air Base 101"), true),
                new FactCommand.AccreditAmbassador(header("t-envoy", "2024-01-02", USA, NER, plain), MissionLevel.AMBASSADOR,
                        Optional.of("Kathleen FitzGibbon")),
                new FactCommand.HoldTalks(header("t-talks", "2024-01-03", USA, NER, plain), Optional.of("cooperation")));
        List<FactEvent> hostile = List.of(
                new FactEvent.AgreementSigned(header("t-sign", "2024-01-01", NER, USA, plain), AgreementKind.STATUS_OF_FORCES,
                        Optional.of("SOFA" + TITLE_CHANGE)),
                new FactEvent.ForcesStationed(header("t-station", "2024-01-01", USA, NER, plain), Optional.of("Niamey"),
                        Optional.of(1000), List.of("Air Base 101" + CLEAR_SCREEN), true),
                new FactEvent.AmbassadorAccredited(header("t-envoy", "2024-01-02", USA, NER, plain), MissionLevel.AMBASSADOR,
                        Optional.of("\u202Eevil\u202C \u0085\u009b31m\u007f")),
                new FactEvent.TalksHeld(header("t-talks", "2024-01-03", USA, NER, publisher(FORGED_ROW + "\u0000")),
                        Optional.of("\\u001B is six characters")));
        ObjectMapper json = EntenteJackson.mapper(EventTypeRegistry.standard());
        try (EntenteStore store = EntenteStore.builder().h2(dir.resolve("store")).build()) {
            store.recordAll(recorded);
            try (Connection c = store.connections().getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE DomainEventEntry SET payload = ? WHERE sequenceNumber = ?")) {
                for (int i = 0; i < hostile.size(); i++) {
                    ps.setBytes(1, json.writeValueAsBytes(hostile.get(i)));
                    ps.setLong(2, i);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void theTimelineOfAStoreHoldingControlCharactersPrintsThemEscapedOnTheirOwnRow() throws Exception {
        writeOldStore();
        Run r = run("--store", store(), "timeline", "NER-USA");
        assertThat(r.code()).as(r.errText()).isZero();
        assertSafeForATerminal(r.out());
        assertThat(r.outText().split("\n", -1)).containsExactly(
                "Timeline of NER-USA: 4 facts",
                "",
                "DAY         KIND                 ACTOR  TARGET  FACT       SOURCES",
                "2024-01-01  sign agreement       NER    USA     t-sign     AFP 2024-01-03",
                "2024-01-01  station forces       USA    NER     t-station  AFP 2024-01-03",
                "2024-01-02  accredit ambassador  USA    NER     t-envoy    AFP 2024-01-03",
                "2024-01-03  hold talks           USA    NER     t-talks    Reuters\\r\\n2024-01-03  hold talks  USA  NER  forged  AFP\\u0000 2024-01-03",
                "");
    }

    @Test
    void theBoardOfAStoreHoldingControlCharactersPrintsThemEscaped() throws Exception {
        writeOldStore();
        Run r = run("--store", store(), "board", "NER", "--as-of", "2024-02-01");
        assertThat(r.code()).as(r.errText()).isZero();
        assertSafeForATerminal(r.out());
        assertThat(r.errText()).doesNotContain("was empty");
        assertThat(r.outText().split("\n", -1)).containsExactly(
                "Niger (NER) on 2024-02-01: 1 partner",
                "",
                "PARTNER            STATUS         AGREEMENTS IN FORCE                                     FORCES PRESENT"
                        + "                      ENVOYS IN POST                                         LAST FACT",
                "USA United States  STRENGTHENING  status of forces since 2024 (SOFA\\u001B]0;pwned\\u0007)"
                        + "  USA ~1000 at Air Base 101\\u001B[2J"
                        + "  USA ambassador \\u202Eevil\\u202C \\u0085\\u009B31m\\u007F  2024-01-03 t-talks (hold talks)",
                "",
                "Security partners (weight of 4): USA United States 2",
                "Concentration 1.00, diversification 0.00, effective number of partners 1.00",
                "");
    }

    @Test
    void everyReadCommandOfAStoreHoldingControlCharactersWritesNothingATerminalActsOn() throws Exception {
        writeOldStore();
        for (String[] args : List.of(
                new String[] {"--store", store(), "diff", "NER", "--from", "2023-12-31", "--to", "2024-02-01"},
                new String[] {"--store", store(), "board", "NER", "--as-of", "2024-02-01", "--format", "json"},
                new String[] {"--store", store(), "timeline", "NER", "--format", "json"})) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.errText()).isZero();
            assertSafeForATerminal(r.out());
            assertSafeForATerminal(r.err());
        }
    }

    @Test
    void jsonEscapesTheStoredTextAndScriptsReadItBackExactly() throws Exception {
        writeOldStore();
        Run r = run("--store", store(), "timeline", "NER-USA", "--format", "json");
        assertThat(r.code()).as(r.errText()).isZero();
        assertSafeForATerminal(r.out());
        assertThat(r.outText()).contains("\\u202Eevil\\u202C \\u0085\\u009B31m\\u007F");
        JsonNode timeline = new ObjectMapper().readTree(r.out());
        assertThat(timeline.findValuesAsText("publisher")).contains(FORGED_ROW + "\u0000");
        assertThat(timeline.findValuesAsText("name")).contains("\u202Eevil\u202C \u0085\u009b31m\u007f");
    }
}
