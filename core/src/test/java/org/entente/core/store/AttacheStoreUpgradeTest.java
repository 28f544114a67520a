package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.AttacheService;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.MissionLevel;
import org.entente.core.relationship.RelationshipEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written before {@link AttacheService} and {@link MissionLevel} (the fixture
 * {@code attache-store-0.1}, see its README) opens with today's code: its services and levels read as
 * the enums, an unknown service as {@code OTHER} with its text, in events, in corrections and in
 * snapshots, and writing them again gives back the bytes that were stored.
 */
class AttacheStoreUpgradeTest {

    private static final Country NER = Country.of("NER");
    private static final Country FRA = Country.of("FRA");

    @TempDir
    Path directory;

    @BeforeEach
    void copyTheFixture() throws Exception {
        for (String file : List.of("entente.mv.db", "entente.head")) {
            try (InputStream in = getClass().getResourceAsStream("attache-store-0.1/" + file)) {
                Files.copy(in, directory.resolve(file));
            }
        }
    }

    private static Map<String, FactEvent.AttacheAppointed> attaches(List<Object> payloads) {
        Map<String, FactEvent.AttacheAppointed> byId = new LinkedHashMap<>();
        for (Object p : payloads) {
            FactEvent fact = p instanceof RelationshipEvent.FactCorrected c ? c.revised() : p instanceof FactEvent f ? f : null;
            if (fact instanceof FactEvent.AttacheAppointed a) {
                byId.put(a.fact().id().value() + (p instanceof RelationshipEvent.FactCorrected ? "#corrected" : ""), a);
            }
        }
        return byId;
    }

    @Test
    void theStoredServicesReadAsTheEnumAndAnUnknownOneAsOtherWithItsText() {
        List<Object> payloads = new ArrayList<>();
        try (EntenteStore store = EntenteStore.builder().h2(directory).build()) {
            store.scanEvents(e -> payloads.add(e.payload()));
        }
        Map<String, FactEvent.AttacheAppointed> attaches = attaches(payloads);

        assertThat(attaches.get("tur-attache").service()).isEqualTo(AttacheService.DEFENCE);
        assertThat(attaches.get("tur-attache").otherService()).isEmpty();
        assertThat(attaches.get("tur-attache").rank()).contains("Colonel");
        assertThat(attaches.get("fra-attache").service()).isEqualTo(AttacheService.NAVAL);
        assertThat(attaches.get("fra-gendarme").service()).isEqualTo(AttacheService.OTHER);
        assertThat(attaches.get("fra-gendarme").otherService()).contains("gendarmerie");
        assertThat(attaches.get("fra-gendarme#corrected").otherService()).contains("gendarmerie");
        assertThat(attaches.get("fra-gendarme#corrected").rank()).contains("Major");
        assertThat(payloads).filteredOn(FactEvent.AmbassadorAccredited.class::isInstance)
                .extracting(p -> ((FactEvent.AmbassadorAccredited) p).level())
                .containsExactly(MissionLevel.AMBASSADOR, MissionLevel.CHARGE_D_AFFAIRES);
    }

    @Test
    void theHistoriesLoadWithTheCorrectedOtherServiceAndTheLevels() {
        try (EntenteStore store = EntenteStore.builder().h2(directory).build()) {
            DyadHistory franceNiger = store.history(Dyad.of(FRA, NER)).orElseThrow();
            DyadHistory.Entry gendarme = franceNiger.entry(FactId.of("fra-gendarme")).orElseThrow();
            assertThat(gendarme.revision()).isEqualTo(2);
            assertThat(gendarme.fact()).isInstanceOfSatisfying(FactEvent.AttacheAppointed.class, a -> {
                assertThat(a.serviceText()).isEqualTo("gendarmerie");
                assertThat(a.rank()).contains("Major");
            });
            assertThat(store.history(Dyad.of(NER, Country.of("USA"))).orElseThrow().facts())
                    .extracting(f -> ((FactEvent.AmbassadorAccredited) f).level())
                    .containsExactlyInAnyOrder(MissionLevel.AMBASSADOR, MissionLevel.CHARGE_D_AFFAIRES);

            // A new revision through the fluent API keeps the other service's text, and the store takes it.
            store.record(new org.entente.core.relationship.RelationshipCommand.CorrectFact(
                    Fact.from(gendarme.fact()).as(org.entente.core.relationship.FactBuilder.AppointAttache.class).rank("Colonel").command(),
                    "promoted"));
            assertThat(store.history(Dyad.of(FRA, NER)).orElseThrow().entry(FactId.of("fra-gendarme")).orElseThrow().fact())
                    .isInstanceOfSatisfying(FactEvent.AttacheAppointed.class, a -> {
                        assertThat(a.otherService()).contains("gendarmerie");
                        assertThat(a.rank()).contains("Colonel");
                    });
        }
    }

