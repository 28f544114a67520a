package org.entente.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.FactId;
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

    private final EntenteStore store;
    private final Projections projections;
    private final Clock clock;
    private final int windowDays;
    private final Duration gapTimeout;
    /** Whether only this process writes the store (H2, in memory), so that its own transactions say what is in flight. */
    private final boolean singleProcess;
    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private final Map<StatusKey, Status> statuses = new ConcurrentHashMap<>();
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
     * @throws IllegalArgumentException when a stored position lies after the store's head or the clock's date
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
        if (start.event() > head) {
            throw new IllegalArgumentException("subscription position " + start + " lies after this store's last event (" + head
                    + "): it was taken from another store, or from this one before it was replaced; start from now instead");
        }
        if (start.day().isAfter(today)) {
            throw new IllegalArgumentException("subscription position " + start + " lies after the clock's date " + today
                    + "; a position's day is a day already evaluated");
        }
        Worker worker = new Worker(watch, listener, options, start);
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
        StatusKey key = new StatusKey(snapshot.dyad(), sequence, day);
        Status known = statuses.get(key);
        if (known != null) {
            return known;
        }
        Status s = snapshot.upTo(sequence).partnership(day, windowDays).status();
        if (statuses.size() >= STATUS_CACHE_ENTRIES) {
            statuses.clear();
        }
        statuses.put(key, s);
        return s;
    }

    /**
     * The first day of the run of days ending on {@code day} on which the view has the status it has on
     * {@code day}: the day that status took effect.
     */
    private LocalDate runStart(FactView view, LocalDate day) {
        if (view.facts().isEmpty()) {
            return day;
        }
        LocalDate first = view.facts().get(0).fact().happened().day();
        if (!first.isBefore(day)) {
            return day;
        }
        List<Runs.Run<Status>> runs = Runs.of(first, day, breaks(view), d -> view.partnership(d, windowDays).status(), s -> s);
        return runs.get(runs.size() - 1).from();
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
        /** Each watched dyad's last sequence number at or below {@link #event}. Worker thread only. */
        private final Map<Dyad, Long> seen = new HashMap<>();

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
        /** When the missing position just after {@link #event} was first seen missing (nanoTime), or 0. */
        private long gapSince;
        private long lastChangeCount = Long.MIN_VALUE;
        private long lastPoll;
        private long pokeSeen;
        private SubscriptionPosition persisted;
        private boolean seenLoaded;

        Worker(Watch watch, PartnershipListener listener, SubscriptionOptions options, SubscriptionPosition start) {
            this.watch = watch;
            this.listener = listener;
            this.options = options;
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
                    if (!seenLoaded) {
                        store.lastSequencesAtOrBefore(event).forEach((id, seq) -> {
                            Dyad d = parse(id);
                            if (d != null && watch.covers(d)) {
                                seen.put(d, seq);
                            }
                        });
                        seenLoaded = true;
                    }
                    // A day being delivered (a restart in the middle of one) is finished with the knowledge it began
                    // with; otherwise the events stored so far come first, evaluated on the day reached, then the days
                    // up to the clock's date, once the read reached the head.
                    boolean progressed;
                    if (cursor.isPresent()) {
                        progressed = passDays();
                    } else {
                        int read = readEvents();
                        progressed = read > 0;
                        if (read < READ_BATCH) {
                            progressed |= passDays();
                        }
                    }
                    retry = options.firstRetry();
                    if (!progressed) {
                        idle();
                    }
                } catch (RuntimeException e) {
                    if (closed) {
                        break;
                    }
                    LOG.warn("subscription to {} could not read the store at position {}; retrying in {} ms: {}", watch, position(),
                            retry.toMillis(), e.toString());
                    lastFailure = Optional.of(new SubscriptionStatus.Failure(Instant.now(), "reading the store: " + e));
                    pause(retry);
                    retry = min(retry.multipliedBy(2), READ_RETRY_MAX);
                }
            }
        }

        /** Waits for the index to change, the clock's date to move, a poke or the poll interval. */
        private void idle() {
            long started = System.nanoTime();
            long pokedBefore = poked;
            LocalDate today = LocalDate.now(clock);
            while (!closed && poked == pokedBefore && !LocalDate.now(clock).isAfter(today)
                    && projections.index().changeCount() == lastChangeCount && System.nanoTime() - started < POLL.toNanos()
                    && gapSince == 0) {
                try {
                    projections.index().awaitChange(TICK);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
            if (gapSince != 0) {
                pause(TICK);
            }
        }

        /**
         * Delivers what time changed between the evaluated day and the clock's date, with the knowledge of the
         * events evaluated so far; returns whether the day moved.
         */
        private boolean passDays() {
            LocalDate today = LocalDate.now(clock);
            if (!today.isAfter(day) && cursor.isEmpty()) {
                return false;
            }
            LocalDate from = cursor.isPresent() ? day.minusDays(1) : day;
            LocalDate to = today.isAfter(day) ? today : day;
            List<Found> found = new ArrayList<>();
            List<Dyad> dyads = new ArrayList<>(seen.keySet());
            dyads.sort(Comparator.naturalOrder());
            for (Dyad dyad : dyads) {
                long sequence = seen.get(dyad);
                awaitApplied(dyad, sequence);
                FactView view = projections.index().snapshot(dyad).upTo(sequence);
                TreeSet<LocalDate> breaks = breaks(view);
                List<Runs.Run<Status>> runs = Runs.of(from, to, breaks, d -> view.partnership(d, windowDays).status(), s -> s);
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
                if (!deliver(change)) {
                    return true;
                }
            }
            moveTo(event, to, Optional.empty());
            return true;
        }

        /** Evaluates the events stored after the position; returns how many were evaluated. */
        private int readEvents() {
            long now = System.nanoTime();
            long changeCount = projections.index().changeCount();
            long poke = poked;
            boolean due = changeCount != lastChangeCount || now - lastPoll >= POLL.toNanos() || gapSince != 0 || poke != pokeSeen;
            if (!due) {
                return 0;
            }
            pokeSeen = poke;
            lastChangeCount = changeCount;
            lastPoll = now;
            long idleBefore = singleProcess ? store.transactionsEndedWhenIdle() : -1;
            List<EventPosition> events = store.eventsAfter(event, READ_BATCH);
            boolean quiet = idleBefore >= 0 && store.transactionsEndedWhenIdle() == idleBefore;
            if (events.isEmpty()) {
                lastHead = event;
                gapSince = 0;
                return 0;
            }
            lastHead = Math.max(lastHead, events.get(events.size() - 1).globalIndex());
            int evaluated = 0;
            for (EventPosition e : events) {
                if (closed) {
                    return evaluated;
                }
                if (e.globalIndex() != event + 1 && event >= 0 && !quiet) {
                    // A position is missing: a transaction still open may commit it, or it was given up (rolled back, or
                    // lost with the sequence's cache in a crash). On a store only this process writes, a read during
                    // which no transaction was open settles it (quiet); otherwise wait, up to the gap timeout.
                    if (gapSince == 0) {
                        gapSince = System.nanoTime();
                    }
                    if (System.nanoTime() - gapSince < gapTimeout.toNanos()) {
                        persist();
                        return evaluated;
                    }
                    LOG.info("subscription to {} reads on past position(s) {} to {}, missing for {} ms", watch, event + 1,
                            e.globalIndex() - 1, gapTimeout.toMillis());
                }
                gapSince = 0;
                if (!evaluate(e)) {
                    return evaluated;
                }
                evaluated++;
            }
            persist();
            return evaluated;
        }

        /** Evaluates one event; returns false when a delivery was stopped by {@link #close()}. */
        private boolean evaluate(EventPosition e) {
            Dyad dyad = parse(e.aggregateIdentifier());
            if (dyad == null || !watch.covers(dyad)) {
                moveTo(e.globalIndex(), day, Optional.empty());
                return true;
            }
            awaitApplied(dyad, e.sequenceNumber());
            DyadIndex.Snapshot snapshot = projections.index().snapshot(dyad);
            long previous = seen.getOrDefault(dyad, -1L);
            Status before = statusOf(snapshot, previous, day);
            Status after = statusOf(snapshot, e.sequenceNumber(), day);
            seen.put(dyad, e.sequenceNumber());
            if (before != after) {
                FactVersion cause = snapshot.versions().stream().filter(v -> v.sequence() == e.sequenceNumber()).findFirst()
                        .orElseThrow(() -> new EntenteException("the projections of " + dyad + " lack event " + e.sequenceNumber()));
                Cause why = cause.isRetraction() ? Cause.FACTS_RETRACTED : cause.revision() > 1 ? Cause.FACT_CORRECTED : Cause.FACT_RECORDED;
                LocalDate effective = runStart(snapshot.upTo(e.sequenceNumber()), day);
                PartnershipChanged change = new PartnershipChanged(dyad, before, after, effective, why, Optional.of(cause.id()),
                        Optional.of(cause.recordedAt()), SubscriptionPosition.of(e.globalIndex(), day));
                return deliver(change);
            }
            moveTo(e.globalIndex(), day, Optional.empty());
            return true;
        }

        private void awaitApplied(Dyad dyad, long sequence) {
            try {
                if (!projections.index().await(dyad, sequence, APPLY_WAIT)) {
                    throw new EntenteException("the projections have not applied event " + sequence + " of " + dyad + " within "
                            + APPLY_WAIT.toSeconds() + " s (processing paused or failing?)");
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new EntenteException("interrupted while waiting for the projections of " + dyad, ex);
            }
        }

        /** Delivers until the listener returns; returns false when closed before it did. */
        private boolean deliver(PartnershipChanged change) {
            Duration wait = options.firstRetry();
            while (!closed) {
                try {
                    listener.onChange(change);
                    consecutiveFailures = 0;
                    delivered++;
                    metrics.delivered();
                    SubscriptionPosition p = change.position();
                    moveTo(p.event(), p.day(), p.dayCursor());
                    persist();
                    return true;
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable e) {
                    failures++;
                    consecutiveFailures++;
                    metrics.deliveryFailed();
                    lastFailure = Optional.of(new SubscriptionStatus.Failure(Instant.now(), e.toString()));
                    if (consecutiveFailures == 1) {
                        LOG.warn("listener of {} failed on {}; retrying in {} ms, doubling up to {} ms", watch, change, wait.toMillis(),
                                options.maxRetry().toMillis(), e);
                    } else if (Long.bitCount(consecutiveFailures) == 1) { // attempts 2, 4, 8, ...: visible, not flooding
                        LOG.warn("listener of {} failed on {} again (attempt {}): {}", watch, change, consecutiveFailures, e.toString());
                    }
                    pause(wait);
                    wait = min(wait.multipliedBy(2), options.maxRetry());
                }
            }
            return false;
        }

        private void moveTo(long newEvent, LocalDate newDay, Optional<Dyad> newCursor) {
            synchronized (monitor) {
                event = newEvent;
                day = newDay;
                cursor = newCursor;
                monitor.notifyAll();
            }
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
            return Math.max(0, lastHead - event);
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
            poked++;
            synchronized (monitor) {
                while (event < head || day.isBefore(today) || cursor.isPresent()) {
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
