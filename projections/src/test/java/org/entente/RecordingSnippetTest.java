package org.entente;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.Source;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactBuilder;
import org.entente.partnership.Partnership;
import org.entente.timeline.TimelineEntry;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Recording snippet, as it is printed there (only the store's directory differs: a temporary one here), runs and records what it says. */
class RecordingSnippetTest {

    @TempDir
    Path directory;

    @Test
    void theReadmesRecordingSnippetRecordsItsFacts() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains("""
                try (Entente entente = Entente.h2(Path.of("recording-example"))) {  // a store of its own, not Getting started's
                    Source afp = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher("AFP (urdupoint.com)");
                    entente.record(Fact.id("usa-forces").on(2013, 2, 22).by(USA).towards(NER).background()
                            .stationForces().location("Niamey").size(100).bases("Air Base 101").invited());
                    entente.record(Fact.id("usa-schedule").on(2024, 4, 19).by(USA).towards(NER).source(afp).scheduleWithdrawal());
                    entente.record(Fact.id("tur-attache-kaya").on(2024, 4, 26).by(TUR).towards(NER).source(afp)
                            .appointAttache("Serkan Kaya").rank("Colonel").service(AttacheService.DEFENCE));
                    entente.record(Fact.id("fra-sen-forces").inYear(1960).by(FRA).towards(SEN).background()
                            .stationForces().location("Dakar").size(350).bases("Ouakam").invited());
                    entente.correct(FactId.of("usa-schedule"), "the deadline was announced", b -> b.as(FactBuilder.ScheduleWithdrawal.class).deadline(2024, 9, 15));
                    entente.retract("a hoax", FactId.of("fra-sen-forces"));
                """);

        Country USA = Country.of("USA"), NER = Country.of("NER"), TUR = Country.of("TUR"), FRA = Country.of("FRA"), SEN = Country.of("SEN");
        try (Entente entente = Entente.h2(directory)) {
            Source afp = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher("AFP (urdupoint.com)");
            entente.record(Fact.id("usa-forces").on(2013, 2, 22).by(USA).towards(NER).background()
                    .stationForces().location("Niamey").size(100).bases("Air Base 101").invited());
            entente.record(Fact.id("usa-schedule").on(2024, 4, 19).by(USA).towards(NER).source(afp).scheduleWithdrawal());
            entente.record(Fact.id("tur-attache-kaya").on(2024, 4, 26).by(TUR).towards(NER).source(afp)
                    .appointAttache("Serkan Kaya").rank("Colonel").service(AttacheService.DEFENCE));
            entente.record(Fact.id("fra-sen-forces").inYear(1960).by(FRA).towards(SEN).background()
                    .stationForces().location("Dakar").size(350).bases("Ouakam").invited());
            entente.correct(FactId.of("usa-schedule"), "the deadline was announced", b -> b.as(FactBuilder.ScheduleWithdrawal.class).deadline(2024, 9, 15));
            entente.retract("a hoax", FactId.of("fra-sen-forces"));

            List<TimelineEntry> usa = entente.timeline(Dyad.of(NER, USA), TimelineFilter.all());
            assertThat(usa).filteredOn(e -> e.id().equals(FactId.of("usa-schedule"))).singleElement()
                    .satisfies(e -> assertThat(e.revision()).isEqualTo(2));
            assertThat(entente.timeline(Dyad.of(FRA, SEN), TimelineFilter.all())).singleElement()
                    .satisfies(e -> assertThat(e.retracted()).isTrue());
            Partnership turkey = entente.partnership(Dyad.of(NER, TUR), When.asOf(LocalDate.of(2024, 5, 1)));
            assertThat(turkey.envoys()).singleElement().satisfies(e -> assertThat(e.rank()).contains("Colonel"));
        }
    }
}
