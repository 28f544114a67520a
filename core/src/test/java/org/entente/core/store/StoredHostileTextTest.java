package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.HappenedOn;
import org.entente.core.Source;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.FactHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written before control characters were refused may hold some in its texts: its history
 * still loads, as it was written, and new facts can still be recorded next to it.
 */
class StoredHostileTextTest {

    static final String HOSTILE_PUBLISHER = "Reuters\r\n2024-01-01  talks  USA  NER  forged\u0000";
    static final String HOSTILE_SUBJECT = "\u001b]0;pwned\u0007\u001b[2J\u202Eevil";

    @TempDir
    Path directory;

    @Test
    void aStoredEventWithControlCharactersLoadsAsItWasWritten() throws Exception {
        FactHeader header = new FactHeader(FactId.of("old-talks"), HappenedOn.day(LocalDate.of(2024, 1, 1)), USA, NER,
                List.of(new Source(Source.Kind.ARTICLE, Source.Confidence.REPORTED, Optional.of(HOSTILE_PUBLISHER),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("note\u0085"))));
        FactEvent.TalksHeld old = new FactEvent.TalksHeld(header, Optional.of(HOSTILE_SUBJECT));
        try (EntenteStore store = EntenteStore.builder().h2(directory).build()) {
            store.record(talks("old-talks", "2024-01-01", USA, NER));
            // What an older version wrote: the same row, with the hostile text in its payload.
            try (Connection c = store.connections().getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE DomainEventEntry SET payload = ?")) {
                ps.setBytes(1, EntenteJackson.mapper(EventTypeRegistry.standard()).writeValueAsBytes(old));
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        try (EntenteStore store = EntenteStore.builder().h2(directory).build()) {
            List<FactEvent> facts = store.history(Dyad.of(USA, NER)).orElseThrow().facts();
            assertThat(facts).containsExactly(old);
            store.record(talks("new-talks", "2024-01-02", USA, NER));
            assertThat(store.history(Dyad.of(USA, NER)).orElseThrow().facts()).hasSize(2).startsWith(old);
        }
    }
}
