package org.entente.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.FactCommand;
import org.entente.partnership.Status;
import org.entente.seeds.Seeds;
import org.entente.subscription.PartnershipChanged;
import org.entente.subscription.PartnershipListener;
import org.entente.subscription.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Listener beans: {@link EntenteListener @EntenteListener} methods and {@link PartnershipListener} beans are
 * subscribed on start with what they watch, told of the Niger seed's denunciation, resumed by a durable name, seen
 * by the health indicator when they fail, closed on shutdown; and refused with the reason when declared wrongly.
 */
class EntenteListenersTest {

    static final Dyad NER_USA = Dyad.parse("NER-USA");
    static final LocalDate TODAY = LocalDate.of(2024, 3, 16);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-16T12:00:00Z"), ZoneOffset.UTC);
    static final List<FactCommand> NIGER = Seeds.bundled("niger-2024").commands();
    static final Duration WAIT = Duration.ofSeconds(30);

    final ApplicationContextRunner runner = StarterTestSupport.runner()
            .withBean(EntenteBuilderCustomizer.class, () -> builder -> builder.clock(CLOCK));

    @TempDir
    Path tmp;

    /** Keeps what it is told. */
    static class Heard {
        private final List<PartnershipChanged> changes = new ArrayList<>();

        synchronized void add(PartnershipChanged change) {
            changes.add(change);
        }

        synchronized List<PartnershipChanged> changes() {
            return List.copyOf(changes);
        }

        synchronized void clear() {
            changes.clear();
        }
    }

    /** Two listener methods: Niger–US, and France's dyads. */
    static class Recorder {
        final Heard nigerUs = new Heard();
        final Heard france = new Heard();

        @EntenteListener(dyad = "ner-usa")
        void nigerUs(PartnershipChanged change) {
            nigerUs.add(change);
        }

