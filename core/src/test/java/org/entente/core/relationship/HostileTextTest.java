package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.core.CameoCode;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.text.ControlCharacterException;
import org.junit.jupiter.api.Test;

/**
 * New text is refused at every kind of entry point of the API when it holds a control character,
 * naming the fact, the field, the character and its position; the shapes the store reads back
 * (events, and sources built with the canonical constructor) still accept it, so that old stores load.
 */
class HostileTextTest {

    private static final String TITLE_CHANGE = "\u001b]0;pwned\u0007";

    private static Source sourceWithPublisher(String publisher) {
        return new Source(Source.Kind.ARTICLE, Source.Confidence.REPORTED, Optional.of(publisher), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void aSourceBuiltWithItsWithMethodsRefusesControlCharactersNamingTheField() {
        Source article = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED);
        assertThatThrownBy(() -> article.withPublisher("Reuters\r\n2024-01-01  forged row"))
                .isInstanceOfSatisfying(ControlCharacterException.class, e -> {
                    assertThat(e.field()).isEqualTo("source publisher");
                    assertThat(e.codePoint()).isEqualTo('\r');
                    assertThat(e.position()).isEqualTo(8);
                })
                .hasMessageStartingWith("source publisher: U+000D (CR) at character 8 is refused");
        assertThatThrownBy(() -> article.withTitle("\u202Egnp.exe")).hasMessageStartingWith("source title: U+202E (RLO) at character 1");
        assertThatThrownBy(() -> article.withAddress("a\u0000b")).hasMessageStartingWith("source address: U+0000 (NUL) at character 2");
        assertThatThrownBy(() -> article.withNote("one\ttwo")).hasMessageStartingWith("source note: U+0009 (TAB) at character 4");
        assertThat(article.withNote("spelled \"Niamé\"\nin the article").note()).contains("spelled \"Niamé\"\nin the article");
    }

    @Test
    void aCommandRefusesControlCharactersInItsOwnTextFields() {
        assertThatThrownBy(() -> new FactCommand.HoldTalks(header("t-1", "2024-01-02", USA, NER), Optional.of(TITLE_CHANGE)))
                .isInstanceOfSatisfying(ControlCharacterException.class, e -> {
                    assertThat(e.fact()).contains(FactId.of("t-1"));
                    assertThat(e.field()).isEqualTo("subject");
                })
                .hasMessageStartingWith("fact t-1, subject: U+001B (ESC) at character 1 is refused");
        assertThatThrownBy(() -> new FactCommand.StationForces(header("f-1", "2024-01-02", USA, NER), Optional.of("Niamey"),
                Optional.empty(), List.of("Air Base 101", "Air Base\u0085201"), true))
                .hasMessageStartingWith("fact f-1, bases[1]: U+0085 (NEL) at character 9 is refused");
        assertThatThrownBy(() -> new FactCommand.AppointAttache(header("a-1", "2024-01-02", TUR, NER), Optional.of("Serkan Kaya"),
                Optional.of("Colonel\u007f"), AttacheService.DEFENCE))
                .hasMessageStartingWith("fact a-1, rank: U+007F (DEL) at character 8 is refused");
    }

    @Test
    void aCommandRefusesControlCharactersInItsSourcesNamingTheFactAndTheSource() {
        FactHeader header = new FactHeader(FactId.of("t-2"), HappenedOn.day(2024, 1, 2), USA, NER,
                List.of(source(), sourceWithPublisher("Reuters\r\n2024-01-01  forged")));
        assertThatThrownBy(() -> new FactCommand.EstablishRelations(header))
                .isInstanceOfSatisfying(ControlCharacterException.class, e -> assertThat(e.field()).isEqualTo("sources[1].publisher"))
                .hasMessageStartingWith("fact t-2, sources[1].publisher: U+000D (CR) at character 8 is refused");
    }

    @Test
    void multiLineFieldsAcceptLineFeedsAndRefuseTheOtherControls() {
        FactHeader header = header("s-1", "2024-01-02", USA, NER);
        assertThat(new FactCommand.ImposeSanctions(header, "Asset freezes;\ntravel bans").description()).contains("\n");
        assertThatThrownBy(() -> new FactCommand.ImposeSanctions(header, "Asset freezes;\r\ntravel bans"))
                .hasMessageStartingWith("fact s-1, description: U+000D (CR) at character 15 is refused")
                .hasMessageContaining("except line feeds (U+000A)");
        assertThatThrownBy(() -> new FactCommand.RecordInteraction(header, CameoCode.of("040"), "\u001b[2Jconsulted"))
                .hasMessageStartingWith("fact s-1, description: U+001B (ESC) at character 1 is refused");
        assertThatThrownBy(() -> new FactCommand.SignAgreement(header, AgreementKind.ECONOMIC, Optional.of("Trade\nagreement")))
                .hasMessageStartingWith("fact s-1, title: U+000A (LF) at character 6 is refused");
    }

    @Test
    void correctionsAndRetractionsRefuseControlCharactersInTheirReason() {
        assertThatThrownBy(() -> new RelationshipCommand.RetractFacts(List.of(FactId.of("t-1")), "wrong\u0007"))
                .isInstanceOfSatisfying(ControlCharacterException.class, e -> assertThat(e.field()).isEqualTo("reason"))
                .hasMessageStartingWith("fact t-1, reason: U+0007 (BEL) at character 6 is refused");
        assertThatThrownBy(() -> new RelationshipCommand.CorrectFact(talks("t-1", "2024-01-02", USA, NER), "\u2066typo\u2069"))
                .hasMessageStartingWith("fact t-1, reason: U+2066 (LRI) at character 1 is refused");
        assertThat(new RelationshipCommand.RetractFacts(List.of(FactId.of("t-1")), "never happened;\nsee the erratum").reason())
                .isEqualTo("never happened;\nsee the erratum");
    }

    @Test
    void valuesThatCannotBeIdsOrCodesAreEchoedEscapedInTheRefusal() {
        assertThatThrownBy(() -> FactId.of("x\u001b[2J")).hasMessageStartingWith("'x\\u001B[2J' is not a fact id");
        assertThatThrownBy(() -> Country.of("N\u001bR")).hasMessageStartingWith("N\\u001BR is not an ISO 3166-1 alpha-3 code");
        assertThatThrownBy(() -> CameoCode.of("04\u0007")).hasMessageStartingWith("'04\\u0007' is not a CAMEO event code");
        assertThatThrownBy(() -> FactKind.fromSlug("talks\r\n")).hasMessageStartingWith("'talks\\r\\n' is not a kind of fact");
    }

    @Test
    void eventsTheStoreReadsBackStillAcceptControlCharacters() {
        FactHeader header = new FactHeader(FactId.of("old"), HappenedOn.day(LocalDate.of(2020, 1, 1)), USA, NER,
                List.of(sourceWithPublisher("Reuters\r\n2020-01-01  forged")));
        FactEvent.TalksHeld old = new FactEvent.TalksHeld(header, Optional.of(TITLE_CHANGE));
        assertThat(old.subject()).contains(TITLE_CHANGE);
        assertThat(new RelationshipEvent.FactsRetracted(old.dyad(), List.of(old.fact().id()), "bell\u0007").reason())
                .isEqualTo("bell\u0007");
    }
}
