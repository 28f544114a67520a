package org.entente.eventdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.CameoCode;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Organisation;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.FactHeader;
import org.entente.core.relationship.FactKind;
import org.entente.core.relationship.MissionLevel;
import org.junit.jupiter.api.Test;

class CameoMappingTest {

    private static final Country NER = Country.of("NER");
    private static final Country USA = Country.of("USA");
    private static final Organisation ECOWAS = Organisation.of("ECOWAS");

    private static FactHeader header(String id, Actor actor, Actor target) {
        return FactHeader.of(id, HappenedOn.day(2024, 4, 19), actor, target, Source.hypothetical());
    }

    private static FactHeader header(String id) {
        return header(id, USA, NER);
    }

    /** One fact of every kind, with the code the README's table gives it. */
    static Map<FactKind, Map.Entry<FactCommand, String>> everyKind() {
        FactId ref = FactId.of("ref");
        Map<FactKind, Map.Entry<FactCommand, String>> m = new EnumMap<>(FactKind.class);
        put(m, new FactCommand.EstablishRelations(header("a")), "054");
        put(m, new FactCommand.RestoreRelations(header("b")), "054");
        put(m, new FactCommand.AccreditAmbassador(header("c"), MissionLevel.AMBASSADOR, Optional.empty()), "050");
        put(m, new FactCommand.AppointAttache(header("d"), Optional.of("Serkan Kaya"), Optional.of("Colonel"), AttacheService.DEFENCE), "050");
        put(m, new FactCommand.SignAgreement(header("e"), AgreementKind.STATUS_OF_FORCES, Optional.empty()), "057");
        put(m, new FactCommand.RestoreAgreement(header("f"), ref), "057");
        put(m, new FactCommand.StationForces(header("g"), Optional.of("Niamey"), Optional.of(100), List.of(), true), "062");
        put(m, new FactCommand.HoldTalks(header("h"), Optional.empty()), "040");
        put(m, new FactCommand.RecordInteraction(header("i"), CameoCode.of("042"), "a visit"), "042");
        put(m, new FactCommand.PledgeCooperation(header("j"), List.of(CooperationDomain.SECURITY)), "0312");
        put(m, new FactCommand.LiftSanctions(header("k"), ref), "085");
        put(m, new FactCommand.ImposeSanctions(header("l"), "an embargo"), "163");
        put(m, new FactCommand.DemandWithdrawal(header("m", NER, USA), List.of()), "106");
        put(m, new FactCommand.SuspendAgreement(header("n"), ref), "160");
        put(m, new FactCommand.DenounceAgreement(header("o", NER, USA), ref), "1622");
        put(m, new FactCommand.ScheduleWithdrawal(header("p"), Optional.of(LocalDate.of(2024, 9, 15)), List.of()), "087");
        put(m, new FactCommand.HandOverBase(header("q"), ref, "Air Base 101"), "0874");
        put(m, new FactCommand.CompleteWithdrawal(header("r"), List.of()), "0874");
        put(m, new FactCommand.RecallEnvoy(header("s"), Optional.empty(), EnvoyRole.AMBASSADOR), "161");
        put(m, new FactCommand.ExpelEnvoy(header("t"), Optional.empty(), EnvoyRole.AMBASSADOR), "174");
        put(m, new FactCommand.DowngradeRelations(header("u")), "161");
        put(m, new FactCommand.SeverRelations(header("v")), "161");
        put(m, new FactCommand.Join(header("w", NER, ECOWAS)), "054");
        put(m, new FactCommand.SuspendMembership(header("x", ECOWAS, NER), Optional.of("decision-making bodies")), "160");
        put(m, new FactCommand.ReinstateMembership(header("y", ECOWAS, NER)), "054");
        put(m, new FactCommand.AnnounceWithdrawal(header("z", NER, ECOWAS), LocalDate.of(2025, 1, 29)), "160");
        put(m, new FactCommand.Withdraw(header("aa", NER, ECOWAS)), "161");
        return m;
    }

    private static void put(Map<FactKind, Map.Entry<FactCommand, String>> m, FactCommand c, String code) {
        m.put(c.kind(), Map.entry(c, code));
    }

    @Test
    void everyKindOfFactHasTheCodeOfTheDocumentedTable() {
        Map<FactKind, Map.Entry<FactCommand, String>> all = everyKind();
        assertThat(all.keySet()).containsExactlyInAnyOrder(FactKind.values());
        all.forEach((kind, e) -> assertThat(CameoMapping.of(e.getKey().toEvent()).code()).as(kind.label()).isEqualTo(e.getValue()));
    }

    @Test
    void aWithdrawalScoresByWhoActsInIt() {
        FactEvent complete = new FactCommand.CompleteWithdrawal(header("usa-complete"), List.of()).toEvent();

        assertThat(CameoMapping.of(complete)).isEqualTo(CameoCode.of("0874"));
        assertThat(CameoMapping.of(complete).goldstein()).isEqualTo(10.0);
        assertThat(CameoMapping.withdrawal(CameoMapping.Side.WITHDRAWING).goldstein()).isEqualTo(10.0);
        assertThat(CameoMapping.withdrawal(CameoMapping.Side.HOST)).isEqualTo(CameoCode.of("166"));
        assertThat(CameoMapping.withdrawal(CameoMapping.Side.HOST).goldstein()).isEqualTo(-7.0);
        String row = Exporter.cameoRow(complete);
        assertThat(row.split("\t")).startsWith("usa-complete", "2024-04-19", "day", "USA", "United States", "NER", "Niger", "0874");
    }

    @Test
    void aPledgeIsCodedByItsDomains() {
        assertThat(CameoMapping.pledge(List.of(CooperationDomain.MILITARY, CooperationDomain.INTELLIGENCE)).code()).isEqualTo("0312");
        assertThat(CameoMapping.pledge(List.of(CooperationDomain.INTELLIGENCE)).code()).isEqualTo("0314");
        assertThat(CameoMapping.pledge(List.of(CooperationDomain.ECONOMIC)).code()).isEqualTo("0311");
        assertThat(CameoMapping.pledge(List.of(CooperationDomain.OTHER)).code()).isEqualTo("030");
    }

    @Test
    void stationingUninvitedForcesIsAShowOfForce() {
        FactEvent uninvited = new FactCommand.StationForces(header("x"), Optional.empty(), Optional.empty(), List.of(), false).toEvent();

        assertThat(CameoMapping.of(uninvited).code()).isEqualTo("150");
        assertThat(CameoMapping.of(uninvited).goldstein()).isEqualTo(-7.2);
    }
}