        @EntenteListener(actor = "FRA")
        public void france(PartnershipChanged change) {
            france.add(change);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {
        final Heard everything = new Heard();
        final Heard usa = new Heard();

        @Bean
        Recorder recorder() {
            return new Recorder();
        }

        @Bean
        PartnershipListener everything() {
            return everything::add;
        }

        @Bean
        @EntenteListener(actor = "USA")
        PartnershipListener usa() {
            return usa::add;
        }
    }

    @Test
    void eachListenerBeanIsToldOfTheChangesItWatchesOnly() {
        runner.withPropertyValues("entente.store=memory").withUserConfiguration(Listeners.class).run(context -> {
            Entente entente = context.getBean(Entente.class);
            EntenteListeners listeners = context.getBean(EntenteListeners.class);
            assertThat(listeners.subscriptions()).containsOnlyKeys("everything", "usa", "recorder#nigerUs", "recorder#france");
            assertThat(listeners.subscriptions().get("recorder#nigerUs").watch().singleDyad()).contains(NER_USA);

            entente.recordAll(NIGER.stream().filter(c -> c.fact().happened().day().isBefore(TODAY)).toList());
            assertThat(listeners.awaitCaughtUp(WAIT)).isTrue();
            Recorder recorder = context.getBean(Recorder.class);
            Listeners beans = context.getBean(Listeners.class);
            assertThat(beans.everything.changes()).as("the seed up to %s changed current statuses", TODAY).isNotEmpty();
            assertThat(recorder.france.changes()).isNotEmpty().allMatch(c -> c.dyad().contains(Country.of("FRA")));
            assertThat(beans.usa.changes()).isNotEmpty().allMatch(c -> c.dyad().contains(Country.of("USA")));
            assertThat(beans.everything.changes()).anyMatch(c -> !c.dyad().contains(Country.of("USA")))
                    .containsAll(beans.usa.changes()).containsAll(recorder.france.changes());
            List.of(beans.everything, beans.usa, recorder.nigerUs, recorder.france).forEach(Heard::clear);

            Status before = status(entente);
            entente.record(NIGER.stream().filter(c -> c.fact().id().equals(FactId.of("usa-denounce"))).findFirst().orElseThrow());
            Status after = status(entente);
            assertThat(after).isNotEqualTo(before);
            assertThat(listeners.awaitCaughtUp(WAIT)).isTrue();

            assertThat(recorder.nigerUs.changes()).singleElement().satisfies(c -> {
                assertThat(c.dyad()).isEqualTo(NER_USA);
                assertThat(c.before()).isEqualTo(before);
                assertThat(c.after()).isEqualTo(after);
                assertThat(c.fact()).contains(FactId.of("usa-denounce"));
            });
            assertThat(beans.usa.changes()).isEqualTo(recorder.nigerUs.changes());
            assertThat(beans.everything.changes()).isEqualTo(recorder.nigerUs.changes());
            assertThat(recorder.france.changes()).isEmpty();
        });
    }

    /** Told under a durable name. */
    static class Durable {
        final Heard heard = new Heard();

        @EntenteListener(dyad = "NER-USA", durable = "ner-usa-alerts")
        void onChange(PartnershipChanged change) {
            heard.add(change);
        }
    }

    @Test
    void aDurableListenerIsToldOnStartOfWhatChangedWhileTheApplicationWasDown() {
        ApplicationContextRunner app = runner.withPropertyValues("entente.h2.directory=" + tmp).withBean(Durable.class);
        app.run(context -> {
            Entente entente = context.getBean(Entente.class);
            entente.recordAll(NIGER.stream().filter(c -> c.fact().happened().day().isBefore(TODAY)).toList());
            assertThat(context.getBean(EntenteListeners.class).awaitCaughtUp(WAIT)).isTrue();
            assertThat(context.getBean(Durable.class).heard.changes()).isNotEmpty();
        });
        Status before;
        Status after;
        try (Entente down = Entente.builder().h2(tmp).clock(CLOCK).build()) {   // the application is down
            before = status(down);
            down.record(NIGER.stream().filter(c -> c.fact().id().equals(FactId.of("usa-denounce"))).findFirst().orElseThrow());
            down.awaitProjections(WAIT);
            after = status(down);
        }
        app.run(context -> {
            assertThat(context.getBean(EntenteListeners.class).awaitCaughtUp(WAIT)).isTrue();
            assertThat(context.getBean(Durable.class).heard.changes()).singleElement().satisfies(c -> {
                assertThat(c.before()).isEqualTo(before);
                assertThat(c.after()).isEqualTo(after);
                assertThat(c.fact()).contains(FactId.of("usa-denounce"));
            });
        });
    }

    /** Fails every delivery, counting them. */
    static class Failing {
        final CountDownLatch twice = new CountDownLatch(2);

        @EntenteListener
        void onChange(PartnershipChanged change) {
            twice.countDown();
            throw new IllegalStateException("the alerts service is down");
        }
    }

    @Test
    void aListenerFailingMoreThanMaxConsecutiveFailuresTurnsHealthDown() {
        runner.withPropertyValues("entente.store=memory", "entente.health.max-consecutive-failures=0").withBean(Failing.class)
                .run(context -> {
                    HealthIndicator indicator = context.getBean("ententeHealthIndicator", HealthIndicator.class);
                    assertThat(indicator.health(true).getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.UP);
                    context.getBean(Entente.class).recordAll(NIGER.stream().filter(c -> c.fact().happened().day().isBefore(TODAY)).toList());
                    // A second delivery of the same change comes after the first failure is counted.
                    assertThat(context.getBean(Failing.class).twice.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                    Health health = indicator.health(true);
                    assertThat(health.getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.DOWN);
                    assertThat(health.getDetails().get("subscriptions")).asString()
                            .contains("Failing#onChange")
                            .contains("the alerts service is down");
                    assertThat(context.getBean(Entente.class).processingStatus().behind()).isZero();
                });
    }

    @Test
    void theSubscriptionsAreClosedWhenTheApplicationStops() {
        List<Subscription> subscriptions = new ArrayList<>();
        runner.withPropertyValues("entente.store=memory").withUserConfiguration(Listeners.class).run(context -> {
            subscriptions.addAll(context.getBean(EntenteListeners.class).subscriptions().values());
            assertThat(subscriptions).hasSize(4).allMatch(s -> s.status().running());
        });
        assertThat(subscriptions).noneMatch(s -> s.status().running());
    }

    @Test
    void listenersEnabledFalseLeavesListenerBeansUnsubscribed() {
        runner.withPropertyValues("entente.store=memory", "entente.listeners.enabled=false").withUserConfiguration(Listeners.class)
                .run(context -> {
                    context.getBean(Entente.class).recordAll(NIGER);
                    assertThat(context).doesNotHaveBean(EntenteListeners.class);
                    // Nothing can be awaited for a subscription that does not exist: the write went through unheard.
                    assertThat(context.getBean(Listeners.class).everything.changes()).isEmpty();
                });
    }

    static class WrongParameter {
        @EntenteListener
        void onChange(String change) {
        }
    }

    static class BothDyadAndActor {
        @EntenteListener(dyad = "NER-USA", actor = "NER")
        void onChange(PartnershipChanged change) {
        }
    }

    static class UnknownCountry {
        @EntenteListener(dyad = "NER-NIG")
        void onChange(PartnershipChanged change) {
        }
    }

    static class BadDurableName {
        @EntenteListener(durable = "ner usa")
        void onChange(PartnershipChanged change) {
        }
    }

    static class ListenerWithMethods implements PartnershipListener {
        @Override
        @EntenteListener(actor = "NER")
        public void onChange(PartnershipChanged change) {
        }
    }

    @Test
    void aListenerMethodThatDoesNotTakeAChangeStopsTheStartNamingIt() {
        assertStartFails(WrongParameter.class, "@EntenteListener method WrongParameter.onChange of bean",
                "takes [String]; it must take one PartnershipChanged");
    }

    @Test
    void aListenerNamingADyadAndAnActorStopsTheStart() {
        assertStartFails(BothDyadAndActor.class, "names both dyad \"NER-USA\" and actor \"NER\"; give one of them");
    }

    @Test
    void aListenerNamingAnUnknownCountryStopsTheStartWithTheLibrarysSuggestion() {
        assertStartFails(UnknownCountry.class, "@EntenteListener method UnknownCountry.onChange", "NIG", "NER (Niger)");
    }

    @Test
    void aBadDurableNameStopsTheStartWithTheAcceptedForm() {
        assertStartFails(BadDurableName.class, "'ner usa' is not a durable subscription name");
    }

    @Test
    void aPartnershipListenerBeanWithListenerMethodsStopsTheStartSayingWhereTheAnnotationGoes() {
        assertStartFails(ListenerWithMethods.class, "has @EntenteListener methods [onChange]", "put @EntenteListener on its class");
    }

    private void assertStartFails(Class<?> bean, String... messages) {
        runner.withPropertyValues("entente.store=memory").withBean(bean).run(context -> {
            assertThat(context).hasFailed();
            for (String message : messages) {
                assertThat(context).getFailure().hasStackTraceContaining(message);
            }
        });
    }

    private static Status status(Entente entente) {
        return entente.partnership(NER_USA, When.asOf(TODAY)).status();
    }
}
