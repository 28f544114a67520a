package org.entente.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.Organisation;
import org.entente.core.Source;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactEvent;
import org.entente.core.store.EntenteJackson;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.EventTypeRegistry;
import org.entente.core.store.StoreCopy;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.timeline.Timeline;
import org.entente.timeline.TimelineEntry;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by commit 19677de, the last before organisations reached the store (the fixture
 * {@code store-before-organisations}, see its README: the niger-2024 seed, a correction and a retraction,
 * recorded with that commit's CLI), opens with today's code and answers as that code did; every stored
 * event reads as the type it names and writes back the same bytes; its projection tables are migrated in
 * place, not rebuilt; it takes a fact of an organisation; and its
 * {@code entente-store-export/2} file imports into a new store with the same answers.
 */
class StoreBeforeOrganisationsTest {

    private static final String FIXTURE = "store-before-organisations/";
    private static final Country NER = Country.of("NER");
    private static final Organisation ECOWAS = Organisation.of("ECOWAS");
    private static final When APRIL_30 = When.asOf(LocalDate.of(2024, 4, 30));
    /** The facts of the seed, by day as the old timeline lists them. */
    private static final List<String> SEED_FACTS = List.of("fra-agreements", "usa-sofa-2012", "usa-forces-niamey", "fra-forces",
            "usa-forces-agadez", "fra-denounce", "ner-recall-2023-fra", "ner-recall-2023-usa", "chn-talks-2023", "fra-schedule",
            "fra-recall-2023", "fra-complete", "usa-talks-2024-03", "usa-denounce", "rus-forces", "usa-schedule", "chn-talks",
            "chn-pledge", "tur-attache", "tur-pledge", "usa-deadline", "usa-handover-101", "tur-visit", "tur-visit-pledge",
            "usa-handover-201", "usa-complete");
    /** The columns that hold an actor code or a dyad id, as {@code table.column}. */
    private static final List<String> ACTOR_COLUMNS = List.of("entente_fact_id.dyad", "entente_projection_dyad.country",
            "entente_projection_dyad.dyad", "entente_projection_fact.dyad");

    @TempDir
    Path temp;

    @Test
    void theOldStoreGivesTheBoardAndTimelineTheOldCodeGave() throws Exception {
        Path dir = copyOfTheStore();
        try (Entente entente = Entente.h2(dir)) {
            entente.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(entente.integrityOnOpen()).as("nothing repaired on opening").isEmpty();

            Portfolio board = entente.portfolio(NER, APRIL_30);
            assertThat(board.partners()).extracting(p -> p.partnerOf(NER).code() + " " + p.status())
                    .containsExactly("USA WINDING_DOWN", "FRA ENDED", "CHN STRENGTHENING", "RUS STRENGTHENING", "TUR STRENGTHENING");
            assertThat(board.securityPartners()).extracting(p -> p.partner().code() + ":" + p.weight())
                    .containsExactlyInAnyOrder("TUR:2", "CHN:1", "RUS:1", "USA:1");
            Portfolio.SecurityMix mix = board.mix().orElseThrow();
            assertThat(mix.concentration()).isCloseTo(0.28, within(1e-9));
            assertThat(mix.diversification()).isCloseTo(0.72, within(1e-9));
            assertThat(mix.effectiveNumberOfPartners()).isCloseTo(3.57, within(0.005));
            assertThat(board.toJson(APRIL_30)).as("the board as `entente board NER --as-of 2024-04-30 --format json` of 19677de wrote it")
                    .isEqualTo(fixtureText("board-NER-2024-04-30.json"));

            List<TimelineEntry> timeline = entente.timeline(NER, TimelineFilter.all());
            assertThat(timeline).extracting(e -> e.id().value()).containsExactlyElementsOf(SEED_FACTS);
            assertThat(timeline).filteredOn(e -> e.revision() > 1 || e.retracted())
                    .extracting(e -> e.id().value() + " revision " + e.revision() + (e.retracted() ? " retracted" : ""))
                    .containsExactly("tur-visit revision 2", "tur-visit-pledge revision 1 retracted");
            TimelineEntry corrected = timeline.get(SEED_FACTS.indexOf("tur-visit"));
            assertThat(corrected.fact()).isInstanceOfSatisfying(FactEvent.TalksHeld.class,
                    t -> assertThat(t.subject()).hasValueSatisfying(s -> assertThat(s).contains("defence, intelligence and energy")));
            assertThat(corrected.sources()).extracting(s -> s.publisher().orElseThrow()).last().isEqualTo("Anadolu (aa.com.tr)");
            assertThat(Timeline.of(NER, timeline).toJson()).as("the timeline as `entente timeline NER --format json` of 19677de wrote it")
                    .isEqualTo(fixtureText("timeline-NER.json"));
        }
    }

    @Test
    void theProjectionTablesAreMigratedInPlaceNotRebuilt() throws Exception {
        Path dir = copyOfTheStore();
        assertThat(columns(dir)).as("the fixture's shape").isEqualTo(every(16));
        assertThat(rows(dir, "SELECT version FROM entente_projection_meta")).containsExactly("2");
        assertThat(tableExists(dir, "entente_organisation")).isFalse();
        List<String> projectionRows = rows(dir, "SELECT dyad, seq, fact_id, revision, recorded_at, reason FROM entente_projection_fact"
                + " ORDER BY dyad, seq");
        assertThat(projectionRows).as("a row per event: the facts, a correction and a retraction").hasSize(SEED_FACTS.size() + 2);
        // A row of a dyad no answer reads: only a rebuild from the events would remove it.
        execute(dir, "INSERT INTO entente_projection_fact (dyad, seq, fact_id, revision, recorded_at, payload, reason)"
                + " VALUES ('CHN-RUS', 99, 'planted', 0, '2024-01-01T00:00:00Z', NULL, 'kept unless rebuilt')");

        for (int opening = 1; opening <= 2; opening++) {
            try (Entente entente = Entente.h2(dir)) {
                entente.awaitCaughtUp(Duration.ofSeconds(60));
                assertThat(entente.integrityOnOpen()).as("opening #%d repaired nothing", opening).isEmpty();
            }
            assertThat(columns(dir)).as("columns after opening #%d", opening).isEqualTo(every(64));
            assertThat(rows(dir, "SELECT version FROM entente_projection_meta")).containsExactly("3");
            assertThat(tableExists(dir, "entente_organisation")).isTrue();
            assertThat(rows(dir, "SELECT reason FROM entente_projection_fact WHERE fact_id = 'planted'"))
                    .as("the projection rows were kept, not rebuilt from the events").containsExactly("kept unless rebuilt");
            assertThat(rows(dir, "SELECT dyad, seq, fact_id, revision, recorded_at, reason FROM entente_projection_fact"
                    + " WHERE fact_id <> 'planted' ORDER BY dyad, seq")).isEqualTo(projectionRows);
        }
    }

    @Test
    void anOrganisationsFactIsRecordedInTheOldStoreAndReadAfterReopeningWithTheOldEventsUntouched() throws Exception {
        Path dir = copyOfTheStore();
        List<String> oldEvents = rows(dir, "SELECT globalIndex, payloadType, payload FROM DomainEventEntry ORDER BY globalIndex");
        assertThat(oldEvents).hasSize(SEED_FACTS.size() + 2);
        try (Entente entente = Entente.h2(dir)) {
            Organisation own = entente.registerOrganisation("ZZFB", "Registered in a store of 19677de (test)");
            entente.record(Fact.id("ecowas-talks").on(2024, 5, 1).by(ECOWAS).towards(NER)
                    .source(Source.of(Source.Kind.ARTICLE, Source.Confidence.REPORTED).withPublisher("test")).holdTalks());
            entente.record(Fact.id("zzfb-talks").on(2024, 5, 2).by(NER).towards(own).background().holdTalks());
        }
        try (Entente reopened = Entente.h2(dir)) {
            reopened.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(reopened.integrityOnOpen()).isEmpty();
            assertThat(reopened.timeline(Dyad.of(NER, ECOWAS), TimelineFilter.all())).singleElement().satisfies(e -> {
                assertThat(e.id().value()).isEqualTo("ecowas-talks");
                assertThat(e.actor()).isEqualTo(ECOWAS);
                assertThat(e.day()).isEqualTo(LocalDate.of(2024, 5, 1));
            });
            assertThat(reopened.organisations()).extracting(Organisation::code).containsExactly("ORG:ZZFB");
            assertThat(reopened.timeline(Dyad.of(NER, Organisation.of("ZZFB")), TimelineFilter.all()))
                    .extracting(e -> e.id().value()).containsExactly("zzfb-talks");
            assertThat(reopened.timeline(NER, TimelineFilter.all())).hasSize(SEED_FACTS.size() + 2);
            assertThat(reopened.portfolio(NER, APRIL_30).toJson(APRIL_30)).as("the facts of May leave April's board as it was")
                    .isEqualTo(fixtureText("board-NER-2024-04-30.json"));
        }
        assertThat(rows(dir, "SELECT globalIndex, payloadType, payload FROM DomainEventEntry WHERE globalIndex <= "
                + oldEvents.size() + " ORDER BY globalIndex")).as("the stored events, byte for byte").isEqualTo(oldEvents);
        assertThat(rows(dir, "SELECT acronym, name FROM entente_organisation"))
                .containsExactly("ZZFB Registered in a store of 19677de (test)");
    }

    @Test
    void everyStoredEventReadsAsTheTypeItNamesAndWritesBackTheBytesThatWereStored() throws Exception {
        Path dir = copyOfTheStore();
        ObjectMapper mapper = EntenteJackson.mapper(EventTypeRegistry.standard());
        Map<String, Integer> types = new TreeMap<>();
        try (Connection c = jdbc(dir); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT payloadType, payload FROM DomainEventEntry ORDER BY globalIndex")) {
            while (rs.next()) {
                String type = rs.getString(1);
                String payload = new String(rs.getBytes(2), StandardCharsets.UTF_8);
                Class<?> registered = EventTypeRegistry.standard().byName(type).orElseThrow(
                        () -> new AssertionError("no registered event type " + type)).type();
                assertThat(mapper.writeValueAsString(mapper.readValue(payload, registered))).as(type).isEqualTo(payload);
                types.merge(type, 1, Integer::sum);
            }
        }
        assertThat(types).containsExactly(Map.entry("AgreementDenounced", 2), Map.entry("AgreementSigned", 2),
                Map.entry("AttacheAppointed", 1), Map.entry("BaseHandedOver", 2), Map.entry("CooperationPledged", 3),
                Map.entry("EnvoyRecalled", 3), Map.entry("FactCorrected", 1), Map.entry("FactsRetracted", 1),
                Map.entry("ForcesStationed", 4), Map.entry("TalksHeld", 4), Map.entry("WithdrawalCompleted", 2),
                Map.entry("WithdrawalScheduled", 3));
    }

    @Test
    void theOldExportFileImportsIntoANewStoreWithTheSameAnswers() throws Exception {
        Path file = temp.resolve("store-export-2.jsonl");
        copyResource("store-export-2.jsonl", file);
        assertThat(Files.readAllLines(file).get(0)).isEqualTo(StoreCopy.FORMAT_2);
        Path dir = temp.resolve("restored");
        StoreCopy.Summary summary;
        try (EntenteStore store = EntenteStore.builder().h2(dir).build()) {
            summary = StoreCopy.importInto(store, file);
        }
        assertThat(summary.manifestChecked()).isTrue();
        assertThat(summary.events()).isEqualTo(SEED_FACTS.size() + 2);
        assertThat(summary.factIds()).isEqualTo(SEED_FACTS.size());
        try (Entente entente = Entente.h2(dir)) {
            entente.awaitCaughtUp(Duration.ofSeconds(60));
            Portfolio.SecurityMix mix = entente.portfolio(NER, APRIL_30).mix().orElseThrow();
            assertThat(mix.concentration()).isCloseTo(0.28, within(1e-9));
            assertThat(mix.diversification()).isCloseTo(0.72, within(1e-9));
            assertThat(mix.effectiveNumberOfPartners()).isCloseTo(3.57, within(0.005));
            assertThat(entente.portfolio(NER, APRIL_30).partners()).extracting(Partnership::status).map(String::valueOf)
                    .containsExactly("WINDING_DOWN", "ENDED", "STRENGTHENING", "STRENGTHENING", "STRENGTHENING");
            assertThat(entente.portfolio(NER, APRIL_30).toJson(APRIL_30)).isEqualTo(fixtureText("board-NER-2024-04-30.json"));
            assertThat(Timeline.of(NER, entente.timeline(NER, TimelineFilter.all())).toJson())
                    .isEqualTo(fixtureText("timeline-NER.json"));
        }
    }

    /** The fixture's store files, copied to a new directory. */
    private Path copyOfTheStore() throws IOException {
        Path dir = temp.resolve("store");
        Files.createDirectories(dir);
        for (String file : List.of("entente.mv.db", "entente.head")) {
            copyResource(file, dir.resolve(file));
        }
        return dir;
    }

    private void copyResource(String name, Path to) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(FIXTURE + name)) {
            assertThat(in).as("test resource %s%s", FIXTURE, name).isNotNull();
            Files.copy(in, to);
        }
    }

    /** A JSON answer of the old CLI, without the line feed it printed after it. */
    private String fixtureText(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(FIXTURE + name)) {
            assertThat(in).as("test resource %s%s", FIXTURE, name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        }
    }

    private static Connection jdbc(Path dir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("entente"), "sa", "");
    }

    private static void execute(Path dir, String sql) throws SQLException {
        try (Connection c = jdbc(dir); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static boolean tableExists(Path dir, String table) throws SQLException {
        return !rows(dir, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = '" + table + "'"
                + " AND TABLE_SCHEMA = CURRENT_SCHEMA").isEmpty();
    }

    /** Every actor column with the same declared length. */
    private static Map<String, Long> every(long length) {
        Map<String, Long> out = new TreeMap<>();
        ACTOR_COLUMNS.forEach(c -> out.put(c, length));
        return out;
    }

    /** The declared length of each actor column. */
    private static Map<String, Long> columns(Path dir) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        for (String column : ACTOR_COLUMNS) {
            String[] tc = column.split("\\.");
            List<String> length = rows(dir, "SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS WHERE LOWER(TABLE_NAME) = '"
                    + tc[0] + "' AND LOWER(COLUMN_NAME) = '" + tc[1] + "' AND TABLE_SCHEMA = CURRENT_SCHEMA");
            out.put(column, length.isEmpty() ? -1L : Long.parseLong(length.get(0)));
        }
        return out;
    }

    /** The rows of a query, each as its columns joined by spaces (bytes as UTF-8 text). */
    private static List<String> rows(Path dir, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = jdbc(dir); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object value = rs.getObject(i);
                    row.append(i > 1 ? " " : "").append(value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(value));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
