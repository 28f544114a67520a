package org.entente.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testsupport.Facts.*;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.entente.Entente;
import org.entente.NigerStoryAccess;
import org.entente.When;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.RuleViolationException;
import org.entente.partnership.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What-if branches on the Niger story, on a real H2 file store. */
class SimulationTest {

    @TempDir
    static Path directory;
    private static Entente entente;

    static final LocalDate OCTOBER = LocalDate.of(2024, 10, 1);
    static final Scenario US_STAYED = Scenario.branchAt(LocalDate.of(2024, 3, 15))
            .remove(FactId.of("usa-denounce"), FactId.of("usa-schedule"), FactId.of("usa-deadline"));

    @BeforeAll
    static void load() {
        entente = Entente.h2(directory);
        entente.recordAll(NigerStoryAccess.facts());
    }

    @AfterAll
    static void close() {
        entente.close();
    }

    private static String storeDigest() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String query : List.of(
                "SELECT globalIndex, aggregateIdentifier, sequenceNumber, payloadType, payload FROM DomainEventEntry ORDER BY globalIndex",
                "SELECT dyad, seq, fact_id, revision, recorded_at, payload FROM entente_projection_fact ORDER BY dyad, seq, fact_id",
                "SELECT fact_id, dyad FROM entente_fact_id ORDER BY fact_id")) {
            try (Connection c = entente.store().connections().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(query)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        byte[] b = rs.getBytes(i);
                        sha.update(b == null ? new byte[] {0} : b);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void removingTheDenunciationAndSchedulesDropsTheWithdrawalThatCouldNoLongerHappen() {
        Simulation s = entente.simulate(US_STAYED);
        assertThat(s.dropped()).extracting(d -> d.fact().fact().id().value()).containsExactly("usa-complete");
        DroppedFact complete = s.dropped().get(0);
        assertThat(complete.rule()).contains("no withdrawal is scheduled on or before 2024-08-05");
        assertThat(complete.causes()).containsExactly(FactId.of("usa-deadline"), FactId.of("usa-schedule"));
        assertThat(complete.describe()).endsWith("(because of usa-deadline, usa-schedule)");
        assertThat(complete.describe()).startsWith("usa-complete (2024-08-05, complete withdrawal) would not have happened: ");
        assertThat(s.partnership(Dyad.of(NER, USA), OCTOBER).status()).isEqualTo(Status.ACTIVE);
        assertThat(s.baselinePartnership(Dyad.of(NER, USA), OCTOBER).status()).isEqualTo(Status.ENDED);
        assertThat(s.partnership(Dyad.of(NER, USA), OCTOBER).agreements()).extracting(a -> a.signing().value())
                .containsExactly("usa-sofa-2012");
    }

    @Test
    void aBranchOnlyReplaysTheDyadsItChangesAndSharesTheOthers() {
        Simulation s = entente.simulate(US_STAYED);
        assertThat(s.touched()).containsExactly(Dyad.of(NER, USA));
        assertThat(s.facts(Dyad.of(NER, TUR))).isSameAs(s.baselineFacts(Dyad.of(NER, TUR)));
        assertThat(s.partnership(Dyad.of(NER, TUR), OCTOBER)).isEqualTo(s.baselinePartnership(Dyad.of(NER, TUR), OCTOBER));
    }

    @Test
    void aHypotheticalDefenceAgreementRaisesNigersDiversificationInTheBranchOnly() {
        FactCommand agreement = new FactCommand.SignAgreement(header("tur-defence-2024", "2024-06-01", TUR, NER),
                AgreementKind.DEFENCE_COOPERATION, Optional.of("hypothetical defence cooperation agreement"));
        Simulation s = entente.simulate(Scenario.branchAt(LocalDate.of(2024, 5, 31)).add(agreement));
        PortfolioComparison c = s.compare(NER, LocalDate.of(2024, 6, 30));
        assertThat(c.partners()).singleElement().satisfies(p -> {
            assertThat(p.partner()).isEqualTo(TUR);
            assertThat(p.weightBefore()).isEqualTo(2);
            assertThat(p.weightAfter()).isEqualTo(3);
        });
        assertThat(c.diversificationAfter().orElseThrow()).isLessThan(c.diversificationBefore().orElseThrow());
        assertThat(c.toText()).contains("TUR Turkey: status STRENGTHENING, security weight 2 -> 3");
        assertThat(entente.partnership(Dyad.of(NER, TUR), When.asOf(LocalDate.of(2024, 6, 30))).agreements()).isEmpty();
    }

    @Test
    void aHypotheticalFactThatBreaksARuleIsRejectedWithTheMessageARealOneGets() {
        FactCommand bad = complete("hyp-complete", "2024-06-01", RUS, NER, "rus-forces");
        RuleViolationException real = null;
        try (Entente copy = Entente.inMemory()) {
            copy.recordAll(NigerStoryAccess.facts());
            copy.record(bad);
        } catch (RuleViolationException e) {
            real = e;
        }
        assertThat(real).isNotNull();
        String expected = real.getMessage();
        assertThatThrownBy(() -> entente.simulate(Scenario.branchAt(LocalDate.of(2024, 5, 1)).add(bad)))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage(expected);
    }

    @Test
    void removalsAndAdditionsMustComeAfterTheBranchDate() {
        assertThatThrownBy(() -> entente.simulate(Scenario.branchAt(LocalDate.of(2024, 4, 30)).remove(FactId.of("tur-attache"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fact tur-attache happened on 2024-04-26, not after the branch date 2024-04-30; only later facts can be removed");
        assertThatThrownBy(() -> entente.simulate(Scenario.branchAt(LocalDate.of(2024, 4, 30)).add(talks("hyp", "2024-04-01", TUR, NER))))
                .hasMessageContaining("not after the branch date 2024-04-30");
        assertThatThrownBy(() -> entente.simulate(Scenario.branchAt(LocalDate.of(2024, 4, 30)).remove(FactId.of("nothing"))))
                .hasMessage("fact nothing is not recorded; only real facts can be removed");
        assertThatThrownBy(() -> entente.simulate(Scenario.branchAt(LocalDate.of(2024, 4, 30)).add(talks("tur-visit", "2024-07-18", TUR, NER))))
                .hasMessageContaining("tur-visit is already used");
    }

    @Test
    void aBranchNeverWritesToTheRealStore() throws Exception {
        String before = storeDigest();
        entente.simulate(US_STAYED.add(talks("hyp-talks", "2024-05-01", USA, NER)));
        entente.simulate(Scenario.branchAt(LocalDate.of(2024, 4, 25)).remove(FactId.of("tur-attache")));
        assertThat(storeDigest()).isEqualTo(before);
        assertThat(entente.store().dyadOf(FactId.of("hyp-talks"))).isEmpty();
    }

    @Test
    void theSameScenarioGivesTheSameResultEveryTimeAndOnParallelThreads() throws Exception {
        Simulation first = entente.simulate(US_STAYED);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Scenario scenario = i % 2 == 0 ? US_STAYED : Scenario.branchAt(LocalDate.of(2024, 4, 25)).remove(FactId.of("tur-attache"));
            results.add(pool.submit(() -> entente.simulate(scenario).toText(NER, List.of(LocalDate.of(2024, 4, 30), OCTOBER))));
        }
        String us = first.toText(NER, List.of(LocalDate.of(2024, 4, 30), OCTOBER));
        String turkey = entente.simulate(Scenario.branchAt(LocalDate.of(2024, 4, 25)).remove(FactId.of("tur-attache")))
                .toText(NER, List.of(LocalDate.of(2024, 4, 30), OCTOBER));
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(i % 2 == 0 ? us : turkey);
        }
        pool.shutdown();
        assertThat(us).isNotEqualTo(turkey);
    }

    @Test
    void withoutTheTurkishAttacheTurkeyWeighsOneAndNigerIsLessDiversified() {
        Simulation s = entente.simulate(Scenario.branchAt(LocalDate.of(2024, 4, 25)).remove(FactId.of("tur-attache")));
        PortfolioComparison c = s.compare(NER, LocalDate.of(2024, 4, 30));
        assertThat(c.partners()).singleElement().satisfies(p -> {
            assertThat(p.weightBefore()).isEqualTo(2);
            assertThat(p.weightAfter()).isEqualTo(1);
        });
        assertThat(c.diversificationAfter().orElseThrow()).isCloseTo(0.75, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(s.dropped()).isEmpty();
    }

    @Test
    void aBranchCanStartFromHistoryAsKnownAtAnInstant() {
        java.time.Instant before = java.time.Instant.now();
        while (!java.time.Instant.now().isAfter(before.plusMillis(1))) {
            Thread.onSpinWait();
        }
        entente.record(talks("usa-talks-later", "2024-06-01", USA, NER));
        Simulation now = entente.simulate(US_STAYED);
        Simulation then = entente.simulate(US_STAYED.knownAt(before));
        assertThat(now.facts(Dyad.of(NER, USA))).extracting(e -> e.fact().id().value()).contains("usa-talks-later");
        assertThat(then.facts(Dyad.of(NER, USA))).extracting(e -> e.fact().id().value()).doesNotContain("usa-talks-later");
    }
}
