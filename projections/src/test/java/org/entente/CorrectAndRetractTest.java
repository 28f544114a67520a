package org.entente;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactBuilder;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RuleViolationException;
import org.entente.core.relationship.Rule;
import org.entente.core.relationship.UnknownFactException;
import org.entente.core.store.Recorded;
import org.entente.timeline.TimelineEntry;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Entente.record(builder)}, {@code correct(id, reason, change)} and {@code retract(reason, ids...)} on a real H2 store. */
class CorrectAndRetractTest {

    private static final Country NER = Country.of("NER");
    private static final Country TUR = Country.of("TUR");
    private static final Country USA = Country.of("USA");
    private static final Dyad NER_TUR = Dyad.of(NER, TUR);

    private Entente entente;

    @BeforeEach
    void open() {
        entente = Entente.inMemory();
        entente.record(Fact.id("tur-attache").on(2024, 4, 26).by(TUR).towards(NER).background()
                .appointAttache("Serkan Kaya").rank("Colonel").service(AttacheService.DEFENCE));
        entente.record(Fact.id("tur-talks").on(2024, 5, 2).by(TUR).towards(NER).background().holdTalks().subject("drones"));
    }

    @AfterEach
    void close() {
        entente.close();
    }

    private TimelineEntry entry(String id) {
        return entente.timeline(NER_TUR, TimelineFilter.all()).stream().filter(e -> e.id().equals(FactId.of(id)))
                .findFirst().orElseThrow();
    }

    @Test
    void aCorrectionChangesOneOptionOfTheRecordedFactAndKeepsTheOthers() {
        Recorded r = entente.correct(FactId.of("tur-attache"), "promoted in May",
                b -> b.as(FactBuilder.AppointAttache.class).rank("General").service(AttacheService.AIR));

        assertThat(r.events()).isEqualTo(1);
        TimelineEntry attache = entry("tur-attache");
        assertThat(attache.revision()).isEqualTo(2);
        assertThat(attache.fact()).isInstanceOfSatisfying(FactEvent.AttacheAppointed.class, a -> {
            assertThat(a.rank()).contains("General");
            assertThat(a.service()).isEqualTo(AttacheService.AIR);
            assertThat(a.name()).contains("Serkan Kaya");
        });
        assertThat(attache.happened()).isEqualTo(HappenedOn.day(2024, 4, 26));
    }

    @Test
    void aCorrectionChangesTheHeaderOfAnyKind() {
        entente.correct(FactId.of("tur-talks"), "the article gave the wrong day", b -> b.on(2024, 5, 3));

        assertThat(entry("tur-talks").happened()).isEqualTo(HappenedOn.day(2024, 5, 3));
        assertThat(entry("tur-talks").fact()).isInstanceOfSatisfying(FactEvent.TalksHeld.class,
                t -> assertThat(t.subject()).contains("drones"));
    }

    @Test
    void aCorrectionThatChangesNothingWritesNothing() {
        assertThat(entente.correct(FactId.of("tur-talks"), "checked", b -> b).events()).isZero();
        assertThat(entry("tur-talks").revision()).isEqualTo(1);
    }

    @Test
    void correctingAnUnknownOrRetractedFactNamesIt() {
        assertThatThrownBy(() -> entente.correct(FactId.of("nobody"), "x", b -> b))
                .isInstanceOfSatisfying(UnknownFactException.class, e -> assertThat(e.fact()).isEqualTo(FactId.of("nobody")))
                .hasMessage("fact nobody is not recorded in this store; nothing was corrected");
        entente.retract("never happened", FactId.of("tur-talks"));
        assertThatThrownBy(() -> entente.correct(FactId.of("tur-talks"), "x", b -> b.on(2024, 5, 4)))
                .isInstanceOf(UnknownFactException.class)
                .hasMessage("fact tur-talks of NER-TUR was retracted; record a new fact instead of correcting it");
    }

    @Test
    void aCorrectionIsCheckedAsEveryCorrectionIs() {
        assertThatThrownBy(() -> entente.correct(FactId.of("tur-talks"), "wrong dyad", b -> b.towards(USA)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo(Rule.CORRECTION_CHANGES_DYAD));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> entente.correct(FactId.of("tur-talks"), "kind", b -> b.as(FactBuilder.AppointAttache.class)))
                .withMessage("fact tur-talks is a fact of kind hold-talks, built by FactBuilder.HoldTalks, not by FactBuilder.AppointAttache");
        assertThatIllegalArgumentException().isThrownBy(() -> entente.correct(FactId.of("tur-talks"), " ", b -> b.on(2024, 5, 4)))
                .withMessage("a reason is required for a correction or retraction");
        assertThatNullPointerException().isThrownBy(() -> entente.correct(FactId.of("tur-talks"), "x", b -> null))
                .withMessage("the change of tur-talks returned null; return the builder it was given");
    }

