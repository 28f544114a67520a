package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.entente.core.EntenteException;
import org.junit.jupiter.api.Test;

/**
 * A rollback that never returns (H2 spinning in MVStore.registerVersionUsage after a failed write) is
 * given up after the bound with an error, and the store then refuses work instead of hanging again.
 */
class RollbackBoundTest {

    @Test
    void aRollbackThatNeverCompletesGivesUpWithAnErrorAndTheStoreRefusesFurtherTransactions() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Connection spinning = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("rollback")) {
                        // Stands for H2's busy loop: it returns only when the test ends.
                        release.await();
                    }
                    return method.getReturnType() == boolean.class ? false : null;
                });
        DataSource source = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> method.getName().equals("getConnection") ? spinning : null);
        JdbcTransactions transactions = new JdbcTransactions(source, Duration.ofMillis(300), JdbcTransactions.StopProbe.NEVER);
        try {
            Transaction tx = transactions.startTransaction();
            long start = System.nanoTime();
            assertThatThrownBy(tx::rollback)
                    .isInstanceOf(EntenteException.class)
                    .hasMessage("rolling back did not complete within 300 ms; the database is failing, so this store takes no"
                            + " more work: close it and open it again");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 5_000L);
            assertThat(transactions.inTransaction()).as("the thread is free of the dead transaction").isFalse();
            assertThatThrownBy(transactions::startTransaction).hasMessageContaining("did not complete within 300 ms");
            assertThatThrownBy(() -> transactions.connections().getConnection()).hasMessageContaining("did not complete");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRollbackThatCompletesLeavesTheStoreUsable() throws Exception {
        DataSource memory = org.h2.jdbcx.JdbcConnectionPool.create("jdbc:h2:mem:bound-" + System.nanoTime(), "sa", "");
        JdbcTransactions transactions = new JdbcTransactions(memory, Duration.ofSeconds(5), H2Files.STOP_PROBE);
        transactions.startTransaction().rollback();
        assertThat(transactions.stopped()).isNull();
        transactions.startTransaction().commit();
    }
}
