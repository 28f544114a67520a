package org.entente.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.entente.Entente;
import org.entente.seeds.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The health indicator {@code entente}: its numbers, its thresholds, and when it is there at all. */
class EntenteHealthIndicatorTest {

    final ApplicationContextRunner runner = StarterTestSupport.runner();

    @TempDir
    Path tmp;

    @Test
    void aStoreThatAnswersIsUpWithItsNumbers() {
        runner.withPropertyValues("entente.store=memory").run(context -> {
            Entente entente = context.getBean(Entente.class);
            entente.recordAll(Seeds.bundled("niger-2024").commands());
            Health health = context.getBean("ententeHealthIndicator", HealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("store", "memory")
                    .containsEntry("head", entente.processingStatus().head())
                    .containsEntry("lag", 0L)
                    .containsEntry("maxLag", 10_000L)
                    .containsKey("subscriptions");
            assertThat(entente.processingStatus().head()).isPositive();
        });
    }

    @Test
    void projectionsLaggingMoreThanMaxLagAreDownAndUpAgainOnceCaughtUp() {
        runner.withPropertyValues("entente.h2.directory=" + tmp, "entente.health.max-lag=3").run(context -> {
            Entente entente = context.getBean(Entente.class);
            HealthIndicator indicator = context.getBean("ententeHealthIndicator", HealthIndicator.class);
            entente.pauseProcessing();
            entente.recordAll(Seeds.bundled("niger-2024").commands());
            Health behind = indicator.health(true);
            assertThat((Long) behind.getDetails().get("lag")).isEqualTo(entente.processingStatus().behind()).isGreaterThan(3);
            assertThat(behind.getStatus()).isEqualTo(Status.DOWN);
            assertThat(behind.getDetails()).containsEntry("processing", "paused");

            entente.resumeProcessing();
            entente.awaitCaughtUp(Duration.ofSeconds(30));
            Health caughtUp = indicator.health(true);
            assertThat(caughtUp.getStatus()).isEqualTo(Status.UP);
            assertThat(caughtUp.getDetails()).containsEntry("lag", 0L);
        });
    }

    @Test
    void theSameLagUnderAHigherMaxLagIsUp() {
        runner.withPropertyValues("entente.h2.directory=" + tmp, "entente.health.max-lag=1000000").run(context -> {
            Entente entente = context.getBean(Entente.class);
            entente.pauseProcessing();
            entente.recordAll(Seeds.bundled("niger-2024").commands());
            Health health = context.getBean("ententeHealthIndicator", HealthIndicator.class).health(true);
            assertThat((Long) health.getDetails().get("lag")).isPositive();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void aClosedEntenteIsDownWithTheReason() {
        runner.withPropertyValues("entente.store=memory").run(context -> {
            context.getBean(Entente.class).close();
            Health health = context.getBean("ententeHealthIndicator", HealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(health.getDetails().get("error"))).contains("closed");
        });
    }

    @Test
    void theIndicatorCanBeTurnedOffAsAnyOther() {
        runner.withPropertyValues("entente.store=memory", "management.health.entente.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("ententeHealthIndicator").hasSingleBean(Entente.class));
    }

    @Test
    void withoutSpringBootsHealthModuleThereIsNoIndicatorButStillTheEntente() {
        runner.withPropertyValues("entente.store=memory")
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context).doesNotHaveBean("ententeHealthIndicator").hasSingleBean(Entente.class));
    }
}
