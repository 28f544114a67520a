package org.entente.core.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.junit.jupiter.api.Test;

/** What reads return can be asked directly, without {@code x.fact().fact()...}. */
class FlatAccessorsTest {

    private static final Country NER = Country.of("NER");
    private static final Country USA = Country.of("USA");

    @Test
    void aFactAndItsCommandGiveTheirIdAndDateDirectly() {
        FactCommand command = Fact.id("usa-schedule").inMonth(2024, 5).by(USA).towards(NER).background().scheduleWithdrawal().command();

        assertThat(command.id()).isEqualTo(FactId.of("usa-schedule"));
        assertThat(command.happened()).isEqualTo(HappenedOn.month(2024, 5));
        assertThat(command.toEvent().id()).isEqualTo(FactId.of("usa-schedule"));
        assertThat(command.toEvent().happened()).isEqualTo(HappenedOn.month(2024, 5));
    }

    @Test
    void forcesGiveTheDeadlineOfTheirWithdrawal() {
        List<FactEvent> facts = List.of(
                Fact.id("usa-forces").inYear(2013).by(USA).towards(NER).background().stationForces().invited().command().toEvent(),
                Fact.id("airfield").inYear(2016).by(USA).towards(NER).background().stationForces().invited().command().toEvent(),
                Fact.id("usa-schedule").on(2024, 5, 19).by(USA).towards(NER).background().scheduleWithdrawal()
                        .deadline(2024, 9, 15).forces("usa-forces").command().toEvent());
        RelationshipState state = Decider.stateOf(Dyad.of(NER, USA), facts);

        assertThat(state.forcesPresent()).extracting(RelationshipState.Forces::stationing, RelationshipState.Forces::deadline)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(FactId.of("usa-forces"), java.util.Optional.of(LocalDate.of(2024, 9, 15))),
                        org.assertj.core.groups.Tuple.tuple(FactId.of("airfield"), java.util.Optional.empty()));
    }
}
