package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store held by another process is refused with one line naming the file, not Axon's connection error. */
class H2StoreInUseTest {

    @TempDir
    Path dir;

    @Test
    void aStoreHeldByAnotherProcessIsReportedAsInUseNamingTheFile() throws Exception {
        Process holder = StoreHolder.hold(dir);
        try {
            long start = System.nanoTime();
            Throwable refused = catchThrowable(() -> EntenteStore.builder().h2(dir).build().close());
            assertThat(refused).isInstanceOf(StoreInUseException.class);
            StoreInUseException inUse = (StoreInUseException) refused;
            assertThat(inUse.file()).isEqualTo(dir.resolve("entente.mv.db"));
            assertThat(inUse.getMessage())
                    .isEqualTo("the store file " + dir.resolve("entente.mv.db") + " is in use by another process (an H2 store"
                            + " is opened by one process at a time); close that process, or work on a copy")
                    .doesNotContain("\n");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("refused without a long wait").isLessThan(30);
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        // Once the other process is gone, the store opens.
        EntenteStore.builder().h2(dir).build().close();
    }
}
