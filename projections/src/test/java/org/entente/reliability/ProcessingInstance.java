package org.entente.reliability;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.entente.Entente;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The child JVM of the instance-death test: an Entente on PostgreSQL that claims at most two of four
 * segments and processes slowly, until it is killed. Arguments: {@code URL USER SCHEMA}.
 */
public final class ProcessingInstance {

    private ProcessingInstance() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("disable-axoniq-console-message", "true");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[0]);
        ds.setUser(args[1]);
        ds.setCurrentSchema(args[2]);
        Entente entente = Entente.builder().postgres(ds).segments(4).maxClaimedSegments(2).processorBatchSize(5)
                .claimTimeout(Duration.ofSeconds(2)).build();
        System.out.println("STARTED " + entente.processingStatus());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
