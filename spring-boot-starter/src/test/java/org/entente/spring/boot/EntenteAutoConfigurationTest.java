package org.entente.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Dyad;
import org.entente.core.relationship.FactCommand;
import org.entente.core.store.EntenteStore.Backend;
import org.entente.partnership.Status;
import org.entente.seeds.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The auto-configured Entente, property by property, on H2 and in memory ({@link EntentePostgresAutoConfigurationTest}
 * does PostgreSQL), and the application's own Entente winning over it.
 */
class EntenteAutoConfigurationTest {

    static final LocalDate END_OF_APRIL = LocalDate.of(2024, 4, 30);

    final ApplicationContextRunner runner = StarterTestSupport.runner();

    @TempDir
    Path tmp;

    @Test
    void theH2DirectoryPropertyPutsTheStoreThere() {
        Path directory = tmp.resolve("store");
        runner.withPropertyValues("entente.h2.directory=" + directory).run(context -> {
            Entente entente = context.getBean(Entente.class);
            assertThat(entente.store().backend()).isEqualTo(Backend.H2);
            assertThat(entente.store().toString()).contains(directory.toString());
            try (Stream<Path> files = Files.list(directory)) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.endsWith(".mv.db"));
            }
        });
    }

    @Test
    void withoutPropertiesTheDefaultsAreTheDocumentedOnes() {
        // The application's own Entente keeps the default directory from being created in the module.
        runner.withBean(Entente.class, Entente::inMemory).run(context -> {
            EntenteProperties p = context.getBean(EntenteProperties.class);
            assertThat(p.getStore()).isNull();
            assertThat(p.getH2().getDirectory()).isEqualTo(Path.of("entente-data"));
            assertThat(p.getWindowDays()).isEqualTo(180);
            assertThat(p.getReadTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(p.getPostgres().getUrl()).isNull();
            assertThat(p.getPostgres().getPoolSize()).isEqualTo(10);
            assertThat(p.getHealth().getMaxLag()).isEqualTo(10_000);
            assertThat(p.getHealth().getMaxConsecutiveFailures()).isEqualTo(5);
            assertThat(p.getListeners().isEnabled()).isTrue();
        });
    }

    @Test
    void storeMemoryKeepsTheStoreInMemoryEvenBesideADataSource() {
        runner.withPropertyValues("entente.store=memory", "entente.h2.directory=" + tmp.resolve("unused"))
                .withBean(javax.sql.DataSource.class, StarterTestSupport::h2DataSource)
                .run(context -> {
                    assertThat(context.getBean(Entente.class).store().backend()).isEqualTo(Backend.MEMORY);
                    assertThat(tmp.resolve("unused")).doesNotExist();
                });
    }

    @Test
    void aDataSourceThatIsNotPostgresqlIsRefusedWithWhatToSetInstead() {
        runner.withBean(javax.sql.DataSource.class, StarterTestSupport::h2DataSource).run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("the application's DataSource is H2, not PostgreSQL")
                        .hasMessageContaining("entente.store=h2"));
    }

    @Test
    void storeH2IgnoresTheApplicationsDataSource() {
        runner.withPropertyValues("entente.store=h2", "entente.h2.directory=" + tmp)
                .withBean(javax.sql.DataSource.class, StarterTestSupport::h2DataSource)
                .run(context -> assertThat(context.getBean(Entente.class).store().backend()).isEqualTo(Backend.H2));
    }

    @Test
    void storePostgresWithoutAUrlOrADataSourceSaysWhatIsMissing() {
        runner.withPropertyValues("entente.store=postgres").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("entente.store=postgres needs entente.postgres.url")
                        .hasMessageContaining("found neither"));
    }

    @Test
    void aPostgresUrlWithoutAUserSaysWhichPropertyIsMissing() {
        runner.withPropertyValues("entente.postgres.url=jdbc:postgresql://127.0.0.1:5432/test").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("entente.postgres.user is not set"));
    }

    @Test
    void aUrlThatIsNotPostgresqlIsRefusedNamingTheProperty() {
        runner.withPropertyValues("entente.postgres.url=jdbc:mysql://127.0.0.1/x", "entente.postgres.user=u").run(context ->
                assertThat(context).getFailure()
                        .hasMessageContaining("entente.postgres")
                        .hasMessageContaining("'jdbc:mysql://127.0.0.1/x' is not a PostgreSQL JDBC URL"));
    }

    @Test
    void anUnknownStoreIsRefusedWithTheAcceptedValues() {
        runner.withPropertyValues("entente.store=mongo").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("mongo").hasStackTraceContaining("entente.store"));
    }

    @Test
    void windowDaysReachesTheBuilder() {
        List<FactCommand> niger = Seeds.bundled("niger-2024").commands();
        Map<Dyad, Status> oneDay;
        Map<Dyad, Status> byDefault;
        try (Entente direct = Entente.builder().inMemory().windowDays(1).build();
             Entente defaults = Entente.inMemory()) {
            direct.recordAll(niger);
            defaults.recordAll(niger);
            oneDay = statuses(direct, niger);
            byDefault = statuses(defaults, niger);
        }
        assertThat(oneDay).as("a 1-day window gives other statuses than the default's on %s", END_OF_APRIL)
                .isNotEqualTo(byDefault);
        runner.withPropertyValues("entente.store=memory", "entente.window-days=1").run(context -> {
            Entente entente = context.getBean(Entente.class);
            entente.recordAll(niger);
            assertThat(statuses(entente, niger)).isEqualTo(oneDay);
        });
    }

    @Test
    void aWindowTheBuilderRefusesStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("entente.store=memory", "entente.window-days=0").run(context ->
                assertThat(context).getFailure()
                        .hasMessageContaining("entente.window-days=0 is refused: window must be 1 to 3650 days, got 0"));
    }

    @Test
    void aReadTimeoutTheBuilderRefusesStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("entente.store=memory", "entente.read-timeout=0s").run(context ->
                assertThat(context).getFailure()
                        .hasMessageContaining("entente.read-timeout=PT0S is refused: read timeout must be positive"));
    }

    @Test
    void customizersChangeTheBuilderAfterTheProperties() {
        Clock clock = Clock.fixed(Instant.parse("2024-03-16T12:00:00Z"), ZoneOffset.UTC);
        runner.withPropertyValues("entente.store=memory")
                .withBean(EntenteBuilderCustomizer.class, () -> builder -> builder.clock(clock))
                .run(context -> assertThat(context.getBean(Entente.class).clock()).isSameAs(clock));
    }

    @Test
    void theEntenteIsClosedWhenTheApplicationStops() {
        Entente[] seen = new Entente[1];
        runner.withPropertyValues("entente.store=memory").run(context -> {
            seen[0] = context.getBean(Entente.class);
            assertThat(seen[0].processingStatus().running()).isTrue();
        });
        assertThatThrownBy(seen[0]::processingStatus).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void theApplicationsOwnEntenteWinsAndNoOtherIsBuilt() {
        Entente own = Entente.inMemory();
        try {
            runner.withPropertyValues("entente.h2.directory=" + tmp.resolve("not-made"))
                    .withBean("myEntente", Entente.class, () -> own, d -> d.setDestroyMethodName(""))
                    .run(context -> {
                        assertThat(context).hasSingleBean(Entente.class);
                        assertThat(context.getBean(Entente.class)).isSameAs(own);
                        assertThat(context).hasSingleBean(EntenteListeners.class);
                        assertThat(context).hasBean("ententeHealthIndicator");
                    });
            assertThat(tmp.resolve("not-made")).doesNotExist();
        } finally {
            own.close();
        }
    }

    @Test
    void theListenersAreSubscribedByDefault() {
        runner.withPropertyValues("entente.store=memory").run(context -> assertThat(context).hasSingleBean(EntenteListeners.class));
    }

    @Test
    void listenersEnabledFalseSubscribesNothing() {
        runner.withPropertyValues("entente.store=memory", "entente.listeners.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EntenteListeners.class).hasSingleBean(Entente.class));
    }

    @Test
    void anH2OfAnotherLineIsRefusedWithThePropertyToSet() {
        BuilderFromProperties.requireH2(BuilderFromProperties.H2_VERSION);
        BuilderFromProperties.requireH2("2.5.260");
        assertThatThrownBy(() -> BuilderFromProperties.requireH2("2.4.240"))
                .hasMessageContaining("needs H2 2.5.x, found H2 2.4.240")
                .hasMessageContaining("<h2.version>" + BuilderFromProperties.H2_VERSION + "</h2.version>");
        assertThatThrownBy(() -> BuilderFromProperties.requireH2("2.50.1")).hasMessageContaining("found H2 2.50.1");
    }

    @Test
    void theH2VersionCheckedIsTheBuildsAndTheOneOnTheClassPath() {
        assertThat(BuilderFromProperties.H2_VERSION).isEqualTo(System.getProperty("entente.h2.version"));
        assertThat(BuilderFromProperties.h2Version()).isEqualTo(BuilderFromProperties.H2_VERSION);
    }

    private static Map<Dyad, Status> statuses(Entente entente, List<FactCommand> commands) {
        Map<Dyad, Status> statuses = new java.util.TreeMap<>(java.util.Comparator.comparing(Dyad::toString));
        commands.stream().map(c -> c.fact().dyad()).distinct()
                .forEach(d -> statuses.put(d, entente.partnership(d, When.asOf(END_OF_APRIL)).status()));
        return statuses;
    }
}
