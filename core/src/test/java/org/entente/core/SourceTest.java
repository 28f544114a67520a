package org.entente.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;
import java.util.Optional;
import org.entente.core.Source.Confidence;
import org.entente.core.Source.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceTest {

    private static final LocalDate APRIL_26 = LocalDate.of(2024, 4, 26);

    @Test
    void aSourceNeedsOnlyItsKindAndConfidence() {
        Source source = Source.of(Kind.ARTICLE, Confidence.REPORTED);

        assertThat(source.publisher()).isEmpty();
        assertThat(source.title()).isEmpty();
        assertThat(source.address()).isEmpty();
        assertThat(source.published()).isEmpty();
        assertThat(source.note()).isEmpty();
    }

    @Test
    void theWithMethodsFillOneFieldEachAndKeepTheOthers() {
        Source source = Source.of(Kind.ARTICLE, Confidence.REPORTED)
                .withPublisher("AFP (urdupoint.com)")
                .withTitle("Niger: retrait américain")
                .withAddress("seeds/niger-2024-article.fr.txt")
                .withPublished(APRIL_26)
                .withNote("spells the attaché's name Serkane");

        assertThat(source.kind()).isEqualTo(Kind.ARTICLE);
        assertThat(source.confidence()).isEqualTo(Confidence.REPORTED);
        assertThat(source.publisher()).contains("AFP (urdupoint.com)");
        assertThat(source.title()).contains("Niger: retrait américain");
        assertThat(source.address()).contains("seeds/niger-2024-article.fr.txt");
        assertThat(source.published()).contains(APRIL_26);
        assertThat(source.note()).contains("spells the attaché's name Serkane");
    }

    @Test
    void backgroundIsReportedBackground() {
        assertThat(Source.background().kind()).isEqualTo(Kind.BACKGROUND);
        assertThat(Source.background().confidence()).isEqualTo(Confidence.REPORTED);
        assertThat(Source.hypothetical().kind()).isEqualTo(Kind.HYPOTHETICAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void blankTextIsRejectedInEveryField(String blank) {
        Source source = Source.background();

        assertThatIllegalArgumentException().isThrownBy(() -> source.withPublisher(blank))
                .withMessage("source publisher is blank; leave it out instead");
        assertThatIllegalArgumentException().isThrownBy(() -> source.withTitle(blank))
                .withMessage("source title is blank; leave it out instead");
        assertThatIllegalArgumentException().isThrownBy(() -> source.withAddress(blank))
                .withMessage("source address is blank; leave it out instead");
        assertThatIllegalArgumentException().isThrownBy(() -> source.withNote(blank))
                .withMessage("source note is blank; leave it out instead");
    }

    @Test
    void textOfTheMaximumLengthIsAcceptedAndLongerTextRejected() {
        Source source = Source.background();
        String longest = "x".repeat(Source.MAX_TEXT);

        assertThat(source.withTitle(longest).title()).contains(longest);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> source.withTitle(longest + "x"))
                .withMessage("source title has 2001 characters; at most 2000 are accepted");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> source.withNote(longest + "x"))
                .withMessageStartingWith("source note has 2001 characters");
    }

    @Test
    void aPublicationDateOutsideTheAcceptedRangeIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Source.background().withPublished(LocalDate.of(1599, 12, 31)))
                .withMessage("source publication date 1599-12-31 is outside the accepted range 1600-01-01..2199-12-31");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Source.background().withPublished(LocalDate.of(2200, 1, 1)));
    }

    @Test
    void kindConfidenceAndOptionalFieldsMayNotBeNull() {
        assertThatNullPointerException().isThrownBy(() -> Source.of(null, Confidence.REPORTED));
        assertThatNullPointerException().isThrownBy(() -> Source.of(Kind.ARTICLE, null));
        assertThatNullPointerException().isThrownBy(() -> new Source(Kind.ARTICLE, Confidence.REPORTED,
                null, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void backgroundIsAlwaysPublished() {
        assertThat(Source.background().publishedBy(HappenedOn.EARLIEST)).isTrue();
        assertThat(Source.background().publishedBy(LocalDate.of(2024, 4, 30))).isTrue();
        assertThat(Source.background().withPublished(APRIL_26).publishedBy(LocalDate.of(2000, 1, 1))).isTrue();
    }

    @Test
    void aDatedSourceIsPublishedFromItsDateOn() {
        Source article = Source.of(Kind.ARTICLE, Confidence.REPORTED).withPublished(APRIL_26);

        assertThat(article.publishedBy(APRIL_26.minusDays(1))).isFalse();
        assertThat(article.publishedBy(APRIL_26)).isTrue();
        assertThat(article.publishedBy(APRIL_26.plusDays(1))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "BACKGROUND", mode = EnumSource.Mode.EXCLUDE)
    void anUndatedSourceThatIsNotBackgroundIsNeverPublished(Kind kind) {
        Source undated = Source.of(kind, Confidence.OFFICIAL).withPublisher("someone");

        assertThat(undated.publishedBy(HappenedOn.LATEST)).isFalse();
        assertThat(undated.publishedBy(HappenedOn.EARLIEST)).isFalse();
    }
}
