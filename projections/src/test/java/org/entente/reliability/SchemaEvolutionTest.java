package org.entente.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.FactEvent;
import org.entente.core.store.EntenteStore;
import org.entente.partnership.Status;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events stored in an older shape (fixture rows in {@code old-shapes.json}) load after an event
 * gained a field and after a field was renamed, through upcasters that see the registry's stable
 * names and revisions.
 */
class SchemaEvolutionTest {

    @TempDir
    Path directory;

    /** TalksHeld revision 0 called its subject "topic". */
    static final class RenameTopic extends SingleEventUpcaster {
        @Override
        protected boolean canUpcast(IntermediateEventRepresentation r) {
            return r.getType().equals(new SimpleSerializedType("TalksHeld", "0"));
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation r) {
            return r.upcastPayload(new SimpleSerializedType("TalksHeld", "1"), JsonNode.class, node -> {
                ObjectNode o = (ObjectNode) node;
                o.set("subject", o.remove("topic"));
                return o;
            });
        }
    }

    /** AttacheAppointed revision 0 had no service: every attaché then was a defence attaché. */
    static final class AddService extends SingleEventUpcaster {
        @Override
        protected boolean canUpcast(IntermediateEventRepresentation r) {
            return r.getType().equals(new SimpleSerializedType("AttacheAppointed", "0"));
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation r) {
            return r.upcastPayload(new SimpleSerializedType("AttacheAppointed", "1"), JsonNode.class,
                    node -> ((ObjectNode) node).put("service", "defence"));
        }
    }

    private void writeOldRows() throws Exception {
        try (EntenteStore store = EntenteStore.builder().h2(directory).build()) {
            writeOldRows(store);
        }
    }

    private void writeOldRows(EntenteStore store) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("old-shapes.json");
             Connection c = store.connections().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type,"
                     + " eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement ids = c.prepareStatement("INSERT INTO entente_fact_id (fact_id, dyad) VALUES (?, ?)")) {
            ObjectMapper json = new ObjectMapper();
            for (JsonNode row : json.readTree(in)) {
                ps.setString(1, row.path("aggregate").asText());
                ps.setLong(2, row.path("sequence").asLong());
                ps.setString(3, "RelationshipAggregate");
                ps.setString(4, UUID.randomUUID().toString());
                ps.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
                ps.setBytes(6, json.writeValueAsBytes(row.path("payload")));
                ps.setString(7, row.path("revision").asText());
                ps.setString(8, row.path("type").asText());
                ps.setString(9, row.path("timeStamp").asText());
                ps.executeUpdate();
                ids.setString(1, row.path("payload").path("fact").path("id").asText());
                ids.setString(2, row.path("aggregate").asText());
                ids.executeUpdate();
            }
        }
    }

    @Test
    void withoutUpcastersAnOlderRevisionIsRefusedNamingIt() throws Exception {
        writeOldRows();
        try (EntenteStore store = EntenteStore.builder().h2(directory).build()) {
            assertThatThrownBy(() -> store.history(Dyad.of(Country.of("CHN"), Country.of("NER"))))
                    .isInstanceOf(EntenteException.class)
                    .hasMessageContaining("stored type TalksHeld has revision 0")
                    .hasMessageContaining("register an upcaster from revision 0");
        }
    }

    @Test
    void olderShapesLoadThroughUpcastersIntoTheAggregateAndTheProjections() throws Exception {
        writeOldRows();
        try (Entente entente = Entente.builder().h2(directory).upcaster(new RenameTopic()).upcaster(new AddService()).build()) {
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            FactEvent talks = entente.history(Dyad.of(Country.of("CHN"), Country.of("NER"))).orElseThrow().facts().get(0);
            assertThat(talks).isInstanceOfSatisfying(FactEvent.TalksHeld.class,
                    t -> assertThat(t.subject()).contains("Sino-Nigerien military cooperation"));
            FactEvent attache = entente.timeline(Dyad.of(Country.of("NER"), Country.of("TUR")), TimelineFilter.all()).get(0).fact();
            assertThat(attache).isInstanceOfSatisfying(FactEvent.AttacheAppointed.class, a -> {
                assertThat(a.service()).isEqualTo(AttacheService.DEFENCE);
                assertThat(a.name()).contains("Serkan Kaya");
            });
            assertThat(entente.partnership(Dyad.of(Country.of("NER"), Country.of("TUR")), When.asOf(LocalDate.of(2024, 4, 30))).status())
                    .isEqualTo(Status.STRENGTHENING);
            // New facts are written in today's shape next to the old rows.
            entente.record(org.entente.testsupport.Facts.talks("chn-talks-2", "2024-05-01", Country.of("CHN"), Country.of("NER")));
            assertThat(entente.history(Dyad.of(Country.of("CHN"), Country.of("NER"))).orElseThrow().size()).isEqualTo(2);
        }
    }

    /** A rebuild reads the events in one scan of its own: it must upcast them as Axon's stream does, on a file and in memory. */
    @Test
    void aRebuildReadsOlderShapesThroughTheUpcasters() throws Exception {
        writeOldRows();
        try (Entente entente = Entente.builder().h2(directory).upcaster(new RenameTopic()).upcaster(new AddService()).build()) {
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            String digest = org.entente.durability.Digests.projectionRows(entente);
            var timeline = entente.timeline(Country.of("NER"), TimelineFilter.all());
            entente.rebuildProjections();
            assertThat(org.entente.durability.Digests.projectionRows(entente)).isEqualTo(digest);
            assertThat(entente.timeline(Country.of("NER"), TimelineFilter.all())).isEqualTo(timeline);
            assertUpcast(entente);
        }
        try (Entente entente = Entente.builder().inMemory().upcaster(new RenameTopic()).upcaster(new AddService()).build()) {
            writeOldRows(entente.store());
            entente.rebuildProjections();
            assertUpcast(entente);
        }
    }

    private static void assertUpcast(Entente entente) {
        FactEvent talks = entente.timeline(Dyad.of(Country.of("CHN"), Country.of("NER")), TimelineFilter.all()).get(0).fact();
        assertThat(talks).isInstanceOfSatisfying(FactEvent.TalksHeld.class,
                t -> assertThat(t.subject()).contains("Sino-Nigerien military cooperation"));
        FactEvent attache = entente.timeline(Dyad.of(Country.of("NER"), Country.of("TUR")), TimelineFilter.all()).get(0).fact();
        assertThat(attache).isInstanceOfSatisfying(FactEvent.AttacheAppointed.class, a -> assertThat(a.service()).isEqualTo(AttacheService.DEFENCE));
    }
}
