package org.entente.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

/** The aggregate cache keeps the most recently used entries up to its capacity and tells listeners. */
class BoundedCacheTest {

    @Test
    void theLeastRecentlyUsedEntryIsDroppedWhenFull() {
        BoundedCache cache = new BoundedCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Integer) cache.get("a")).isEqualTo(1); // a is now the most recently used
        cache.put("c", 3);
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(expired).containsExactly("b");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void putIfAbsentRemoveAndComputeIfPresentBehaveAsAxonExpects() {
        BoundedCache cache = new BoundedCache(10);
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        cache.<Integer>computeIfPresent("a", v -> v + 10);
        assertThat((Integer) cache.get("a")).isEqualTo(11);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        cache.put("x", 1);
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new BoundedCache(0)).hasMessage("cache capacity must be at least 1, got 0");
        assertThatThrownBy(() -> EntenteStore.builder().cachedDyads(0)).hasMessage("cached dyads must be 1 to 10000000, got 0");
    }
}
