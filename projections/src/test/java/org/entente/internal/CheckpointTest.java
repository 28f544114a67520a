package org.entente.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.MoreFacts.ambassador;
import static org.entente.MoreFacts.recall;
import static org.entente.MoreFacts.restoreAgreement;
import static org.entente.MoreFacts.suspend;
import static org.entente.testsupport.Facts.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Dyad;
import org.entente.core.relationship.AgreementKind;
import org.entente.core.relationship.CooperationDomain;
import org.entente.core.relationship.Decider;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.EnvoyRole;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipState;
import org.entente.partnership.Definitions;
import org.entente.partnership.Partnership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The projections keep a checkpoint of state every 32 facts and fold the rest: on every date, what
 * they answer equals a fold of every fact from the start, wherever the checkpoints fall in a history
 * of agreements, forces, envoys, pledges and withdrawals.
 */
class CheckpointTest {

    private static final Dyad NER_USA = Dyad.of(NER, USA);

    /**
     * {@code lead} talks, then eight cycles of eleven facts, 200 days apart: an agreement signed,
     * forces stationed, an ambassador accredited, a pledge, talks, the agreement suspended and
     * restored, a withdrawal scheduled and completed, the agreement denounced, the ambassador recalled.
     */
    private static List<FactCommand> history(int lead) {
        List<FactCommand> facts = new ArrayList<>();
        LocalDate start = LocalDate.of(1990, 1, 1);
        for (int i = 0; i < lead; i++) {
            facts.add(talks("lead-" + i, start.plusDays(i).toString(), USA, NER));
        }
        for (int k = 0; k < 8; k++) {
            LocalDate b = LocalDate.of(2000, 1, 1).plusDays(200L * k);
            facts.add(sign("sofa-" + k, on(b, 0), NER, USA, AgreementKind.STATUS_OF_FORCES));
            facts.add(station("forces-" + k, on(b, 1), USA, NER));
            facts.add(ambassador("amb-" + k, on(b, 2), USA, NER));
            facts.add(pledge("pledge-" + k, on(b, 10), USA, NER, CooperationDomain.SECURITY));
            facts.add(talks("talks-" + k, on(b, 20), USA, NER));
            facts.add(suspend("suspend-" + k, on(b, 30), NER, USA, "sofa-" + k));
            facts.add(restoreAgreement("restore-" + k, on(b, 40), NER, USA, "sofa-" + k));
            facts.add(schedule("schedule-" + k, on(b, 50), USA, NER, null, "forces-" + k));
            facts.add(complete("complete-" + k, on(b, 60), USA, NER, "forces-" + k));
            facts.add(denounce("denounce-" + k, on(b, 70), NER, USA, "sofa-" + k));
            facts.add(recall("recall-" + k, on(b, 80), USA, NER, "amb-" + k, EnvoyRole.AMBASSADOR));
        }
        return facts;
    }

    private static String on(LocalDate base, int days) {
        return base.plusDays(days).toString();
    }