    @Test
    void theSnapshotOfTheOldShapeReadsTheServices() throws Exception {
        ObjectMapper mapper = EntenteJackson.mapper(EventTypeRegistry.standard());
        List<byte[]> snapshots = new ArrayList<>();
        try (EntenteStore store = EntenteStore.builder().h2(directory).build();
             Connection c = store.connections().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT payload FROM SnapshotEventEntry")) {
            while (rs.next()) {
                snapshots.add(rs.getBytes(1));
            }
        }
        assertThat(snapshots).hasSize(1);
        DyadHistory history = mapper.readValue(snapshots.get(0), RelationshipAggregate.class).historyCopy();

        assertThat(history.facts()).filteredOn(FactEvent.AttacheAppointed.class::isInstance)
                .extracting(f -> ((FactEvent.AttacheAppointed) f).service())
                .containsExactlyInAnyOrder(AttacheService.NAVAL, AttacheService.OTHER);
    }

    @Test
    void writingAnOldEventAgainGivesBackTheBytesThatWereStored() throws Exception {
        ObjectMapper mapper = EntenteJackson.mapper(EventTypeRegistry.standard());
        List<String[]> rows = new ArrayList<>();
        try (EntenteStore store = EntenteStore.builder().h2(directory).build();
             Connection c = store.connections().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT payloadType, payload FROM DomainEventEntry ORDER BY globalIndex")) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), new String(rs.getBytes(2), StandardCharsets.UTF_8)});
            }
        }
        assertThat(rows).hasSize(8);
        for (String[] row : rows) {
            Class<?> type = EventTypeRegistry.standard().byName(row[0]).orElseThrow().type();
            Object read = mapper.readValue(row[1], type);
            assertThat(mapper.writeValueAsString(read)).as(row[0]).isEqualTo(row[1]);
        }
        assertThat(rows.get(2)[1]).contains("\"service\":\"gendarmerie\"").doesNotContain("otherService");
    }

    @Test
    void aNewAttacheIsStoredInTheShapeOlderVersionsRead() throws Exception {
        ObjectMapper mapper = EntenteJackson.mapper(EventTypeRegistry.standard());
        FactEvent.AttacheAppointed naval = Fact.id("n").inYear(2020).by(FRA).towards(NER).background()
                .appointAttache().service(AttacheService.NAVAL).command().toEvent();
        FactEvent.AttacheAppointed other = Fact.id("o").inYear(2020).by(FRA).towards(NER).background()
                .appointAttache("X").otherService("coast guard").command().toEvent();

        assertThat(mapper.writeValueAsString(naval)).endsWith("\"service\":\"naval\"}");
        assertThat(mapper.writeValueAsString(other)).endsWith("\"name\":\"X\",\"service\":\"coast guard\"}");
        assertThat(mapper.readValue(mapper.writeValueAsString(other), FactEvent.class)).isEqualTo(other);
        assertThat(mapper.readValue(mapper.writeValueAsString(naval), FactEvent.AttacheAppointed.class)).isEqualTo(naval);
        assertThat(Optional.of(mapper.readValue(mapper.writeValueAsString(naval), FactEvent.class))).contains(naval);
    }
}
