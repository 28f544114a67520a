package org.entente.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.entente.Entente;
import org.entente.core.store.EntenteStore.Backend;
import org.entente.seeds.Seeds;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter on the real PostgreSQL: through the application's DataSource, through {@code entente.postgres.*}, and
 * health going DOWN when the database stops answering. Each test has a schema of its own, dropped afterwards;
 * skipped without a server unless {@code -Dentente.postgres.required=true}.
 */
class EntentePostgresAutoConfigurationTest {

    final ApplicationContextRunner runner = StarterTestSupport.runner();

    @Test
    void theApplicationsDataSourceHoldsTheStoreWhenNoStoreIsNamed() {
        try (Postgres pg = Postgres.freshSchema("starter_ds")) {
            runner.withBean(DataSource.class, pg::dataSource).run(context -> {
                assertThat(context.getBean(Entente.class).store().backend()).isEqualTo(Backend.POSTGRES);
                assertThat(tables(pg)).isPositive();
            });
        }
    }

    @Test
    void thePostgresPropertiesOpenEntentesOwnPoolThere() {
        try (Postgres pg = Postgres.freshSchema("starter_url")) {
            String url = System.getProperty("entente.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
            runner.withPropertyValues("entente.postgres.url=" + url + "?currentSchema=" + pg.schema(),
                    "entente.postgres.user=" + System.getProperty("entente.postgres.user", "postgres"),
                    "entente.postgres.pool-size=3").run(context -> {
                        Entente entente = context.getBean(Entente.class);
                        assertThat(entente.store().backend()).isEqualTo(Backend.POSTGRES);
                        int written = entente.recordAll(Seeds.bundled("niger-2024").commands()).events();
                        assertThat(written).isPositive();
                        assertThat(events(pg)).isEqualTo(written);
                    });
        }
    }

    @Test
    void storeH2LeavesTheApplicationsPostgresAlone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        try (Postgres pg = Postgres.freshSchema("starter_h2")) {
            runner.withPropertyValues("entente.store=h2", "entente.h2.directory=" + tmp)
                    .withBean(DataSource.class, pg::dataSource)
                    .run(context -> {
                        assertThat(context.getBean(Entente.class).store().backend()).isEqualTo(Backend.H2);
                        assertThat(tables(pg)).isZero();
                    });
        }
    }

    @Test
    void healthIsDownWhileTheDatabaseIsUnreachableAndUpOnceItAnswersAgain() throws Exception {
        try (Postgres pg = Postgres.freshSchema("starter_health")) {
            // A PGSimpleDataSource opens a new connection on each call: moved to a port where nothing listens, every
            // connection the application and Entente ask for is refused by the operating system, as when the server is gone.
            PGSimpleDataSource dataSource = (PGSimpleDataSource) pg.dataSource();
            int[] serverPorts = dataSource.getPortNumbers();
            int deadPort;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                deadPort = probe.getLocalPort();
            }
            runner.withBean(DataSource.class, () -> dataSource).run(context -> {
                HealthIndicator indicator = context.getBean("ententeHealthIndicator", HealthIndicator.class);
                assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);

                dataSource.setPortNumbers(new int[] {deadPort});
                Health down = indicator.health(true);
                assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                assertThat(String.valueOf(down.getDetails().get("error")))
                        .contains("could not read the event store's head")
                        .contains(String.valueOf(deadPort));

                dataSource.setPortNumbers(serverPorts);
                assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
            });
        }
    }

    private static long tables(Postgres pg) throws SQLException {
        return count(pg, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + pg.schema() + "'");
    }

    private static long events(Postgres pg) throws SQLException {
        return count(pg, "SELECT count(*) FROM domainevententry");
    }

    private static long count(Postgres pg, String sql) throws SQLException {
        try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
