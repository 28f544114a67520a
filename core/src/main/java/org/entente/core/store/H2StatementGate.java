package org.entente.core.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Lets one JDBC call at a time into an H2 file database: statements, commits, rollbacks and the
 * closing of connections of all threads take turns (transactions still interleave, one call at a
 * time).
 *
 * <p>Why: H2's MVStore writes the database to disk in store operations, which run inside whichever
 * call commits (with {@code WRITE_DELAY=0}, every commit) or finds too much unsaved memory. A store
 * operation takes the maps' roots one after another; a row that another thread writes meanwhile can
 * reach the file in its table's map without its record in the writer's undo log (the undo record is
 * written first, into a map the store operation may have taken already). If the process dies before
 * the next store operation, recovery rolls the unfinished transaction back from its undo log and
 * leaves that row behind, marked as written by a transaction that no longer exists: it is counted by
 * {@code count(*)} but not by every query, and every later write of its key fails with
 * {@code Timeout trying to lock table} (issue 12, defect 1; H2 issue 2080 describes the same race).
 * With one call at a time, no row is ever half-written while a store operation runs. RELIABILITY.md
 * has the measurements (H2 alone and Entente, with and without the gate).
 *
 * <p>A call whose turn is taken by a thread that waits inside H2 (for a row another transaction
 * holds, or for H2's own store lock) goes ahead: that thread is between two rows, not half-way
 * through one, and making the committer it waits for wait in turn would deadlock them until H2's
 * lock timeout (which would turn a clean concurrent-write error into a timeout). A call also goes
 * ahead after waiting {@link #WAIT_MS} in all.
 */
final class H2StatementGate {

    /** How long a call waits for its turn at most before going ahead anyway. */
    static final long WAIT_MS = 5_000;

    private static final Set<String> GATED_CONNECTION_CALLS = Set.of("commit", "rollback", "close", "setAutoCommit");

    /** How often a waiting call looks whether the thread whose turn it is waits inside H2. */
    private static final long POLL_MS = 5;

    private final ReentrantLock turn = new ReentrantLock();
    /** The thread whose turn it is (for a reentrant call, the outermost one's). */
    private volatile Thread owner;
    private final long waitMillis;

    private H2StatementGate(long waitMillis) {
        this.waitMillis = waitMillis;
    }

    /** The data source with every connection's statements and commits taking turns. */
    static DataSource around(DataSource h2) {
        return around(h2, WAIT_MS);
    }

    static DataSource around(DataSource h2, long waitMillis) {
        H2StatementGate gate = new H2StatementGate(waitMillis);
        return (DataSource) Proxy.newProxyInstance(H2StatementGate.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, h2, args);
                    return result instanceof Connection c ? gate.connection(c) : result;
                });
    }

    private Connection connection(Connection c) {
        return (Connection) Proxy.newProxyInstance(H2StatementGate.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (GATED_CONNECTION_CALLS.contains(name)) {
                        return inTurn(method, c, args);
                    }
                    Object result = invoke(method, c, args);
                    if (result instanceof Statement s && !name.equals("unwrap")) {
                        return statement(s, (Connection) proxy);
                    }
                    return result;
                });
    }

    private Statement statement(Statement s, Connection owner) {
        Class<?> type = s instanceof CallableStatement ? CallableStatement.class
                : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(H2StatementGate.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("execute")) {
                        return inTurn(method, s, args);
                    }
                    if (name.equals("getConnection")) {
                        return owner;
                    }
                    return invoke(method, s, args);
                });
    }

    private Object inTurn(Method method, Object target, Object[] args) throws Throwable {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (!turn.tryLock(POLL_MS, TimeUnit.MILLISECONDS)) {
            Thread holder = owner;
            if (System.nanoTime() > deadline || holder != null && waitsInsideH2(holder)) {
                return invoke(method, target, args);
            }
        }
        boolean outermost = turn.getHoldCount() == 1;
        try {
            if (outermost) {
                owner = Thread.currentThread();
            }
            return invoke(method, target, args);
        } finally {
            if (outermost) {
                owner = null;
            }
            turn.unlock();
        }
    }

    /** Waiting (not running, not blocked on a monitor): in H2 that is a row-lock or store-lock wait. */
    private static boolean waitsInsideH2(Thread t) {
        Thread.State state = t.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
