package org.entente.spring.boot;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.Entente;
import org.entente.core.Actor;
import org.entente.core.Dyad;
import org.entente.subscription.PartnershipChanged;
import org.entente.subscription.PartnershipListener;
import org.entente.subscription.Subscription;
import org.entente.subscription.SubscriptionOptions;
import org.entente.subscription.Watch;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The subscriptions of the application's listener beans: each {@link EntenteListener @EntenteListener} method and
 * each {@link PartnershipListener} bean is subscribed when the application context has been refreshed, and every
 * subscription is closed when the context stops, before the {@link Entente} bean closes. A listener that cannot be
 * subscribed (a bad dyad, a method that does not take a {@link PartnershipChanged}) stops the start, and the
 * subscriptions already made are closed.
 *
 * <p>Made by {@link EntenteAutoConfiguration} unless {@code entente.listeners.enabled=false}; the health indicator
 * reads their status, and tests wait on {@link #awaitCaughtUp(Duration)}.
 */
public final class EntenteListeners implements SmartLifecycle {

    private final Entente entente;
    private final ListableBeanFactory beans;
    private final Object lock = new Object();
    private volatile Map<String, Subscription> subscriptions = Map.of();
    private volatile boolean running;

    /**
     * Makes the registry; nothing is subscribed before {@link #start()}.
     *
     * @param entente the Entente to subscribe to
     * @param beans   where the listener beans are looked for
     */
    public EntenteListeners(Entente entente, ListableBeanFactory beans) {
        this.entente = entente;
        this.beans = beans;
    }

    /** Subscribes every listener bean found; on a failure, closes those subscribed and rethrows. */
    @Override
    public void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            Map<String, Subscription> made = new LinkedHashMap<>();
            try {
                for (Found found : find()) {
                    made.put(found.name(), entente.subscribe(found.watch(), found.listener(), found.options()));
                }
            } catch (RuntimeException e) {
                made.values().forEach(Subscription::close);
                throw e;
            }
            subscriptions = Collections.unmodifiableMap(made);
            running = true;
        }
    }

    /** Closes every subscription (each finishes the change it is delivering first). */
    @Override
    public void stop() {
        synchronized (lock) {
            subscriptions.values().forEach(Subscription::close);
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * {@return the subscriptions made on start, by listener: the bean's name for a {@link PartnershipListener} bean,
     * {@code bean#method} for an {@link EntenteListener @EntenteListener} method; empty before start}
     */
    public Map<String, Subscription> subscriptions() {
        return subscriptions;
    }

    /**
     * Waits until every subscription has evaluated every event stored when the call began and delivered every
     * change found; see {@link Subscription#awaitCaughtUp(Duration)}.
     *
     * @param timeout the longest wait for each subscription
     * @return whether all caught up in time
     */
    public boolean awaitCaughtUp(Duration timeout) {
        boolean all = true;
        for (Subscription s : subscriptions.values()) {
            all &= s.awaitCaughtUp(timeout);
        }
        return all;
    }

    /** A listener to subscribe, with what it watches. */
    private record Found(String name, Watch watch, SubscriptionOptions options, PartnershipListener listener) {
    }

    private List<Found> find() {
        List<Found> found = new ArrayList<>();
        for (String name : beans.getBeanNamesForType(PartnershipListener.class, true, false)) {
            if (ScopedProxyUtils.isScopedTarget(name)) {
                continue;
            }
            EntenteListener annotation = beans.findAnnotationOnBean(name, EntenteListener.class);
            String where = "PartnershipListener bean '" + name + "'";
            found.add(new Found(name, watch(annotation, where), options(annotation, where), beans.getBean(name, PartnershipListener.class)));
        }
        for (String name : beans.getBeanNamesForType(Object.class, true, false)) {
            if (ScopedProxyUtils.isScopedTarget(name)) {
                continue;
            }
            Class<?> type = beans.getType(name, false);
            if (type == null) {
                continue;
            }
            Map<Method, EntenteListener> methods = MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
                    (MethodIntrospector.MetadataLookup<EntenteListener>) m -> AnnotatedElementUtils.isAnnotated(m, Bean.class)
                            ? null : AnnotatedElementUtils.findMergedAnnotation(m, EntenteListener.class));
            if (methods.isEmpty()) {
                continue;
            }
            if (PartnershipListener.class.isAssignableFrom(type)) {
                throw new IllegalStateException("PartnershipListener bean '" + name + "' has @EntenteListener methods "
                        + methods.keySet().stream().map(Method::getName).sorted().toList() + "; a PartnershipListener bean is"
                        + " subscribed as a whole: put @EntenteListener on its class (or its @Bean method) to say what it watches");
            }
            Object bean = beans.getBean(name);
            methods.forEach((method, annotation) -> {
                String where = "@EntenteListener method " + ClassUtils.getUserClass(type).getSimpleName() + "." + method.getName()
                        + " of bean '" + name + "'";
                found.add(new Found(name + "#" + method.getName(), watch(annotation, where), options(annotation, where),
                        new MethodListener(bean, invocable(method, bean, where))));
            });
        }
        return found;
    }

    private static Method invocable(Method method, Object bean, String where) {
        if (method.getParameterCount() != 1 || method.getParameterTypes()[0] != PartnershipChanged.class) {
            throw new IllegalStateException(where + " takes " + List.of(method.getParameterTypes()).stream()
                    .map(Class::getSimpleName).toList() + "; it must take one PartnershipChanged, such as"
                    + " void " + method.getName() + "(PartnershipChanged change)");
        }
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(invocable);
        return invocable;
    }

    static Watch watch(EntenteListener annotation, String where) {
        if (annotation == null || (annotation.dyad().isEmpty() && annotation.actor().isEmpty())) {
            return Watch.all();
        }
        if (!annotation.dyad().isEmpty() && !annotation.actor().isEmpty()) {
            throw new IllegalStateException(where + " names both dyad \"" + annotation.dyad() + "\" and actor \""
                    + annotation.actor() + "\"; give one of them, or neither to watch every dyad");
        }
        try {
            return annotation.dyad().isEmpty() ? Watch.actor(Actor.of(annotation.actor())) : Watch.dyad(Dyad.parse(annotation.dyad()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    static SubscriptionOptions options(EntenteListener annotation, String where) {
        if (annotation == null || annotation.durable().isEmpty()) {
            return SubscriptionOptions.fromNow();
        }
        try {
            return SubscriptionOptions.durable(annotation.durable());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    /** An {@code @EntenteListener} method as a listener: what it throws is what the subscription retries on. */
    private record MethodListener(Object bean, Method method) implements PartnershipListener {
        @Override
        public void onChange(PartnershipChanged change) throws Exception {
            try {
                method.invoke(bean, change);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
