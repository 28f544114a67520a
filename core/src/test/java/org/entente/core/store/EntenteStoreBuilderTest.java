package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.entente.core.EntenteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every argument the store's builder refuses, with its message, and what it accepts. */
class EntenteStoreBuilderTest {

    @TempDir
    Path dir;

    @Test
    void anH2DirectoryHoldingASemicolonOrAControlCharacterIsRefused() {
        Path withSettings = dir.resolve("data;INIT=CREATE TABLE PWNED(x int)--");
        assertThatThrownBy(() -> EntenteStore.builder().h2(withSettings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the store directory '" + withSettings + "' holds a ';', which H2 would read as the start of its"
                        + " connection settings; name a directory whose absolute path has no ';' and no control characters");
        assertThatThrownBy(() -> EntenteStore.builder().h2(dir.resolve("tab\there")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the store directory '" + dir + "/tab\\u0009here' holds the control character U+0009; name a"
                        + " directory whose absolute path has no ';' and no control characters");
        assertThatThrownBy(() -> EntenteStore.builder().h2(null)).isInstanceOf(NullPointerException.class).hasMessage("directory");
    }

    @Test
    void aSnapshotThresholdBelowOneIsRefused() {
        assertThatThrownBy(() -> EntenteStore.builder().snapshotThreshold(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("snapshot threshold must be at least 1, got 0");
    }

    @Test
    void aChunkSizeOutsideOneToTenThousandIsRefused() {
        assertThatThrownBy(() -> EntenteStore.builder().chunkSize(0)).hasMessage("chunk size must be 1 to 10000 commands, got 0");
        assertThatThrownBy(() -> EntenteStore.builder().chunkSize(10_001)).hasMessageContaining("got 10001");
    }

    @Test
    void aTransactionCapAboveHalfTheGapTimeoutIsRefused() {
        assertThatThrownBy(() -> EntenteStore.builder().inMemory().transactionCap(Duration.ofSeconds(31)).build())
                .hasMessageContaining("must be at most half the gap timeout (30000 ms)");
        assertThatThrownBy(() -> EntenteStore.builder().inMemory().gapTimeout(Duration.ofSeconds(4)).build())
                .hasMessageContaining("transaction cap 10000 ms must be at most half the gap timeout (2000 ms)");
        assertThatThrownBy(() -> EntenteStore.builder().transactionCap(Duration.ZERO)).hasMessageContaining("positive");
    }

    @Test
    void gapAndClaimTimeoutsBelowATenthOfASecondAreRefused() {
        assertThatThrownBy(() -> EntenteStore.builder().gapTimeout(Duration.ofMillis(99))).hasMessage("gap timeout must be at least 100 ms, got PT0.099S");
        assertThatThrownBy(() -> EntenteStore.builder().claimTimeout(Duration.ofMillis(5))).hasMessage("claim timeout must be at least 100 ms, got PT0.005S");
    }

    @Test
    void aReadBatchSizeOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> EntenteStore.builder().readBatchSize(0)).hasMessage("read batch size must be 1 to 100000, got 0");
    }

    @Test
    void nullsAreRefusedByName() {
        assertThatThrownBy(() -> EntenteStore.builder().h2(null)).hasMessage("directory");
        assertThatThrownBy(() -> EntenteStore.builder().postgres(null)).hasMessage("dataSource");
    }

    @Test
    void aStoreDirectoryThatIsAFileIsRefusedNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> EntenteStore.builder().h2(file).build())
                .isInstanceOf(EntenteException.class)
                .hasMessageContaining("cannot use " + file.toAbsolutePath() + " as an Entente store directory");
    }

    @Test
    void aClosedStoreRefusesWork() {
        EntenteStore store = EntenteStore.builder().inMemory().build();
        store.close();
        store.close();
        assertThatThrownBy(() -> store.dryRun(java.util.List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        assertThat(store.backend()).isEqualTo(EntenteStore.Backend.MEMORY);
    }

    @Test
    void aCopyHoldsEverySettingAndChangesApartFromTheOriginal() throws Exception {
        EntenteStore.Builder original = EntenteStore.builder().h2(dir).snapshotThreshold(7).cachedDyads(3).aggregateCache(false)
                .chunkSize(11).transactionCap(Duration.ofSeconds(2)).gapTimeout(Duration.ofSeconds(5))
                .claimTimeout(Duration.ofSeconds(3)).readBatchSize(13).durableCommits(false).compactOnClose(false)
                .verifyOnOpen(false).configure(c -> { }).upcaster(org.axonframework.serialization.upcasting.event.NoOpEventUpcaster.INSTANCE);
        EntenteStore.Builder copy = original.copy();
        // Every field, found by reflection: a setting added later and forgotten by copy() fails here.
        for (java.lang.reflect.Field f : EntenteStore.Builder.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            assertThat(f.get(copy)).as(f.getName()).isEqualTo(f.get(original));
            if (f.get(original) instanceof java.util.List<?> list) {
                assertThat((java.util.List<?>) f.get(copy)).as(f.getName()).isNotSameAs(list).isNotEmpty();
            }
        }
        copy.inMemory().verifyOnOpen(true).configure(c -> { });
        assertThat(original.backend()).isEqualTo(EntenteStore.Backend.H2);
        assertThat(copy.backend()).isEqualTo(EntenteStore.Backend.MEMORY);
        java.lang.reflect.Field hooks = EntenteStore.Builder.class.getDeclaredField("hooks");
        assertThat((java.util.List<?>) hooks.get(original)).hasSize(1);
        assertThat((java.util.List<?>) hooks.get(copy)).hasSize(2);
    }
}
