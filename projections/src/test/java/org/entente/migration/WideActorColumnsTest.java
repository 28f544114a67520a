package org.entente.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testsupport.Facts.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.entente.Entente;
import org.entente.When;
import org.entente.testsupport.Postgres;
import org.entente.timeline.Timeline;
import org.entente.timeline.TimelineFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store of the shape before organisations (actor and dyad columns of {@code VARCHAR(16)}, projection
 * tables of version 2) opens with those columns widened in place to {@code VARCHAR(64)}, on H2 and
 * PostgreSQL: the same facts, nothing rebuilt, and opening again changes nothing.
 */
class WideActorColumnsTest {

    /** Every column that holds an actor code or a dyad id, as {@code table.column}. */
    private static final List<String> ACTOR_COLUMNS = List.of("entente_fact_id.dyad", "entente_projection_fact.dyad",
            "entente_projection_dyad.country", "entente_projection_dyad.dyad");
    /** Wider than any dyad of two organisations (33 characters at most). */
    private static final String WIDE = "ORG:ABCDEFGHIJKL-ORG:ABCDEFGHIJKLMN";

    @TempDir
    Path temp;

    /** Opens a JDBC connection to the store's database, in the store's schema. */
    @FunctionalInterface
    private interface Jdbc {
        Connection open() throws SQLException;
    }

    @Test
    void anH2StoreWithNarrowColumnsOpensWithWideOnesAndTheSameFacts() throws Exception {
        Path dir = temp.resolve("narrow");
        narrowStoreOpensWide(() -> Entente.h2(dir), () -> DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("entente"), "sa", ""));
    }

    @Test
    void aPostgresStoreWithNarrowColumnsOpensWithWideOnesAndTheSameFacts() throws Exception {
        try (Postgres pg = Postgres.freshSchema("wide_actors")) {
            narrowStoreOpensWide(() -> Entente.postgres(pg.dataSource()), () -> pg.dataSource().getConnection());
        }
    }

    private static void narrowStoreOpensWide(Supplier<Entente> open, Jdbc jdbc) throws Exception {
        assertThat(WIDE).hasSize(35);
        String before;
        try (Entente entente = open.get()) {
            entente.recordAll(List.of(talks("usa-1", "2024-01-10", NER, USA), talks("tur-1", "2024-02-10", NER, TUR),
                    talks("usa-2", "2024-03-10", USA, NER)));
            entente.awaitCaughtUp(Duration.ofSeconds(60));
            before = answers(entente);
        }
        // The shape before organisations, and a projection row that only a rebuild would remove
        // (a dyad no answer below reads, so the answers stay those of the events).
        try (Connection c = jdbc.open(); Statement s = c.createStatement()) {
            for (String column : ACTOR_COLUMNS) {
                String[] tc = column.split("\\.");
                s.execute("ALTER TABLE " + tc[0] + " ALTER COLUMN " + tc[1] + " SET DATA TYPE VARCHAR(16)");
            }
            s.execute("UPDATE entente_projection_meta SET version = 2");
            s.execute("INSERT INTO entente_projection_fact (dyad, seq, fact_id, revision, recorded_at, payload, reason)"
                    + " VALUES ('CHN-RUS', 99, 'planted', 0, '2024-01-01T00:00:00Z', NULL, 'kept unless rebuilt')");
        }
        assertThat(columns(jdbc)).as("the fixture's columns").isEqualTo(every("16 NOT NULL"));
        List<String> factIds = rows(jdbc, "SELECT fact_id, dyad FROM entente_fact_id ORDER BY fact_id");
        assertThat(factIds).hasSize(3);

        for (int opening = 1; opening <= 2; opening++) {
            try (Entente entente = open.get()) {
                entente.awaitCaughtUp(Duration.ofSeconds(60));
                assertThat(entente.integrityOnOpen()).as("opening #%d repaired nothing", opening).isEmpty();
                assertThat(answers(entente)).as("answers after opening #%d", opening).isEqualTo(before);
            }
            assertThat(columns(jdbc)).as("columns after opening #%d", opening).isEqualTo(every("64 NOT NULL"));
            assertThat(rows(jdbc, "SELECT version FROM entente_projection_meta")).containsExactly("3");
            assertThat(rows(jdbc, "SELECT fact_id, dyad FROM entente_fact_id ORDER BY fact_id")).isEqualTo(factIds);
            assertThat(rows(jdbc, "SELECT reason FROM entente_projection_fact WHERE fact_id = 'planted'"))
                    .as("the projection rows were kept, not rebuilt from the events").containsExactly("kept unless rebuilt");
        }

        // A dyad of two organisations fits every column (inserted, then rolled back).
        try (Connection c = jdbc.open()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO entente_fact_id (fact_id, dyad) VALUES ('wide', '" + WIDE + "')");
                s.execute("INSERT INTO entente_projection_fact (dyad, seq, fact_id, revision, recorded_at, payload, reason)"
                        + " VALUES ('" + WIDE + "', 0, 'wide', 0, '2024-01-01T00:00:00Z', NULL, NULL)");
                s.execute("INSERT INTO entente_projection_dyad (country, dyad) VALUES ('" + WIDE + "', '" + WIDE + "')");
                try (ResultSet rs = s.executeQuery("SELECT dyad FROM entente_projection_dyad WHERE country = '" + WIDE + "'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(WIDE);
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** Every actor column with the same description. */
    private static Map<String, String> every(String description) {
        Map<String, String> out = new TreeMap<>();
        ACTOR_COLUMNS.forEach(c -> out.put(c, description));
        return out;
    }

    /** The actor columns as the database describes them: declared length and nullability. */
    private static Map<String, String> columns(Jdbc jdbc) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = jdbc.open(); PreparedStatement ps = c.prepareStatement("SELECT CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE LOWER(TABLE_NAME) = ? AND LOWER(COLUMN_NAME) = ? AND TABLE_SCHEMA = CURRENT_SCHEMA")) {
            for (String column : ACTOR_COLUMNS) {
                String[] tc = column.split("\\.");
                ps.setString(1, tc[0]);
                ps.setString(2, tc[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    out.put(column, rs.next() ? rs.getLong(1) + ("NO".equals(rs.getString(2)) ? " NOT NULL" : " NULL") : "missing");
                }
            }
        }
        return out;
    }

    /** The rows of a query, each as its columns joined by spaces. */
    private static List<String> rows(Jdbc jdbc, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = jdbc.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder(String.valueOf(rs.getObject(1)));
                for (int i = 2; i <= n; i++) {
                    row.append(' ').append(rs.getObject(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private static String answers(Entente e) {
        When now = When.asOf(LocalDate.of(2024, 6, 1));
        return e.portfolio(NER, now).toJson() + "\n" + e.portfolio(USA, now).toJson() + "\n"
                + Timeline.of(NER, e.timeline(NER, TimelineFilter.all())).toJson();
    }
}
