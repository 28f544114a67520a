package org.entente.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entente.core.Country;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactKind;
import org.junit.jupiter.api.Test;

class DroppedFactAccessorsTest {

    @Test
    void aDroppedFactGivesItsIdDateAndKindDirectly() {
        DroppedFact dropped = new DroppedFact(Fact.id("usa-complete").on(2024, 8, 5).by(Country.of("USA")).towards(Country.of("NER"))
                .background().completeWithdrawal().command().toEvent(), "no withdrawal is scheduled", List.of(FactId.of("usa-schedule")));

        assertThat(dropped.id()).isEqualTo(FactId.of("usa-complete"));
        assertThat(dropped.happened()).isEqualTo(HappenedOn.day(2024, 8, 5));
        assertThat(dropped.kind()).isEqualTo(FactKind.COMPLETE_WITHDRAWAL);
    }
}
