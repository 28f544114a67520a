package org.entente;

/**
 * How much of the projections an {@link Entente} keeps in memory between queries: a budget of fact
 * versions (each fact's revisions and retractions, the rows a query reads), filled as queries ask for
 * dyads and emptied least recently used first. A dyad not in the cache is read from the store when a
 * query needs it (its projection rows, or its events), so the budget bounds the heap, not the answers.
 *
 * <pre>{@code
 * Entente.builder().h2(dir).projectionCache(ProjectionCache.facts(500_000)).build();
 * Entente.builder().h2(dir).projectionCache(ProjectionCache.bytes(64L << 20)).build(); // about 64 MiB
 * }</pre>
 *
 * <p>A dyad weighs its fact versions (at least 1, so that dyads with nothing recorded are counted
 * too). A dyad heavier than the whole budget is still answered: read, used, not kept. The default,
 * {@link #defaults()}, is {@value #DEFAULT_VERSIONS} versions.
 */
public final class ProjectionCache {

    /** The default budget in fact versions (about 140 MB at the measured 666 bytes per version). */
    public static final long DEFAULT_VERSIONS = 200_000;
    /**
     * What {@link #bytes(long)} counts per fact version: the heap the projections held per fact at 1M
     * facts (666 bytes, BENCHMARKS.md), rounded up. Facts with many sources or long texts weigh more.
     */
    public static final long ESTIMATED_BYTES_PER_VERSION = 700;

    private final long versions;
    private final String described;

    private ProjectionCache(long versions, String described) {
        this.versions = versions;
        this.described = described;
    }

    /**
     * {@return a cache holding at most this many fact versions}
     *
     * @param versions the budget in fact versions, 0 (nothing kept: {@link #none()}) or more
     * @throws IllegalArgumentException when {@code versions} is negative
     */
    public static ProjectionCache facts(long versions) {
        if (versions < 0) {
            throw new IllegalArgumentException("a projection cache holds 0 or more fact versions, got " + versions
                    + "; use ProjectionCache.none() to keep nothing between queries");
        }
        return new ProjectionCache(versions, "ProjectionCache.facts(" + versions + ")");
    }

    /**
     * {@return a cache holding about this many bytes of heap, counted as {@value #ESTIMATED_BYTES_PER_VERSION}
     * bytes per fact version}
     *
     * @param bytes the budget in bytes, 0 (nothing kept) or more
     * @throws IllegalArgumentException when {@code bytes} is negative
     */
    public static ProjectionCache bytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a projection cache holds 0 or more bytes, got " + bytes
                    + "; use ProjectionCache.none() to keep nothing between queries");
        }
        return new ProjectionCache(bytes / ESTIMATED_BYTES_PER_VERSION, "ProjectionCache.bytes(" + bytes + ")");
    }

    /** {@return a cache that keeps nothing between queries: every query reads the dyads it needs from the store} */
    public static ProjectionCache none() {
        return new ProjectionCache(0, "ProjectionCache.none()");
    }

    /** {@return the default cache: {@value #DEFAULT_VERSIONS} fact versions} */
    public static ProjectionCache defaults() {
        return facts(DEFAULT_VERSIONS);
    }

    /** {@return the budget in fact versions} */
    public long versions() {
        return versions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectionCache other && other.versions == versions;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(versions);
    }

    @Override
    public String toString() {
        return described + " (" + versions + " fact versions)";
    }

    /**
     * What the cache holds and how it has served queries since the {@link Entente} opened (or since the
     * last rebuild of the projections, which empties it).
     *
     * @param dyads     how many dyads it holds
     * @param versions  how many fact versions they weigh (never more than the budget after a query)
     * @param budget    the budget in fact versions
     * @param hits      queries of a dyad answered from the cache
     * @param misses    queries of a dyad that read it from the store
     * @param evictions dyads dropped to stay within the budget, or read and not kept (heavier than the budget)
     */
    public record Statistics(int dyads, long versions, long budget, long hits, long misses, long evictions) {
    }
}
