package org.entente.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * Keeps an H2 file within a few times its compacted size while it is written, by compacting it
 * between two commits inside the statement gate's turn ({@link H2StatementGate}).
 *
 * <p>Why: with {@code WRITE_DELAY=0} (durable commits) H2 runs no background writer, and its
 * background writer is what compacts a file; each commit writes new chunks and leaves the pages it
 * replaced dead in older ones. Without this a 100,000-fact load peaked at 9.8 times the size it
 * compacts to (12.3 GB for a 1M load). H2's settings alone did not do it: {@code RETENTION_TIME=1000}
 * with H2's incremental chunk rewrite ({@code MVStore.compact}) still peaked at 4.9 times, as the
 * space freed in the middle of the file was not reused fast enough.
 *
 * <p>What: after a commit, once the file has grown by a sixteenth since the last look (and is at
 * least {@link #MIN_FILE_BYTES}), H2 is asked which share of the file is live; under
 * {@link #COMPACT_BELOW_LIVE_PERCENT} the file is compacted for at most {@link #MAX_COMPACT_MILLIS}
 * ({@code MVStore.compactFile}: live pages out of sparse chunks, chunks moved down, the file cut; an
 * unfinished one goes on at the next look). H2's reckoning of the live share overstates what a full
 * compaction keeps (this compaction leaves the file at about twice that), hence the threshold above
 * one half. Thresholds of 50 and 75 with one second, and 60 with four seconds, were measured on a
 * loaded machine: the longer compaction kept up best.
 *
 * <p>Safety: the compaction is a store operation like a commit's, so it runs while the committing
 * thread still holds the gate's turn, and calls waiting for their turn do not go ahead of it however
 * long they wait: no other call is half-way through a row meanwhile (the race the gate exists for).
 * It never fails the commit that triggered it: a failure to compact (a full disk) stops H2's store,
 * which the next statement reports as any other storage failure. Not used on PostgreSQL, in memory,
 * or without durable commits (H2's background writer compacts then).
 */
final class H2Housekeeping {

    /** Below this size the file is left alone (small stores; H2 compacts them on close). */
    static final long MIN_FILE_BYTES = 8L << 20;
    /** The live share of the file (percent) under which it is compacted. */
    static final int COMPACT_BELOW_LIVE_PERCENT = 60;
    /** The longest a compaction runs (the next one goes on where it stopped); calls wait for it. */
    static final int MAX_COMPACT_MILLIS = 4_000;

    private final long minFileBytes;
    /** The file size at which to look again; only read and written in the gate's turn. */
    private long nextLookAt;
    /** Whether a compaction runs now: calls waiting for their turn do not go ahead of it. */
    private volatile boolean compacting;

    H2Housekeeping() {
        this(MIN_FILE_BYTES);
    }

    /** With another smallest size to look at (tests use small files). */
    H2Housekeeping(long minFileBytes) {
        this.minFileBytes = minFileBytes;
        this.nextLookAt = minFileBytes;
    }

    /**
     * Looks at the file after a commit on {@code c} and compacts it when most of it is dead. Called
     * in the gate's turn.
     *
     * @param c H2's own connection that just committed
     */
    void afterCommit(Connection c) {
        try {
            MVStore store = store(c);
            if (store == null || store.isClosed() || store.getPanicException() != null) {
                return;
            }
            FileStore<?> files = store.getFileStore();
            long size = files.size();
            if (size < nextLookAt) {
                return;
            }
            if (livePercent(files) < COMPACT_BELOW_LIVE_PERCENT) {
                compacting = true;
                try {
                    store.compactFile(MAX_COMPACT_MILLIS);
                } finally {
                    compacting = false;
                }
                size = files.size();
            }
            nextLookAt = Math.max(minFileBytes, size + size / 16);
        } catch (RuntimeException e) {
            // Not the commit's failure: a store that stopped says so on its next statement.
        }
    }

    /** Whether a compaction runs now (the gate's waiting calls then wait on past their longest wait). */
    boolean compacting() {
        return compacting;
    }

    /** The share of the file that holds live pages: the share in chunks, times the chunks' own fill. */
    static int livePercent(FileStore<?> files) {
        return files.getFillRate() * files.getChunksFillRate() / 100;
    }

    /** H2's store behind a connection, or null when it is not an embedded H2 connection. */
    private static MVStore store(Connection c) {
        try {
            if (c.isWrapperFor(org.h2.jdbc.JdbcConnection.class)
                    && c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal session
                    && session.getDatabase() != null && session.getDatabase().getStore() != null) {
                return session.getDatabase().getStore().getMvStore();
            }
        } catch (SQLException e) {
            return null;
        }
        return null;
    }
}
