package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.entente.core.relationship.Facts.NER;
import static org.entente.core.relationship.Facts.TUR;
import static org.entente.core.relationship.Facts.USA;
import static org.entente.core.relationship.Facts.header;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.entente.core.CameoCode;
import org.entente.core.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FactCommandTest {

    /** One command of every kind, with every optional field filled where there is one. */
    static Stream<FactCommand> oneOfEachKind() {
        return Stream.of(
                Facts.fact("a1", "2000-01-01", NER, USA).establishRelations().command(),
                Facts.fact("a2", "2000-01-01", NER, USA).restoreRelations().command(),
                Facts.fact("a3", "2000-01-01", NER, USA).downgradeRelations().command(),
                Facts.fact("a4", "2000-01-01", NER, USA).severRelations().command(),
                new FactCommand.AccreditAmbassador(header("a5", "2000-01-01", USA, NER), MissionLevel.AMBASSADOR,
                        Optional.of("Kathleen FitzGibbon")),
                new FactCommand.AppointAttache(header("a6", "2024-04-26", TUR, NER), Optional.of("Serkan Kaya"),
                        Optional.of("Colonel"), AttacheService.DEFENCE),
                Facts.fact("a7", "2000-01-01", NER, USA).recallEnvoy(EnvoyRole.AMBASSADOR).appointment("a5").command(),
                Facts.fact("a8", "2000-01-01", NER, USA).expelEnvoy(EnvoyRole.DEFENCE_ATTACHE).command(),
                new FactCommand.SignAgreement(header("a9", "2000-01-01", NER, USA), AgreementKind.MILITARY_ASSISTANCE,
                        Optional.of("assistance")),
                Facts.fact("a10", "2000-01-01", NER, USA).suspendAgreement("a9").command(),
                Facts.fact("a11", "2000-01-01", NER, USA).denounceAgreement("a9").command(),
                Facts.fact("a12", "2000-01-01", NER, USA).restoreAgreement("a9").command(),
                new FactCommand.StationForces(header("a13", "2000-01-01", USA, NER), Optional.of("Niamey"), Optional.of(100),
                        List.of("Air Base 101"), false),
                Facts.fact("a14", "2000-01-01", NER, USA).demandWithdrawal().forces("a13").command(),
                Facts.fact("a15", "2000-01-01", USA, NER).scheduleWithdrawal().deadline(2000, 12, 31).forces("a13").command(),
                Facts.fact("a16", "2000-01-01", USA, NER).handOverBase("a13", "Air Base 101").command(),
                Facts.fact("a17", "2000-01-01", USA, NER).completeWithdrawal().forces("a13").command(),
                Facts.fact("a18", "2000-01-01", USA, NER).pledgeCooperation(CooperationDomain.MILITARY, CooperationDomain.INTELLIGENCE).command(),
                new FactCommand.HoldTalks(header("a19", "2000-01-01", USA, NER), Optional.of("security")),
                Facts.fact("a20", "2000-01-01", USA, NER).imposeSanctions("arms embargo").command(),
                Facts.fact("a21", "2000-01-01", USA, NER).liftSanctions("a20").command(),
                new FactCommand.RecordInteraction(header("a22", "2000-01-01", USA, NER), CameoCode.of("042"), "a visit"),
                Facts.fact("a23", "2000-01-01", NER, Facts.ECOWAS).join().command(),
                new FactCommand.SuspendMembership(header("a24", "2000-01-01", Facts.ECOWAS, NER), Optional.of("decision-making bodies")),
                Facts.fact("a25", "2000-01-01", Facts.ECOWAS, NER).reinstateMembership().command(),
                Facts.fact("a26", "2000-01-01", NER, Facts.ECOWAS).announceWithdrawal(java.time.LocalDate.of(2001, 1, 1)).command(),
                Facts.fact("a27", "2000-01-01", NER, Facts.ECOWAS).withdraw().command());
    }

    @Test
    void theExamplesCoverEveryKind() {
        assertThat(oneOfEachKind().map(FactCommand::kind).toList())
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(FactKind.class));
    }

    @ParameterizedTest
    @MethodSource("oneOfEachKind")
    void theEventOfACommandKeepsItsFactAndKind(FactCommand command) {
        FactEvent event = command.toEvent();

        assertThat(event.fact()).isEqualTo(command.fact());
        assertThat(event.kind()).isEqualTo(command.kind());
        assertThat(event.dyad()).isEqualTo(command.fact().dyad());
    }

    @ParameterizedTest
    @MethodSource("oneOfEachKind")
    void readingAnEventBackGivesTheCommandThatRecordsIt(FactCommand command) {
        FactEvent event = command.toEvent();

        assertThat(FactCommand.of(event)).isEqualTo(command);
        assertThat(FactCommand.of(event).toEvent()).isEqualTo(event);
    }

    @Test
    void anInteractionCarriesTheGoldsteinValueOfItsCode() {
        FactEvent.InteractionRecorded event = new FactCommand.RecordInteraction(header("v", "2024-04-23", Facts.CHN, NER),
                CameoCode.of("0312"), "intent to cooperate militarily").toEvent();

        assertThat(event.goldstein()).isEqualTo(5.2);
    }

    @Test
    void aPledgeListsItsDomainsOnceInTheirNaturalOrder() {
        FactEvent.CooperationPledged event = Facts.fact("p", "2024-07-17", TUR, NER).pledgeCooperation(CooperationDomain.INTELLIGENCE, CooperationDomain.MILITARY, CooperationDomain.INTELLIGENCE).command().toEvent();

        assertThat(event.domains()).containsExactly(CooperationDomain.MILITARY, CooperationDomain.INTELLIGENCE);
    }

    @Test
    void aPledgeWithoutDomainIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FactCommand.PledgeCooperation(header("p", "2024-07-17", TUR, NER), List.of()))
                .withMessage("fact p: a pledge names at least one domain");
    }

    @Test
    void forcesOfNoPersonnelAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FactCommand.StationForces(header("f", "2024-04-10", Facts.RUS, NER),
                        Optional.empty(), Optional.of(0), List.of(), true))
                .withMessage("fact f: size 0 must be at least 1");
    }

    @Test
    void aFactBetweenACountryAndItselfIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> header("self", "2024-04-26", NER, NER))
                .withMessage("fact self: actor and target are both NER; a fact is between two distinct countries");
    }

    @Test
    void aFactNeedsOneToTwentySources() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FactHeader.of("none", Facts.on("2024-04-26"), TUR, NER))
                .withMessage("fact none has no source; every fact needs at least one");
        Source[] many = new Source[FactHeader.MAX_SOURCES + 1];
        Arrays.fill(many, Source.background());
        assertThat(FactHeader.of("twenty", Facts.on("2024-04-26"), TUR, NER,
                Arrays.copyOf(many, FactHeader.MAX_SOURCES)).sources()).hasSize(20);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FactHeader.of("many", Facts.on("2024-04-26"), TUR, NER, many))
                .withMessage("fact many has 21 sources; at most 20 are accepted");
    }

    @Test
    void aRetractionNamesAFactAndGivesAReason() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RelationshipCommand.RetractFacts(List.of(), "wrong"))
                .withMessage("a retraction names at least one fact id");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RelationshipCommand.RetractFacts(Facts.ids("x"), "  "))
                .withMessage("a reason is required for a correction or retraction");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RelationshipCommand.CorrectFact(Facts.fact("t", "2024-03-12", USA, NER).holdTalks().command(),
                        "r".repeat(RelationshipCommand.MAX_REASON + 1)))
                .withMessage("the reason has 2001 characters; at most 2000 are accepted");
        assertThat(new RelationshipCommand.RetractFacts(Facts.ids("x"), "  never happened ").reason())
                .isEqualTo("never happened");
    }
}
