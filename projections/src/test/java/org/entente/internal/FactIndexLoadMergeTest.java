package org.entente.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.core.Dyad;
import org.entente.core.relationship.FactEvent;
import org.junit.jupiter.api.Test;

/** a dyad loaded while the processor applies a version the load also reads. */
class FactIndexLoadMergeTest {

    private static final Dyad NER_USA = Dyad.of(NER, USA);

    private static FactVersion version(int seq) {
        FactEvent e = talks("t-" + seq, "2024-01-" + String.format("%02d", seq + 1), NER, USA).toEvent();
        return new FactVersion(NER_USA, seq, e.fact().id(), 1, Optional.of(e), Instant.parse("2024-06-01T00:00:00Z"), Optional.empty());
    }

    @Test
    void aVersionCommittedJustBeforeTheLoadAndAppliedDuringItIsHeldOnce() {
        List<FactVersion> stored = new ArrayList<>();
        for (int i = 0; i <= 6; i++) {
            stored.add(version(i));
        }
        FactIndex[] index = new FactIndex[1];
        // The processor committed seq 6 (so the rows hold it) and applies it while the query's load reads the rows:
        // the apply goes to the placeholder, the rows read hold it too.
        index[0] = new FactIndex(1_000, dyad -> {
            index[0].apply(List.of(stored.get(6)), 6);
            return stored;
        });

        DyadIndex.Snapshot s = index[0].snapshot(NER_USA);

        assertThat(s.versions()).as("each (sequence, fact id) once").hasSize(7);
        assertThat(index[0].statistics().versions()).as("the cache's weight").isEqualTo(7);
    }
}
