package org.entente;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.MoreFacts.day;
import static org.entente.testsupport.Facts.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactKind;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.timeline.TimelineEntry;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Timelines of the Niger story: a dyad's or a country's facts in happened order, filtered. */
class StoryTimelineTest {

    /** Every fact of the story in docs/DOMAIN.md's order: day, then rank, then fact id. */
    private static final List<String> NIGER = List.of(
            "fra-agreements", "usa-sofa-2012", "usa-forces-niamey", "fra-forces", "usa-forces-agadez",
            "fra-denounce", "ner-recall-2023-fra", "ner-recall-2023-usa",
            "chn-talks-2023",
            "fra-schedule", "fra-recall-2023",
            "fra-complete", "usa-talks-2024-03", "usa-denounce", "rus-forces", "usa-schedule",
            "chn-talks", "chn-pledge",
            "tur-attache", "tur-pledge",
            "usa-deadline", "usa-handover-101",
            "tur-visit", "tur-visit-pledge",
            "usa-handover-201", "usa-complete");

    private static Entente entente;

    @BeforeAll
    static void record() {
        entente = Entente.inMemory();
        entente.recordAll(NigerStory.facts());
        entente.record(new RelationshipCommand.RetractFacts(List.of(FactId.of("chn-talks-2023")), "the meeting was in 2024"));
    }

    @AfterAll
    static void close() {
        entente.close();
    }

    private static List<String> ids(List<TimelineEntry> entries) {
        return entries.stream().map(e -> e.id().value()).toList();
    }

    @Test
    void aCountrysTimelineMergesEveryDyadInHappenedOrder() {
        List<TimelineEntry> niger = entente.timeline(NER, TimelineFilter.all());

        assertThat(ids(niger)).containsExactlyElementsOf(NIGER);
        assertThat(niger).extracting(TimelineEntry::fact).isSortedAccordingTo(DyadHistory.ORDER);
        assertThat(niger).extracting(e -> e.fact().dyad()).containsOnly(Dyad.of(NER, USA), Dyad.of(NER, FRA),
                Dyad.of(NER, CHN), Dyad.of(NER, TUR), Dyad.of(NER, RUS));
    }

    @Test
    void anEntryReadsFlatAndPrintsAsOneShortLine() {
        TimelineEntry schedule = entente.timeline(Dyad.of(NER, USA), TimelineFilter.all()).stream()
                .filter(e -> e.id().equals(FactId.of("usa-schedule"))).findFirst().orElseThrow();
        assertThat(schedule.day()).isEqualTo(day("2024-04-19"));
        assertThat(schedule.kind()).isEqualTo(org.entente.core.relationship.FactKind.SCHEDULE_WITHDRAWAL);
        assertThat(schedule.actor()).isEqualTo(USA);
        assertThat(schedule.target()).isEqualTo(NER);
        assertThat(schedule.sources()).isEqualTo(schedule.fact().fact().sources());
        assertThat(schedule).hasToString("2024-04-19 USA -> NER schedule withdrawal (usa-schedule)");
        TimelineEntry retracted = entente.timeline(Dyad.of(NER, CHN), TimelineFilter.all()).stream()
                .filter(TimelineEntry::retracted).findFirst().orElseThrow();
        assertThat(retracted.toString()).endsWith("(chn-talks-2023) retracted").doesNotContain("Optional");
    }

    @Test
    void onOneDayLowerRanksComeFirstWhateverTheDyad() {
        assertThat(ids(entente.timeline(NER, TimelineFilter.all().from(day("2023-08-03")).to(day("2023-08-03")))))
                .containsExactly("fra-denounce", "ner-recall-2023-fra", "ner-recall-2023-usa");
        assertThat(ids(entente.timeline(NER, TimelineFilter.all().from(day("2024-08-05")).to(day("2024-08-05")))))
                .containsExactly("usa-handover-201", "usa-complete");
    }

    @Test
    void aPartnersTimelineHoldsOnlyItsDyadsFacts() {
        assertThat(ids(entente.timeline(USA, TimelineFilter.all())))
                .containsExactlyElementsOf(NIGER.stream().filter(id -> id.startsWith("usa-") || id.equals("ner-recall-2023-usa")).toList());
        assertThat(ids(entente.timeline(Dyad.of(TUR, NER), TimelineFilter.all())))
                .containsExactly("tur-attache", "tur-pledge", "tur-visit", "tur-visit-pledge");
    }

    @Test
    void aDyadWithNothingRecordedHasAnEmptyTimeline() {
        assertThat(entente.timeline(Dyad.of(FRA, USA), TimelineFilter.all())).isEmpty();
        assertThat(entente.timeline(org.entente.core.Country.of("DEU"), TimelineFilter.all())).isEmpty();
    }

    @Test
    void fromAndToIncludeTheirDays() {
        assertThat(ids(entente.timeline(NER, TimelineFilter.all().from(day("2024-04-23")).to(day("2024-04-26")))))
                .containsExactly("chn-talks", "chn-pledge", "tur-attache", "tur-pledge");
        assertThat(ids(entente.timeline(NER, TimelineFilter.all().from(day("2024-04-24")).to(day("2024-04-25"))))).isEmpty();
        assertThat(ids(entente.timeline(NER, TimelineFilter.all().from(day("2024-07-17")))))
                .containsExactly("tur-visit", "tur-visit-pledge", "usa-handover-201", "usa-complete");
        assertThat(ids(entente.timeline(NER, TimelineFilter.all().to(day("2013-02-22")))))
                .containsExactly("fra-agreements", "usa-sofa-2012", "usa-forces-niamey");
    }

    @Test
    void kindsKeepOnlyFactsOfThoseKinds() {
        assertThat(ids(entente.timeline(NER, TimelineFilter.all().kinds(Set.of(FactKind.PLEDGE_COOPERATION)))))
                .containsExactly("chn-pledge", "tur-pledge", "tur-visit-pledge");
        assertThat(ids(entente.timeline(NER, TimelineFilter.all()
                .kinds(EnumSet.of(FactKind.DENOUNCE_AGREEMENT, FactKind.COMPLETE_WITHDRAWAL)).from(day("2024-01-01")))))
                .containsExactly("usa-denounce", "usa-complete");
    }

    @Test
    void aRetractedFactIsShownFlaggedUnlessRetractedFactsAreLeftOut() {
        List<TimelineEntry> china = entente.timeline(Dyad.of(CHN, NER), TimelineFilter.all());

        assertThat(china).extracting(TimelineEntry::retracted).containsExactly(true, false, false);
        assertThat(china.get(0).retractionReason()).contains("the meeting was in 2024");
        assertThat(ids(entente.timeline(Dyad.of(CHN, NER), TimelineFilter.all().withoutRetracted())))
                .containsExactly("chn-talks", "chn-pledge");
        assertThat(entente.timeline(NER, TimelineFilter.all().withoutRetracted())).hasSize(NIGER.size() - 1);
    }

    @Test
    void aTimelineWhoseFirstDayIsAfterItsLastIsRejected() {
        assertThatThrownBy(() -> TimelineFilter.all().from(day("2024-05-01")).to(day("2024-04-30")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-05-01").hasMessageContaining("2024-04-30");
    }

    @Test
    void entriesCarryTheirSources() {
        assertThat(entente.timeline(NER, TimelineFilter.all()))
                .allSatisfy(e -> assertThat(e.fact().fact().sources()).isNotEmpty());
    }
}
