package org.entente.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.entente.ProcessingFailure;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.relationship.RelationshipEvent;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.EventPosition;
import org.entente.core.store.IntegrityFinding;
import org.entente.core.store.IntegrityReport;
import org.entente.core.store.StoreInconsistentException;
import org.entente.core.store.StoreIntegrity;

/**
 * The projections' storage and processing: a table of {@link FactVersion} rows in the events'
 * database and a table of each country's dyads, written by an Axon event processor in the same
 * transaction as its token (exactly once), and the {@link FactIndex} that queries read: a bounded
 * cache of dyads loaded on demand (from the rows when streaming, from the events when shared or in
 * memory), changed only after that transaction commits. Opening reads no history.
 *
 * <p>Synchronous mode (a subscribing processor, for in-memory stores) updates the projection inside
 * the recording transaction; streaming mode (a pooled streaming processor, for H2 files and
 * PostgreSQL) follows the store from its token.
 *
 * <p>In synchronous mode no tables are created and no rows are written: it serves in-memory stores
 * only, whose database goes with the process, so the rows would never be read back (a new in-memory
 * store always builds its index from the events). The index is all there is, and a rebuild scans the
 * events into a new index and swaps it in.
 *
 * <p>The tables' SQL, and the per-dyad reads of the event table, are {@link DyadRows}'.
 */
public final class Projections {

    /** The event processor's name (and its tokens' name). */
    public static final String PROCESSOR = "entente-projections";
    /**
     * The version of the projection tables' shape: 2 added {@code entente_projection_dyad}, 3 widened the
     * columns holding actor codes and dyad ids from {@code VARCHAR(16)} to {@code VARCHAR(64)} (dyads of
     * organisations). Version 1 and 2 tables are migrated on open, in place; any other stored version
     * triggers a rebuild.
     */
    public static final int SCHEMA_VERSION = 3;

    private static final String PENDING = "entente.projection.pending";

    /** How projections are processed. */
    public enum Mode {
        /** Inside each write (a subscribing processor): in-memory stores. */
        SYNCHRONOUS,
        /** One instance follows the store; its index loads dyads from the rows as queries need them and changes after each commit. */
        STREAMING,
        /**
         * Several instances share one database: a pooled streaming processor whose segments the
         * instances split writes the rows, and each instance keeps its own index, loading dyads from
         * their events and following the event store from the projections' token with a processor of
         * its own (tokens in memory) to update the dyads it holds.
         */
        SHARED
    }

    /** The per-instance processor that feeds the index in {@link Mode#SHARED} mode. */
    public static final String INDEX_PROCESSOR = "entente-index";

