package org.entente.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.entente.Entente;
import org.entente.core.relationship.FactCommand;
import org.entente.seeds.Seeds;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Entente's meters go to the application's registry, and nowhere without one. */
class EntenteMetricsAutoConfigurationTest {

    final ApplicationContextRunner runner = StarterTestSupport.runner().withPropertyValues("entente.store=memory");

    @Test
    void theApplicationsRegistryCountsWhatTheEntenteBeanRecords() {
        List<FactCommand> niger = Seeds.bundled("niger-2024").commands();
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            context.getBean(Entente.class).recordAll(niger);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            double accepted = registry.get("entente.commands").tag("outcome", "accepted").counters().stream()
                    .mapToDouble(c -> c.count()).sum();
            assertThat(accepted).isEqualTo(niger.size());
            assertThat(registry.get("entente.projection.lag").gauge().value()).isZero();
        });
    }

    @Test
    void anApplicationsOwnCustomizerMayGiveAnotherRegistry() {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(EntenteBuilderCustomizer.class, () -> builder -> builder.meterRegistry(own))
                .run(context -> {
                    context.getBean(Entente.class).recordAll(Seeds.bundled("niger-2024").commands());
                    assertThat(own.find("entente.commands").counters()).isNotEmpty();
                    assertThat(context.getBean(MeterRegistry.class).find("entente.commands").counters()).isEmpty();
                });
    }

    @Test
    void withoutARegistryBeanOrWithoutMicrometerTheEntenteIsBuiltWithoutMeters() {
        runner.run(context -> assertThat(context).hasSingleBean(Entente.class).doesNotHaveBean(MeterRegistry.class));
        runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
                .run(context -> assertThat(context).hasSingleBean(Entente.class).doesNotHaveBean("ententeMeterRegistry"));
    }
}