    @Test
    void aCorrectionKeepsTheFactsIdAndKind() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> entente.correct(FactId.of("tur-talks"), "renamed", b -> b.header(f -> Fact.id("tur-talks-renamed")
                        .on(2024, 5, 2).by(TUR).towards(NER).background())))
                .withMessage("the change of tur-talks gave the fact id tur-talks-renamed; a correction keeps the fact's id:"
                        + " retract tur-talks and record tur-talks-renamed instead");
        assertThat(entry("tur-talks").revision()).isEqualTo(1);
        assertThat(entente.timeline(NER_TUR, TimelineFilter.all())).extracting(TimelineEntry::id)
                .doesNotContain(FactId.of("tur-talks-renamed"));
        // The store refuses a change of kind for every path; here, a correction recorded as a command.
        assertThatThrownBy(() -> entente.record(new org.entente.core.relationship.RelationshipCommand.CorrectFact(
                Fact.id("tur-talks").on(2024, 5, 2).by(TUR).towards(NER).background().pledgeCooperation(
                        org.entente.core.relationship.CooperationDomain.values()[0]).command(), "it was a pledge")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.rule()).isEqualTo(Rule.CORRECTION_CHANGES_KIND);
                    assertThat(e.fact()).isEqualTo(FactId.of("tur-talks"));
                });
    }

    @Test
    void aScriptThatRecordsThenCorrectsAFactRunsAgainWithoutAConflict() {
        entente.correct(FactId.of("tur-talks"), "the article gave the wrong day", b -> b.on(2024, 5, 3));

        assertThat(entente.record(Fact.id("tur-talks").on(2024, 5, 2).by(TUR).towards(NER).background().holdTalks().subject("drones"))
                .events()).isZero();
        assertThat(entry("tur-talks").revision()).isEqualTo(2);
        // Correcting back to the first day through a correction is a new revision.
        assertThat(entente.correct(FactId.of("tur-talks"), "the first day was right", b -> b.on(2024, 5, 2)).events()).isEqualTo(1);
        assertThat(entry("tur-talks").revision()).isEqualTo(3);
        assertThat(entry("tur-talks").happened()).isEqualTo(HappenedOn.day(2024, 5, 2));
    }

    @Test
    void retractingSeveralFactsOfADyadTakesThemOutAtOnce() {
        Recorded r = entente.retract("a hoax", FactId.of("tur-attache"), FactId.of("tur-talks"));

        assertThat(r.events()).isEqualTo(1);
        assertThat(entry("tur-attache").retracted()).isTrue();
        assertThat(entry("tur-talks").retracted()).isTrue();
    }

    @Test
    void retractingFactsOfTwoDyadsAtOnceIsABadArgumentAndRetractsNothing() {
        entente.record(Fact.id("usa-talks").on(2024, 3, 12).by(USA).towards(NER).background().holdTalks());

        assertThatIllegalArgumentException().isThrownBy(() -> entente.retract("x", FactId.of("tur-talks"), FactId.of("usa-talks")))
                .withMessage("a retraction acts on facts of one dyad, but tur-talks is of NER-TUR and usa-talks of NER-USA;"
                        + " retract them separately or in one batch");
        assertThat(entry("tur-talks").retracted()).isFalse();
    }

    @Test
    void retractingNamesTheUnknownFactAndNeedsAnId() {
        assertThatThrownBy(() -> entente.retract("x", FactId.of("tur-talks"), FactId.of("nobody")))
                .isInstanceOfSatisfying(UnknownFactException.class, e -> assertThat(e.fact()).isEqualTo(FactId.of("nobody")))
                .hasMessage("fact nobody is not recorded in this store; nothing was retracted");
        assertThatIllegalArgumentException().isThrownBy(() -> entente.retract("x"))
                .withMessage("a retraction names at least one fact id");
        assertThatNullPointerException().isThrownBy(() -> entente.retract("x", FactId.of("tur-talks"), null))
                .withMessage("fact id #2 to retract is null; give the id of a recorded fact");
    }

    @Test
    void recordingABuilderThatMissesAValueNamesIt() {
        assertThatIllegalStateException().isThrownBy(() -> entente.record(Fact.id("sofa").by(NER).towards(USA).background()
                        .signAgreement(AgreementKind.STATUS_OF_FORCES)))
                .withMessage("fact sofa: no date; say when with on(2024, 4, 26), inMonth(2024, 4) or inYear(2024)");
        assertThat(entente.timeline(Dyad.of(NER, USA), TimelineFilter.all())).isEmpty();
        assertThat(List.of(entry("tur-talks").kind().slug())).containsExactly("hold-talks");
    }
}
