package org.entente.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.subscription.SubscriptionTest.NER_USA;
import static org.entente.subscription.SubscriptionTest.caughtUp;
import static org.entente.subscription.SubscriptionTest.fact;
import static org.entente.subscription.SubscriptionTest.facts;
import static org.entente.subscription.SubscriptionTest.upTo;

import java.time.LocalDate;
import org.entente.Entente;
import org.entente.core.FactId;
import org.entente.partnership.Status;
import org.entente.subscription.PartnershipChanged.Cause;
import org.entente.subscription.SubscriptionTest.Collector;
import org.entente.subscription.SubscriptionTest.MovableClock;
import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.Test;

/** Two instances on one PostgreSQL schema: a write on one is told to a subscriber on the other, and durable positions are shared. */
class PostgresSubscriptionTest {

    @Test
    void aWriteOnOneInstanceIsToldToASubscriberOnTheOther() {
        MovableClock clock = new MovableClock(LocalDate.of(2024, 3, 16));
        try (Postgres pg = Postgres.freshSchema("subscription");
             Entente writer = Entente.builder().postgres(pg.dataSource()).clock(clock).build();
             Entente reader = Entente.builder().postgres(pg.dataSource()).clock(clock).build()) {
            writer.recordAll(facts(c -> upTo(c, "2024-03-15")));
            Collector heard = new Collector();
            Collector durable = new Collector();
            try (Subscription s = reader.subscribe(Watch.dyad(NER_USA), heard);
                 Subscription d = reader.subscribe(Watch.all(), durable, SubscriptionOptions.durable("pg.alerts"))) {
                writer.record(fact("usa-denounce"));
                caughtUp(s, d);
                assertThat(heard.changes()).singleElement().satisfies(c -> {
                    assertThat(c.before()).isEqualTo(Status.ACTIVE);
                    assertThat(c.after()).isEqualTo(Status.WINDING_DOWN);
                    assertThat(c.cause()).isEqualTo(Cause.FACT_RECORDED);
                    assertThat(c.fact()).contains(FactId.of("usa-denounce"));
                    assertThat(c.position().event()).isEqualTo(writer.store().head());
                });
                assertThat(durable.changes()).containsExactlyElementsOf(heard.changes());
            }
            // The durable position is in the shared schema: the writer's instance resumes it where the reader left it.
            writer.retract("a test of resumption", FactId.of("usa-denounce"));
            Collector resumed = new Collector();
            try (Subscription d = writer.subscribe(Watch.all(), resumed, SubscriptionOptions.durable("pg.alerts"))) {
                caughtUp(d);
                assertThat(resumed.changes()).singleElement().satisfies(c -> {
                    assertThat(c.cause()).isEqualTo(Cause.FACTS_RETRACTED);
                    assertThat(c.before()).isEqualTo(Status.WINDING_DOWN);
                    assertThat(c.after()).isEqualTo(Status.ACTIVE);
                });
            }
        }
    }
}