    private static List<LocalDate> dates(List<FactCommand> facts) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (FactCommand f : facts) {
            LocalDate day = f.fact().happened().day();
            dates.add(day.minusDays(1));
            dates.add(day);
            dates.add(day.plusDays(179));
            dates.add(day.plusDays(180));
        }
        return new ArrayList<>(dates);
    }

    /** A fold of every fact on or before the date, from the empty state. */
    private static RelationshipState foldedFromTheStart(List<FactCommand> facts, LocalDate date) {
        List<FactEvent> events = new ArrayList<>(facts.stream().map(FactCommand::toEvent)
                .filter(e -> !e.fact().happened().day().isAfter(date)).toList());
        events.sort(DyadHistory.ORDER);
        return Decider.stateOf(NER_USA, events);
    }

    /**
     * The temperature on a date computed from the start, fact by fact in DOMAIN's order: each fact the
     * rules apply adds its weight to the temperature decayed to its day; skipped facts weigh nothing.
     */
    private static double heatFromTheStart(List<FactCommand> facts, LocalDate date) {
        List<FactEvent> events = new ArrayList<>(facts.stream().map(FactCommand::toEvent)
                .filter(e -> !e.fact().happened().day().isAfter(date)).toList());
        events.sort(DyadHistory.ORDER);
        double[] heat = {0};
        LocalDate[] day = {null};
        Decider.continueFrom(org.entente.core.relationship.RelationshipState.empty(NER_USA), events, e -> {
            LocalDate d = e.fact().happened().day();
            heat[0] = (day[0] == null ? heat[0] : heat[0] * Definitions.decay(java.time.temporal.ChronoUnit.DAYS.between(day[0], d)))
                    + Definitions.weight(e);
            day[0] = d;
        });
        return day[0] == null || heat[0] == 0 ? heat[0]
                : heat[0] * Definitions.decay(java.time.temporal.ChronoUnit.DAYS.between(day[0], date));
    }

    @ParameterizedTest(name = "after {0} leading facts")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void onEveryDateThePartnershipEqualsAFoldFromTheStart(int lead) {
        List<FactCommand> facts = history(lead);
        try (Entente entente = Entente.inMemory()) {
            entente.recordAll(facts);

            for (LocalDate date : dates(facts)) {
                Partnership projected = entente.partnership(NER_USA, When.asOf(date));
                LocalDate before = date.minusDays(Definitions.TREND_DAYS);
                Partnership folded = Partnership.of(foldedFromTheStart(facts, date), date, Definitions.WINDOW_DAYS,
                        heatFromTheStart(facts, date), heatFromTheStart(facts, before));
                assertThat(projected).as("partnership on %s", date).usingRecursiveComparison().isEqualTo(folded);
            }
        }
    }

    @Test
    void aViewOfFactsInAnyOrderSortsThemAndAgreesWithTheFoldAcrossCheckpoints() {
        List<FactEvent> events = new ArrayList<>(history(3).stream().map(FactCommand::toEvent).toList());
        java.util.Collections.reverse(events);
        FactView view = FactView.of(NER_USA, events);

        assertThat(view.facts()).isSortedAccordingTo(DyadHistory.ORDER).hasSize(events.size());
        for (LocalDate date : dates(history(3))) {
            assertThat(view.at(date).state()).as("state on %s", date).isEqualTo(foldedFromTheStart(history(3), date));
            assertThat(view.countOnOrBefore(date)).isEqualTo(foldedFromTheStart(history(3), date).factCount());
        }
    }

    @Test
    void factsTheRulesSkipWeighNothingAndTheTemperatureDecaysFromTheLastAppliedFact() {
        // A view of what was known, say: withdrawals of forces whose stationing is not in it are skipped
        // by the rules. They sit around and across the checkpoints, and last before some dates.
        List<FactCommand> facts = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            LocalDate day = LocalDate.of(2010, 1, 1).plusDays(7L * i);
            facts.add(i % 11 == 5
                    ? schedule("skipped-" + i, day.toString(), USA, NER, null, "forces-never-stationed")
                    : talks("talks-" + i, day.toString(), USA, NER));
        }
        FactView view = FactView.of(NER_USA, facts.stream().map(FactCommand::toEvent).toList());
        for (FactCommand f : facts) {
            for (int offset : new int[] {0, 3, 40, 200}) {
                LocalDate date = f.toEvent().fact().happened().day().plusDays(offset);
                assertThat(view.at(date).heat()).as("temperature on %s", date).isEqualTo(heatFromTheStart(facts, date));
                assertThat(view.partnership(date, Definitions.WINDOW_DAYS).trend()).as("trend on %s", date)
                        .isEqualTo(Partnership.of(view.at(date).state(), date, Definitions.WINDOW_DAYS,
                                heatFromTheStart(facts, date), heatFromTheStart(facts, date.minusDays(Definitions.TREND_DAYS))).trend());
            }
        }
        // The six schedulings (i = 5, 16, 27, 38, 49, 60) were skipped: 64 of 70 facts applied.
        assertThat(view.at(LocalDate.of(2012, 1, 1)).state().factCount()).isEqualTo(64);
    }
}
