package org.entente.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;
import java.util.List;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Organisation;
import org.entente.core.Source;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactBuilder;
import org.entente.core.relationship.RelationshipState.MembershipStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Memberships read through Entente (issue 15): members on a date, a country's memberships, boards and JSON. */
class MembershipReadsTest {

    private static final Country NER = Country.of("NER");
    private static final Country MLI = Country.of("MLI");
    private static final Country SEN = Country.of("SEN");
    private static final Country FRA = Country.of("FRA");
    private static final Organisation ECOWAS = Organisation.of("ECOWAS");
    private static final Organisation AES = Organisation.of("AES");
    private static final Source SOURCE = Source.of(Source.Kind.BACKGROUND, Source.Confidence.REPORTED).withNote("test");

    private Entente entente;

    private static Fact fact(String id, String day, Actor actor, Actor target) {
        return Fact.id(id).on(LocalDate.parse(day)).by(actor).towards(target).sources(SOURCE);
    }

    private void record(FactBuilder<?, ?>... facts) {
        for (FactBuilder<?, ?> f : facts) {
            entente.record(f);
        }
    }

    @BeforeEach
    void story() {
        entente = Entente.inMemory();
        record(fact("ner-joins", "1975-05-28", NER, ECOWAS).join(),
                fact("mli-joins", "1975-05-28", MLI, ECOWAS).join(),
                fact("sen-joins", "1975-05-28", SEN, ECOWAS).join(),
                fact("ecowas-suspends-ner", "2023-12-10", ECOWAS, NER).suspendMembership("decision-making bodies"),
                fact("ner-announces", "2024-01-28", NER, ECOWAS).announceWithdrawal(LocalDate.parse("2025-01-29")),
                fact("mli-announces", "2024-01-28", MLI, ECOWAS).announceWithdrawal(LocalDate.parse("2025-01-29")),
                fact("mli-withdraws", "2025-01-29", MLI, ECOWAS).withdraw(),
                fact("ner-joins-aes", "2023-09-16", NER, AES).join(),
                fact("ner-fra-talks", "2024-01-01", NER, FRA).holdTalks());
    }

    @AfterEach
    void close() {
        entente.close();
    }

    private static List<String> codes(List<Partnership> ps, Actor side) {
        return ps.stream().map(p -> p.partnerOf(side).code() + " " + p.membershipStatus()).toList();
    }

    @Test
    void anOrganisationsMembersOnADateFollowTheirSuspensionsAnnouncementsAndWithdrawals() {
        assertThat(codes(entente.members(ECOWAS, When.asOf(LocalDate.parse("2023-01-01"))), ECOWAS))
                .containsExactly("MLI MEMBER", "NER MEMBER", "SEN MEMBER");
        assertThat(codes(entente.members(ECOWAS, When.asOf(LocalDate.parse("2023-12-31"))), ECOWAS))
                .containsExactly("MLI MEMBER", "NER SUSPENDED", "SEN MEMBER");
        assertThat(codes(entente.members(ECOWAS, When.asOf(LocalDate.parse("2024-08-01"))), ECOWAS))
                .containsExactly("MLI WITHDRAWING", "NER WITHDRAWING", "SEN MEMBER");
        // Niger's announced withdrawal took effect on 2025-01-29 although no withdraw fact is recorded for it.
        assertThat(codes(entente.members(ECOWAS, When.asOf(LocalDate.parse("2025-02-01"))), ECOWAS))
                .containsExactly("SEN MEMBER");
        assertThat(codes(entente.members(ECOWAS, When.asOf(LocalDate.parse("1975-05-27"))), ECOWAS)).isEmpty();
    }

    @Test
    void aCountrysMembershipsIncludeFormerOnesAndLeaveOutCountries() {
        assertThat(codes(entente.memberships(NER, When.asOf(LocalDate.parse("2024-08-01"))), NER))
                .containsExactly("ORG:AES MEMBER", "ORG:ECOWAS WITHDRAWING");
        assertThat(codes(entente.memberships(MLI, When.asOf(LocalDate.parse("2025-03-01"))), MLI))
                .containsExactly("ORG:ECOWAS FORMER");
        assertThat(codes(entente.memberships(NER, When.asOf(LocalDate.parse("2023-01-01"))), NER))
                .containsExactly("ORG:ECOWAS MEMBER");
    }

