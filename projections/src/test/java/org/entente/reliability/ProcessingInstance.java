package org.entente.reliability;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.entente.Entente;

/**
 * The child JVM of the instance-death test: an Entente on PostgreSQL that claims at most two of four
 * segments and processes slowly, until it is killed. Arguments: {@code URL USER SCHEMA}.
 */
public final class ProcessingInstance {

    private ProcessingInstance() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("disable-axoniq-console-message", "true");
        Entente entente = Entente.builder().postgres(CrashChild.schemaUrl(args[0], args[2]), args[1], "", 4)
                .segments(4).maxClaimedSegments(2).processorBatchSize(5).claimTimeout(Duration.ofSeconds(2)).build();
        System.out.println("STARTED " + entente.processingStatus());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