    private final Mode mode;
    private final boolean synchronous;
    private int segments = 1;
    private final long cacheBudget;
    /** What stamps a failure's {@link ProcessingFailure#lastTried()}. */
    private final Clock clock;
    private volatile FactIndex index;
    private final java.util.concurrent.atomic.AtomicLong rowsRead = new java.util.concurrent.atomic.AtomicLong();
    private volatile EntenteStore store;
    /** The tables' SQL, on the store once it is open. */
    private volatile DyadRows dyadRows;
    private volatile Configuration configuration;
    private volatile TrackingToken lastRebuildPosition;
    private volatile IntegrityReport openReport;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Projections.class);
    private final java.util.concurrent.ConcurrentHashMap<String, ProcessingFailure> failures = new java.util.concurrent.ConcurrentHashMap<>();

    /** Projections in a mode with the default cache; install them with {@link #install}. */
    public Projections(Mode mode) {
        this(mode, org.entente.ProjectionCache.defaults());
    }

    /** Projections in a mode keeping at most the cache's budget in memory; install them with {@link #install}. */
    public Projections(Mode mode, org.entente.ProjectionCache cache) {
        this(mode, cache, Clock.systemUTC());
    }

    /** As {@link #Projections(Mode, org.entente.ProjectionCache)}, stamping processing failures with {@code clock}. */
    public Projections(Mode mode, org.entente.ProjectionCache cache, Clock clock) {
        this.mode = mode;
        this.clock = clock;
        this.cacheBudget = cache.versions();
        this.index = newIndex();
        this.synchronous = mode == Mode.SYNCHRONOUS;
    }

    /** The hook that registers the processors and opens the tables before processors start. */
    public void install(Configurer configurer, int batchSize, int segments, int maxClaimedSegments) {
        this.segments = segments;
        IndexFollower follower = new IndexFollower();
        configurer.eventProcessing(ep -> {
            if (synchronous) {
                ep.registerSubscribingEventProcessor(PROCESSOR);
            } else {
                ep.registerPooledStreamingEventProcessor(PROCESSOR, Configuration::eventStore,
                        (c, b) -> b.batchSize(batchSize).initialSegmentCount(segments).maxClaimedSegments(maxClaimedSegments));
                ep.registerTokenStore(PROCESSOR, c -> c.getComponent(EntenteStore.class).tokenStore());
            }
            ep.registerEventHandler(c -> this);
            ep.assignHandlerInstancesMatching(PROCESSOR, h -> h == this);
            // Axon's default handler logs and skips an event a handler cannot apply: the projections would
            // silently lack a fact. Record the failure and rethrow, so the processor stops and retries.
            ep.registerListenerInvocationErrorHandler(PROCESSOR, c -> new FailureRecorder(PROCESSOR));
            if (mode == Mode.SHARED) {
                ep.registerPooledStreamingEventProcessor(INDEX_PROCESSOR, Configuration::eventStore,
                        (c, b) -> b.batchSize(batchSize).initialSegmentCount(1).initialToken(source -> followerStart));
                ep.registerTokenStore(INDEX_PROCESSOR, c -> new IndexTokens());
                ep.registerEventHandler(c -> follower);
                ep.assignHandlerInstancesMatching(INDEX_PROCESSOR, h -> h == follower);
                ep.registerListenerInvocationErrorHandler(INDEX_PROCESSOR, c -> new FailureRecorder(INDEX_PROCESSOR));
            }
        });
        configurer.onInitialize(c -> {
            configuration = c;
            c.onStart(Phase.OUTBOUND_EVENT_CONNECTORS, () -> open(c.getComponent(EntenteStore.class)));
        });
    }

    /**
     * Where this instance's follower starts: where the projections' processor stands (the token of its
     * lowest segment, gaps included), not at the start of the store. The index holds no dyad yet, and a
     * dyad loaded later is read from its events; the follower is there for what is committed after.
     * A gap of that token (an event not yet committed when it was read) is still followed.
     */
    private TrackingToken followerStart() {
        return findFollowerStart();
    }

    /**
     * The follower's start, read once on open, before any processor starts and before any query can
     * cache a dyad: read later (when the follower first claims its segment), the projections' processor
     * could already have moved past another instance's write to a dyad cached meanwhile, which the
     * follower would then never apply.
     */
    private volatile TrackingToken followerStart;

    private TrackingToken findFollowerStart() {
        TrackingToken lowest = null;
        for (Optional<TrackingToken> t : store.tokens(PROCESSOR).values()) {
            if (t.isEmpty()) {
                return null; // a segment that has processed nothing: from the start (a new store)
            }
            if (lowest == null || t.get().position().orElse(-1) < lowest.position().orElse(-1)) {
                lowest = t.get();
            }
        }
        if (lowest != null) {
            index.apply(List.of(), lowest.position().orElse(-1));
        }
        return lowest;
    }

    /** Feeds this instance's index from the event store in {@link Mode#SHARED} mode (nothing written). */
    final class IndexFollower {
        @EventHandler
        void on(RelationshipEvent event, DomainEventMessage<?> message) {
            applyAfterCommit(versions(event, message), message);
        }
    }

    /**
     * Records which event a processor could not apply and rethrows, so that the processor's batch
     * rolls back and is retried (with back-off) instead of the event being skipped. Each failure is a
     * new record, stamped by the projections' clock: {@code Entente.awaitCaughtUp} tells a failure made
     * during its wait from one it found by that.
     */
    final class FailureRecorder implements ListenerInvocationErrorHandler {
        private final String processor;

        FailureRecorder(String processor) {
            this.processor = processor;
        }

        @Override
        public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
            recordFailure(processor, event, exception);
            throw exception;
        }
    }

    /**
     * Records that a processor could not apply an event (a handler's exception, or the event's rows
     * failing when the unit of work writes them): one more attempt when it failed at the same position before.
     */
    private void recordFailure(String processor, EventMessage<?> event, Exception exception) {
        long position = event instanceof TrackedEventMessage<?> t && t.trackingToken() != null
                ? t.trackingToken().position().orElse(-1) : -1;
        String dyad = event instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : "?";
        long sequence = event instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : -1;
        String type = event.getPayloadType().getSimpleName();
        failures.compute(processor, (k, previous) -> new ProcessingFailure(processor, position, dyad, sequence, type,
                oneLine(exception), previous != null && previous.position() == position ? previous.attempts() + 1 : 1,
                clock.instant()));
    }

    /** The message that says what went wrong: Entente's own if there is one, else the deepest cause's, on one line. */
    static String oneLine(Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EntenteException) {
                deepest = t;
                break;
            }
            deepest = t;
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    /**
     * The event a processor is stopped at, if one failed at a position beyond {@code reached} (the
     * position the processor has committed); a failure it has since got past is forgotten.
     */
    public Optional<ProcessingFailure> failure(String processor, long reached) {
        ProcessingFailure f = failures.get(processor);
        if (f == null) {
            return Optional.empty();
        }
        if (f.position() >= 0 && f.position() <= reached) {
            failures.remove(processor, f);
            return Optional.empty();
        }
        return Optional.of(f);
    }

    /** The index queries read. */
    public FactIndex index() {
        return index;
    }

    /** Whether processing is synchronous (in-memory stores). */
    public boolean synchronous() {
        return synchronous;
    }

    /** The processing mode. */
    public Mode mode() {
        return mode;
    }

    /** The processor that feeds this instance's index: the projections' own, or the follower in shared mode. */
    public EventProcessor indexProcessor() {
        String name = mode == Mode.SHARED ? INDEX_PROCESSOR : PROCESSOR;
        return configuration.eventProcessingConfiguration().eventProcessor(name)
                .orElseThrow(() -> new IllegalStateException("no processor " + name));
    }

    /** The processor, for pausing, resuming and its status. */
    public EventProcessor processor() {
        return configuration.eventProcessingConfiguration().eventProcessor(PROCESSOR)
                .orElseThrow(() -> new IllegalStateException("no processor " + PROCESSOR));
    }

    /** Creates the tables if missing, rebuilds them when their version is not this code's, migrates version-1 and -2 tables, and makes an empty index (nothing read). */
    private void open(EntenteStore store) {
        attach(store);
        if (synchronous) {
            // An in-memory store is new: its index is built from whatever it holds, and no tables are kept.
            rebuildTables();
            return;
        }
        // Instances starting at once on one database take turns: one creates or rebuilds, the others then find it done.
        store.withSchemaLock(() -> {
            ConnectionProvider connections = store.connections();
            Optional<String> unfinished = org.entente.core.store.StoreCopy.unfinishedImport(store);
            if (unfinished.isPresent()) {
                throw new StoreInconsistentException(store.toString(), new IntegrityReport(false, -1, List.of(new IntegrityFinding(
                        IntegrityFinding.Kind.UNFINISHED_IMPORT, unfinished.get(), false)), List.of()));
            }
            // Creating the tables widens narrower actor columns too, so versions 1 and 2 only need their own steps.
            int stored = DyadRows.createTables(connections);
            if (stored == 1) {
                DyadRows.migrateFromVersion1(connections, SCHEMA_VERSION);
                stored = SCHEMA_VERSION;
            } else if (stored == 2) {
                DyadRows.migrateFromVersion2(connections, SCHEMA_VERSION);
                stored = SCHEMA_VERSION;
            }
            List<IntegrityFinding> found = stored == SCHEMA_VERSION ? checkOnOpen(store) : List.of();
            if (found.stream().anyMatch(f -> !f.repairable())) {
                throw new StoreInconsistentException(store.toString(), new IntegrityReport(false, -1, found, List.of()));
            }
            if (!found.isEmpty()) {
                // Derived rows out of step with the events: rebuilt from the events, said on the log and
                // kept for Entente.integrityOnOpen().
                found.forEach(f -> LOG.warn("{}: {}; rebuilding the projections from the events", store, f.detail()));
                rebuildTables();
                openReport = new IntegrityReport(false, -1, found, List.of("the projection rows and token, from the events"));
            } else if (stored != SCHEMA_VERSION) {
                // No version (a new database) or another one (an upgrade): build from the event store.
                rebuildTables();
            } else if (mode != Mode.SHARED) {
                // Nothing is read: dyads are loaded from the rows as queries need them. Processors have not
                // started, so the rows are exactly those up to the stored token.
                long position = store.tokenPositions(PROCESSOR).values().stream().mapToLong(Long::longValue).min().orElse(-1);
                FactIndex fresh = newIndex();
                fresh.apply(List.of(), position);
                index = fresh;
            }
        });
        if (mode == Mode.SHARED) {
            followerStart = findFollowerStart();
        }
    }

    /**
     * The cheap checks on open (indexed lookups only): rows without events, a token beyond the head,
     * and the last event the token covers without its row.
     */
    private static List<IntegrityFinding> checkOnOpen(EntenteStore store) {
        List<IntegrityFinding> found = new ArrayList<>();
        long head = store.head();
        long position = store.tokenPositions(PROCESSOR).values().stream().mapToLong(Long::longValue).min().orElse(-1);
        try (Connection c = store.connections().getConnection()) {
            if (head < 0 && DyadRows.anyRow(c)) {
                found.add(new IntegrityFinding(IntegrityFinding.Kind.EVENTS_MISSING,
                        "the event table is empty but the projection table holds rows", false));
                return found;
            }
            if (position > head) {
                found.add(new IntegrityFinding(IntegrityFinding.Kind.PROJECTIONS_OUT_OF_STEP, "the projections' token is at position "
                        + position + ", beyond the last event (" + head + ")", true));
                return found;
            }
            if (position >= 0) {
                Optional<EventPosition> last = store.lastEventAtOrBefore(position);
                if (last.isPresent() && !DyadRows.rowExists(c, last.get().aggregateIdentifier(), last.get().sequenceNumber())) {
                    found.add(new IntegrityFinding(IntegrityFinding.Kind.PROJECTIONS_OUT_OF_STEP, "the projections' token is at "
                            + position + " but the event of " + last.get().aggregateIdentifier() + " #"
                            + last.get().sequenceNumber() + " has no row", true));
                }
            }
        } catch (SQLException e) {
            throw new EntenteException("could not check the projection table: " + e.getMessage(), e);
        }
        return found;
    }

    /** What the checks on open found and repaired, or empty when the store was consistent. */
    public Optional<IntegrityReport> openReport() {
        return Optional.ofNullable(openReport);
    }

    /**
     * The full check of the stored projection of a store no processor is running on: the rows equal
     * those the events covered by the processor's token make (an order-independent digest of every
     * column), and no token is beyond the head. Feed it every event with {@link RowCheck#accept}.
     */
    public static RowCheck rowCheck(EntenteStore store) {
        return new RowCheck(store);
    }

    /** See {@link #rowCheck}. */
    public static final class RowCheck implements java.util.function.Consumer<org.entente.core.store.StoredEvent> {
        private final EntenteStore store;
        private final List<TrackingToken> tokens;
        private final boolean comparable;
        /** The stored tables' version: a version-1 store has no dyad list yet, a version-2 one has (opening migrates both). */
        private final int version;
        private final StoreIntegrity.Digest derived = new StoreIntegrity.Digest();
        private long beyondHead = -1;

        RowCheck(EntenteStore store) {
            this.store = store;
            this.version = DyadRows.createTables(store.connections());
            this.tokens = store.tokens(PROCESSOR).values().stream().flatMap(Optional::stream).toList();
            long head = store.head();
            for (TrackingToken t : tokens) {
                long p = t.position().orElse(-1);
                if (p > head) {
                    beyondHead = p;
                }
            }
            // With several segments each token covers only its own dyads; rows are compared when every
            // segment has reached the head (then every event has its rows), or with one segment.
            this.comparable = tokens.size() <= 1 || tokens.stream().allMatch(t -> t.position().orElse(-1) >= head);
        }

        @Override
        public void accept(org.entente.core.store.StoredEvent event) {
            if (!comparable || !(event.payload() instanceof RelationshipEvent e) || tokens.isEmpty()) {
                return;
            }
            org.axonframework.eventhandling.GapAwareTrackingToken at =
                    org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(event.globalIndex(), java.util.Set.of());
            if (tokens.size() == 1 && !tokens.get(0).covers(at)) {
                return;
            }
            for (FactVersion v : versions(e, event.sequenceNumber(), event.timestamp().truncatedTo(ChronoUnit.MILLIS))) {
                derived.add(v.dyad().id(), Long.toString(v.sequence()), v.id().value(), Integer.toString(v.revision()),
                        v.recordedAt().toString(), v.fact().map(DyadRows::json).orElse(null), v.reason().orElse(null));
            }
        }

        /** What disagrees, once every event was accepted. */
        public List<IntegrityFinding> findings() {
            List<IntegrityFinding> found = new ArrayList<>();
            if (beyondHead >= 0) {
                found.add(new IntegrityFinding(IntegrityFinding.Kind.PROJECTIONS_OUT_OF_STEP, "the projections' token is at position "
                        + beyondHead + ", beyond the last event (" + store.head() + ")", true));
            }
            if (!comparable) {
                return found;
            }
            StoreIntegrity.Digest table = new StoreIntegrity.Digest();
            java.util.Set<String> named = new java.util.HashSet<>();
            java.util.Set<String> listed = DyadRows.readAll(store.connections(), (dyad, seq, factId, revision, recordedAt, payload, reason) -> {
                table.add(dyad, Long.toString(seq), factId, Integer.toString(revision), recordedAt, payload, reason);
                if (named.add(dyad)) {
                    Dyad d = Dyad.parse(dyad);
                    named.add(d.first().code() + " " + d.id());
                    named.add(d.second().code() + " " + d.id());
                }
            });
            boolean rowsAgree = table.equals(derived);
            if (!rowsAgree && beyondHead < 0) {
                found.add(new IntegrityFinding(IntegrityFinding.Kind.PROJECTIONS_OUT_OF_STEP, "the projection table holds "
                        + table.rows() + " row(s); the events its token covers make " + derived.rows()
                        + (table.rows() == derived.rows() ? ", with other contents" : ""), true));
            }
            named.removeIf(n -> !n.contains(" ")); // keep the (country, dyad) pairs the rows call for
            // Rows out of step are one finding already: their rebuild rewrites the list too.
            if (rowsAgree && version >= 2 && version <= SCHEMA_VERSION && !listed.equals(named)) {
                found.add(new IntegrityFinding(IntegrityFinding.Kind.PROJECTIONS_OUT_OF_STEP, DyadRows.DYADS + " holds " + listed.size()
                        + " row(s); the projection rows call for " + named.size() + " (each dyad under both its countries)", true));
            }
            return found;
        }
    }

    /**
     * Rewrites the stored projection (rows, token, version) of a store no processor is running on,
     * without building an index: memory stays one batch of rows, whatever the store's size.
     *
     * @param store    the open event store (without projections installed)
     * @param segments the processor's segment count to initialize its token with
     * @param progress told every 10,000 events read
     * @return the number of events read
     */
    public static long rebuildStored(EntenteStore store, int segments, org.entente.core.store.BatchProgress progress) {
        Projections p = new Projections(Mode.STREAMING);
        p.attach(store);
        p.segments = segments;
        Rebuild rebuild = p.new Rebuild(progress, 0, false);
        // The token store creates its table under the schema lock itself: open it before taking the lock
        // (on PostgreSQL the lock is not reentrant across connections).
        store.tokenStore();
        store.withSchemaLock(() -> {
            DyadRows.createTables(store.connections());
            p.rewriteRows(rebuild);
        });
        return rebuild.read;
    }

    /** Keeps the store and makes the tables' SQL on it. */
    private void attach(EntenteStore store) {
        this.store = store;
        this.dyadRows = new DyadRows(store, rowsRead);
    }

    /** An empty index with this instance's budget, loading from the rows (streaming) or the events. */
    private FactIndex newIndex() {
        return new FactIndex(cacheBudget, mode == Mode.STREAMING ? this::loadRows : this::loadEvents);
    }

    /**
     * A dyad's rows: exactly what the processor applied (its rows commit with its token, and the index
     * hears of them after that commit).
     */
    private List<FactVersion> loadRows(Dyad dyad) {
        return dyadRows.load(dyad);
    }

    /**
     * A dyad's versions from its events: in shared mode the rows may lag this instance's follower, and
     * in memory there are no rows.
     */
    private List<FactVersion> loadEvents(Dyad dyad) {
        // In shared mode the load stops where this instance's follower stands, read before the events (the
        // index installed the dyad's placeholder first, so what the follower applies after is not lost):
        // a dyad read now answers as a cached one does, and a paused instance shows what it processed
        // before the pause, not later writes.
        return dyadRows.loadEvents(dyad, mode == Mode.SHARED ? index.appliedPosition() : Long.MAX_VALUE);
    }

    /** {@return how many projection rows or events the loads of dyads have read since these projections were made} */
    public long rowsRead() {
        return rowsRead.get();
    }

    /**
     * {@return the dyads of a country with anything recorded: from {@code entente_projection_dyad}, written with the rows; in
     * shared mode with the dyads this instance's follower applied since (the rows may lag it); in memory
     * the dyads applied}
     *
     * @param country the country
     */
    public java.util.Set<Dyad> dyadsOf(org.entente.core.Actor country) {
        FactIndex current = index;
        if (synchronous) {
            return current.dyadsOf(country);
        }
        java.util.Set<Dyad> out = dyadRows.dyadsOf(country);
        if (mode == Mode.SHARED) {
            out.addAll(current.dyadsOf(country));
        }
        return out;
    }

    /**
     * The event handler: turns each stored event into rows, written on the transaction's connection,
     * and applies them to the index once that transaction has committed.
     */
    @EventHandler
    void on(RelationshipEvent event, DomainEventMessage<?> message) {
        // The store keeps recording times to the millisecond; so do the projections, whether they see
        // the live message (in memory) or read it back (streaming, rebuilds), so knownAt answers agree.
        List<FactVersion> rows = versions(event, message);
        if (!synchronous) { // in memory nothing reads the rows back: the database goes with the process
            dyadRows.write(rows, failure -> recordFailure(PROCESSOR, message,
                    new EntenteException("could not write the projection table: " + failure.getMessage(), failure)));
        }
        if (mode != Mode.SHARED) { // in shared mode each instance's index follows the event store itself
            applyAfterCommit(rows, message);
        }
    }

    static List<FactVersion> versions(RelationshipEvent event, DomainEventMessage<?> message) {
        return versions(event, message.getSequenceNumber(), message.getTimestamp().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Rows waiting for their transaction to commit, and the highest global position among their events. */
    private static final class Pending {
        final List<FactVersion> rows = new ArrayList<>();
        long position = -1;
    }

    /**
     * Applies rows to the index once the current unit of work's transaction has committed, and
     * records how far in the store the index then is (for {@code awaitCaughtUp}).
     */
    private void applyAfterCommit(List<FactVersion> rows, DomainEventMessage<?> message) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Pending pending = root.getOrComputeResource(PENDING, k -> {
            Pending p = new Pending();
            root.afterCommit(u -> index.apply(p.rows, p.position));
            return p;
        });
        pending.rows.addAll(rows);
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            pending.position = Math.max(pending.position, tracked.trackingToken().position().orElse(-1));
        }
    }

    /** The rows an event makes (public for the benchmark baseline, which must feed the same code). */
    public static List<FactVersion> versions(RelationshipEvent event, long sequence, Instant recordedAt) {
        return event.match(
                fact -> List.of(new FactVersion(fact.dyad(), sequence, fact.fact().id(), 1, Optional.of(fact), recordedAt,
                        Optional.empty())),
                retracted -> retracted.facts().stream()
                        .map(id -> new FactVersion(retracted.dyad(), sequence, id, 0, Optional.empty(), recordedAt,
                                Optional.of(retracted.reason())))
                        .toList(),
                corrected -> List.of(new FactVersion(corrected.dyad(), sequence, corrected.revised().fact().id(),
                        corrected.revision(), Optional.of(corrected.revised()), recordedAt, Optional.of(corrected.reason()))));
    }

    /**
     * Rebuilds the projection from the event store, aside: new rows (when persisted) are written while
     * readers keep the old ones, then the rows, the dyads by country, the processor's token and the
     * version are replaced in one transaction, and a new, empty index is swapped in (the cache is
     * dropped; dyads are read again as queries need them). The caller pauses processing around it.
     *
     * <p>The events are read in one plain scan of the event table ({@link EntenteStore#scanEvents}),
     * applied to the new index 10,000 versions at a time (it keeps no dyad, only each dyad's last
     * sequence and countries, bounded by the number of dyads) and, when persisted, written as rows in
     * batches as they are read, inside the rebuild's transaction. In {@link Mode#SYNCHRONOUS} mode
     * nothing is written: the index alone is replaced.
     */
    public void rebuildTables() {
        rebuildTables(org.entente.core.store.BatchProgress.NONE, 0);
    }

    /** As {@link #rebuildTables()}, telling {@code progress} every 10,000 events read (of about {@code total}). */
    public void rebuildTables(org.entente.core.store.BatchProgress progress, long total) {
        Rebuild rebuild = new Rebuild(progress, total, true);
        TrackingToken position;
        if (synchronous) {
            position = store.scanEvents(rebuild::accept);
            rebuild.finish(position);
        } else {
            position = rewriteRows(rebuild);
        }
        index = rebuild.fresh;
        lastRebuildPosition = position;
    }

    /**
     * Replaces the rows, the processor's token and the tables' version in one transaction, reading the
     * events once (and feeding the rebuild's index, if it builds one); returns where the scan stopped.
     */
    private TrackingToken rewriteRows(Rebuild rebuild) {
        TrackingToken position;
        // The token table is created (if missing) before the transaction: H2 commits an open transaction on DDL.
        store.tokenStore();
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("rebuild projections"));
        try {
            uow.attachTransaction(store.transactionManager());
            Connection c = store.connections().getConnection();
            dyadRows.clear(c);
            try (PreparedStatement ps = DyadRows.insertRows(c)) {
                rebuild.rows = ps;
                // The scan joins this transaction: the rows are written as they are read.
                position = store.scanEvents(rebuild::accept);
                rebuild.finish(position);
            }
            DyadRows.insertDyads(c, rebuild.dyads);
            DyadRows.markVersion(c, SCHEMA_VERSION);
            store.deleteTokens(PROCESSOR);
            store.tokenStore().initializeTokenSegments(PROCESSOR, segments, position);
            uow.commit();
        } catch (SQLException | RuntimeException e) {
            if (uow.isActive()) {
                uow.rollback(e);
            }
            throw new EntenteException("could not rebuild the projections: " + e.getMessage(), e);
        }
        return position;
    }

    /** A rebuild in progress: the new index, and the statement that writes rows when persisted. */
    private final class Rebuild {
        private static final int APPLY_BATCH = 10_000;
        private static final int INSERT_BATCH = 1_000;

        /** The new index, or null when only the rows are rewritten. */
        final FactIndex fresh;
        final org.entente.core.store.BatchProgress progress;
        final long total;
        /** The dyads read (bounded by the number of dyads), for {@value DyadRows#DYADS}. */
        final java.util.Set<Dyad> dyads = new java.util.HashSet<>();
        PreparedStatement rows;
        List<FactVersion> batch = new ArrayList<>();
        int pendingInserts;
        long read;

        Rebuild(org.entente.core.store.BatchProgress progress, long total, boolean buildIndex) {
            // The new index keeps no dyad: it learns each dyad's last sequence and countries from the scan.
            this.fresh = buildIndex ? newIndex() : null;
            this.progress = progress;
            this.total = total;
        }

        void accept(org.entente.core.store.StoredEvent event) {
            if (++read % 10_000 == 0) {
                progress.written((int) Math.min(Integer.MAX_VALUE, read), (int) Math.min(Integer.MAX_VALUE, Math.max(read, total)));
            }
            if (!(event.payload() instanceof RelationshipEvent e)) {
                return;
            }
            // Recording times to the millisecond, as the event handler sees them (see on()).
            List<FactVersion> versions = versions(e, event.sequenceNumber(), event.timestamp().truncatedTo(ChronoUnit.MILLIS));
            if (!versions.isEmpty()) {
                dyads.add(versions.get(0).dyad());
            }
            try {
                for (FactVersion v : versions) {
                    if (fresh != null) {
                        batch.add(v);
                    }
                    if (rows != null) {
                        DyadRows.bind(rows, v);
                        rows.addBatch();
                        if (++pendingInserts >= INSERT_BATCH) {
                            rows.executeBatch();
                            pendingInserts = 0;
                        }
                    }
                }
            } catch (SQLException ex) {
                throw new EntenteException("could not write the projection table: " + ex.getMessage(), ex);
            }
            if (batch.size() >= APPLY_BATCH) {
                fresh.apply(batch); // incremental: the index is not visible to readers until the swap
                batch = new ArrayList<>();
            }
        }

        void finish(TrackingToken position) {
            try {
                if (rows != null && pendingInserts > 0) {
                    rows.executeBatch();
                    pendingInserts = 0;
                }
            } catch (SQLException ex) {
                throw new EntenteException("could not write the projection table: " + ex.getMessage(), ex);
            }
            if (fresh != null) {
                fresh.apply(batch, position == null ? -1 : position.position().orElse(-1));
            }
            batch = List.of();
            progress.written((int) Math.min(Integer.MAX_VALUE, read), (int) Math.min(Integer.MAX_VALUE, read));
        }
    }

    /** Where the last rebuild stopped reading the store (the index follower resumes there). */
    public TrackingToken lastRebuildPosition() {
        return lastRebuildPosition;
    }

}