    @Test
    void readsAreAsKnownAtAnInstantLikeEveryRead() {
        // At or after every write so far and before the next: wait (without sleeping) for the next
        // millisecond, since the event store keeps recording times to the millisecond.
        java.time.Instant before = java.time.Instant.now();
        while (!java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).isAfter(before)) {
            Thread.onSpinWait();
        }
        record(fact("sen-withdraws", "2024-06-01", SEN, ECOWAS).withdraw());
        When now = When.asOf(LocalDate.parse("2024-08-01"));
        assertThat(codes(entente.members(ECOWAS, now), ECOWAS)).doesNotContain("SEN MEMBER");
        assertThat(codes(entente.members(ECOWAS, now.knownAt(before)), ECOWAS)).contains("SEN MEMBER");
    }

    @Test
    void aCountrysBoardShowsItsOrganisationsInASectionOfTheirOwn() {
        String text = entente.portfolio(NER, When.asOf(LocalDate.parse("2024-08-01"))).toText();
        assertThat(text).startsWith("Niger (NER) on 2024-08-01: 1 partner and 2 organisations\n");
        assertThat(text).contains("\nOrganisations:\nORGANISATION ");
        assertThat(text).containsPattern("ORG:ECOWAS Economic Community of West African States +WITHDRAWING \\(joined 1975-05-28;"
                + " suspended since 2023-12-10; leaving on 2025-01-29\\) +ACTIVE");
        assertThat(text).containsPattern("ORG:AES [^\\n]+ +MEMBER \\(joined 2023-09-16\\)");
        assertThat(text.substring(0, text.indexOf("Organisations:"))).contains("FRA France").doesNotContain("ORG:");
    }

    @Test
    void anOrganisationsBoardListsItsMembersFirst() {
        String text = entente.portfolio(ECOWAS, When.asOf(LocalDate.parse("2024-08-01"))).toText();
        assertThat(text).startsWith("Economic Community of West African States (ORG:ECOWAS) on 2024-08-01: 3 members, 0 other partners\n");
        assertThat(text).containsPattern("\nMEMBER +MEMBERSHIP +STATUS");
        assertThat(text).containsPattern("MLI Mali +WITHDRAWING \\(joined 1975-05-28; leaving on 2025-01-29\\)");
        String later = entente.portfolio(ECOWAS, When.asOf(LocalDate.parse("2025-03-01"))).toText();
        assertThat(later).startsWith("Economic Community of West African States (ORG:ECOWAS) on 2025-03-01: 1 member, 2 other partners\n");
    }

    @Test
    void membershipIsInThePartnershipsJsonAndTheMembershipsDocument() {
        Partnership p = entente.partnership(org.entente.core.Dyad.of(NER, ECOWAS), When.asOf(LocalDate.parse("2024-08-01")));
        assertThat(p.membershipStatus()).isEqualTo(MembershipStatus.WITHDRAWING);
        assertThat(p.toJson()).contains("\"membership\" : {").contains("\"status\" : \"WITHDRAWING\"")
                .contains("\"effective\" : \"2025-01-29\"").contains("\"scope\" : \"decision-making bodies\"");
        When when = When.asOf(LocalDate.parse("2024-08-01"));
        String json = Memberships.of(ECOWAS, when.date(), entente.members(ECOWAS, when)).toJson(when);
        assertThat(json).startsWith("{\n  \"format\" : \"entente-memberships/1\",\n  \"subject\" : \"ORG:ECOWAS\"");
        assertThat(entente.partnership(org.entente.core.Dyad.of(NER, FRA), when).membership()).isEmpty();
        assertThat(entente.partnership(org.entente.core.Dyad.of(NER, FRA), when).toJson()).doesNotContain("membership");
    }

    @Test
    void nullsAreRefusedNamingWhatToGive() {
        assertThatNullPointerException().isThrownBy(() -> entente.members(null, When.asOf(LocalDate.parse("2024-08-01"))))
                .withMessage("organisation is null; give an Organisation such as Organisation.of(\"ECOWAS\")");
    }
}
