package org.entente.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.FactId;
import org.entente.core.Organisation;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.RelationshipCommand;
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
 * <p>Most applications use {@code org.entente.Entente} (artifact {@code org.entente:entente}), which
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
    // The store's jobs live in package-private parts: StoreDatabase (opening and closing the database,
    // H2 compaction, owned pools), StoreSchema (tables, indexes, the schema lock), StoreTokens (the
    // processors' tokens), HistoryLoader (a dyad's history through Axon's repository), BatchPlanner
    // (checking a batch and cutting it into chunks) and CommandWriter (sending commands in transactions).
    // This class wires them to Axon and is the public face.

    /** Where events live. */
    public enum Backend {
        /** An H2 database in memory, gone on close. */
        MEMORY,
        /** An H2 database in a directory (the default). */
        H2,
        /** A PostgreSQL database reached through a {@link DataSource}. */
        POSTGRES
    }

    /** Axon's system property that silences its AxonIQ Console notice (README, Getting started: Logging). */
    static final String AXONIQ_CONSOLE_MESSAGE = "disable-axoniq-console-message";

    /** The lowest global index the event engine expects (Axon's default, set explicitly for {@link #scanEvents}). */
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    /** How far below the highest position the engine keeps gaps (Axon's default, set explicitly for {@link #scanEvents}). */
    static final int MAX_GAP_OFFSET = 10_000;

    /** Axon's default gap timeout, which the transaction cap must stay well below. */
    public static final Duration GAP_TIMEOUT = Duration.ofMillis(60_000);

    private final StoreDatabase database;
    private final ConnectionProvider connections;
    private final JdbcTransactions transactions;
    private final StoreSchema schema;
    private final StoreTokens tokens;
    private final FactIdRegistry registry;
    private final OrganisationRegistry organisations;
    private final Configuration axon;
    private final Duration transactionCap;
    private final EventScan scan;
    private final BatchPlanner planner;
    private final CommandWriter writer;
    private final HistoryLoader histories;
    private final DyadSnapshotter snapshotter;
    private final int snapshotThreshold;
    private volatile boolean closed;

    private EntenteStore(Builder b) {
        this.transactionCap = b.transactionCap;
        this.snapshotThreshold = b.snapshotThreshold;
        this.database = StoreDatabase.open(b);
        Configuration built = null;
        try {
            transactions = database.newTransactions();
            connections = transactions.connections();
            EventTypeRegistry types = EventTypeRegistry.standard();
            Serializer eventSerializer = new NamedTypeSerializer(
                    JacksonSerializer.builder().objectMapper(EntenteJackson.mapper(types)).build(), types);
            Serializer generalSerializer = JacksonSerializer.defaultSerializer();
            registry = new FactIdRegistry(connections);
            EventUpcasterChain upcasterChain = new EventUpcasterChain(b.upcasters);
            scan = new EventScan(connections, transactions, eventSerializer, b.upcasters.isEmpty() ? null : upcasterChain,
                    LOWEST_GLOBAL_SEQUENCE, MAX_GAP_OFFSET);
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(connections)
                    .transactionManager(transactions)
                    .eventSerializer(eventSerializer)
                    .snapshotSerializer(eventSerializer)
                    // Only snapshots of the current revision are read: older ones (the whole history) are passed over.
                    .snapshotFilter(data -> types.byName(data.getPayload().getType().getName())
                            .map(t -> t.revision().equals(data.getPayload().getType().getRevision())).orElse(false))
                    .persistenceExceptionResolver(DuplicateKeys::isDuplicateKey)
                    .upcasterChain(upcasterChain)
                    .dataType(byte[].class)
                    .batchSize(b.readBatchSize)
                    .gapTimeout((int) b.gapTimeout.toMillis())
                    .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                    .maxGapOffset(MAX_GAP_OFFSET)
                    .build();
            schema = new StoreSchema(database, connections);
            organisations = new OrganisationRegistry(connections, toString());
            schema.create(engine, registry, organisations);
            tokens = new StoreTokens(connections, generalSerializer, b.claimTimeout, schema);
            if (b.backend == Backend.H2) {
                // Only one process opens an H2 file at a time: a claim another process holds is a killed
                // process's, and the projections resume at once instead of after the claim timeout.
                tokens.releaseClaimsOfOtherProcesses();
            }
            if (b.verifyOnOpen) {
                // Before Axon starts (and the projections load): a store whose tables disagree with its
                // events is refused here rather than read, seeded or written as if it were whole.
                List<IntegrityFinding> found = StoreIntegrity.onOpen(connections, database.headMark());
                if (!found.isEmpty()) {
                    throw new StoreInconsistentException(database.description(), new IntegrityReport(false, -1, found, List.of()));
                }
            }
            // Before Axon starts: the projections load facts whose actors must be known by name.
            organisations.registerInJvm();

            AggregateConfigurer<RelationshipAggregate> aggregate =
                    AggregateConfigurer.defaultConfiguration(RelationshipAggregate.class)
                            .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                                    c.getComponent(DyadSnapshotter.class), b.snapshotThreshold));
            Cache cache = b.aggregateCache ? new BoundedCache(b.cachedDyads) : null;
            if (cache != null) {
                aggregate.configureCache(c -> cache);
            }
            // Axon is Entente's engine, not the application's: its AxonIQ Console advertisement at INFO on
            // every start means nothing to an application that imports Entente. Axon's documented switch
            // is this system property; an application that set it either way keeps its own value.
            System.getProperties().putIfAbsent(AXONIQ_CONSOLE_MESSAGE, "true");
            Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                    .configureSerializer(c -> generalSerializer)
                    .configureMessageSerializer(c -> generalSerializer)
                    .configureEventSerializer(c -> eventSerializer)
                    .configureTransactionManager(c -> transactions)
                    .configureEmbeddedEventStore(c -> engine)
                    .registerComponent(FactIdRegistry.class, c -> registry)
                    .registerComponent(EntenteStore.class, c -> this)
                    // One snapshotter: the trigger's, which snapshot(dyad) also takes its snapshots through.
                    .registerComponent(DyadSnapshotter.class, c -> DyadSnapshotter.of(c.eventStore(), transactions, connections))
                    .configureAggregate(aggregate);
            for (Consumer<Configurer> hook : b.hooks) {
                hook.accept(configurer);
            }
            axon = configurer.buildConfiguration();
            built = axon;
            axon.start();
            snapshotter = axon.getComponent(DyadSnapshotter.class);
            histories = new HistoryLoader(axon.eventStore(), axon.repository(RelationshipAggregate.class), cache, database);
            planner = new BatchPlanner(registry, cache, connections, histories, b.chunkSize);
            writer = new CommandWriter(transactions, registry, axon.commandGateway(), transactionCap, database);
        } catch (RuntimeException e) {
            if (built != null) {
                // A start handler refused the store (the projections' integrity check): what had started
                // (the event store's reader thread, processors) stops before the database goes.
                try {
                    built.shutdown();
                } catch (RuntimeException shutdown) {
                    e.addSuppressed(shutdown);
                }
            }
            throw database.abandon(e);
        }
    }

    /** {@return a builder; see {@link Builder} for each default} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Records one command in one transaction.
     *
     * @param command a {@link org.entente.core.relationship.FactCommand}, a {@link RelationshipCommand.CorrectFact} or a {@link RelationshipCommand.RetractFacts}; not null
     * @return the dyad's position after the write
     * @throws org.entente.core.relationship.RuleViolationException when a rule forbids it
     * @throws org.entente.core.relationship.FactConflictException  when its fact id names other content
     * @throws UnknownFactException                                 when a correction or retraction names an unknown fact
     * @throws ConcurrentWriteException                             when another writer changed the dyad at the same time
     */
    public Recorded record(RelationshipCommand command) {
        Objects.requireNonNull(command, "command");
        requireOpen();
        Dyad dyad = planner.dyadOf(command, Map.of());
        return writer.send(new DyadCommands(dyad.id(), List.of(command), false, false, null, histories.source()));
    }

    /**
     * Checks a batch across dyads and reports every violation, writing nothing.
     *
     * @param commands facts, corrections and retractions of any dyads, checked in list order; not null
     * @return what the batch would record, with its violations (empty when valid)
     */
    public BatchResult dryRun(List<? extends RelationshipCommand> commands) {
        requireOpen();
        BatchPlanner.Plan plan = planner.plan(commands);
        return new BatchResult(true, commands.size(), plan.events, plan.unchanged, 0, List.of(), plan.violations);
    }

    /**
     * Records a batch across dyads: every rule is checked for the whole batch first (all or nothing),
     * then the batch is written in chunks of about {@link Builder#chunkSize(int)} events per
     * transaction. A failure between chunks leaves a prefix written ({@link BatchWriteException}
     * says what); running the same batch again completes it.
     *
     * @param commands facts, corrections and retractions of any dyads, recorded in list order; not null
     * @return how many commands and events were written, in how many chunks, and each dyad's last position
     * @throws BatchRejectedException listing every violation, when nothing was written
     * @throws BatchWriteException    when a chunk failed after earlier chunks were committed
     */
    public BatchResult recordAll(List<? extends RelationshipCommand> commands) {
        return recordAll(commands, BatchProgress.NONE);
    }

    /**
     * As {@link #recordAll(List)}, telling {@code progress} after each committed chunk.
     *
     * @param commands facts, corrections and retractions of any dyads, recorded in list order; not null
     * @param progress receives progress as chunks are written
     * @return how many commands and events were written, in how many chunks, and each dyad's last position
     */
    public BatchResult recordAll(List<? extends RelationshipCommand> commands, BatchProgress progress) {
        requireOpen();
        Objects.requireNonNull(progress, "progress");
        BatchPlanner.Plan plan = planner.plan(commands);
        if (!plan.violations.isEmpty()) {
            throw new BatchRejectedException(plan.violations);
        }
        List<List<DyadCommands>> chunks = planner.chunks(plan);
        Map<Dyad, Recorded> positions = new LinkedHashMap<>();
        int events = 0;
        int done = 0;
        int written = plan.unchanged;
        for (List<DyadCommands> chunk : chunks) {
            try {
                for (Recorded r : writer.writeChunk(chunk)) {
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
        HeadMark headMark = database.headMark();
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
     * The stored event at the highest global position at or below {@code position}: its dyad and its
     * sequence number there; empty when no event is stored at or below it. For checking a processor's
     * token against the rows it wrote. Service-provider interface.
     *
     * @param position a global position, such as a processor token's
     * @return the last event at or before that position, or empty
     */
    public Optional<EventPosition> lastEventAtOrBefore(long position) {
        requireOpen();
        try (Connection c = connections.getConnection()) {
            return StoreIntegrity.lastEventAtOrBefore(c, position);
        } catch (SQLException e) {
            throw new EntenteException("could not read the event at or before position " + position + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@return up to {@code limit} stored events after a global position, in global order: each one's position,
     * dyad and sequence number there} For readers that follow the store (subscriptions). Positions may have
     * gaps: a transaction that rolled back leaves one, and on PostgreSQL a transaction still running may
     * commit a lower position later. Service-provider interface.
     *
     * @param position the global position to read after (-1: from the first event)
     * @param limit    the most events returned, 1 to 100,000
     */
    public List<EventPosition> eventsAfter(long position, int limit) {
        requireOpen();
        if (limit < 1 || limit > 100_000) {
            throw new IllegalArgumentException("read 1 to 100,000 events at a time, got " + limit);
        }
        try (Connection c = connections.getConnection()) {
            return StoreIntegrity.eventsAfter(c, position, limit);
        } catch (SQLException e) {
            throw new EntenteException("could not read the events after position " + position + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@return how many of this process's transactions on the store have ended, or -1 while one is open} For a
     * follower of the event table on a store only this process writes (H2, in memory): the same value read before
     * and after a read of the table says that no transaction was open meanwhile, so a position missing from the
     * read was given up (rolled back, or lost with the database's sequence cache in a crash) and will never be
     * written. On PostgreSQL other processes write too: it says nothing about them. Service-provider interface.
     */
    public long transactionsEndedWhenIdle() {
        return transactions.endedWhenIdle();
    }

    /**
     * {@return each dyad's last sequence number among the events at or below a global position, by the dyad's
     * stored id} One grouped read of the event table (for a reader that starts following the store there).
     * Service-provider interface.
     *
     * @param position a global position (-1: none)
     */
    public Map<String, Long> lastSequencesAtOrBefore(long position) {
        requireOpen();
        try (Connection c = connections.getConnection()) {
            return StoreIntegrity.lastSequences(c, position);
        } catch (SQLException e) {
            throw new EntenteException("could not read the dyads' sequences at position " + position + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@return whether this store has never held an event: none is stored, and (for an H2 directory) no head
     * mark says any was ever committed} A store that lost its events (a truncated file) is not new, so
     * tools that fill an empty store (the command line's {@code board}) leave it alone.
     */
    public boolean isNew() {
        HeadMark headMark = database.headMark();
        return head() < 0 && (headMark == null || headMark.read().isEmpty());
    }

    /** The H2 directory's head mark, null for other stores. */
    HeadMark headMark() {
        return database.headMark();
    }

    /**
     * {@return the history of a dyad as recorded now, or empty when nothing is recorded for it}
     *
     * @param dyad the two countries; not null
     */
    public Optional<DyadHistory> history(Dyad dyad) {
        requireOpen();
        return histories.load(dyad).map(HistoryLoader.LoadedHistory::history);
    }

    /**
     * Takes a dyad's snapshot now, in the calling thread: the snapshot the store takes every
     * {@link #snapshotThreshold()} events, written by the same code, so that the next command on the dyad
     * when it is not cached reads the snapshot and only the events after it. A maintenance call, for a store
     * whose events were written without Entente (a bulk load) or under a higher threshold; a store written
     * through Entente needs none. Runs in one transaction (the calling thread's transaction of
     * {@link #transactionManager()}, if it has one); reads the dyad's last snapshot and its events after it
     * (all of them when it has none), and stores the new snapshot at the dyad's last event, replacing the
     * older ones as the store's own snapshots do. Unlike Axon's scheduling of a snapshot (which only logs a
     * failure), a failure is thrown, and nothing is stored then. A command on the dyad meanwhile is not
     * held up: the snapshot describes the events it read, and the events written after them are read
     * after it.
     *
     * @param dyad the two countries; not null
     * @return true when a snapshot was stored; false when it would save nothing: the dyad has no events
     *         (a dyad never recorded), a single event, or its last snapshot is at its last event already
     * @throws IllegalStateException when the store is closed
     */
    public boolean snapshot(Dyad dyad) {
        Objects.requireNonNull(dyad, "dyad");
        requireOpen();
        try {
            return snapshotter.snapshotNow(dyad);
        } catch (RuntimeException e) {
            throw database.storeFailure(e);
        }
    }

    /** {@return how many events of a dyad the store records between two snapshots ({@link Builder#snapshotThreshold(int)})} */
    public int snapshotThreshold() {
        return snapshotThreshold;
    }

    /**
     * {@return the dyad that a recorded fact id belongs to}
     *
     * @param fact a fact id, current or retracted
     */
    public Optional<Dyad> dyadOf(FactId fact) {
        requireOpen();
        return registry.dyadOf(fact);
    }

    /**
     * Registers an organisation that the bundled table lacks, in this store and in this JVM, with no CAMEO
     * actor code; see {@link #registerOrganisation(String, String, String)}.
     *
     * @param acronym 2 to 12 characters, A-Z and 0-9, starting with a letter (any letter case; an {@code ORG:}
     *                prefix is accepted); not a bundled acronym nor a country's ISO 3166-1 alpha-3 code
     * @param name    the English name, 1 to 200 characters without control characters
     * @return the organisation, which {@link Organisation#of(String)} now finds
     * @throws IllegalArgumentException naming the bad value and what is accepted, or the registration that the
     *                                  acronym already has, in this store or in this JVM, under another name
     */
    public Organisation registerOrganisation(String acronym, String name) {
        requireOpen();
        return organisations.register(acronym, name, null);
    }

    /**
     * Registers an organisation that the bundled table lacks, in this store and in this JVM: checked and
     * registered by {@link Organisation#register(String, String, String)}, so {@link Organisation#of(String)}
     * finds it at once, then written to the store's table {@code entente_organisation} in a transaction of
     * its own (or the calling thread's transaction of {@link #transactionManager()}, when it has one). The
     * store's registrations are registered in the JVM whenever it opens, and travel with {@link StoreCopy}'s
     * export, import and copy. Registering the same acronym, name and CAMEO code again changes nothing; the
     * same acronym with another name or code is refused, whether this store or this JVM holds it.
     *
     * <pre>{@code
     * Organisation lga = store.registerOrganisation("LGA", "Liptako-Gourma Authority");
     * lga.code();                       // "ORG:LGA"
     * Organisation.of("lga") == lga;    // true; any JVM that opens this store knows LGA too
     * store.registerOrganisation("LGA", "Lake Chad Basin Commission");
     * // IllegalArgumentException: "LGA is already registered in EntenteStore[H2 /data] as
     * //   'Liptako-Gourma Authority'; it cannot be registered again as 'Lake Chad Basin Commission'"
     * }</pre>
     *
     * @param acronym   2 to 12 characters, A-Z and 0-9, starting with a letter (any letter case; an {@code ORG:}
     *                  prefix is accepted); not a bundled acronym nor a country's ISO 3166-1 alpha-3 code
     * @param name      the English name, 1 to 200 characters without control characters
     * @param cameoCode the CAMEO actor code, three-letter codes run together such as {@code IGOWAS}, up to 64
     *                  characters; not null ({@link #registerOrganisation(String, String)} registers none)
     * @return the organisation, which {@link Organisation#of(String)} now finds
     * @throws IllegalArgumentException naming the bad value and what is accepted, or the registration that the
     *                                  acronym already has, in this store or in this JVM, under another name
     * @throws EntenteException         when the store cannot be written (the organisation is then registered in
     *                                  this JVM only; registering it again writes it)
     */
    public Organisation registerOrganisation(String acronym, String name, String cameoCode) {
        requireOpen();
        org.entente.core.internal.Require.nonNull(cameoCode, "CAMEO actor code",
                "three-letter codes run together such as \"IGOWAS\", or registerOrganisation(acronym, name) when there is none");
        return organisations.register(acronym, name, cameoCode);
    }

    /**
     * {@return the organisations registered in this store, by acronym} Reading them registers in this JVM
     * any that another instance of a shared store registered since this one opened.
     *
     * @throws OrganisationConflictException when this JVM has one of their acronyms registered under another name
     */
    public List<Organisation> organisations() {
        requireOpen();
        return organisations.registerInJvm();
    }

    /**
     * Runs schema work so that instances starting at once on one database take turns (a PostgreSQL
     * advisory lock; H2 files are opened by one process at a time anyway). Service-provider interface.
     *
     * @param work the schema work to run while holding the lock; not null
     */
    public void withSchemaLock(Runnable work) {
        schema.withSchemaLock(work);
    }

    /** {@return where the events live} */
    public Backend backend() {
        return database.backend();
    }

    /** {@return the longest a write transaction may run; see the class documentation} */
    public Duration transactionCap() {
        return transactionCap;
    }

    /**
     * Axon's configuration, for modules that add event processors (projections). Service-provider
     * interface: not needed by applications.
     *
     * @return Axon's running configuration: its event store, command bus and processors
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
     * @return the provider of connections to the store's database, in the current transaction if there is one
     */
    public ConnectionProvider connections() {
        return connections;
    }

    /**
     * {@return the JDBC transaction manager that Axon and Entente's tables share} Service-provider interface.
     */
    public TransactionManager transactionManager() {
        return transactions;
    }

    /**
     * Reads every stored event once, in global order, in one query (1,000 rows per fetch), each payload
     * deserialized by the store's event serializer after its upcasters, as Axon's event stream would
     * give it; for rebuilding read models without a message and token per event. Runs in the calling
     * thread's transaction of {@link #transactionManager()} if it has one, else in one of its own.
     * Service-provider interface.
     *
     * @param sink called once per stored event, in global order, in the calling thread
     * @return the token after the last event read (a {@link org.axonframework.eventhandling.GapAwareTrackingToken}
     *         with the positions missing below it as gaps), from which a streaming processor continues
     *         exactly after the scan; null when the store holds no events
     */
    public TrackingToken scanEvents(Consumer<StoredEvent> sink) {
        Objects.requireNonNull(sink, "sink");
        requireOpen();
        return scan.scan(sink);
    }

    /**
     * {@return a JDBC token store in the same database (its table is created on first use), for streaming
     * processors} Service-provider interface.
     */
    public TokenStore tokenStore() {
        return tokens.tokenStore();
    }

    /**
     * {@return the positions that a streaming processor's segments have reached, read from the token store
     * without claiming them (so any instance can report every instance's progress)} Empty when the
     * processor has no tokens. Service-provider interface.
     *
     * @param processor the processor's name, as registered with Axon
     */
    public Map<Integer, Long> tokenPositions(String processor) {
        return tokens.positions(processor);
    }

    /**
     * {@return the tokens of a streaming processor's segments, read without claiming them (empty for a
     * segment that has not processed anything)} Service-provider interface.
     *
     * @param processor the processor's name, as registered with Axon
     */
    public Map<Integer, Optional<TrackingToken>> tokens(String processor) {
        return tokens.tokens(processor);
    }

    /**
     * Deletes every token of a streaming processor, in the calling thread's transaction of
     * {@link #transactionManager()} if it has one (for rewriting where a processor stands, together
     * with the rows it wrote). Service-provider interface.
     *
     * @param processor the processor's name
     */
    public void deleteTokens(String processor) {
        Objects.requireNonNull(processor, "processor");
        requireOpen();
        tokens.delete(processor);
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
            database.close(transactions);
        }
    }

    @Override
    public String toString() {
        return "EntenteStore[" + database.description() + "]";
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
        // Package-private: the store's parts read the settings when it opens (StoreDatabase.open).
        Backend backend = Backend.H2;
        Path directory = Path.of("entente-data");
        String h2Underlay = "";
        DataSource dataSource;
        PostgresPool.Settings ownedDataSource;
        int snapshotThreshold = 250;
        boolean aggregateCache = true;
        int chunkSize = 1000;
        Duration transactionCap = Duration.ofSeconds(10);
        int readBatchSize = 100;
        Duration gapTimeout = GAP_TIMEOUT;
        Duration claimTimeout = Duration.ofSeconds(10);
        boolean durableCommits = true;
        int cachedDyads = 10_000;
        boolean compactOnClose = true;
        boolean verifyOnOpen = true;
        final List<EventUpcaster> upcasters = new ArrayList<>();
        final List<Consumer<Configurer>> hooks = new ArrayList<>();

        private Builder() {
        }

        /**
         * A new builder with the same settings, upcasters and hooks, changed independently of this one:
         * for opening several stores from one set of settings (a tool that checks a store, then opens it).
         *
         * @return a new builder with this one's settings, upcasters and hooks
         */
        public Builder copy() {
            Builder c = new Builder();
            c.backend = backend;
            c.directory = directory;
            c.h2Underlay = h2Underlay;
            c.dataSource = dataSource;
            c.ownedDataSource = ownedDataSource;
            c.snapshotThreshold = snapshotThreshold;
            c.aggregateCache = aggregateCache;
            c.chunkSize = chunkSize;
            c.transactionCap = transactionCap;
            c.readBatchSize = readBatchSize;
            c.gapTimeout = gapTimeout;
            c.claimTimeout = claimTimeout;
            c.durableCommits = durableCommits;
            c.cachedDyads = cachedDyads;
            c.compactOnClose = compactOnClose;
            c.verifyOnOpen = verifyOnOpen;
            c.upcasters.addAll(upcasters);
            c.hooks.addAll(hooks);
            return c;
        }

        /**
         * The backend this builder opens: {@link Backend#H2} unless {@link #inMemory()} or a
         * {@code postgres(...)} method chose another.
         *
         * @return {@code H2}, {@code MEMORY} or {@code POSTGRES}
         */
        public Backend backend() {
            return backend;
        }

        /** {@return the gap timeout set by {@link #gapTimeout(Duration)} (default {@link EntenteStore#GAP_TIMEOUT})} */
        public Duration gapTimeoutSetting() {
            return gapTimeout;
        }

        /**
         * Uses an H2 database in memory, gone when the store closes (for tests and simulations).
         *
         * @return this builder
         */
        public Builder inMemory() {
            backend = Backend.MEMORY;
            return this;
        }

        /**
         * Uses an H2 database in this directory (the default, {@code ./entente-data}), taken as an absolute,
         * normalized path; created if missing, owner-only ({@code 0700}), with owner-only files ({@code 0600}).
         * Any directory name is accepted but one holding a {@code ;} or a control character: H2 would read
         * what follows a {@code ;} as its own settings. Prefixes such as {@code mem:}, {@code tcp://} or
         * {@code zip:} are plain directory names here.
         *
         * @param directory the database's directory, relative to the working directory or absolute; not null
         * @return this builder
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
         * Uses a PostgreSQL database; tables are created if missing. The caller keeps and closes the {@code DataSource}.
         *
         * @param dataSource the application's pool of connections to the database; not null
         * @return this builder
         */
        public Builder postgres(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.ownedDataSource = null;
            backend = Backend.POSTGRES;
            return this;
        }

        /**
         * Uses a PostgreSQL database through a HikariCP pool that the store owns and closes, of at most
         * {@code poolSize} connections (each instance needs about 2 per processor thread plus its writers;
         * 10 is a good start).
         *
         * @param jdbcUrl a URL starting {@code jdbc:postgresql:}, such as {@code jdbc:postgresql://localhost:5432/entente}
         * @param user the database user
         * @param password the user's password, or null when the server asks for none (trust authentication)
         * @param poolSize the most connections the pool opens, 1 to 200
         * @return this builder
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
         * Take a snapshot of a dyad every so many events (default 250; at least 1). A snapshot holds the
         * dyad's summary (its state, last fact and counts), a few KB whatever the dyad's length; a command
         * on a dyad that is not cached reads the last snapshot and at most this many events after it.
         *
         * @param events how many events of a dyad between two snapshots, at least 1
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
         * Sets whether an H2 commit is written before it returns (default true: a committed fact survives
         * {@code kill -9}). False lets H2 write commits in the background, up to 500 ms later, which
         * only benchmarks comparing the cost should want.
         *
         * @param durable true to write each commit before it returns, false to let H2 write it up to 500 ms later
         * @return this builder
         */
        public Builder durableCommits(boolean durable) {
            durableCommits = durable;
            return this;
        }

        /**
         * Sets whether closing an H2 file store compacts the file when less than half of it holds live data
         * (default true). With durable commits each commit writes new chunks and the file grows to ten
         * or twenty times its data (12 GB for a million events, 540 MB compacted); compacting on close
         * costs about a second per 100,000 events, only when it is needed. No effect on other stores.
         *
         * @param compact true to compact on close when the file is more than half dead space, false to leave it as it is
         * @return this builder
         */
        public Builder compactOnClose(boolean compact) {
            compactOnClose = compact;
            return this;
        }

        /**
         * Sets how many dyads the aggregate cache keeps, least recently used dropped first (default 10,000;
         * 1 to 10,000,000). Each cached dyad holds its whole history.
         *
         * @param dyads the most dyads kept, 1 to 10,000,000
         * @return this builder
         */
        public Builder cachedDyads(int dyads) {
            if (dyads < 1 || dyads > 10_000_000) {
                throw new IllegalArgumentException("cached dyads must be 1 to 10000000, got " + dyads);
            }
            cachedDyads = dyads;
            return this;
        }

        /**
         * Sets whether to keep dyads in memory between commands (default true).
         *
         * @param enabled false to load each dyad's history (from its last snapshot) for every command
         * @return this builder
         */
        public Builder aggregateCache(boolean enabled) {
            aggregateCache = enabled;
            return this;
        }

        /**
         * About how many commands one batch transaction holds (default 1,000; 1 to 10,000).
         *
         * @param commands about how many commands one transaction holds, 1 to 10,000
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
         * Sets the longest a batch transaction may run (default 10 s; at most half of the gap timeout, checked by {@link #build()}).
         *
         * @param cap the longest transaction, positive
         * @return this builder
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
         * Sets how long streaming processors wait for a missing global position before skipping it as a
         * gap (default 60 s, Axon's). The transaction cap must stay at most half of it.
         *
         * @param timeout the wait, at least 100 ms
         * @return this builder
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
         * Sets how long a processing claim held by an instance that stopped answering lasts before another
         * instance takes its segment over (default 10 s).
         *
         * @param timeout how long a claim lasts without being renewed, at least 100 ms
         * @return this builder
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
         * Sets how many events the engine reads per query (default 100; 1 to 100,000).
         *
         * @param events events per query, 1 to 100,000
         * @return this builder
         */
        public Builder readBatchSize(int events) {
            if (events < 1 || events > 100_000) {
                throw new IllegalArgumentException("read batch size must be 1 to 100000, got " + events);
            }
            readBatchSize = events;
            return this;
        }

        /**
         * Adds an upcaster for stored events of an older shape (it sees registry names and revisions); upcasters run in the order added.
         *
         * @param upcaster the upcaster to add after those added before; not null
         * @return this builder
         */
        public Builder upcaster(EventUpcaster upcaster) {
            upcasters.add(Objects.requireNonNull(upcaster, "upcaster"));
            return this;
        }

        /**
         * Sets whether opening checks the tables against the events (default true) and refuses a store they
         * disagree with ({@link StoreInconsistentException}). Only the tools that check and repair such
         * a store turn it off. Service-provider interface.
         *
         * @param verify false to open a store without checking it
         * @return this builder
         */
        public Builder verifyOnOpen(boolean verify) {
            verifyOnOpen = verify;
            return this;
        }

        /**
         * Adds a hook that adds to Axon's configuration before it starts (service-provider interface).
         *
         * @param hook called with Axon's configurer once, before the store starts; not null
         * @return this builder
         */
        public Builder configure(Consumer<Configurer> hook) {
            hooks.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /**
         * Opens the database, creates missing tables and starts Axon.
         *
         * @return an open store, which the caller closes
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
