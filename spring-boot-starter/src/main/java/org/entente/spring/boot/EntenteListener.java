package org.entente.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Subscribes a bean to partnership changes when the application has started, through
 * {@link org.entente.Entente#subscribe(org.entente.subscription.Watch, org.entente.subscription.PartnershipListener,
 * org.entente.subscription.SubscriptionOptions)}; the subscription is closed on shutdown, before the Entente bean.
 *
 * <p>On a method of any bean, the method is the listener. It takes one
 * {@link org.entente.subscription.PartnershipChanged}; returning acknowledges the change, throwing has it
 * delivered again after a back-off.
 * <pre>{@code
 * @Component
 * class Alerts {
 *     @EntenteListener(actor = "NER")
 *     void onNiger(PartnershipChanged change) {
 *         log.info("{}", change);
 *     }
 * }
 * }</pre>
 *
 * <p>On a {@link org.entente.subscription.PartnershipListener} bean (its class, or the {@code @Bean} method that
 * makes it), it says what that bean watches. A {@code PartnershipListener} bean without it watches every dyad.
 * <pre>{@code
 * @Bean
 * @EntenteListener(dyad = "NER-USA", durable = "ner-usa-alerts")
 * PartnershipListener nigerUsAlerts() {
 *     return change -> log.info("{}", change);
 * }
 * }</pre>
 *
 * <p>At most one of {@link #dyad()} and {@link #actor()}; neither watches every dyad. A bad value stops the
 * application's start, naming the bean and the value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface EntenteListener {

    /**
     * {@return one dyad to watch, such as {@code "NER-USA"} (as {@link org.entente.core.Dyad#parse(String)} reads
     * it); empty for none}
     */
    String dyad() default "";

    /**
     * {@return an actor whose every dyad is watched, such as {@code "NER"} or {@code "ECOWAS"} (as
     * {@link org.entente.core.Actor#of(String)} reads it); empty for none}
     */
    String actor() default "";

    /**
     * {@return a name under which the store keeps the subscription's position, so that a restart resumes after the
     * last acknowledged change ({@link org.entente.subscription.SubscriptionOptions#durable(String)}); empty for a
     * subscription that starts from now on each start}
     */
    String durable() default "";
}
