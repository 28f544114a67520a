package org.entente.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.common.caching.Cache;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.FactId;
import org.entente.core.relationship.Decider;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.RelationshipCommand.CorrectFact;
import org.entente.core.relationship.RelationshipCommand.RetractFacts;
import org.entente.core.relationship.RelationshipEvent;
import org.entente.core.relationship.UnknownFactException;

/**
 * Where bilateral relationships are recorded: one Axon event-sourced aggregate per dyad, stored by
 * Axon's JDBC engine in an H2 file (the default), in H2 memory, or in PostgreSQL.
 *
 * <pre>{@code
 * try (EntenteStore store = EntenteStore.builder().h2(Path.of("entente-data")).build()) {
 *     store.record(new FactCommand.HoldTalks(header, Optional.of("military cooperation")));
 * }
 * }</pre>
 *
 * <p>Most applications use {@code org.entente.Entente} (module {@code entente-projections}), which
 * wraps a store with the read models. Thread-safe.
 *
 * <h2>Transactions</h2>
 * A single command is one transaction. A batch ({@link #recordAll}) is first checked whole, then
 * written in chunks of about {@link Builder#chunkSize(int) 1,000} events per transaction. A chunk
 * that runs longer than the {@link Builder#transactionCap(Duration) transaction cap} (10 seconds by
 * default) is rolled back: a transaction holds global positions that streaming processors skip as a
 * gap once the gap timeout passes (60 seconds, Axon's default), so the cap must stay well below it.
 * It also bounds how long after an instant {@code knownAt(instant)} answers can still change.
 */
public final class EntenteStore implements AutoCloseable {

    /** Where events live. */
    public enum Backend {
        /** An H2 database in memory, gone on close. */
        MEMORY,
        /** An H2 database in a directory (the default). */
        H2,
        /** A PostgreSQL database reached through a {@link DataSource}. */
        POSTGRES
    }

    /** The PostgreSQL advisory lock key that serializes schema work ("ENTENTE" in ASCII, truncated). */
    private static final long SCHEMA_LOCK = 0x454E54454E5445L;

    /** The lowest global index the event engine expects (Axon's default, set explicitly for {@link #scanEvents}). */
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    /** How far below the highest position the engine keeps gaps (Axon's default, set explicitly for {@link #scanEvents}). */
    static final int MAX_GAP_OFFSET = 10_000;

    /** Axon's default gap timeout, which the transaction cap must stay well below. */
    public static final Duration GAP_TIMEOUT = Duration.ofMillis(60_000);

    private final Backend backend;
    private final DataSource dataSource;
    private final org.h2.jdbcx.JdbcConnectionPool ownedPool;
    /** Whether closing an H2 file compacts it when less than {@link #COMPACT_BELOW_FILL_PERCENT} of it is live. */
    private final boolean compactOnClose;
    /**
     * The live share of an H2 file under which closing compacts it. Durable commits leave most of the
     * file dead (each commit writes new chunks): 4.7 to 12 KB per event live against about 0.5 KB
     * compacted in the benchmarks; compaction takes about 10 s per million events.
     */
    static final int COMPACT_BELOW_FILL_PERCENT = 50;
    /** The pool the store opened for a PostgreSQL URL (a HikariCP pool, see {@link PostgresPool}), else null. */
    private java.io.Closeable ownedPostgresPool;
    private final ConnectionProvider connections;
    private final JdbcTransactions transactions;
    private final Serializer generalSerializer;
    private final FactIdRegistry registry;
    private final Configuration axon;
    private final Repository<RelationshipAggregate> repository;
    private final CommandGateway gateway;
    private final int chunkSize;
    private final Cache cache;
    private final Duration transactionCap;
    private final Duration claimTimeout;
    private final EventScan scan;
    private final String nodeId = java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final String description;
    /** The directory of an H2 file store (errors name it), else null. */
    private final Path h2Directory;
    private volatile TokenStore tokenStore;
    private volatile boolean closed;
    /** The H2 directory's mark of the highest committed position; null for other stores. */
    private final HeadMark headMark;
    /** The H2 file store's JDBC URL (null for other stores), for the plain connection that shuts it down. */
    private String h2Url;

