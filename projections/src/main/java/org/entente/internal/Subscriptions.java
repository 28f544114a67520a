package org.entente.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.FactId;
import org.entente.core.internal.CalendarDays;
import org.entente.core.relationship.FactEvent;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.EventPosition;
import org.entente.partnership.Status;
import org.entente.subscription.PartnershipChanged;
import org.entente.subscription.PartnershipChanged.Cause;
import org.entente.subscription.PartnershipListener;
import org.entente.subscription.Subscription;
import org.entente.subscription.SubscriptionOptions;
import org.entente.subscription.SubscriptionPosition;
import org.entente.subscription.SubscriptionStatus;
import org.entente.subscription.Watch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running subscriptions of one Entente. Each has its own thread, which follows the event table from its
 * position and compares, for each event of a watched dyad, the dyad's status as of the evaluated day before
 * and after the event (views read from the projections' index, cut at the event's sequence number); and,
 * when the clock's date moves on, finds the days on which time alone changed a watched dyad's status
 * ({@link Runs}). Statuses are shared between subscriptions (one computation per dyad, sequence and day).
 */
public final class Subscriptions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    /** Events read from the store per query. */
    private static final int READ_BATCH = 500;
    /** How often a thread looks at the clock and its flags while nothing is applied to the index. */
    private static final Duration TICK = Duration.ofMillis(50);
    /** How often the store is read even when the local index says nothing changed (another writer's events). */
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How long an event waits for the projections to apply it before the read is retried. */
    private static final Duration APPLY_WAIT = Duration.ofSeconds(10);
    private static final Duration READ_RETRY_MAX = Duration.ofSeconds(30);
    private static final int STATUS_CACHE_ENTRIES = 100_000;
    /** How far below its start a subscription looks for positions a transaction still open may hold. */
    private static final long OPEN_WINDOW = 10_000;
    /** The most missing positions one new event adds (older ones cannot be held by a transaction still open). */
    private static final long MAX_GAPS = 100_000;
    /** The first global position a store gives (H2's identity and PostgreSQL's sequence start at 1). */
    private static final long FIRST_POSITION = 1;
    /** The span of missing positions looked for in one read. */
    private static final long MAX_GAPS_READ = 10_000;

    private final EntenteStore store;
    private final Projections projections;
    private final Clock clock;
    private final int windowDays;
    private final Duration gapTimeout;
    /** Whether only this process writes the store (H2, in memory), so that its own transactions say what is in flight. */
    private final boolean singleProcess;
    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private final Map<StatusKey, Status> statuses = new ConcurrentHashMap<>();
    private final Map<StatusKey, LocalDate> runStarts = new ConcurrentHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger();
    private final DurablePositions durable;
    private final Metrics metrics;
    private volatile boolean closed;

    /**
     * Subscriptions over a store and its projections.
     *
     * @param store       the store
     * @param projections its projections
     * @param clock       what today is
     * @param windowDays  the status window
     * @param gapTimeout  how long a missing global position may stay missing before it is skipped
     * @param metrics     told of each delivery and failed delivery
     */
    public Subscriptions(EntenteStore store, Projections projections, Clock clock, int windowDays, Duration gapTimeout, Metrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.projections = projections;
        this.clock = clock;
        this.windowDays = windowDays;
        // No writing transaction stays open longer than the store's cap: a position missing for twice as long was given up.
        Duration capped = store.transactionCap().multipliedBy(2);
        this.gapTimeout = capped.compareTo(gapTimeout) < 0 ? capped : gapTimeout;
        this.singleProcess = store.backend() != EntenteStore.Backend.POSTGRES;
        this.durable = new DurablePositions(store);
    }

    /**
     * Starts a subscription: its start position is read (or is the store's head now) before this returns.
     *
     * @param watch    what it watches
     * @param listener who it tells
     * @param options  where it starts
     * @return the running subscription
     * @throws IllegalArgumentException when a stored position lies after the store's head, or its day outside the days a fact may have
     */
    public Subscription subscribe(Watch watch, PartnershipListener listener, SubscriptionOptions options) {
        if (closed) {
            throw new IllegalStateException("this Entente is closed");
        }
        LocalDate today = LocalDate.now(clock);
        long head = store.head();
        SubscriptionPosition start;
        if (options.durableName().isPresent()) {
            String name = options.durableName().get();
            Optional<SubscriptionPosition> stored = durable.read(name);
            start = stored.orElse(SubscriptionPosition.of(head, today));
            if (stored.isEmpty()) {
                // Written before anything is delivered: a process that dies before its first change resumes from here.
                durable.write(name, start);
            }
        } else {
            start = options.position().orElse(SubscriptionPosition.of(head, today));
        }
        String what = options.durableName().map(n -> "durable subscription '" + n + "' (table " + DurablePositions.TABLE + ")")
                .orElse("subscription position " + start);
        String reset = options.durableName().map(n -> "; to start it again from now, delete its row: DELETE FROM "
                + DurablePositions.TABLE + " WHERE name = '" + n + "'").orElse("; start from now instead");
        if (start.event() > head) {
            throw new IllegalArgumentException(what + " stands at " + start + ", after this store's last event (" + head
                    + "): it was taken from another store, or from this one before it was restored or replaced" + reset);
        }
        if (start.day().isBefore(CalendarDays.EARLIEST) || start.day().isAfter(CalendarDays.LATEST)) {
            throw new IllegalArgumentException(what + " stands at " + start + ", whose day is outside the days a fact may have ("
                    + CalendarDays.EARLIEST + " to " + CalendarDays.LATEST + ")" + reset);
        }
        // A day after the clock's date (another instance's clock ahead, another zone) is kept: days are evaluated
        // again once the clock passes it, as when a running subscription's clock moves back.
        Worker worker = new Worker(watch, listener, options, start);
        worker.start(); // before subscribe returns: what "from now" means is fixed here, not when the thread runs
        workers.add(worker);
        worker.thread.start();
        return worker;
    }

    /** {@return the running subscriptions} */
    public int active() {
        return (int) workers.stream().filter(w -> !w.closed).count();
    }

    /** {@return the most events any running subscription has not evaluated yet, 0 when none} */
    public long maxLag() {
        return workers.stream().filter(w -> !w.closed).mapToLong(Worker::lag).max().orElse(0);
    }

    /** Stops every subscription, letting a delivery in progress finish (up to 10 s each). */
    @Override
    public void close() {
        closed = true;
        workers.forEach(Worker::close);
    }

    // ------------------------------------------------------------------------------------ statuses

    private record StatusKey(Dyad dyad, long sequence, LocalDate day) {
    }

    /** The dyad's status on a day after its events up to a sequence number, shared between subscriptions. */
    private Status statusOf(DyadIndex.Snapshot snapshot, long sequence, LocalDate day) {
        if (sequence < 0) {
            return Status.NONE;
        }
        return shared(statuses, new StatusKey(snapshot.dyad(), sequence, day),
                () -> snapshot.upTo(sequence).partnership(day, windowDays).status());
    }

    /**
     * The first day of the run of days ending on {@code day} on which the dyad has, after its events up to a sequence
     * number, the status it has on {@code day}: the day that status took effect. Shared between subscriptions.
     */
    private LocalDate runStart(DyadIndex.Snapshot snapshot, long sequence, LocalDate day) {
        return shared(runStarts, new StatusKey(snapshot.dyad(), sequence, day), () -> runStart(snapshot.upTo(sequence), day));
    }

    /** A value of a cache shared between subscriptions, computed on a miss; the cache is emptied when it is full. */
    private static <V> V shared(Map<StatusKey, V> cache, StatusKey key, java.util.function.Supplier<V> compute) {
        V known = cache.get(key);
        if (known != null) {
            return known;
        }
        V value = compute.get();
        if (cache.size() >= STATUS_CACHE_ENTRIES) {
            cache.clear();
        }
        cache.put(key, value);
        return value;
    }

    /**
     * The run's first day, found by looking back over the last 2, 4, 8, ... fact days until the run begins inside the
     * range looked at: a change is usually recent, and a long history is then not evaluated day by day.
     */
    private LocalDate runStart(FactView view, LocalDate day) {
        if (view.facts().isEmpty()) {
            return day;
        }
        LocalDate first = view.facts().get(0).fact().happened().day();
        if (!first.isBefore(day)) {
            return day;
        }
        TreeSet<LocalDate> breaks = breaks(view);
        List<LocalDate> back = new ArrayList<>(breaks.headSet(day, true).descendingSet());
        for (int k = 2; ; k *= 2) {
            LocalDate from = k >= back.size() ? first : back.get(k - 1).minusDays(1);
            if (from.isBefore(first)) {
                from = first;
            }
            List<Runs.Run<Status>> runs = statusRuns(view, from, day, breaks);
            LocalDate start = runs.get(runs.size() - 1).from();
            if (start.isAfter(from) || from.equals(first)) {
                return start;
            }
        }
    }

    /** The runs of days of {@code [from, to]} with the same status in a view. */
    private List<Runs.Run<Status>> statusRuns(FactView view, LocalDate from, LocalDate to, TreeSet<LocalDate> breaks) {
        return Runs.of(from, to, breaks, d -> view.partnership(d, windowDays).status(), st -> st);
    }

    private static TreeSet<LocalDate> breaks(FactView view) {
        TreeSet<LocalDate> breaks = new TreeSet<>();
        for (FactEvent e : view.facts()) {
            LocalDate d = e.fact().happened().day();
            breaks.add(d);
            breaks.add(d.plusDays(org.entente.partnership.Definitions.TREND_DAYS));
        }
        return breaks;
    }

    // -------------------------------------------------------------------------------------- worker

    /** A change found, waiting to be delivered. */
    private record Found(LocalDate day, Dyad dyad, Status before, Status after) {
    }

    private final class Worker implements Subscription, Runnable {
        private final Watch watch;
        private final PartnershipListener listener;
        private final SubscriptionOptions options;
        private final Thread thread;
        private final Object monitor = new Object();
        /** Each watched dyad's last sequence number among the events evaluated. Worker thread only. */
        private final Map<Dyad, Long> seen = new HashMap<>();
        /**
         * Positions below {@link #horizon} with no event yet, and when each was first seen missing (nanoTime): a
         * transaction still open may commit one, so it is looked for on each read until it is given up. Worker thread only.
         */
        private final TreeMap<Long, Long> gaps = new TreeMap<>();

        /** The highest position evaluated. */
        private volatile long horizon;
        /** The position every event at or below which has been evaluated or given up: what the subscription reports. */
        private volatile long event;
        private volatile LocalDate day;
        private volatile Optional<Dyad> cursor;
        private volatile long lastHead;
        private volatile boolean closed;
        private volatile long delivered;
        private volatile long failures;
        private volatile int consecutiveFailures;
        private volatile Optional<SubscriptionStatus.Failure> lastFailure = Optional.empty();
        private volatile long poked;
        /** Reads of the store begun, and completed (each looks at the missing positions and after the horizon). */
        private volatile long readsBegun;
        private volatile long reads;
        private long lastChangeCount = Long.MIN_VALUE;
        private long lastPoll;
        private long pokeSeen;
        private SubscriptionPosition persisted;

        Worker(Watch watch, PartnershipListener listener, SubscriptionOptions options, SubscriptionPosition start) {
            this.watch = watch;
            this.listener = listener;
            this.options = options;
            this.horizon = start.event();
            this.event = start.event();
            this.day = start.day();
            this.cursor = start.dayCursor();
            this.lastHead = start.event();
            this.thread = new Thread(this, "entente-subscription-" + numbers.incrementAndGet() + " (" + watch + ")");
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            Duration retry = options.firstRetry();
            while (!closed) {
                try {
                    // A day being delivered (a restart in the middle of one) is finished with the knowledge it began
                    // with; otherwise the events stored so far come first, each evaluated on the day it was recorded
                    // (the days before it passing first), then the days up to the clock's date once the read reached the head.
                    boolean progressed;
                    if (cursor.isPresent()) {
                        progressed = passDays(day);
                    } else {
                        int read = readEvents();
                        progressed = read > 0;
                        if (read < READ_BATCH && !closed) {
                            LocalDate today = LocalDate.now(clock);
                            if (today.isAfter(day)) {
                                passDays(today);
                                progressed = true;
                            }
                        }
                    }
                    retry = options.firstRetry();
                    if (!progressed) {
                        idle();
                    }
                } catch (RuntimeException | Error e) {
                    if (closed) {
                        break;
                    }
                    LOG.warn("subscription to {} could not evaluate at position {}; retrying in {} ms: {}", watch, position(),
                            retry.toMillis(), e.toString());
                    lastFailure = Optional.of(new SubscriptionStatus.Failure(clock.instant(), "evaluating: " + e));
                    pause(retry);
                    retry = min(retry.multipliedBy(2), READ_RETRY_MAX);
                }
            }
        }

        /**
         * Reads what the start position needs: each watched dyad's last sequence number there, and the positions below it
         * that have no event yet (a transaction still open may hold one of them).
         */
        private void start() {
            store.lastSequencesAtOrBefore(horizon).forEach((id, seq) -> {
                Dyad d = parse(id);
                if (d != null && watch.covers(d)) {
                    seen.put(d, seq);
                }
            });
            long from = Math.max(-1, horizon - OPEN_WINDOW);
            long expected = Math.max(FIRST_POSITION, from + 1);
            long now = System.nanoTime();
            for (EventPosition e : store.eventsAfter(from, (int) Math.max(1, horizon - from))) {
                if (e.globalIndex() > horizon) {
                    break;
                }
                for (long p = expected; p < e.globalIndex(); p++) {
                    gaps.put(p, now);
                }
                expected = e.globalIndex() + 1;
            }
            for (long p = expected; p <= horizon; p++) {
                gaps.put(p, now);
            }
            settle();
        }

        /** Waits for the index to change, the clock's date to move, a poke or the poll interval. */
        private void idle() {
            long begun = System.nanoTime();
            long pokedBefore = poked;
            LocalDate today = LocalDate.now(clock);
            while (!closed && poked == pokedBefore && !LocalDate.now(clock).isAfter(today)
                    && projections.index().changeCount() == lastChangeCount && System.nanoTime() - begun < POLL.toNanos()
                    && gaps.isEmpty()) {
                try {
                    projections.index().awaitChange(TICK);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
            if (!gaps.isEmpty()) {
                pause(TICK);
            }
        }

        /**
         * Delivers what time changed from the evaluated day to {@code to}, with the knowledge of the events evaluated so
         * far; returns false when closed before it was done.
         */
        private boolean passDays(LocalDate to) {
            LocalDate from = cursor.isPresent() ? day.minusDays(1) : day;
            if (!to.isAfter(from)) {
                return true;
            }
            List<Found> found = new ArrayList<>();
            List<Dyad> dyads = new ArrayList<>(seen.keySet());
            dyads.sort(Comparator.naturalOrder());
            for (Dyad dyad : dyads) {
                long sequence = seen.get(dyad);
                awaitApplied(dyad, sequence);
                FactView view = projections.index().snapshot(dyad).upTo(sequence);
                List<Runs.Run<Status>> runs = statusRuns(view, from, to, breaks(view));
                for (int i = 1; i < runs.size(); i++) {
                    found.add(new Found(runs.get(i).from(), dyad, runs.get(i - 1).first(), runs.get(i).first()));
                }
            }
            found.sort(Comparator.comparing(Found::day).thenComparing(Found::dyad));
            for (Found f : found) {
                if (cursor.isPresent() && f.day().equals(day) && f.dyad().compareTo(cursor.get()) <= 0) {
                    continue; // delivered before a restart
                }
                SubscriptionPosition after = new SubscriptionPosition(event, f.day(), Optional.of(f.dyad()));
                PartnershipChanged change = new PartnershipChanged(f.dyad(), f.before(), f.after(), f.day(), Cause.TIME_PASSED,
                        Optional.empty(), Optional.empty(), after);
                if (!deliver(change, () -> moveDay(f.day(), Optional.of(f.dyad())))) {
                    return false;
                }
            }
            moveDay(to, Optional.empty());
            persist();
            return true;
        }

        /**
         * Evaluates the events found at missing positions, then those stored after the horizon; gives up missing
         * positions that cannot be written any more. Returns how many events were evaluated.
         */
        private int readEvents() {
            long now = System.nanoTime();
            long changeCount = projections.index().changeCount();
            long poke = poked;
            boolean due = changeCount != lastChangeCount || now - lastPoll >= POLL.toNanos() || !gaps.isEmpty() || poke != pokeSeen;
            if (!due) {
                return 0;
            }
            pokeSeen = poke;
            lastChangeCount = changeCount;
            lastPoll = now;
            readsBegun++;
            long idleBefore = singleProcess ? store.transactionsEndedWhenIdle() : -1;
            int evaluated = 0;
            if (!gaps.isEmpty()) {
                for (EventPosition e : store.eventsAfter(gaps.firstKey() - 1, (int) MAX_GAPS_READ)) {
                    if (e.globalIndex() > horizon) {
                        break;
                    }
                    if (!gaps.containsKey(e.globalIndex())) {
                        continue; // evaluated before
                    }
                    if (!evaluate(e)) {
                        return evaluated;
                    }
                    evaluated++;
                }
            }
            List<EventPosition> events = store.eventsAfter(horizon, READ_BATCH);
            boolean quiet = idleBefore >= 0 && store.transactionsEndedWhenIdle() == idleBefore;
            if (!events.isEmpty()) {
                lastHead = Math.max(lastHead, events.get(events.size() - 1).globalIndex());
            } else {
                lastHead = Math.max(lastHead, horizon);
            }
            for (EventPosition e : events) {
                if (closed) {
                    return evaluated;
                }
                long first = Math.max(Math.max(FIRST_POSITION, horizon + 1), e.globalIndex() - MAX_GAPS);
                for (long p = first; p < e.globalIndex(); p++) {
                    gaps.putIfAbsent(p, System.nanoTime());
                }
                if (!evaluate(e)) {
                    return evaluated;
                }
                evaluated++;
            }
            giveUpGaps(quiet);
            persist();
            reads++;
            synchronized (monitor) {
                monitor.notifyAll();
            }
            return evaluated;
        }

        /**
         * Gives up missing positions: all of them after a read during which no transaction of this process was open on a
         * store only it writes (they were rolled back, or lost with the database's sequence cache in a crash), else those
         * missing for longer than the gap timeout.
         */
        private void giveUpGaps(boolean quiet) {
            if (gaps.isEmpty()) {
                return;
            }
            if (quiet) {
                gaps.clear();
            } else {
                long now = System.nanoTime();
                int before = gaps.size();
                gaps.values().removeIf(since -> now - since >= gapTimeout.toNanos());
                if (gaps.size() < before) {
                    LOG.info("subscription to {} gave up {} missing position(s) after {} ms without an event", watch,
                            before - gaps.size(), gapTimeout.toMillis());
                }
            }
            settle();
        }

        /** Evaluates one event (a new one, or one found at a missing position); returns false when closed before it was delivered. */
        private boolean evaluate(EventPosition e) {
            Dyad dyad = parse(e.aggregateIdentifier());
            if (dyad == null || !watch.covers(dyad)) {
                markEvaluated(e.globalIndex());
                return true;
            }
            awaitApplied(dyad, e.sequenceNumber());
            DyadIndex.Snapshot snapshot = projections.index().snapshot(dyad);
            FactVersion cause = snapshot.version(e.sequenceNumber())
                    .orElseThrow(() -> new EntenteException("the projections of " + dyad + " lack event " + e.sequenceNumber()));
            // Evaluated on the day it was recorded (as a subscriber running then would have), not before the evaluated
            // day nor after the clock's date; the days in between pass first, with what was known before it.
            LocalDate today = LocalDate.now(clock);
            LocalDate recorded = LocalDate.ofInstant(cause.recordedAt(), clock.getZone());
            LocalDate on = recorded.isAfter(today) ? today : recorded;
            if (on.isAfter(day) && !passDays(on)) {
                return false;
            }
            long previous = seen.getOrDefault(dyad, -1L);
            Status before = statusOf(snapshot, previous, day);
            Status after = statusOf(snapshot, e.sequenceNumber(), day);
            if (before != after) {
                Cause why = cause.isRetraction() ? Cause.FACTS_RETRACTED : cause.revision() > 1 ? Cause.FACT_CORRECTED : Cause.FACT_RECORDED;
                LocalDate effective = runStart(snapshot, e.sequenceNumber(), day);
                PartnershipChanged change = new PartnershipChanged(dyad, before, after, effective, why, Optional.of(cause.id()),
                        Optional.of(cause.recordedAt()), SubscriptionPosition.of(eventAfter(e.globalIndex()), day));
                if (!deliver(change, () -> {
                    seen.put(dyad, e.sequenceNumber());
                    markEvaluated(e.globalIndex());
                })) {
                    return false;
                }
                persist();
                return true;
            }
            seen.put(dyad, e.sequenceNumber());
            markEvaluated(e.globalIndex());
            return true;
        }

        /** The reported position once the event at {@code position} is evaluated too. */
        private long eventAfter(long position) {
            long top = Math.max(horizon, position);
            for (long gap : gaps.keySet()) {
                if (gap != position) {
                    return Math.min(top, gap - 1);
                }
            }
            return top;
        }

        private void markEvaluated(long position) {
            gaps.remove(position);
            if (position > horizon) {
                horizon = position;
            }
            settle();
        }

        /** Recomputes the reported position from the horizon and the missing positions. */
        private void settle() {
            long e = gaps.isEmpty() ? horizon : Math.min(horizon, gaps.firstKey() - 1);
            synchronized (monitor) {
                event = e;
                monitor.notifyAll();
            }
        }

        private void moveDay(LocalDate newDay, Optional<Dyad> newCursor) {
            synchronized (monitor) {
                day = newDay;
                cursor = newCursor;
                monitor.notifyAll();
            }
        }

        /** Waits, in slices that follow a rebuild's new index and a close, until the projections have applied an event. */
        private void awaitApplied(Dyad dyad, long sequence) {
            long deadline = System.nanoTime() + APPLY_WAIT.toNanos();
            try {
                while (!projections.index().await(dyad, sequence, TICK)) {
                    if (closed) {
                        throw new EntenteException("subscription closed while waiting for the projections of " + dyad);
                    }
                    if (System.nanoTime() > deadline) {
                        throw new EntenteException("the projections have not applied event " + sequence + " of " + dyad + " within "
                                + APPLY_WAIT.toSeconds() + " s (processing paused or failing?)");
                    }
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new EntenteException("interrupted while waiting for the projections of " + dyad, ex);
            }
        }

        /** Delivers until the listener returns, then runs {@code acknowledged}; returns false when closed before it did. */
        private boolean deliver(PartnershipChanged change, Runnable acknowledged) {
            Duration wait = options.firstRetry();
            while (!closed) {
                try {
                    listener.onChange(change);
                } catch (Throwable e) { // anything a listener throws, errors included, is its failure: retried, never the thread's end
                    failures++;
                    consecutiveFailures++;
                    metrics.deliveryFailed();
                    lastFailure = Optional.of(new SubscriptionStatus.Failure(clock.instant(), e.toString()));
                    if (consecutiveFailures == 1) {
                        LOG.warn("listener of {} failed on {}; retrying in {} ms, doubling up to {} ms", watch, change, wait.toMillis(),
                                options.maxRetry().toMillis(), e);
                    } else if (Long.bitCount(consecutiveFailures) == 1) { // attempts 2, 4, 8, ...: visible, not flooding
                        LOG.warn("listener of {} failed on {} again (attempt {}): {}", watch, change, consecutiveFailures, e.toString());
                    }
                    pause(wait);
                    wait = min(wait.multipliedBy(2), options.maxRetry());
                    continue;
                }
                consecutiveFailures = 0;
                delivered++;
                metrics.delivered();
                acknowledged.run();
                return true;
            }
            return false;
        }

        /** Writes a durable subscription's position when it moved since it was last written. */
        private void persist() {
            if (options.durableName().isPresent()) {
                SubscriptionPosition now = position();
                if (!now.equals(persisted)) {
                    durable.write(options.durableName().get(), now);
                    persisted = now;
                }
            }
        }

        private void pause(Duration d) {
            long until = System.nanoTime() + d.toNanos();
            synchronized (monitor) {
                while (!closed && System.nanoTime() < until) {
                    try {
                        monitor.wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        closed = true;
                    }
                }
            }
        }

        long lag() {
            return Math.max(0, lastHead - horizon);
        }

        @Override
        public Watch watch() {
            return watch;
        }

        @Override
        public SubscriptionPosition position() {
            synchronized (monitor) {
                return new SubscriptionPosition(event, day, cursor);
            }
        }

        @Override
        public SubscriptionStatus status() {
            return new SubscriptionStatus(watch, !closed && thread.isAlive(), position(), lag(), delivered, failures,
                    consecutiveFailures, lastFailure);
        }

        @Override
        public boolean awaitCaughtUp(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long head = store.head();
            LocalDate today = LocalDate.now(clock);
            long readWanted = readsBegun + 1;
            poked++;
            synchronized (monitor) {
                // A read begun after this call looked at every missing position still waited for, and at the head.
                while (horizon < head || reads < readWanted || day.isBefore(today) || cursor.isPresent()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || closed) {
                        return false;
                    }
                    try {
                        monitor.wait(Math.max(1, Math.min(left / 1_000_000, TICK.toMillis())));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                    poked++;
                }
            }
            return true;
        }

        @Override
        public void close() {
            closed = true;
            synchronized (monitor) {
                monitor.notifyAll();
            }
            if (Thread.currentThread() != thread) {
                try {
                    thread.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            workers.remove(this);
        }

        @Override
        public String toString() {
            return "Subscription[" + watch + " at " + position() + "]";
        }
    }

    private static Dyad parse(String id) {
        try {
            return Dyad.ofStored(id);
        } catch (IllegalArgumentException e) {
            LOG.warn("an event's aggregate '{}' is not a dyad; subscriptions skip it", id);
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
