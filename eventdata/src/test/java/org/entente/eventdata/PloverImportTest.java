package org.entente.eventdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.entente.core.CameoCode;
import org.entente.core.Country;
import org.entente.core.Source;
import org.entente.core.relationship.FactCommand.RecordInteraction;
import org.entente.eventdata.PloverMapping.PloverEvent;
import org.junit.jupiter.api.Test;

class PloverImportTest {

    @Test
    void theSampleLinesBecomeInteractionsOrSkipsWithTheirReasons() throws IOException {
        ParseResult parsed = Importer.plover().parse(Samples.path(Samples.PLOVER));

        assertThat(parsed.rows()).isEqualTo(16);
        assertThat(parsed.parsed()).extracting(p -> p.rowId() + " " + p.command().code())
                .containsExactly("t1 040", "t2 0312", "t3 062", "t4 1622", "t5 0874", "t12 050", "17 041");
        assertThat(parsed.skips().all()).extracting(s -> s.line() + " " + s.reason()).containsExactly(
                "6 NOT_A_COUNTRY", "7 MALFORMED_ROW", "8 BAD_EVENT_CODE", "9 MISSING_COUNTRY", "10 MALFORMED_ROW",
                "11 BAD_DATE", "13 SAME_COUNTRY", "15 DUPLICATE_ID", "16 BAD_ID");
        assertThat(parsed.skips().all().get(1).detail()).isEqualTo("required field 'event' is missing");
        assertThat(parsed.skips().all().get(2).detail()).startsWith("PLOVER event type 'DANCE' is not one Entente maps");
    }

    @Test
    void aLineLongerThanTheLimitIsSkippedAsMalformedAndReadingGoesOn() throws IOException {
        String huge = "{\"id\": \"big\", \"note\": \"" + "x".repeat(LineImporter.MAX_LINE) + "\"}";
        String text = huge + "\n" + "{\"id\": \"t\", \"date\": \"2024-02-01\", \"actor\": \"NER\", \"recipient\": \"MLI\", \"event\": \"CONSULT\"}";

        ParseResult parsed = Importer.plover().parse(new java.io.StringReader(text), "big.jsonl", ImportProgress.NONE);

        assertThat(parsed.skips().all()).extracting(s -> s.line() + " " + s.reason()).containsExactly("1 MALFORMED_ROW");
        assertThat(parsed.parsed()).extracting(ParsedRow::line).containsExactly(2);
    }

    @Test
    void aLineGivesItsIdDateDirectionAndSource() throws IOException {
        List<RecordInteraction> commands = Importer.plover().parse(Samples.path(Samples.PLOVER)).commands();

        RecordInteraction talks = commands.get(0);
        assertThat(talks.fact().id().value()).isEqualTo("plover-t1");
        assertThat(talks.fact().happened().day()).isEqualTo(LocalDate.of(2024, 4, 23));
        assertThat(talks.fact().actor()).isEqualTo(Country.of("CHN"));
        assertThat(talks.fact().target()).isEqualTo(Country.of("NER"));
        assertThat(talks.fact().sources()).containsExactly(Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED)
                .withPublisher("madar.mr").withPublished(LocalDate.of(2024, 4, 24)));
        assertThat(talks.description()).isEqualTo("CHN → NER: CONSULT");

        RecordInteraction legacy = commands.get(5);
        assertThat(legacy.fact().actor()).as("CAMEO's legacy ROM is Romania").isEqualTo(Country.of("ROU"));
        assertThat(legacy.fact().target()).isEqualTo(Country.of("MDA"));
        assertThat(legacy.fact().sources().get(0).publisher()).contains("PLOVER");
        assertThat(legacy.fact().sources().get(0).address()).contains(Samples.PLOVER);

        RecordInteraction numericId = commands.get(6);
        assertThat(numericId.fact().id().value()).isEqualTo("plover-17");
        assertThat(numericId.fact().sources().get(0).publisher()).contains("example.com");
    }

    @Test
    void everyEventTypeHasACodeAndTheTableRoundTripsItsOwnCodes() {
        for (String type : PloverMapping.EVENT_TYPES) {
            assertThat(PloverMapping.toCameo(type, "", List.of())).as(type).isPresent();
        }
        for (String type : PloverMapping.EVENT_TYPES) {
            for (String mode : PloverMapping.modes(type)) {
                CameoCode code = PloverMapping.toCameo(type, mode, List.of()).orElseThrow();
                PloverEvent back = PloverMapping.fromCameo(code);
                assertThat(PloverMapping.toCameo(back.event(), back.mode(), back.context())).as(type + "/" + mode).contains(code);
            }
        }
        assertThat(PloverMapping.toCameo("dance", "", List.of())).isEmpty();
        assertThat(PloverMapping.toCameo("CONSULT", "carrier pigeon", List.of())).contains(CameoCode.of("040"));
    }

    @Test
    void cameoCodesGoToThePloverTypeOfTheirRoot() {
        assertThat(PloverMapping.fromCameo(CameoCode.of("0874"))).isEqualTo(new PloverEvent("RETREAT", "withdraw", List.of()));
        assertThat(PloverMapping.fromCameo(CameoCode.of("166"))).isEqualTo(new PloverEvent("SANCTION", "expel", List.of()));
        assertThat(PloverMapping.fromCameo(CameoCode.of("163")).event()).isEqualTo("SANCTION");
        assertThat(PloverMapping.fromCameo(CameoCode.of("1622"))).isEqualTo(new PloverEvent("SANCTION", "discontinue", List.of("military")));
        assertThat(PloverMapping.fromCameo(CameoCode.of("0312"))).isEqualTo(new PloverEvent("AGREE", "", List.of("military")));
        assertThat(PloverMapping.fromCameo(CameoCode.of("057")).event()).isEqualTo("SUPPORT");
        assertThat(PloverMapping.fromCameo(CameoCode.of("082")).event()).isEqualTo("CONCEDE");
        assertThat(PloverMapping.fromCameo(CameoCode.of("0841")).event()).isEqualTo("RETREAT");
        assertThat(PloverMapping.fromCameo(CameoCode.of("106")).event()).isEqualTo("REQUEST");
        assertThat(PloverMapping.fromCameo(CameoCode.of("010")).event()).isEqualTo("OTHER");
        assertThat(PloverMapping.fromCameo(CameoCode.of("190")).event()).isEqualTo("ASSAULT");
        assertThat(PloverMapping.fromCameo(CameoCode.of("093"))).isEqualTo(new PloverEvent("ACCUSE", "investigate", List.of()));
    }
}