    private EntenteStore(Builder b) {
        this.backend = b.backend;
        this.chunkSize = b.chunkSize;
        this.transactionCap = b.transactionCap;
        this.claimTimeout = b.claimTimeout;
        this.compactOnClose = b.compactOnClose && b.backend == Backend.H2;
        switch (b.backend) {
            case MEMORY -> {
                headMark = null;
                h2Directory = null;
                ownedPool = org.h2.jdbcx.JdbcConnectionPool.create(
                        "jdbc:h2:mem:entente-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
                dataSource = ownedPool;
                description = "memory";
            }
            case H2 -> {
                // The path is checked and the URL built by H2Files: nothing in it reaches H2's settings.
                Path dir = H2Files.checkDirectory(b.directory);
                h2Directory = dir;
                String url = H2Files.prepare(dir, b.h2Underlay);
                headMark = new HeadMark(dir);
                // WRITE_DELAY=0: a commit is written before it returns, so a committed fact survives kill -9
                // (H2 otherwise writes commits in the background, up to 500 ms later).
                // User sa without a password: whoever can read the file reads the data without any (README, Security).
                h2Url = url + (b.durableCommits ? ";WRITE_DELAY=0" : "");
                ownedPool = org.h2.jdbcx.JdbcConnectionPool.create(h2Url, "sa", "");
                ownedPool.setMaxConnections(16);
                // One JDBC call at a time: otherwise a kill can leave rows of an unfinished transaction
                // behind that recovery cannot roll back (see H2StatementGate and RELIABILITY.md).
                dataSource = H2StatementGate.around(ownedPool);
                description = "H2 " + dir;
            }
            default -> {
                headMark = null;
                h2Directory = null;
                ownedPool = null;
                if (b.ownedDataSource != null) {
                    DataSource pool = PostgresPool.open(b.ownedDataSource);
                    ownedPostgresPool = (java.io.Closeable) pool;
                    dataSource = pool;
                } else {
                    dataSource = b.dataSource;
                }
                description = "PostgreSQL";
            }
        }
        try {
            transactions = ownedPool != null
                    ? new JdbcTransactions(dataSource, JdbcTransactions.ROLLBACK_BOUND, H2Files.STOP_PROBE)
                    : new JdbcTransactions(dataSource);
            connections = transactions.connections();
            EventTypeRegistry types = EventTypeRegistry.standard();
            Serializer eventSerializer = new NamedTypeSerializer(
                    JacksonSerializer.builder().objectMapper(EntenteJackson.mapper(types)).build(), types);
            generalSerializer = JacksonSerializer.defaultSerializer();
            registry = new FactIdRegistry(connections);
            EventUpcasterChain upcasterChain = new EventUpcasterChain(b.upcasters);
            scan = new EventScan(connections, transactions, eventSerializer, b.upcasters.isEmpty() ? null : upcasterChain,
                    LOWEST_GLOBAL_SEQUENCE, MAX_GAP_OFFSET);
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(connections)
                    .transactionManager(transactions)
                    .eventSerializer(eventSerializer)
                    .snapshotSerializer(eventSerializer)
                    .persistenceExceptionResolver(DuplicateKeys::isDuplicateKey)
                    .upcasterChain(upcasterChain)
                    .dataType(byte[].class)
                    .batchSize(b.readBatchSize)
                    .gapTimeout((int) b.gapTimeout.toMillis())
                    .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                    .maxGapOffset(MAX_GAP_OFFSET)
                    .build();
            withSchemaLock(() -> {
                engine.createSchema(PostgresEventTableFactory.INSTANCE);
                registry.createSchema();
                createIndexes();
            });
            if (b.verifyOnOpen) {
                // Before Axon starts (and the projections load): a store whose tables disagree with its
                // events is refused here rather than read, seeded or written as if it were whole.
                List<IntegrityFinding> found = StoreIntegrity.onOpen(connections, headMark);
                if (!found.isEmpty()) {
                    throw new StoreInconsistentException(description, new IntegrityReport(false, -1, found, List.of()));
                }
            }

            AggregateConfigurer<RelationshipAggregate> aggregate =
                    AggregateConfigurer.defaultConfiguration(RelationshipAggregate.class)
                            .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), b.snapshotThreshold));
            cache = b.aggregateCache ? new BoundedCache(b.cachedDyads) : null;
            if (cache != null) {
                aggregate.configureCache(c -> cache);
            }
            Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                    .configureSerializer(c -> generalSerializer)
                    .configureMessageSerializer(c -> generalSerializer)
                    .configureEventSerializer(c -> eventSerializer)
                    .configureTransactionManager(c -> transactions)
                    .configureEmbeddedEventStore(c -> engine)
                    .registerComponent(FactIdRegistry.class, c -> registry)
                    .registerComponent(EntenteStore.class, c -> this)
                    .configureAggregate(aggregate);
            for (Consumer<Configurer> hook : b.hooks) {
                hook.accept(configurer);
            }
            axon = configurer.buildConfiguration();
            axon.start();
            repository = axon.repository(RelationshipAggregate.class);
            gateway = axon.commandGateway();
        } catch (RuntimeException e) {
            if (ownedPool != null) {
                ownedPool.dispose();
            }
            closeOwnedPostgresPool();
            throw h2Directory == null ? e : H2Files.translateOpen(e, h2Directory);
        }
    }

    private void closeOwnedPostgresPool() {
        if (ownedPostgresPool != null) {
            try {
                ownedPostgresPool.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** A full disk or a store locked by another process as Entente's exceptions (they name the file), else the failure. */
    private RuntimeException storeFailure(RuntimeException e) {
        return h2Directory == null ? e : H2Files.translate(e, h2Directory);
    }

    /** {@return a builder; see {@link Builder} for each default} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Records one command in one transaction.
     *
     * @param command the command
     * @return the dyad's position after the write
     * @throws org.entente.core.relationship.RuleViolationException when a rule forbids it
     * @throws org.entente.core.relationship.FactConflictException  when its fact id names other content
     * @throws UnknownFactException                                 when a correction or retraction names an unknown fact
     * @throws ConcurrentWriteException                             when another writer changed the dyad at the same time
     */
    public Recorded record(RelationshipCommand command) {
        Objects.requireNonNull(command, "command");
        requireOpen();
        Dyad dyad = dyadOf(command, Map.of());
        return send(new DyadCommands(dyad.id(), List.of(command), false, false));
    }

    /**
     * Checks a batch across dyads and reports every violation, writing nothing.
     *
     * @param commands the commands
     * @return what the batch would record, with its violations (empty when valid)
     */
    public BatchResult dryRun(List<? extends RelationshipCommand> commands) {
        requireOpen();
        Plan plan = plan(commands);
        return new BatchResult(true, commands.size(), plan.events, plan.unchanged, 0, List.of(), plan.violations);
    }

    /**
     * Records a batch across dyads: every rule is checked for the whole batch first (all or nothing),
     * then the batch is written in chunks of about {@link Builder#chunkSize(int)} events per
     * transaction. A failure between chunks leaves a prefix written ({@link BatchWriteException}
     * says what); running the same batch again completes it.
     *
     * @param commands the commands
     * @return the batch result
     * @throws BatchRejectedException listing every violation, when nothing was written
     * @throws BatchWriteException    when a chunk failed after earlier chunks were committed
     */
    public BatchResult recordAll(List<? extends RelationshipCommand> commands) {
        return recordAll(commands, BatchProgress.NONE);
    }

    /**
     * As {@link #recordAll(List)}, telling {@code progress} after each committed chunk.
     *
     * @param commands the commands
     * @param progress receives progress as chunks are written
     * @return the batch result
     */
    public BatchResult recordAll(List<? extends RelationshipCommand> commands, BatchProgress progress) {
        requireOpen();
        Objects.requireNonNull(progress, "progress");
        Plan plan = plan(commands);
        if (!plan.violations.isEmpty()) {
            throw new BatchRejectedException(plan.violations);
        }
        List<List<DyadCommands>> chunks = chunks(plan);
        Map<Dyad, Recorded> positions = new LinkedHashMap<>();
        int events = 0;
        int done = 0;
        int written = plan.unchanged;
        for (List<DyadCommands> chunk : chunks) {
            try {
                for (Recorded r : writeChunk(chunk)) {
                    positions.put(r.dyad(), r);
                    events += r.events();
                }
                done++;
                written += chunk.stream().mapToInt(c -> c.commands().size()).sum();
                progress.written(written, commands.size());
            } catch (RuntimeException e) {
                if (done == 0) {
                    throw e;
                }
                markHead();
                throw new BatchWriteException(new BatchResult(false, commands.size(), events, plan.unchanged, done,
                        new ArrayList<>(positions.values()), List.of()), e);
            }
        }
        markHead();
        return new BatchResult(false, commands.size(), events, plan.unchanged, done,
                new ArrayList<>(positions.values()), List.of());
    }

    /** Advances the H2 directory's head mark to the committed head (after batches and on close). */
    private void markHead() {
        if (headMark != null) {
            try {
                headMark.advance(head());
            } catch (RuntimeException e) {
                // The mark is a safety net; failing to read the head must not fail a committed write.
            }
        }
    }

    /** {@return the global index of the last stored event, -1 when the store holds none} */
    public long head() {
        requireOpen();
        try (Connection c = connections.getConnection()) {
            return StoreIntegrity.head(c);
        } catch (SQLException e) {
            throw new EntenteException("could not read the event store's head: " + e.getMessage(), e);
        }
    }

    /**
     * {@return whether this store has never held an event: none is stored, and (for an H2 directory) no head
     * mark says any was ever committed} A store that lost its events (a truncated file) is not new, so
     * tools that fill an empty store (the command line's {@code board}) leave it alone.
     */
    public boolean isNew() {
        return head() < 0 && (headMark == null || headMark.read().isEmpty());
    }

    /** The H2 directory's head mark, null for other stores. */
    HeadMark headMark() {
        return headMark;
    }

    /**
     * {@return the history of a dyad as recorded now, or empty when nothing is recorded for it}
     *
     * @param dyad the dyad
     */
    public Optional<DyadHistory> history(Dyad dyad) {
        requireOpen();
        return loaded(dyad).map(LoadedHistory::history);
    }

    /** A copy of a dyad's history and the sequence number of its last event. */
    private record LoadedHistory(DyadHistory history, long lastSequence) {
    }

    private Optional<LoadedHistory> loaded(Dyad dyad) {
        Optional<Long> last = axon.eventStore().lastSequenceNumberFor(dyad.id());
        if (last.isEmpty()) {
            return Optional.empty();
        }
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("read history of " + dyad));
        try {
            RelationshipAggregate loaded = repository.load(dyad.id()).invoke(a -> a);
            if (loaded.lastSequence() != last.get() && cache != null) {
                // Another instance wrote since this one cached the dyad: drop the stale copy and read again.
                // (Committing re-caches the loaded copy, so evict after the commit.)
                uow.commit();
                cache.remove(dyad.id());
                uow = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("read history of " + dyad));
                loaded = repository.load(dyad.id()).invoke(a -> a);
            }
            DyadHistory h = loaded.historyCopy();
            long sequence = loaded.lastSequence();
            uow.commit();
            return h == null ? Optional.empty() : Optional.of(new LoadedHistory(h, sequence));
        } catch (AggregateNotFoundException e) {
            uow.rollback();
            return Optional.empty();
        } catch (RuntimeException e) {
            if (uow.isActive()) {
                uow.rollback(e);
            }
            RuntimeException storage = storeFailure(e);
            throw storage != e ? storage : ententeCause(e);
        }
    }

    /** Entente's own exception inside Axon's wrappers, if there is one: it says what is wrong. */
    private static RuntimeException ententeCause(RuntimeException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof EntenteException entente) {
                return entente;
            }
        }
        return e;
    }

    /**
     * {@return the dyad that a recorded fact id belongs to}
     *
     * @param fact the fact
     */
    public Optional<Dyad> dyadOf(FactId fact) {
        requireOpen();
        return registry.dyadOf(fact);
    }

    /**
     * Runs schema work so that instances starting at once on one database take turns (a PostgreSQL
     * advisory lock; H2 files are opened by one process at a time anyway). Service-provider interface.
     *
     * @param work the work
     */
    public void withSchemaLock(Runnable work) {
        if (backend != Backend.POSTGRES) {
            work.run();
            return;
        }
        try (Connection lock = dataSource.getConnection(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(true);
            s.execute("SELECT pg_advisory_lock(" + SCHEMA_LOCK + ")");
            try {
                work.run();
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + SCHEMA_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new EntenteException("could not take the schema lock: " + e.getMessage(), e);
        }
    }

    /** {@return where the events live} */
    public Backend backend() {
        return backend;
    }

    /** {@return the longest a write transaction may run; see the class documentation} */
    public Duration transactionCap() {
        return transactionCap;
    }

    /**
     * Axon's configuration, for modules that add event processors (projections). Service-provider
     * interface: not needed by applications.
     *
     * @return the configuration
     */
    public Configuration axonConfiguration() {
        return axon;
    }

    /**
     * Connections to the store's database: inside a transaction of {@link #transactionManager()} (every
     * unit of work that handles a command or a processor's batch has one) the transaction's own, else
     * auto-commit ones. For modules that keep tables in the same database and write them in the same
     * transaction as the events or a processor's token. Service-provider interface.
     *
     * @return the connection provider
     */
    public ConnectionProvider connections() {
        return connections;
    }

    /**
     * {@return the JDBC transaction manager that Axon and Entente's tables share} Service-provider interface.
     */
    public org.axonframework.common.transaction.TransactionManager transactionManager() {
        return transactions;
    }

    /**
     * Reads every stored event once, in global order, in one query (1,000 rows per fetch), each payload
     * deserialized by the store's event serializer after its upcasters, as Axon's event stream would
     * give it; for rebuilding read models without a message and token per event. Runs in the calling
     * thread's transaction of {@link #transactionManager()} if it has one, else in one of its own.
     * Service-provider interface.
     *
     * @param sink the sink
     * @return the token after the last event read (a {@link org.axonframework.eventhandling.GapAwareTrackingToken}
     *         with the positions missing below it as gaps), from which a streaming processor continues
     *         exactly after the scan; null when the store holds no events
     */
    public org.axonframework.eventhandling.TrackingToken scanEvents(Consumer<StoredEvent> sink) {
        Objects.requireNonNull(sink, "sink");
        requireOpen();
        return scan.scan(sink);
    }

    /**
     * {@return a JDBC token store in the same database (its table is created on first use), for streaming
     * processors} Service-provider interface.
     */
    public TokenStore tokenStore() {
        TokenStore ts = tokenStore;
        if (ts == null) {
            synchronized (this) {
                if (tokenStore == null) {
                    JdbcTokenStore jdbc = JdbcTokenStore.builder()
                            .connectionProvider(connections)
                            .serializer(generalSerializer)
                            .schema(TokenSchema.builder().build())
                            .claimTimeout(claimTimeout)
                            // Axon's default node id is the JVM's name: two instances in one JVM would
                            // each take the other's claims for their own.
                            .nodeId(nodeId)
                            .build();
                    withSchemaLock(() -> jdbc.createSchema(backend == Backend.POSTGRES
                            ? PostgresTokenTableFactory.INSTANCE : GenericTokenTableFactory.INSTANCE));
                    tokenStore = jdbc;
                }
                ts = tokenStore;
            }
        }
        return ts;
    }

    /**
     * {@return the positions that a streaming processor's segments have reached, read from the token store
     * without claiming them (so any instance can report every instance's progress)} Empty when the
     * processor has no tokens. Service-provider interface.
     *
     * @param processor the processor
     */
    public java.util.Map<Integer, Long> tokenPositions(String processor) {
        java.util.Map<Integer, Long> positions = new java.util.TreeMap<>();
        tokens(processor).forEach((segment, token) -> positions.put(segment,
                token.flatMap(t -> t.position().isPresent() ? Optional.of(t.position().getAsLong()) : Optional.empty()).orElse(-1L)));
        return positions;
    }

    /**
     * {@return the tokens of a streaming processor's segments, read without claiming them (empty for a
     * segment that has not processed anything)} Service-provider interface.
     *
     * @param processor the processor
     */
    public java.util.Map<Integer, Optional<org.axonframework.eventhandling.TrackingToken>> tokens(String processor) {
        tokenStore();
        java.util.Map<Integer, Optional<org.axonframework.eventhandling.TrackingToken>> tokens = new java.util.TreeMap<>();
        try (Connection c = connections.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "SELECT segment, token, tokenType FROM TokenEntry WHERE processorName = ?")) {
            ps.setString(1, processor);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] bytes = rs.getBytes(2);
                    String type = rs.getString(3);
                    org.axonframework.eventhandling.TrackingToken found = null;
                    if (bytes != null && type != null) {
                        Object token = generalSerializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                                bytes, byte[].class, type, null));
                        if (token instanceof org.axonframework.eventhandling.TrackingToken t) {
                            found = t;
                        }
                    }
                    tokens.put(rs.getInt(1), Optional.ofNullable(found));
                }
            }
        } catch (SQLException e) {
            throw new EntenteException("could not read the tokens of " + processor + ": " + e.getMessage(), e);
        }
        return tokens;
    }

    /**
     * Shuts Axon down and, for H2, closes the database. A PostgreSQL {@code DataSource} given by the
     * caller stays open (it is the caller's); a pool the store created is closed.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            markHead();
        } finally {
            closed = true;
        }
        try {
            axon.shutdown();
        } finally {
            if (ownedPool != null && transactions.stopped() != null) {
                // The database stopped after a failed write (or a rollback did not complete): no SHUTDOWN
                // statement, which could spin, and the pool is let go on a daemon thread, waited for a while.
                Thread dispose = new Thread(ownedPool::dispose, "entente-dispose");
                dispose.setDaemon(true);
                dispose.start();
                try {
                    dispose.join(JdbcTransactions.ROLLBACK_BOUND.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (ownedPool != null && h2Url != null) {
                // SHUTDOWN on a plain connection, after the pool is gone: a pooled connection closed after
                // SHUTDOWN rolls back on the closed database, and H2 writes that failure into entente.trace.db
                // at every close. The plain connection keeps the database open while the pool lets go.
                try (Connection c = java.sql.DriverManager.getConnection(h2Url, "sa", "")) {
                    ownedPool.dispose();
                    try (Statement s = c.createStatement()) {
                        s.execute(compactOnClose && liveFillPercent(s) < COMPACT_BELOW_FILL_PERCENT ? "SHUTDOWN COMPACT" : "SHUTDOWN");
                    }
                } catch (SQLException e) {
                    // The database is gone already; nothing more to close.
                } finally {
                    ownedPool.dispose();
                }
            } else if (ownedPool != null) {
                // In memory (DB_CLOSE_DELAY=-1): SHUTDOWN frees the database; there is no trace file to keep clean.
                try (Connection c = ownedPool.getConnection(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException e) {
                    // The database is gone already; nothing more to close.
                }
                ownedPool.dispose();
            }
            closeOwnedPostgresPool();
        }
    }

    /** The share of the H2 file's chunks that holds live data, in percent (100 when H2 does not say). */
    private static int liveFillPercent(Statement s) {
        try (java.sql.ResultSet rs = s.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            return rs.next() ? Integer.parseInt(rs.getString(1).trim()) : 100;
        } catch (SQLException | NumberFormatException e) {
            return 100;
        }
    }

    @Override
    public String toString() {
        return "EntenteStore[" + description + "]";
    }

    // ------------------------------------------------------------------------------- batch planning

    private static final class Plan {
        final Map<Dyad, List<RelationshipCommand>> byDyad = new LinkedHashMap<>();
        final java.util.Set<Dyad> newDyads = new java.util.HashSet<>();
        /** Per dyad: the history the rules were checked on, extended by the batch's events. */
        final Map<Dyad, DyadHistory> working = new HashMap<>();
        /** Per dyad: the sequence number of its last stored event when the plan read it (-1: none). */
        final Map<Dyad, Long> baseSequence = new HashMap<>();
        /** Per dyad: the events the batch records, in order. */
        final Map<Dyad, List<RelationshipEvent>> decided = new HashMap<>();
        final List<BatchViolation> violations = new ArrayList<>();
        int events;
        int unchanged;
    }

    private Plan plan(List<? extends RelationshipCommand> commands) {
        Objects.requireNonNull(commands, "commands");
        Plan plan = new Plan();
        Map<FactId, Dyad> inBatch = new HashMap<>();
        Map<Integer, Dyad> dyadOfIndex = new HashMap<>();
        for (int i = 0; i < commands.size(); i++) {
            RelationshipCommand c = Objects.requireNonNull(commands.get(i), "command #" + i);
            if (c instanceof FactCommand f) {
                Dyad previous = inBatch.putIfAbsent(f.fact().id(), f.fact().dyad());
                if (previous != null && !previous.equals(f.fact().dyad())) {
                    plan.violations.add(new BatchViolation(i, Optional.of(f.fact().id()), Optional.of(f.fact().dyad()),
                            FactIdRegistry.otherDyad(f.fact().id(), previous, f.fact().dyad())));
                    continue;
                }
            }
            try {
                dyadOfIndex.put(i, dyadOf(c, inBatch));
            } catch (EntenteException e) {
                plan.violations.add(new BatchViolation(i, firstFact(c), Optional.empty(), e));
            }
        }
        Map<FactId, Dyad> owners = registry.dyadsOf(new ArrayList<>(inBatch.keySet()));
        // One query tells which dyads hold facts already; only those are loaded.
        java.util.Set<Dyad> known = knownDyads(new java.util.HashSet<>(dyadOfIndex.values()));
        Map<Dyad, DyadHistory> working = plan.working;
        for (int i = 0; i < commands.size(); i++) {
            Dyad d = dyadOfIndex.get(i);
            if (d == null) {
                continue;
            }
            RelationshipCommand c = commands.get(i);
            if (c instanceof FactCommand f) {
                Dyad owner = owners.get(f.fact().id());
                if (owner != null && !owner.equals(d)) {
                    plan.violations.add(new BatchViolation(i, Optional.of(f.fact().id()), Optional.of(d),
                            FactIdRegistry.otherDyad(f.fact().id(), owner, d)));
                    continue;
                }
            }
            DyadHistory h = working.computeIfAbsent(d, k -> {
                Optional<LoadedHistory> stored = known.contains(k) ? loaded(k) : Optional.empty();
                plan.baseSequence.put(k, stored.map(LoadedHistory::lastSequence).orElse(-1L));
                return stored.map(LoadedHistory::history).orElseGet(() -> DyadHistory.empty(k));
            });
            try {
                List<RelationshipEvent> events = Decider.decide(c, h);
                events.forEach(e -> Decider.evolve(h, e));
                if (events.isEmpty()) {
                    // Recorded already: nothing to send (a fact id's content can only change through a correction).
                    plan.unchanged++;
                } else {
                    plan.byDyad.computeIfAbsent(d, k -> new ArrayList<>()).add(c);
                    plan.decided.computeIfAbsent(d, k -> new ArrayList<>()).addAll(events);
                }
                plan.events += events.size();
            } catch (EntenteException e) {
                plan.violations.add(new BatchViolation(i, firstFact(c), Optional.of(d), e));
            }
        }
        working.keySet().stream().filter(d -> !known.contains(d)).forEach(plan.newDyads::add);
        return plan;
    }

    /**
     * Which of these dyads have events: those in the aggregate cache, and for the others one query per
     * 500 dyads. It reads the event table, whose
     * (aggregate, sequence) key is indexed: the fact-id table has no index on its dyad column, and
     * scanning it for every batch made large ingests slow.
     */
    private java.util.Set<Dyad> knownDyads(java.util.Set<Dyad> dyads) {
        java.util.Set<Dyad> known = new java.util.HashSet<>();
        List<Dyad> all = new ArrayList<>();
        for (Dyad d : dyads) {
            // A cached dyad has events (events are never deleted): only the others are looked up.
            if (cache != null && cache.get(d.id()) != null) {
                known.add(d);
            } else {
                all.add(d);
            }
        }
        try (Connection c = connections.getConnection()) {
            for (int from = 0; from < all.size(); from += 500) {
                List<Dyad> part = all.subList(from, Math.min(all.size(), from + 500));
                String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
                try (java.sql.PreparedStatement ps = c.prepareStatement(
                        "SELECT DISTINCT aggregateIdentifier FROM DomainEventEntry WHERE aggregateIdentifier IN (" + marks + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 1, part.get(i).id());
                    }
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            known.add(Dyad.parse(rs.getString(1)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new EntenteException("could not read which dyads have events: " + e.getMessage(), e);
        }
        return known;
    }

    private static Optional<FactId> firstFact(RelationshipCommand c) {
        if (c instanceof FactCommand f) {
            return Optional.of(f.fact().id());
        }
        if (c instanceof CorrectFact cf) {
            return Optional.of(cf.revised().fact().id());
        }
        return Optional.of(((RetractFacts) c).facts().get(0));
    }

    /** Groups into transactions of about chunkSize commands; a dyad with more is split over several. */
    private List<List<DyadCommands>> chunks(Plan plan) {
        List<List<DyadCommands>> chunks = new ArrayList<>();
        List<DyadCommands> current = new ArrayList<>();
        int size = 0;
        for (Map.Entry<Dyad, List<RelationshipCommand>> e : plan.byDyad.entrySet()) {
            List<RelationshipCommand> all = e.getValue();
            for (int from = 0; from < all.size(); from += chunkSize) {
                List<RelationshipCommand> piece = all.subList(from, Math.min(all.size(), from + chunkSize));
                if (size > 0 && size + piece.size() > chunkSize) {
                    chunks.add(current);
                    current = new ArrayList<>();
                    size = 0;
                }
                // The first piece of a dyad nobody has recorded yet creates it without reading the store.
                boolean create = from == 0 && plan.newDyads.contains(e.getKey());
                // A dyad written in one piece carries the plan's decision; the aggregate adopts it unless
                // the dyad changed since (then it decides again). Pieces of a longer dyad decide again:
                // the plan's history is the one after all of them.
                DyadCommands.Decided decided = all.size() <= chunkSize
                        ? new DyadCommands.Decided(plan.baseSequence.get(e.getKey()), plan.decided.get(e.getKey()),
                                plan.working.get(e.getKey()))
                        : null;
                current.add(new DyadCommands(e.getKey().id(), piece, true, create, decided));
                size += piece.size();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private List<Recorded> writeChunk(List<DyadCommands> chunk) {
        long start = System.nanoTime();
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("record a batch chunk"));
        List<Recorded> recorded = new ArrayList<>();
        try {
            // One transaction for the whole chunk: the commands' nested units of work join it.
            uow.attachTransaction(transactions);
            // The chunk's new fact ids are claimed together, in the same transaction (the dyads skip it).
            Map<Dyad, List<FactId>> claims = new LinkedHashMap<>();
            for (DyadCommands command : chunk) {
                Dyad dyad = Dyad.parse(command.dyadId());
                for (RelationshipCommand c : command.commands()) {
                    if (c instanceof FactCommand f) {
                        claims.computeIfAbsent(dyad, k -> new ArrayList<>()).add(f.fact().id());
                    }
                }
            }
            registry.claimAll(claims);
            for (DyadCommands command : chunk) {
                DyadCommands.Outcome o = gateway.sendAndWait(command.create()
                        ? new RelationshipAggregate.NewDyad(command.dyadId(), command) : command);
                recorded.add(new Recorded(o.dyad(), o.sequence(), o.events()));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (took.compareTo(transactionCap) > 0) {
                throw new TransactionCapExceededException(chunk.size(), took, transactionCap);
            }
            uow.commit();
            return recorded;
        } catch (RuntimeException e) {
            if (uow.isActive()) {
                uow.rollback(e);
            }
            throw translate(e, Dyad.parse(chunk.get(0).dyadId()));
        }
    }

    private Recorded send(DyadCommands command) {
        try {
            DyadCommands.Outcome o = gateway.sendAndWait(command);
            return new Recorded(o.dyad(), o.sequence(), o.events());
        } catch (RuntimeException e) {
            throw translate(e, Dyad.parse(command.dyadId()));
        }
    }

    private RuntimeException translate(RuntimeException e, Dyad dyad) {
        // A failed write to a new dyad reads "Cannot reuse aggregate identifier" in Axon's words whatever the
        // cause (a full disk too): the storage failure is looked for first.
        RuntimeException storage = storeFailure(e);
        if (storage != e) {
            return storage;
        }
        if (e instanceof ConcurrencyException || e instanceof AggregateStreamCreationException
                || (e instanceof EventStoreException && DuplicateKeys.isDuplicateKey(e))) {
            return new ConcurrentWriteException(dyad, e);
        }
        return e;
    }

    /** The dyad a command acts on; retractions find theirs from the batch or the fact-id table. */
    private Dyad dyadOf(RelationshipCommand command, Map<FactId, Dyad> inBatch) {
        if (command instanceof FactCommand f) {
            return f.fact().dyad();
        }
        if (command instanceof CorrectFact c) {
            return c.revised().fact().dyad();
        }
        RetractFacts r = (RetractFacts) command;
        Map<FactId, Dyad> found = new HashMap<>(registry.dyadsOf(r.facts()));
        for (FactId id : r.facts()) {
            if (!found.containsKey(id) && inBatch.containsKey(id)) {
                found.put(id, inBatch.get(id));
            }
        }
        Dyad dyad = null;
        for (FactId id : r.facts()) {
            Dyad d = found.get(id);
            if (d == null) {
                throw new UnknownFactException(id, "fact " + id + " is not recorded in this store; nothing was retracted");
            }
            if (dyad != null && !dyad.equals(d)) {
                throw new EntenteException("a retraction acts on facts of one dyad, but " + r.facts().get(0) + " is of "
                        + dyad + " and " + id + " of " + d + "; retract them separately or in one batch");
            }
            dyad = d;
        }
        return dyad;
    }

    private void createIndexes() {
        try (Connection c = connections.getConnection(); Statement s = c.createStatement()) {
            // createTokenAt(instant) and knownAt queries look events up by recording time.
            s.execute("CREATE INDEX IF NOT EXISTS entente_event_time ON DomainEventEntry (timeStamp)");
        } catch (SQLException e) {
            throw new EntenteException("could not create Entente's indexes: " + e.getMessage(), e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    /**
     * Builds an {@link EntenteStore}. Defaults: an H2 store in {@code ./entente-data}; snapshots every
     * 250 events; an aggregate cache of 10,000 dyads; chunks of 1,000 commands; a transaction cap of 10 seconds; a gap
     * timeout of 60 seconds; a claim timeout of 10 seconds; events read 100 at a time; no upcasters.
     */
    public static final class Builder {
        private Backend backend = Backend.H2;
        private Path directory = Path.of("entente-data");
        private String h2Underlay = "";
        private DataSource dataSource;
        private PostgresPool.Settings ownedDataSource;
        private int snapshotThreshold = 250;
        private boolean aggregateCache = true;
        private int chunkSize = 1000;
        private Duration transactionCap = Duration.ofSeconds(10);
        private int readBatchSize = 100;
        private Duration gapTimeout = GAP_TIMEOUT;
        private Duration claimTimeout = Duration.ofSeconds(10);
        private boolean durableCommits = true;
        private int cachedDyads = 10_000;
        private boolean compactOnClose = true;
        private boolean verifyOnOpen = true;
        private final List<EventUpcaster> upcasters = new ArrayList<>();
        private final List<Consumer<Configurer>> hooks = new ArrayList<>();

        private Builder() {
        }

        /** {@return an H2 database in memory, gone when the store closes (for tests and simulations)} */
        public Builder inMemory() {
            backend = Backend.MEMORY;
            return this;
        }

        /**
         * {@return an H2 database in this directory (the default, {@code ./entente-data}), taken as an absolute,
         * normalized path; created if missing, owner-only ({@code 0700}), with owner-only files ({@code 0600})}
         * Any directory name is accepted but one holding a {@code ;} or a control character: H2 would read
         * what follows a {@code ;} as its own settings. Prefixes such as {@code mem:}, {@code tcp://} or
         * {@code zip:} are plain directory names here.
         *
         * @param directory the directory
         * @throws IllegalArgumentException when the path holds a {@code ;} or a control character
         */
        public Builder h2(Path directory) {
            this.directory = H2Files.checkDirectory(Objects.requireNonNull(directory, "directory"));
            backend = Backend.H2;
            return this;
        }

        /** Tests only: an H2 file-system scheme under Entente's own, such as one that fails writes on demand. */
        Builder h2Underlay(String scheme) {
            h2Underlay = Objects.requireNonNull(scheme, "scheme");
            return this;
        }

        /**
         * {@return a PostgreSQL database; tables are created if missing} The caller keeps and closes the {@code DataSource}.
         *
         * @param dataSource the data source
         */
        public Builder postgres(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.ownedDataSource = null;
            backend = Backend.POSTGRES;
            return this;
        }

        /**
         * {@return a PostgreSQL database through a HikariCP pool that the store owns and closes, of at most
         * {@code poolSize} connections (each instance needs about 2 per processor thread plus its writers;
         * 10 is a good start)}
         *
         * @param jdbcUrl the jdbc url
         * @param user the database user
         * @param password the password
         * @param poolSize the pool size
         * @throws IllegalArgumentException when the URL is not a PostgreSQL JDBC URL or the size is not 1 to 200
         */
        public Builder postgres(String jdbcUrl, String user, String password, int poolSize) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("'" + jdbcUrl + "' is not a PostgreSQL JDBC URL; expected jdbc:postgresql://HOST:PORT/DATABASE");
            }
            if (poolSize < 1 || poolSize > 200) {
                throw new IllegalArgumentException("pool size must be 1 to 200, got " + poolSize);
            }
            PostgresPool.check();
            this.ownedDataSource = new PostgresPool.Settings(jdbcUrl, user, password, poolSize);
            this.dataSource = null;
            backend = Backend.POSTGRES;
            return this;
        }

        /**
         * Take a snapshot of a dyad every so many events (default 250; at least 1).
         *
         * @param events the events
         * @return this builder
         */
        public Builder snapshotThreshold(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("snapshot threshold must be at least 1, got " + events);
            }
            snapshotThreshold = events;
            return this;
        }

        /**
         * {@return whether an H2 commit is written before it returns (default true: a committed fact survives
         * {@code kill -9})} False lets H2 write commits in the background, up to 500 ms later, which
         * only benchmarks comparing the cost should want.
         *
         * @param durable whether durable
         */
        public Builder durableCommits(boolean durable) {
            durableCommits = durable;
            return this;
        }

        /**
         * {@return whether closing an H2 file store compacts the file when less than half of it holds live data
         * (default true)} With durable commits each commit writes new chunks and the file grows to ten
         * or twenty times its data (12 GB for a million events, 540 MB compacted); compacting on close
         * costs about a second per 100,000 events, only when it is needed. No effect on other stores.
         *
         * @param compact whether compact
         */
        public Builder compactOnClose(boolean compact) {
            compactOnClose = compact;
            return this;
        }

        /**
         * {@return how many dyads the aggregate cache keeps, least recently used dropped first (default 10,000;
         * 1 to 10,000,000)} Each cached dyad holds its whole history.
         *
         * @param dyads the dyads
         */
        public Builder cachedDyads(int dyads) {
            if (dyads < 1 || dyads > 10_000_000) {
                throw new IllegalArgumentException("cached dyads must be 1 to 10000000, got " + dyads);
            }
            cachedDyads = dyads;
            return this;
        }

        /**
         * {@return whether to keep dyads in memory between commands (default true)}
         *
         * @param enabled whether enabled
         */
        public Builder aggregateCache(boolean enabled) {
            aggregateCache = enabled;
            return this;
        }

        /**
         * About how many commands one batch transaction holds (default 1,000; 1 to 10,000).
         *
         * @param commands the commands
         * @return this builder
         */
        public Builder chunkSize(int commands) {
            if (commands < 1 || commands > 10_000) {
                throw new IllegalArgumentException("chunk size must be 1 to 10000 commands, got " + commands);
            }
            chunkSize = commands;
            return this;
        }

        /**
         * {@return the longest a batch transaction may run (default 10 s; at most half of the gap timeout)}
         *
         * @param cap the cap
         */
        public Builder transactionCap(Duration cap) {
            Objects.requireNonNull(cap, "cap");
            if (cap.isNegative() || cap.isZero()) {
                throw new IllegalArgumentException("transaction cap must be positive, got " + cap);
            }
            transactionCap = cap;
            return this;
        }

        /**
         * {@return how long streaming processors wait for a missing global position before skipping it as a
         * gap (default 60 s, Axon's)} The transaction cap must stay at most half of it.
         *
         * @param timeout the timeout
         */
        public Builder gapTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() < 100) {
                throw new IllegalArgumentException("gap timeout must be at least 100 ms, got " + timeout);
            }
            gapTimeout = timeout;
            return this;
        }

        /**
         * {@return how long a processing claim held by an instance that stopped answering lasts before another
         * instance takes its segment over (default 10 s)}
         *
         * @param timeout the timeout
         */
        public Builder claimTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() < 100) {
                throw new IllegalArgumentException("claim timeout must be at least 100 ms, got " + timeout);
            }
            claimTimeout = timeout;
            return this;
        }

        /**
         * {@return how many events the engine reads per query (default 100; 1 to 100,000)}
         *
         * @param events the events
         */
        public Builder readBatchSize(int events) {
            if (events < 1 || events > 100_000) {
                throw new IllegalArgumentException("read batch size must be 1 to 100000, got " + events);
            }
            readBatchSize = events;
            return this;
        }

        /**
         * {@return an upcaster for stored events of an older shape (they see registry names and revisions)}
         *
         * @param upcaster the upcaster
         */
        public Builder upcaster(EventUpcaster upcaster) {
            upcasters.add(Objects.requireNonNull(upcaster, "upcaster"));
            return this;
        }

        /**
         * {@return whether opening checks the tables against the events (default true) and refuses a store they
         * disagree with ({@link StoreInconsistentException})} Only the tools that check and repair such
         * a store turn it off. Service-provider interface.
         *
         * @param verify whether verify
         */
        public Builder verifyOnOpen(boolean verify) {
            verifyOnOpen = verify;
            return this;
        }

        /**
         * {@return a hook that adds to Axon's configuration before it starts (service-provider interface)}
         *
         * @param hook the hook
         */
        public Builder configure(Consumer<Configurer> hook) {
            hooks.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /**
         * Opens the database, creates missing tables and starts Axon.
         *
         * @return the entente store
         */
        public EntenteStore build() {
            if (transactionCap.compareTo(gapTimeout.dividedBy(2)) > 0) {
                throw new IllegalArgumentException("transaction cap " + transactionCap.toMillis() + " ms must be at most half the gap timeout ("
                        + gapTimeout.dividedBy(2).toMillis() + " ms): a longer transaction could hold positions that processors skip");
            }
            return new EntenteStore(this);
        }
    }
}
