package org.entente.cache;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A data source that counts the rows read from the event table and the projection rows: every
 * {@code ResultSet.next()} that returns a row, of a query naming {@code DomainEventEntry} or
 * {@code entente_projection_fact}; and that can run an action once, right after a given query has
 * run (to commit something between two reads). Everything else goes to the real data source unchanged.
 */
final class CountingDataSource {

    private final DataSource target;
    private final AtomicLong historyRows = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicReference<String> hookedQuery = new java.util.concurrent.atomic.AtomicReference<>();
    private volatile Runnable hook;
    private final java.util.concurrent.atomic.AtomicBoolean hookRan = new java.util.concurrent.atomic.AtomicBoolean();

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** The rows of history read so far. */
    long historyRows() {
        return historyRows.get();
    }

    /**
     * Runs {@code action} once, in the querying thread, right after the first query that starts with
     * {@code sql} has run (before its rows are read).
     */
    void onceAfter(String sql, Runnable action) {
        hook = action;
        hookedQuery.set(sql);
    }

    /** Whether the action given to {@link #onceAfter} has run. */
    boolean hookRan() {
        return hookRan.get();
    }

    DataSource dataSource() {
        return proxy(DataSource.class, target, (m, result, args) -> result instanceof Connection c ? connection(c) : result);
    }

    private Connection connection(Connection c) {
        return proxy(Connection.class, c, (m, result, args) -> {
            if (result instanceof PreparedStatement ps && m.getName().equals("prepareStatement")) {
                return statement(PreparedStatement.class, ps, (String) args[0]);
            }
            if (result instanceof Statement s && m.getName().equals("createStatement")) {
                return statement(Statement.class, s, null);
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, S s, String prepared) {
        return proxy(type, s, (m, result, args) -> {
            if (result instanceof ResultSet rs) {
                String sql = prepared != null ? prepared : args != null && args.length > 0 && args[0] instanceof String q ? q : "";
                String hooked = hookedQuery.get();
                if (hooked != null && sql.startsWith(hooked) && hookedQuery.compareAndSet(hooked, null)) {
                    hook.run();
                    hookRan.set(true);
                }
                return history(sql) ? rows(rs) : rs;
            }
            return result;
        });
    }

    private static boolean history(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains("domainevententry") || lower.contains("entente_projection_fact");
    }

    private ResultSet rows(ResultSet rs) {
        return proxy(ResultSet.class, rs, (m, result, args) -> {
            if (m.getName().equals("next") && Boolean.TRUE.equals(result)) {
                historyRows.incrementAndGet();
            }
            return result;
        });
    }

    @FunctionalInterface
    private interface After {
        Object apply(Method method, Object result, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (p, m, args) -> {
            if (m.getName().equals("unwrap") || m.getName().equals("isWrapperFor")) {
                return m.invoke(target, args);
            }
            try {
                return after.apply(m, m.invoke(target, args), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
