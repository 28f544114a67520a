package org.entente.core.store;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A child process for {@link H2RollbackSpinTest}: plain H2, no Entente, on a disk that fills up
 * ({@link QuotaFilePath}). A transaction's insert fails with ENOSPC, then the connection is rolled
 * back three times, as a pool and a transaction manager do. Prints the version counter after each
 * rollback, and "STUCK" with the stuck thread's top frame when a rollback has not returned in 5 s;
 * then halts (the stuck thread never would).
 */
public final class H2RollbackSpin {

    private H2RollbackSpin() {
    }

    public static void main(String[] args) throws Exception {
        QuotaFilePath.register();
        String url = "jdbc:h2:quota:" + Path.of(args[0]).resolve("db") + ";WRITE_DELAY=0";
        try (Connection setup = DriverManager.getConnection(url, "sa", "")) {
            setup.createStatement().execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(2000))");
        }
        Connection c = DriverManager.getConnection(url, "sa", "");
        Object store = ((org.h2.engine.SessionLocal) ((org.h2.jdbc.JdbcConnection) c).getSession())
                .getDatabase().getStore().getMvStore();
        c.setAutoCommit(false);
        QuotaFilePath.fillAfter(400_000);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int i = 0; i < 20_000; i++) {
                ps.setInt(1, i);
                ps.setString(2, "x".repeat(500));
                ps.addBatch();
            }
            ps.executeBatch();
            System.out.println("no failure");
            halt();
        } catch (SQLException e) {
            System.out.println("insert failed");
        }
        for (int round = 1; round <= 3; round++) {
            Thread t = new Thread(() -> {
                try {
                    c.rollback();
                } catch (SQLException e) {
                    // expected: the database stopped
                }
            });
            t.setDaemon(true);
            t.start();
            t.join(5_000);
            if (t.isAlive()) {
                StackTraceElement top = t.getStackTrace()[0];
                System.out.println("rollback " + round + " STUCK in " + top.getClassName() + "." + top.getMethodName());
                halt();
            }
            System.out.println("rollback " + round + " returned; counter " + counter(store));
        }
        System.out.println("no spin");
        halt();
    }

    private static String counter(Object store) throws ReflectiveOperationException {
        Field f = org.h2.mvstore.MVStore.class.getDeclaredField("currentTxCounter");
        f.setAccessible(true);
        Object counter = f.get(store);
        return String.valueOf(counter).replaceAll(".*cnt=", "");
    }

    private static void halt() {
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
