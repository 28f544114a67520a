package org.entente.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.Entente;
import org.entente.ProcessingStatus;
import org.entente.subscription.Subscription;
import org.entente.subscription.SubscriptionStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the {@link Entente} bean, as the contributor {@code entente}: DOWN when the store cannot be read
 * (its head is read on every check), when the projections lag the store's head by more than
 * {@code entente.health.max-lag} events, or when a listener bean's subscription has stopped or has failed more
 * than {@code entente.health.max-consecutive-failures} times in a row on one change. The details give the
 * numbers behind each.
 */
final class EntenteHealthIndicator extends AbstractHealthIndicator {

    private final Entente entente;
    private final EntenteProperties.Health thresholds;
    private final ObjectProvider<EntenteListeners> listeners;

    EntenteHealthIndicator(Entente entente, EntenteProperties.Health thresholds, ObjectProvider<EntenteListeners> listeners) {
        super("Entente health check failed");
        this.entente = entente;
        this.thresholds = thresholds;
        this.listeners = listeners;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        // Reads the head from the database: a store that cannot be reached throws, and the check is DOWN with it.
        ProcessingStatus processing = entente.processingStatus();
        boolean up = processing.behind() <= thresholds.getMaxLag();
        health.withDetail("store", entente.store().backend().name().toLowerCase(java.util.Locale.ROOT))
                .withDetail("head", processing.head())
                .withDetail("position", processing.position())
                .withDetail("lag", processing.behind())
                .withDetail("maxLag", thresholds.getMaxLag())
                .withDetail("processing", processing.running() ? "running" : "paused");
        processing.failure().ifPresent(f -> health.withDetail("failure", f.describe()));

        Map<String, Object> subscriptions = new LinkedHashMap<>();
        EntenteListeners registered = listeners.getIfAvailable();
        if (registered != null) {
            for (Map.Entry<String, Subscription> e : registered.subscriptions().entrySet()) {
                SubscriptionStatus s = e.getValue().status();
                boolean alive = s.running() && s.consecutiveFailures() <= thresholds.getMaxConsecutiveFailures();
                up &= alive;
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("status", alive ? "UP" : "DOWN");
                detail.put("watch", s.watch().toString());
                detail.put("running", s.running());
                detail.put("lag", s.lag());
                detail.put("delivered", s.delivered());
                detail.put("failures", s.failures());
                detail.put("consecutiveFailures", s.consecutiveFailures());
                s.lastFailure().ifPresent(f -> detail.put("lastFailure", f.at() + " " + f.message()));
                subscriptions.put(e.getKey(), detail);
            }
        }
        health.withDetail("subscriptions", subscriptions);
        if (up) {
            health.up();
        } else {
            health.down();
        }
    }
}
