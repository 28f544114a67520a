package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.junit.jupiter.api.Test;

/** A null given to a fact's header is refused with a message naming what is missing and what to give. */
class FactHeaderNullsTest {

    private static final Country USA = Country.of("USA");
    private static final Country NER = Country.of("NER");
    private static final HappenedOn DAY = HappenedOn.day(2024, 4, 19);

    @Test
    void aNullSourceIsNamedByItsPosition() {
        assertThatThrownBy(() -> FactHeader.of("usa-schedule", DAY, USA, NER, Source.background(), (Source) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("source #2 of fact usa-schedule is null; give a Source such as Source.background()");
        List<Source> sources = new ArrayList<>();
        sources.add(null);
        assertThatThrownBy(() -> new FactHeader(FactId.of("x"), DAY, USA, NER, sources))
                .hasMessage("source #1 of fact x is null; give a Source such as Source.background()");
    }

    @Test
    void everyOtherNullIsNamedWithTheFact() {
        assertThatThrownBy(() -> FactHeader.of(null, DAY, USA, NER, Source.background()))
                .hasMessageStartingWith("fact id is null");
        assertThatThrownBy(() -> FactHeader.of("f", null, USA, NER, Source.background()))
                .hasMessageStartingWith("happened of fact f is null; give a HappenedOn");
        assertThatThrownBy(() -> FactHeader.of("f", DAY, null, NER, Source.background()))
                .hasMessageStartingWith("actor of fact f is null");
        assertThatThrownBy(() -> FactHeader.of("f", DAY, USA, null, Source.background()))
                .hasMessageStartingWith("target of fact f is null");
        assertThatThrownBy(() -> FactHeader.of("f", DAY, USA, NER, (Source[]) null))
                .hasMessageStartingWith("sources of fact f are null");
    }
}
