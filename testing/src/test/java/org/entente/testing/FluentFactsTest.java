package org.entente.testing;

import static org.entente.partnership.Status.STRENGTHENING;
import static org.entente.partnership.Status.WINDING_DOWN;
import static org.entente.testing.EntenteFixture.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.Source;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactBuilder;
import org.entente.core.relationship.RuleViolationException;
import org.entente.simulation.Scenario;
import org.entente.core.relationship.Rule;
import org.junit.jupiter.api.Test;

/** A scenario test as a user writes it: the facts said with core's fluent API, no factory of the test's own. */
class FluentFactsTest {

    static final Country NER = Country.of("NER");
    static final Country USA = Country.of("USA");
    static final Country TUR = Country.of("TUR");
    static final Source ARTICLE = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher("AFP");

    @Test
    void forcesThatAreScheduledToLeaveWindDownTheirPartnership() {
        given().facts(
                        Fact.id("usa-sofa").inYear(2012).by(NER).towards(USA).background().signAgreement(AgreementKind.STATUS_OF_FORCES).command(),
                        Fact.id("usa-forces").on(2013, 2, 22).by(USA).towards(NER).background()
                                .stationForces().location("Niamey").size(100).bases("Air Base 101").invited().command())
                .when().facts(Fact.id("usa-schedule").on(2024, 4, 19).by(USA).towards(NER).source(ARTICLE)
                        .scheduleWithdrawal().deadline(2024, 9, 15).command())
                .then()
                .partnership(Dyad.of(NER, USA), LocalDate.of(2024, 5, 1)).hasStatus(WINDING_DOWN);
    }

    @Test
    void aCompletionWithoutScheduleBreaksARuleAndAnAttacheStrengthensTheTies() {
        given().facts(Fact.id("tur-attache").on(2024, 4, 26).by(TUR).towards(NER).source(ARTICLE)
                        .appointAttache("Serkan Kaya").rank("Colonel").service(AttacheService.DEFENCE).command(),
                        Fact.id("tur-forces").inMonth(2024, 5).by(TUR).towards(NER).source(ARTICLE).stationForces().invited().command())
                .when().facts(Fact.id("tur-complete").on(2024, 6, 1).by(TUR).towards(NER).source(ARTICLE)
                        .completeWithdrawal().forces("tur-forces").command())
                .then()
                .rejectedBy(Rule.WITHDRAWAL_NOT_SCHEDULED);
        given().facts(Fact.id("tur-attache").on(2024, 4, 26).by(TUR).towards(NER).source(ARTICLE).appointAttache().command())
                .then()
                .partnership(Dyad.of(NER, TUR), LocalDate.of(2024, 5, 1)).hasStatus(STRENGTHENING);
    }

    @Test
    void givenAndWhenTakeTheBuildersThemselvesWithoutCommand() {
        given().facts(Fact.id("usa-sofa").inYear(2012).by(NER).towards(USA).background().signAgreement(AgreementKind.STATUS_OF_FORCES),
                        Fact.id("usa-forces").on(2013, 2, 22).by(USA).towards(NER).background()
                                .stationForces().location("Niamey").size(100).bases("Air Base 101").invited())
                .when().facts(Fact.id("usa-schedule").on(2024, 4, 19).by(USA).towards(NER).source(ARTICLE)
                        .scheduleWithdrawal().deadline(2024, 9, 15))
                .then()
                .events(Fact.id("usa-schedule").on(2024, 4, 19).by(USA).towards(NER).source(ARTICLE)
                        .scheduleWithdrawal().deadline(2024, 9, 15).command().toEvent())
                .partnership(Dyad.of(NER, USA), LocalDate.of(2024, 5, 1)).hasStatus(WINDING_DOWN);
    }

    @Test
    void aWithdrawalNeverScheduledSaidFluentlyIsRejectedByTheRule() {
        given().seed("niger-2024")
                .when().facts(Fact.id("rus-complete").on(2024, 6, 1).by(Country.of("RUS")).towards(NER).source(ARTICLE)
                        .completeWithdrawal())
                .then()
                .rejectedWith(RuleViolationException.class, "no withdrawal is scheduled")
                .rejectedBy(Rule.WITHDRAWAL_NOT_SCHEDULED);
    }

    @Test
    void buildersAndCommandsMixAcrossCallsAndTheCommandIsTakenWhenGiven() {
        FactBuilder.AppointAttache attache = Fact.id("tur-attache").on(2024, 4, 26).by(TUR).towards(NER).source(ARTICLE)
                .appointAttache();
        EntenteFixture fixture = given().facts(attache)
                .facts(Fact.id("tur-forces").inMonth(2024, 7).by(TUR).towards(NER).source(ARTICLE).stationForces().invited().command());
        attache.on(2030, 1, 1); // too late for the fixture: it holds the command built when given
        fixture.then().partnership(Dyad.of(NER, TUR), LocalDate.of(2024, 5, 1)).hasStatus(STRENGTHENING);
    }

    @Test
    void anIncompleteBuilderIsRefusedWhenGivenNamingTheFactAndWhatIsMissing() {
        assertThatThrownBy(() -> given().facts(Fact.id("tur-forces").inMonth(2024, 5).by(TUR).towards(NER).source(ARTICLE)
                        .stationForces()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tur-forces")
                .hasMessageContaining("invited()");
        assertThatThrownBy(() -> given().when().facts(Fact.id("tur-talks").by(TUR).towards(NER).source(ARTICLE).holdTalks()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tur-talks")
                .hasMessageContaining("no date");
        assertThatThrownBy(() -> given().facts(Fact.id("tur-talks").on(2024, 5, 1).by(TUR).towards(NER).source(ARTICLE).holdTalks(),
                        (FactBuilder<?, ?>) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aWhenStageThatRunsABranchRefusesFluentFactsToo() {
        assertThatThrownBy(() -> given().whenBranch(Scenario.branchAt(LocalDate.of(2024, 3, 15)))
                        .facts(Fact.id("tur-talks").on(2024, 5, 1).by(TUR).towards(NER).source(ARTICLE).holdTalks()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void factsWithNoArgumentsStillMeansTheCommandsOverloadAndAddsNothing() {
        EntenteFixture.ThenStage then = given().facts().when().facts().then();
        assertThat(then).isNotNull();
        then.events();
    }
}
