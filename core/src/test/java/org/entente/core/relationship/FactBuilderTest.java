package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.entente.core.CameoCode;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fluent API builds exactly the records of the positional form, for every kind and option. */
class FactBuilderTest {

    static final Country NER = Country.of("NER");
    static final Country USA = Country.of("USA");
    static final Country TUR = Country.of("TUR");
    static final Source ARTICLE = Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher("AFP")
            .withPublished(LocalDate.of(2024, 4, 26));

    static FactHeader header(String id) {
        return new FactHeader(FactId.of(id), HappenedOn.day(2024, 4, 26), USA, NER, List.of(ARTICLE));
    }

    static Fact fact(String id) {
        return Fact.id(id).on(2024, 4, 26).by(USA).towards(NER).source(ARTICLE);
    }

    /** Positional record, fluent builder: every kind, with every option set, and with the defaults. */
    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(new FactCommand.EstablishRelations(header("a1")), fact("a1").establishRelations()),
                Arguments.of(new FactCommand.RestoreRelations(header("a2")), fact("a2").restoreRelations()),
                Arguments.of(new FactCommand.DowngradeRelations(header("a3")), fact("a3").downgradeRelations()),
                Arguments.of(new FactCommand.SeverRelations(header("a4")), fact("a4").severRelations()),
                Arguments.of(new FactCommand.AccreditAmbassador(header("a5"), MissionLevel.CHARGE_D_AFFAIRES, Optional.of("K. F.")),
                        fact("a5").accreditAmbassador("K. F.").level(MissionLevel.CHARGE_D_AFFAIRES)),
                Arguments.of(new FactCommand.AccreditAmbassador(header("a5d"), MissionLevel.AMBASSADOR, Optional.empty()),
                        fact("a5d").accreditAmbassador()),
                Arguments.of(new FactCommand.AppointAttache(header("a6"), Optional.of("Serkan Kaya"), Optional.of("Colonel"),
                                AttacheService.NAVAL, Optional.empty()),
                        fact("a6").appointAttache("Serkan Kaya").rank("Colonel").service(AttacheService.NAVAL)),
                Arguments.of(new FactCommand.AppointAttache(header("a6d"), Optional.empty(), Optional.empty(),
                                AttacheService.DEFENCE, Optional.empty()),
                        fact("a6d").appointAttache()),
                Arguments.of(new FactCommand.AppointAttache(header("a6o"), Optional.empty(), Optional.empty(),
                                AttacheService.OTHER, Optional.of("gendarmerie")),
                        fact("a6o").appointAttache().otherService("gendarmerie")),
                Arguments.of(new FactCommand.RecallEnvoy(header("a7"), Optional.of(FactId.of("a5")), EnvoyRole.AMBASSADOR),
                        fact("a7").recallEnvoy(EnvoyRole.AMBASSADOR).appointment("a5")),
                Arguments.of(new FactCommand.RecallEnvoy(header("a7d"), Optional.empty(), EnvoyRole.DEFENCE_ATTACHE),
                        fact("a7d").recallEnvoy(EnvoyRole.DEFENCE_ATTACHE)),
                Arguments.of(new FactCommand.ExpelEnvoy(header("a8"), Optional.of(FactId.of("a6")), EnvoyRole.DEFENCE_ATTACHE),
                        fact("a8").expelEnvoy(EnvoyRole.DEFENCE_ATTACHE).appointment(FactId.of("a6"))),
                Arguments.of(new FactCommand.SignAgreement(header("a9"), AgreementKind.STATUS_OF_FORCES, Optional.of("SOFA")),
                        fact("a9").signAgreement(AgreementKind.STATUS_OF_FORCES).title("SOFA")),
                Arguments.of(new FactCommand.SignAgreement(header("a9d"), AgreementKind.MILITARY_ASSISTANCE, Optional.empty()),
                        fact("a9d").signAgreement(AgreementKind.MILITARY_ASSISTANCE)),
                Arguments.of(new FactCommand.SuspendAgreement(header("a10"), FactId.of("a9")), fact("a10").suspendAgreement("a9")),
                Arguments.of(new FactCommand.DenounceAgreement(header("a11"), FactId.of("a9")), fact("a11").denounceAgreement("a9")),
                Arguments.of(new FactCommand.RestoreAgreement(header("a12"), FactId.of("a9")), fact("a12").restoreAgreement("a9")),
                Arguments.of(new FactCommand.StationForces(header("a13"), Optional.of("Niamey"), Optional.of(1100),
                                List.of("Air Base 101", "Air Base 201"), true),
                        fact("a13").stationForces().location("Niamey").size(1100).bases("Air Base 101").bases(List.of("Air Base 201"))
                                .invited()),
                Arguments.of(new FactCommand.StationForces(header("a13d"), Optional.empty(), Optional.empty(), List.of(), false),
                        fact("a13d").stationForces().uninvited()),
                Arguments.of(new FactCommand.DemandWithdrawal(header("a14"), List.of(FactId.of("a13"), FactId.of("a13d"))),
                        fact("a14").demandWithdrawal().forces("a13").forces(List.of(FactId.of("a13d")))),
                Arguments.of(new FactCommand.DemandWithdrawal(header("a14d"), List.of()), fact("a14d").demandWithdrawal()),
                Arguments.of(new FactCommand.ScheduleWithdrawal(header("a15"), Optional.of(LocalDate.of(2024, 9, 15)),
                                List.of(FactId.of("a13"))),
                        fact("a15").scheduleWithdrawal().deadline(2024, 9, 15).forces("a13")),
                Arguments.of(new FactCommand.ScheduleWithdrawal(header("a15d"), Optional.empty(), List.of()),
                        fact("a15d").scheduleWithdrawal()),
                Arguments.of(new FactCommand.HandOverBase(header("a16"), FactId.of("a13"), "Air Base 101"),
                        fact("a16").handOverBase("a13", "Air Base 101")),
                Arguments.of(new FactCommand.CompleteWithdrawal(header("a17"), List.of(FactId.of("a13"))),
                        fact("a17").completeWithdrawal().forces("a13")),
                Arguments.of(new FactCommand.CompleteWithdrawal(header("a17d"), List.of()), fact("a17d").completeWithdrawal()),
                Arguments.of(new FactCommand.PledgeCooperation(header("a18"), List.of(CooperationDomain.MILITARY, CooperationDomain.INTELLIGENCE)),
                        fact("a18").pledgeCooperation(CooperationDomain.INTELLIGENCE, CooperationDomain.MILITARY)),
                Arguments.of(new FactCommand.HoldTalks(header("a19"), Optional.of("security")), fact("a19").holdTalks().subject("security")),
                Arguments.of(new FactCommand.HoldTalks(header("a19d"), Optional.empty()), fact("a19d").holdTalks()),
                Arguments.of(new FactCommand.ImposeSanctions(header("a20"), "arms embargo"), fact("a20").imposeSanctions("arms embargo")),
                Arguments.of(new FactCommand.LiftSanctions(header("a21"), FactId.of("a20")), fact("a21").liftSanctions("a20")),
                Arguments.of(new FactCommand.RecordInteraction(header("a22"), CameoCode.of("042"), "a visit"),
                        fact("a22").recordInteraction(CameoCode.of("042"), "a visit")),
                Arguments.of(new FactCommand.Join(header("a23")), fact("a23").join()),
                Arguments.of(new FactCommand.SuspendMembership(header("a24"), Optional.of("decision-making bodies")),
                        fact("a24").suspendMembership("decision-making bodies")),
                Arguments.of(new FactCommand.SuspendMembership(header("a24s"), Optional.of("all bodies")),
                        fact("a24s").suspendMembership().scope("all bodies")),
                Arguments.of(new FactCommand.SuspendMembership(header("a24d"), Optional.empty()), fact("a24d").suspendMembership()),
                Arguments.of(new FactCommand.ReinstateMembership(header("a25")), fact("a25").reinstateMembership()),
                Arguments.of(new FactCommand.AnnounceWithdrawal(header("a26"), LocalDate.of(2025, 1, 29)),
                        fact("a26").announceWithdrawal(LocalDate.of(2025, 1, 29))),
                Arguments.of(new FactCommand.AnnounceWithdrawal(header("a26c"), LocalDate.of(2025, 1, 30)),
                        fact("a26c").announceWithdrawal(LocalDate.of(2025, 1, 29)).effective(2025, 1, 30)),
                Arguments.of(new FactCommand.Withdraw(header("a27")), fact("a27").withdraw()));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void theFluentFormBuildsExactlyThePositionalRecord(FactCommand positional, FactBuilder<?, ?> fluent) {
        assertThat(fluent.command()).isEqualTo(positional);
        assertThat(fluent.kind()).isEqualTo(positional.kind());
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void theBuilderOfARecordedFactBuildsItAgain(FactCommand positional, FactBuilder<?, ?> ignored) {
        assertThat(Fact.from(positional).command()).isEqualTo(positional);
        assertThat(Fact.from(positional.toEvent()).command()).isEqualTo(positional);
    }

    @Test
    void thePairsCoverEveryKind() {
        assertThat(pairs().map(a -> ((FactCommand) a.get()[0]).kind()).toList())
                .containsAll(EnumSet.allOf(FactKind.class));
    }

    @Test
    void theHeaderTakesEveryPrecisionAndSeveralSources() {
        Source background = Source.background();
        FactHeader month = Fact.id("m").inMonth(2024, 4).by(TUR).towards(NER).sources(ARTICLE, background).holdTalks().command().fact();
        assertThat(month).isEqualTo(new FactHeader(FactId.of("m"), HappenedOn.month(2024, 4), TUR, NER, List.of(ARTICLE, background)));
        assertThat(Fact.id("y").inYear(1960).by(TUR).towards(NER).background().holdTalks().command().fact().happened())
                .isEqualTo(HappenedOn.year(1960));
        assertThat(Fact.id("d").on(LocalDate.of(2024, 4, 26)).by(TUR).towards(NER).hypothetical().holdTalks().command().fact())
                .isEqualTo(FactHeader.of("d", HappenedOn.day(2024, 4, 26), TUR, NER, Source.hypothetical()));
        assertThat(Fact.id(FactId.of("h")).on(HappenedOn.month(2021, 3)).by(TUR).towards(NER).background().header())
                .isEqualTo(FactHeader.of("h", HappenedOn.month(2021, 3), TUR, NER, background));
        assertThat(Fact.of(month).sourcesReplacedBy(List.of(background)).header().sources()).containsExactly(background);
    }

    @Test
    void aFactIsImmutableSoAPartlySaidHeaderCanBeShared() {
        Fact niger = Fact.id("shared").by(NER).towards(USA).background();
        FactCommand early = niger.on(2024, 3, 16).severRelations().command();
        FactCommand late = niger.inYear(2025).severRelations().command();

        assertThat(early.fact().happened()).isEqualTo(HappenedOn.day(2024, 3, 16));
        assertThat(late.fact().happened()).isEqualTo(HappenedOn.year(2025));
    }

    @Test
    void aBuilderChangesItsHeaderAndItsOptions() {
        FactBuilder.AppointAttache attache = Fact.from(fact("t").appointAttache("Serkan Kaya").command())
                .as(FactBuilder.AppointAttache.class).rank("General").on(2024, 5, 1).by(TUR).source(Source.background());
        FactCommand.AppointAttache command = attache.command();

        assertThat(command.rank()).contains("General");
        assertThat(command.name()).contains("Serkan Kaya");
        assertThat(command.fact().happened()).isEqualTo(HappenedOn.day(2024, 5, 1));
        assertThat(command.fact().actor()).isEqualTo(TUR);
        assertThat(command.fact().sources()).containsExactly(ARTICLE, Source.background());
        assertThat(attache.header(h -> h.sourcesReplacedBy(List.of(ARTICLE))).towards(USA).command().fact().target()).isEqualTo(USA);
    }

    @Test
    void buildingWithoutTheHeaderNamesEveryMissingValueAndHowToGiveIt() {
        assertThatIllegalStateException().isThrownBy(() -> Fact.id("tur-attache").appointAttache().command())
                .withMessage("fact tur-attache: no date; say when with on(2024, 4, 26), inMonth(2024, 4) or inYear(2024);"
                        + " no actor; say who acted with by(Country.of(\"USA\"));"
                        + " no target; say towards whom with towards(Country.of(\"NER\"));"
                        + " no source; add one with source(...), background() or hypothetical()");
        assertThatIllegalStateException().isThrownBy(() -> Fact.id("x").on(2024, 1, 1).by(USA).towards(NER).holdTalks().command())
                .withMessage("fact x: no source; add one with source(...), background() or hypothetical()");
    }

    @Test
    void stationingForcesWithoutSayingWhetherTheyWereInvitedIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> fact("fra-forces").stationForces().size(350).command())
                .withMessage("fact fra-forces (station forces): say whether the host invited the forces with invited() or uninvited()");
    }

    @Test
    void badValuesAreRefusedNamingTheFactAndTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> fact("f").stationForces().size(0).invited().command())
                .withMessage("fact f: size 0 must be at least 1");
        assertThatIllegalArgumentException().isThrownBy(() -> Fact.id("self").on(2024, 1, 1).by(NER).towards(NER).background().header())
                .withMessage("fact self: actor and target are both NER; a fact is between two distinct countries");
        assertThatIllegalArgumentException().isThrownBy(() -> fact("t").holdTalks().subject(" ").command())
                .withMessage("fact t: subject is blank; leave it out or give a value");
        assertThatIllegalArgumentException().isThrownBy(() -> fact("a").appointAttache().otherService("naval").command())
                .withMessage("fact a: other service 'naval' is the service NAVAL; give AttacheService.NAVAL instead of OTHER");
        assertThatIllegalArgumentException().isThrownBy(() -> Fact.id("bad id!"))
                .withMessageContaining("bad id!");
        assertThatIllegalArgumentException().isThrownBy(() -> fact("s").suspendMembership(" ").command())
                .withMessage("fact s: scope is blank; leave it out or give a value");
        assertThatIllegalArgumentException().isThrownBy(() -> fact("w").announceWithdrawal(LocalDate.of(2025, 1, 29)).effective(2025, 2, 30))
                .withMessageStartingWith("fact w: effective(2025, 2, 30)");
        assertThatIllegalArgumentException().isThrownBy(() -> fact("w").announceWithdrawal(LocalDate.of(2300, 1, 1)))
                .withMessageStartingWith("fact w: effective(2300-01-01)");
        assertThatIllegalArgumentException().isThrownBy(() -> fact("t").holdTalks().as(FactBuilder.AppointAttache.class))
                .withMessage("fact t is a fact of kind hold-talks, built by FactBuilder.HoldTalks, not by FactBuilder.AppointAttache");
    }

    @Test
    void aNullArgumentIsRefusedAtOnceNamingTheFactAndTheValue() {
        assertThatNullPointerException().isThrownBy(() -> Fact.id((String) null))
                .withMessage("fact id is null; give the fact a stable id such as \"usa-schedule\"");
        assertThatNullPointerException().isThrownBy(() -> Fact.id("x").by(null))
                .withMessage("fact x: the actor is null; give a Country such as Country.of(\"USA\") or an Organisation such as Organisation.of(\"ECOWAS\")");
        assertThatNullPointerException().isThrownBy(() -> Fact.id("x").background().source(null))
                .withMessage("fact x: source #2 is null; give a Source such as Source.background()");
        assertThatNullPointerException().isThrownBy(() -> fact("x").appointAttache().rank(null))
                .withMessage("fact x (appoint attaché): rank is null");
        assertThatNullPointerException().isThrownBy(() -> fact("x").demandWithdrawal().forces("a", null))
                .withMessage("fact x (demand withdrawal): forces[1] is null");
        assertThatNullPointerException().isThrownBy(() -> fact("x").recallEnvoy(null))
                .withMessage("fact x (recall envoy): role is null");
        assertThatNullPointerException().isThrownBy(() -> fact("x").suspendMembership(null))
                .withMessage("fact x (suspend membership): scope is null");
        assertThatNullPointerException().isThrownBy(() -> fact("x").announceWithdrawal(null))
                .withMessage("fact x (announce withdrawal): effective is null");
    }

    @Test
    void anAttacheServiceIsOneOfFourOrAnOtherKeepingItsText() {
        assertThat(AttacheService.of("Naval")).isEqualTo(AttacheService.NAVAL);
        assertThatIllegalArgumentException().isThrownBy(() -> AttacheService.of("gendarmerie"))
                .withMessage("'gendarmerie' is not an attaché's service; accepted: defence, army, naval, air");
        FactCommand.AppointAttache other = fact("o").appointAttache().otherService("gendarmerie").command();
        assertThat(other.serviceText()).isEqualTo("gendarmerie");
        assertThat(other.toEvent().serviceText()).isEqualTo("gendarmerie");
        assertThat(fact("n").appointAttache().service(AttacheService.AIR).command().serviceText()).isEqualTo("air");
        assertThatIllegalArgumentException().isThrownBy(() -> new FactCommand.AppointAttache(header("o"), Optional.empty(), Optional.empty(),
                        AttacheService.OTHER, Optional.empty()))
                .withMessage("fact o: service OTHER needs its text in otherService; the known services are defence, army, naval, air");
        assertThatIllegalArgumentException().isThrownBy(() -> new FactCommand.AppointAttache(header("o"), Optional.empty(), Optional.empty(),
                        AttacheService.AIR, Optional.of("air force")))
                .withMessage("fact o: otherService 'air force' is given with service AIR; it is only for service OTHER");
    }
}
