package org.entente;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.FactId;
import org.entente.core.Organisation;
import org.entente.core.internal.Require;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.Fact;
import org.entente.core.relationship.FactBuilder;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.FactEvent;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.RelationshipCommand.CorrectFact;
import org.entente.core.relationship.RelationshipCommand.RetractFacts;
import org.entente.core.relationship.RelationshipState;
import org.entente.core.relationship.UnknownFactException;
import org.entente.core.store.BatchProgress;
import org.entente.core.store.BatchResult;
import org.entente.core.store.EntenteStore;
import org.entente.core.store.IntegrityFinding;
import org.entente.core.store.IntegrityReport;
import org.entente.core.store.Recorded;
import org.entente.core.store.StoreInconsistentException;
import org.entente.core.store.StoreIntegrity;
import org.entente.internal.DyadIndex;
import org.entente.internal.FactView;
import org.entente.internal.Metrics;
import org.entente.internal.Projections;
import org.entente.partnership.Definitions;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.series.Series;
import org.entente.series.SeriesQuery;
import org.entente.series.SeriesRow;
import org.entente.simulation.Scenario;
import org.entente.simulation.Simulation;
import org.entente.timeline.DyadChanges;
import org.entente.timeline.TimelineEntry;
import org.entente.timeline.TimelineFilter;

/**
 * The entry point of Entente: record what happens between countries, and ask for the state of
 * partnerships on any date, as known at any time.
 *
 * <pre>{@code
 * try (Entente entente = Entente.h2(Path.of("entente-data"))) {
 *     entente.recordAll(seed.commands());
 *     Portfolio niger = entente.portfolio(Country.of("NER"), When.asOf(LocalDate.of(2024, 4, 30)));
 *     niger.mix().get().diversification();   // 0.72
 * }
 * }</pre>
 *
 * <p>Three stores: {@link #inMemory()} (an H2 database in memory, projections updated synchronously
 * inside each write: for tests and simulations), {@link #h2(Path)} (an H2 file, the default, with a
 * streaming processor), {@link #postgres(DataSource)}. Reads never replay the store: they use the
 * projections' per-dyad history with checkpoints, kept in a cache bounded by
 * {@link Builder#projectionCache(ProjectionCache)} and read from the store on a miss. A read waits until the projections have applied
 * every write made through this instance (read-your-writes), up to {@link Builder#readTimeout(Duration)}.
 *
 * <p>Thread-safe. Results are immutable.
 */
public final class Entente implements AutoCloseable {

    private final EntenteStore store;
    private final Projections projections;
    private final int windowDays;
    private final Duration readTimeout;
    private final Map<Dyad, Long> written = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock rebuildLock = new ReentrantReadWriteLock();
    private final java.time.Clock clock;
    private final org.entente.internal.Subscriptions subscriptions;
    private final Metrics metrics;
    private volatile boolean paused;
    private volatile boolean closed;

    private Entente(Builder b) {
        this.windowDays = b.windowDays;
        this.readTimeout = b.readTimeout;
        this.clock = b.clock;
        this.metrics = Metrics.of(b.meterRegistry);
        this.projections = new Projections(switch (b.storeSettings.backend()) {
            case MEMORY -> Projections.Mode.SYNCHRONOUS;
            case H2 -> Projections.Mode.STREAMING;
            case POSTGRES -> Projections.Mode.SHARED;
        }, b.projectionCache);
        EntenteStore.Builder sb = b.storeBuilder()
                .configure(c -> projections.install(c, b.processorBatchSize, b.segments, b.maxClaimedSegments))
                .configure(metrics::configure);
        try {
            this.store = buildUnwrapped(sb);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        metrics.watch(this);
        this.subscriptions = new org.entente.internal.Subscriptions(store, projections, clock, windowDays, b.storeSettings.gapTimeoutSetting(),
                metrics);
        metrics.subscriptionGauges(subscriptions::active, subscriptions::maxLag);
    }

    /** Builds the store, giving Entente's own exception when Axon's start-up wrapped one (the integrity check's refusal). */
    private static EntenteStore buildUnwrapped(EntenteStore.Builder sb) {
        try {
            return sb.build();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
                if (t instanceof EntenteException entente && t != e) {
                    throw entente;
                }
            }
            throw e;
        }
    }

    /**
     * {@return what the checks made on open found and repaired: projection rows or a token out of step with the
     * events are rebuilt from the events on open (and said on the log); empty when nothing was found}
     * A store whose events are missing is refused instead ({@link StoreInconsistentException}).
     */
    public Optional<IntegrityReport> integrityOnOpen() {
        return projections.openReport();
    }

    /** {@return an Entente in memory, with synchronous projections: for tests and simulations} */
    public static Entente inMemory() {
        return builder().inMemory().build();
    }

    /**
     * {@return an Entente on an H2 database in this directory (created if missing)}
     *
     * @param directory the H2 database's directory, created (owner-only) if missing; refused when it holds a {@code ;}
     *    or a control character
     */
    public static Entente h2(Path directory) {
        return builder().h2(directory).build();
    }

    /**
     * {@return an Entente on PostgreSQL; tables are created if missing} The caller closes the {@code DataSource}.
     *
     * @param dataSource the application's pool, which the application keeps and closes
     */
    public static Entente postgres(DataSource dataSource) {
        return builder().postgres(dataSource).build();
    }

    /** {@return a builder; see {@link Builder} for each default} */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------- writes

    /**
     * Records one fact, correction or retraction; see {@link EntenteStore#record}.
     *
     * @param command a {@link FactCommand}, a {@link CorrectFact} or a {@link RetractFacts}; not null
     * @return the dyad's position after the write, which later reads through this instance wait for
     */
    public Recorded record(RelationshipCommand command) {
        requireOpen();
        Require.nonNull(command, "command", "a command such as Fact.id(\"x\").on(2024, 4, 26)...holdTalks().command(), or record the builder");
        rebuildLock.readLock().lock();
        try {
            return metrics.recorded(command, remember(store.record(command)));
        } catch (RuntimeException e) {
            metrics.refused(command, e);
            throw e;
        } finally {
            rebuildLock.readLock().unlock();
        }
    }

    /**
     * Records one fact said with the fluent API:
     * {@code entente.record(Fact.id("tur-attache").on(2024, 4, 26).by(TUR).towards(NER).source(article).appointAttache("Serkan Kaya"))}.
     *
     * @param fact the fact's builder, built here with {@link FactBuilder#command()}
     * @return the dyad's position after the write
     * @throws IllegalStateException when the fact misses a required value (named in the message)
     */
    public Recorded record(FactBuilder<?, ?> fact) {
        requireOpen();
        Require.nonNull(fact, "fact", "a builder such as Fact.id(\"x\").on(2024, 4, 26)...holdTalks()");
        return record(fact.command());
    }

    /**
     * Records a new revision of a recorded fact by changing some of its values: the current revision is
     * read, handed to {@code change} as its builder ({@link Fact#from(FactCommand)}), and the result is
     * recorded as a {@link CorrectFact}, under the rules of every correction (same id, same dyad, same
     * kind, the later facts still valid).
     *
     * <pre>{@code
     * entente.correct(FactId.of("tur-attache"), "promoted in May",
     *         b -> b.as(FactBuilder.AppointAttache.class).rank("General"));
     * entente.correct(FactId.of("usa-schedule"), "the article gave the wrong day", b -> b.on(2024, 5, 19));
     * }</pre>
     *
     * <p>The read and the write are two steps: a correction of the same fact recorded by someone else in
     * between is replaced by this one (the rules are checked again when it is written).
     *
     * @param id the recorded fact's id
     * @param reason why, in words (required)
     * @param change what to change; it returns the builder to record (usually the one it was given)
     * @return the dyad's position after the write (0 events when the change left the fact as it was)
     * @throws UnknownFactException when no fact has this id, or it was retracted
     * @throws IllegalArgumentException when the change gives the fact another id (a correction keeps its id)
     * @throws org.entente.core.relationship.RuleViolationException when the change moves the fact to another
     *         dyad ({@code CORRECTION_CHANGES_DYAD}), gives it another kind ({@code CORRECTION_CHANGES_KIND}),
     *         or breaks a later fact
     */
    public Recorded correct(FactId id, String reason, UnaryOperator<FactBuilder<?, ?>> change) {
        requireOpen();
        Require.nonNull(id, "id", "the id of a recorded fact, such as FactId.of(\"tur-attache\")");
        Require.nonNull(reason, () -> "reason for correcting " + id, "why, in words");
        Require.nonNull(change, () -> "change of " + id, "a function such as b -> b.on(2024, 5, 19)");
        Dyad dyad = store.dyadOf(id).orElseThrow(() -> new UnknownFactException(id,
                "fact " + id + " is not recorded in this store; nothing was corrected"));
        DyadHistory history = store.history(dyad).orElseThrow(() -> new UnknownFactException(id,
                "fact " + id + " is not recorded in " + dyad + "; nothing was corrected"));
        DyadHistory.Entry entry = history.entry(id).orElseThrow(() -> new UnknownFactException(id,
                "fact " + id + " is not recorded in " + dyad + "; nothing was corrected"));
        if (entry.retracted()) {
            throw new UnknownFactException(id, "fact " + id + " of " + dyad + " was retracted; record a new fact instead of correcting it");
        }
        FactBuilder<?, ?> changed = Objects.requireNonNull(change.apply(Fact.from(entry.fact())),
                () -> "the change of " + id + " returned null; return the builder it was given");
        CorrectFact correction = new CorrectFact(changed.command(), reason);
        FactId revisedId = correction.revised().fact().id();
        if (!revisedId.equals(id)) {
            throw new IllegalArgumentException("the change of " + id + " gave the fact id " + revisedId
                    + "; a correction keeps the fact's id: retract " + id + " and record " + revisedId + " instead");
        }
        // A change of dyad or kind is refused by the rules when the store records it (as for any CorrectFact).
        return record(correction);
    }

    /**
     * Withdraws facts of one dyad from history, atomically (a {@link RetractFacts}).
     *
     * @param reason why, in words (required)
     * @param ids at least one recorded fact id, all of one dyad
     * @return the dyad's position after the write
     * @throws UnknownFactException when an id is not recorded in this store
     * @throws IllegalArgumentException when no id is given, the ids are of two dyads, or the reason is
     *         blank or too long
     */
    public Recorded retract(String reason, FactId... ids) {
        requireOpen();
        Require.nonNull(reason, "reason of the retraction", "why, in words");
        Require.nonNull(ids, "ids", "at least one recorded fact's id, such as FactId.of(\"usa-talks\")");
        for (int i = 0; i < ids.length; i++) {
            Require.nonNull(ids[i], "fact id #" + (i + 1) + " to retract", "the id of a recorded fact");
        }
        return record(new RetractFacts(List.of(ids), reason));
    }

    /**
     * Records a batch across dyads, all rules checked first (all or nothing), then written in chunks;
     * see {@link EntenteStore#recordAll}.
     *
     * @param commands facts, corrections and retractions of any dyads, recorded in list order; not null
     * @return how many commands and events were written, in how many chunks, and each dyad's last position
     */
    public BatchResult recordAll(List<? extends RelationshipCommand> commands) {
        requireOpen();
        requireCommands(commands);
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
        requireCommands(commands);
        Require.nonNull(progress, "progress", "BatchProgress.NONE for no progress");
        long start = metrics.start();
        rebuildLock.readLock().lock();
        try {
            BatchResult result = store.recordAll(commands, progress);
            result.positions().forEach(this::remember);
            return metrics.batch(commands, start, result);
        } catch (RuntimeException e) {
            metrics.batchFailed(commands, start, e);
            throw e;
        } finally {
            rebuildLock.readLock().unlock();
        }
    }

    /**
     * Checks a batch and reports every violation without writing anything.
     *
     * @param commands facts, corrections and retractions of any dyads, checked in list order; not null
     * @return what the batch would write, with every violation found (none when the batch is valid)
     */
    public BatchResult dryRun(List<? extends RelationshipCommand> commands) {
        requireOpen();
        requireCommands(commands);
        return store.dryRun(commands);
    }

    /**
     * Registers an organisation that Entente's bundled table lacks, so that facts can name it: kept in
     * the store (so it is known again whenever the store opens, and travels with an export, an import and
     * a migration) and registered in this JVM, where {@link Organisation#of(String)} finds it at once.
     * Registering the same acronym, name and CAMEO code again changes nothing; the same acronym with
     * another name or code is refused. See {@link EntenteStore#registerOrganisation(String, String, String)}.
     *
     * <pre>{@code
     * try (Entente entente = Entente.h2(Path.of("entente-data"))) {
     *     // With a CAMEO actor code when the organisation has one: registerOrganisation(acronym, name, code)
     *     Organisation lga = entente.registerOrganisation("LGA", "Liptako-Gourma Authority");
     *     entente.record(Fact.id("lga-talks").on(2024, 3, 5).by(Country.of("NER")).towards(lga)
     *             .source(article).holdTalks());
     * }
     * // Later, in another JVM: Entente.h2(Path.of("entente-data")) registers LGA again on open.
     * }</pre>
     *
     * @param acronym   2 to 12 characters, A-Z and 0-9, starting with a letter (any letter case; an {@code ORG:}
     *                  prefix is accepted); not a bundled acronym nor a country's ISO 3166-1 alpha-3 code
     * @param name      the English name, 1 to 200 characters without control characters
     * @param cameoCode the CAMEO actor code, three-letter codes run together such as {@code IGOWAS}; not null
     *                  ({@link #registerOrganisation(String, String)} registers none)
     * @return the organisation, whose code ({@code ORG:LGA}) facts store
     * @throws IllegalArgumentException naming the bad value and what is accepted, or the registration that the
     *                                  acronym already has, in this store or in this JVM, under another name
     */
    public Organisation registerOrganisation(String acronym, String name, String cameoCode) {
        requireOpen();
        return store.registerOrganisation(acronym, name, cameoCode);
    }

    /**
     * Registers an organisation that has no CAMEO actor code; see {@link #registerOrganisation(String, String, String)}.
     *
     * @param acronym 2 to 12 characters, A-Z and 0-9, starting with a letter; not a bundled acronym nor a country's code
     * @param name    the English name, 1 to 200 characters without control characters
     * @return the organisation, whose code ({@code ORG:} and the acronym) facts store
     * @throws IllegalArgumentException naming the bad value and what is accepted, or the registration that the
     *                                  acronym already has, in this store or in this JVM, under another name
     */
    public Organisation registerOrganisation(String acronym, String name) {
        requireOpen();
        return store.registerOrganisation(acronym, name);
    }

    /**
     * Keeps in this store an organisation already registered in this JVM with its name and CAMEO code, such
     * as each of a seed's {@code organisations()} (its reader registered them): the same as
     * {@link #registerOrganisation(String, String, String)} with the organisation's acronym, name and code,
     * or {@link #registerOrganisation(String, String)} when it has none.
     *
     * @param organisation a registered organisation; a bundled one is refused, as its acronym is
     * @return the organisation
     * @throws IllegalArgumentException as {@link #registerOrganisation(String, String, String)}
     */
    public Organisation registerOrganisation(Organisation organisation) {
        Require.nonNull(organisation, "organisation", "a registered Organisation, such as one of seed.organisations()");
        return organisation.cameoCode()
                .map(cameo -> registerOrganisation(organisation.acronym(), organisation.name(), cameo))
                .orElseGet(() -> registerOrganisation(organisation.acronym(), organisation.name()));
    }

    /** {@return the organisations registered in this store (not the bundled ones), by acronym} */
    public List<Organisation> organisations() {
        requireOpen();
        return store.organisations();
    }

    private static void requireCommands(List<? extends RelationshipCommand> commands) {
        Require.nonNull(commands, "commands", "a list of commands, such as seed.commands()");
        for (int i = 0; i < commands.size(); i++) {
            Require.nonNull(commands.get(i), "command #" + (i + 1) + " of the batch", "a command, or leave it out");
        }
    }

    private Recorded remember(Recorded r) {
        written.merge(r.dyad(), r.sequence(), Math::max);
        return r;
    }

    // -------------------------------------------------------------------------------------- reads

    /**
     * {@return the partnership of a dyad on a date (status {@code NONE} when nothing is recorded)}
     *
     * @param dyad the two actors (countries or organisations); not null
     * @param when the date, with the knowledge and publication filters to apply
     */
    public Partnership partnership(Dyad dyad, When when) {
        long start = metrics.start();
        requireOpen();
        Require.nonNull(dyad, "dyad", "Dyad.of(a, b), such as Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        Require.nonNull(when, "when", "a When such as When.asOf(LocalDate.of(2024, 4, 30))");
        awaitWrites(dyad);
        return metrics.query(Metrics.Query.PARTNERSHIP, start, partnership(view(dyad, when), when));
    }

    /**
     * {@return every partner of a country on a date, and its security partners}
     *
     * @param country the country whose partners are listed (none when nothing is recorded for it); not null
     * @param when the date, with the knowledge and publication filters to apply
     */
    public Portfolio portfolio(Actor country, When when) {
        long start = metrics.start();
        requireOpen();
        Require.nonNull(country, "country", "a Country such as Country.of(\"NER\") or an Organisation such as Organisation.of(\"ECOWAS\")");
        Require.nonNull(when, "when", "a When such as When.asOf(LocalDate.of(2024, 4, 30))");
        List<Partnership> partnerships = new ArrayList<>();
        for (Dyad dyad : dyadsOf(country)) {
            partnerships.add(partnership(view(dyad, when), when));
        }
        return metrics.query(Metrics.Query.PORTFOLIO, start, Portfolio.of(country, when.date(), partnerships));
    }

    /**
     * {@return an organisation's members on a date: the countries whose membership is {@code MEMBER},
     * {@code SUSPENDED} or {@code WITHDRAWING} then, by country code} Each is the country's partnership
     * with the organisation, whose {@link Partnership#membership()} holds the record (joined, suspension,
     * announced withdrawal) and {@link Partnership#membershipStatus()} the status on the date. Like every
     * read, it is as known at {@code when}'s instant and by what was published by its day.
     *
     * <pre>{@code
     * entente.members(Organisation.of("ECOWAS"), When.asOf(LocalDate.of(2024, 8, 1)))
     *        .forEach(p -> System.out.println(p.partnerOf(ecowas).code() + " " + p.membershipStatus()));
     * // ... NER WITHDRAWING (suspended since 2023-12-10, leaving on 2025-01-29) ...
     * }</pre>
     *
     * @param organisation the organisation; not null
     * @param when the date, with the knowledge and publication filters to apply
     */
    public List<Partnership> members(Organisation organisation, When when) {
        long start = metrics.start();
        Require.nonNull(organisation, "organisation", "an Organisation such as Organisation.of(\"ECOWAS\")");
        return metrics.query(Metrics.Query.MEMBERS, start, membershipsOf(organisation, when, Partnership::isMembership));
    }

    /**
     * {@return a country's memberships on a date: every organisation it is a member of, suspended from,
     * withdrawing from or a former member of then, by organisation code} Each is the country's partnership
     * with the organisation; see {@link #members(Organisation, When)}.
     *
     * @param country the country; not null
     * @param when the date, with the knowledge and publication filters to apply
     */
    public List<Partnership> memberships(Country country, When when) {
        long start = metrics.start();
        Require.nonNull(country, "country", "a Country such as Country.of(\"NER\")");
        return metrics.query(Metrics.Query.MEMBERSHIPS, start,
                membershipsOf(country, when, p -> p.membershipStatus() != RelationshipState.MembershipStatus.NONE));
    }

    private List<Partnership> membershipsOf(Actor actor, When when, java.util.function.Predicate<Partnership> keep) {
        requireOpen();
        Require.nonNull(when, "when", "a When such as When.asOf(LocalDate.of(2024, 8, 1))");
        List<Partnership> found = new ArrayList<>();
        for (Dyad dyad : dyadsOf(actor)) {
            if (dyad.countryOfMember().isPresent()) {
                Partnership p = partnership(view(dyad, when), when);
                if (keep.test(p)) {
                    found.add(p);
                }
            }
        }
        found.sort(java.util.Comparator.comparing(p -> p.partnerOf(actor)));
        return List.copyOf(found);
    }

    /**
     * {@return a dyad's facts in happened order (docs/DOMAIN.md's order), filtered}
     *
     * @param dyad the two actors (countries or organisations) (an empty list when nothing is recorded for them); not null
     * @param filter which days, kinds and knowledge instant to show; {@link TimelineFilter#all()} for everything
     */
    public List<TimelineEntry> timeline(Dyad dyad, TimelineFilter filter) {
        long start = metrics.start();
        requireOpen();
        Require.nonNull(dyad, "dyad", "Dyad.of(a, b), such as Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        requireFilter(filter);
        awaitWrites(dyad);
        return metrics.query(Metrics.Query.TIMELINE, start, timeline(List.of(dyad), filter));
    }

    /**
     * {@return a country's facts with every partner, in happened order, filtered}
     *
     * @param country the country whose facts with every partner are listed; not null
     * @param filter which days, kinds and knowledge instant to show; {@link TimelineFilter#all()} for everything
     */
    public List<TimelineEntry> timeline(Actor country, TimelineFilter filter) {
        long start = metrics.start();
        requireOpen();
        Require.nonNull(country, "country", "a Country such as Country.of(\"NER\") or an Organisation such as Organisation.of(\"ECOWAS\")");
        requireFilter(filter);
        return metrics.query(Metrics.Query.TIMELINE, start, timeline(dyadsOf(country), filter));
    }

    private static void requireFilter(TimelineFilter filter) {
        Require.nonNull(filter, "filter", "a TimelineFilter such as TimelineFilter.all()");
    }

    /**
     * {@return what changed in a dyad between two dates, as known now}
     *
     * @param dyad the two actors (countries or organisations)
     * @param from where the comparison starts
     * @param to the later date
     */
    public DyadChanges changes(Dyad dyad, LocalDate from, LocalDate to) {
        requireOpen();
        Require.nonNull(dyad, "dyad", "Dyad.of(a, b), such as Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        Require.nonNull(from, "from", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        return changes(dyad, When.asOf(from), to);
    }

    /**
     * {@return what changed in a dyad between the query's date and another date, with the query's knowledge and publication filters}
     *
     * @param dyad the two actors (countries or organisations)
     * @param from where the comparison starts
     * @param to the later date
     */
    public DyadChanges changes(Dyad dyad, When from, LocalDate to) {
        long start = metrics.start();
        requireOpen();
        Require.nonNull(dyad, "dyad", "Dyad.of(a, b), such as Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        Require.nonNull(from, "from", "a When such as When.asOf(LocalDate.of(2024, 4, 30))");
        Require.nonNull(to, "to", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        requireOrdered(from.date(), from.on(to).date());
        awaitWrites(dyad);
        FactView view = view(dyad, from);
        return metrics.query(Metrics.Query.CHANGES, start, DyadChanges.between(partnership(view, from), partnership(view, from.on(to))));
    }

    /**
     * {@return what changed in each of a country's partnerships between two dates (unchanged ones left out)}
     *
     * @param country the country whose partnerships are compared
     * @param from where the comparison starts
     * @param to the later date
     */
    public List<DyadChanges> changes(Actor country, LocalDate from, LocalDate to) {
        long start = metrics.start();
        requireOpen();
        Require.nonNull(country, "country", "a Country such as Country.of(\"NER\") or an Organisation such as Organisation.of(\"ECOWAS\")");
        Require.nonNull(from, "from", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        Require.nonNull(to, "to", "a LocalDate such as LocalDate.of(2024, 4, 30)");
        requireOrdered(When.asOf(from).date(), When.asOf(to).date());
        List<DyadChanges> out = new ArrayList<>();
        for (Dyad dyad : dyadsOf(country)) {
            FactView view = view(dyad, When.asOf(from));
            DyadChanges c = DyadChanges.between(partnership(view, When.asOf(from)), partnership(view, When.asOf(to)));
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return metrics.query(Metrics.Query.CHANGES, start, out);
    }

    /**
     * {@return a country's partnerships on each date of a range, one row per date and partner} Each date's
     * rows are what {@link #portfolio(Actor, When) portfolio(country, query.on(date))} answers (the same
     * knowledge and publication filters): one per partner in the portfolio, or, for a query with one
     * partner, that partnership on every date. Each dyad's facts are read once for the whole range.
     *
     * <pre>{@code
     * Series niger = entente.series(SeriesQuery.of(NER, LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), Step.MONTH));
     * Series usa = entente.series(SeriesQuery.of(NER, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), Step.WEEK).partner(USA));
     * }</pre>
     *
     * @param query the country, the partner if one, the dates and the filters
     * @throws IllegalArgumentException when the series would read more than {@link Series#MAX_PARTNERSHIPS}
     *         partnerships (its dates times the country's partners), naming both figures
     */
    public Series series(SeriesQuery query) {
        long start = metrics.start();
        requireOpen();
        Require.nonNull(query, "query", "a SeriesQuery such as SeriesQuery.of(Country.of(\"NER\"), LocalDate.of(2024, 1, 1),"
                + " LocalDate.of(2024, 12, 31), Step.MONTH)");
        Actor country = query.country();
        List<Dyad> dyads = dyadsOf(country);
        Optional<Dyad> asked = query.partner().map(p -> Dyad.of(country, p));
        asked.ifPresent(this::awaitWrites);
        // A partner with no fact yet has a dyad the country's list lacks: its partnership is NONE on every date.
        int askedAt = asked.map(dyads::indexOf).orElse(-1);
        int partners = dyads.size() + (asked.isPresent() && askedAt < 0 ? 1 : 0);
        long dates = query.dateCount();
        long reads = dates * Math.max(1, partners);
        if (reads > Series.MAX_PARTNERSHIPS) {
            throw new IllegalArgumentException("the series of " + query + " would read " + reads + " partnerships (" + dates
                    + " dates x " + partners + " partners), more than the limit of " + Series.MAX_PARTNERSHIPS
                    + "; choose a longer step or a shorter range");
        }
        When knowledge = query.on(query.from());
        List<FactView> views = new ArrayList<>(dyads.size());
        dyads.forEach(d -> views.add(view(d, knowledge)));
        FactView unlisted = asked.isPresent() && askedAt < 0 ? view(asked.get(), knowledge) : null;
        List<SeriesRow> rows = new ArrayList<>();
        for (LocalDate date : query.dates()) {
            When when = knowledge.on(date);
            List<Partnership> partnerships = new ArrayList<>(views.size());
            views.forEach(v -> partnerships.add(partnership(v, when)));
            Portfolio portfolio = Portfolio.of(country, date, partnerships);
            if (asked.isPresent()) {
                rows.add(SeriesRow.of(portfolio, askedAt >= 0 ? partnerships.get(askedAt) : partnership(unlisted, when)));
            } else {
                portfolio.partners().stream().sorted(Comparator.comparing(p -> p.partnerOf(country)))
                        .forEach(p -> rows.add(SeriesRow.of(portfolio, p)));
            }
        }
        return metrics.query(Metrics.Query.SERIES, start, new Series(query, rows));
    }

    /**
     * {@return a dyad's history as the rules see it now, read from the store (not the projections)}
     *
     * @param dyad the two actors (countries or organisations)
     */
    public Optional<DyadHistory> history(Dyad dyad) {
        long start = metrics.start();
        requireOpen();
        Require.nonNull(dyad, "dyad", "Dyad.of(a, b), such as Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        return metrics.query(Metrics.Query.HISTORY, start, store.history(dyad));
    }

    /**
     * Runs a what-if scenario on real history, in memory: nothing is written to the store, only the
     * dyads the scenario changes are replayed, and scenarios can run side by side on several threads.
     *
     * @param scenario the branch date, the hypothetical facts to add and the real facts to leave out
     * @return the scenario's history beside the real one: the facts it adds and drops, and its partnerships on any date
     * @throws org.entente.core.relationship.RuleViolationException when a hypothetical fact breaks a rule
     * @throws IllegalArgumentException when a removal or addition is not after the branch date, or names an unknown fact
     */
    public Simulation simulate(Scenario scenario) {
        long start = metrics.start();
        requireOpen();
        Require.nonNull(scenario, "scenario", "a Scenario such as Scenario.branchAt(LocalDate.of(2024, 4, 1))");
        written.keySet().forEach(this::awaitWrites);
        return metrics.query(Metrics.Query.SIMULATE, start, Simulation.run(scenario, new Simulation.Baseline() {
            @Override
            public FactView view(Dyad dyad, java.time.Instant knownAt) {
                When when = When.asOf(scenario.branchDate());
                return Entente.this.view(dyad, knownAt == null ? when : when.knownAt(knownAt));
            }

            @Override
            public java.util.Set<Dyad> dyadsOf(Actor country) {
                return projections.dyadsOf(country);
            }

            @Override
            public Optional<Dyad> dyadOf(org.entente.core.FactId fact) {
                return store.dyadOf(fact);
            }
        }, windowDays));
    }

    // ------------------------------------------------------------------------------ notifications

    /**
     * Delivers a {@link org.entente.subscription.PartnershipChanged} each time the current status of a watched
     * dyad changes, from now on; see {@link #subscribe(org.entente.subscription.Watch,
     * org.entente.subscription.PartnershipListener, org.entente.subscription.SubscriptionOptions)}.
     *
     * @param watch    a dyad, an actor's dyads or all dyads
     * @param listener receives the changes, on the subscription's own thread
     * @return the running subscription, which the caller closes (closing this Entente closes it too)
     */
    public org.entente.subscription.Subscription subscribe(org.entente.subscription.Watch watch,
                                                          org.entente.subscription.PartnershipListener listener) {
        return subscribe(watch, listener, org.entente.subscription.SubscriptionOptions.fromNow());
    }

    /**
     * Delivers a {@link org.entente.subscription.PartnershipChanged} each time the <em>current</em> status of a
     * watched dyad changes: its status as of the {@linkplain Builder#clock(java.time.Clock) clock}'s date, as known
     * now. A write from any instance (new facts, retroactive ones, corrections, retractions) that changes it is
     * delivered, and so is a change that only time makes (a cooperative step leaving the window). Delivery is at
     * least once, in order, on the subscription's own thread: a slow or failing listener delays only its own
     * subscription, and a failed change is retried with back-off before anything after it. The README's
     * "Notifications" section gives the exact rules.
     *
     * @param watch    a dyad, an actor's dyads or all dyads
     * @param listener receives the changes
     * @param options  where to start (now, a stored position, or a durable name) and how to retry
     * @return the running subscription, which the caller closes (closing this Entente closes it too)
     * @throws IllegalArgumentException when a stored position lies after the store's last event
     */
    public org.entente.subscription.Subscription subscribe(org.entente.subscription.Watch watch,
                                                          org.entente.subscription.PartnershipListener listener,
                                                          org.entente.subscription.SubscriptionOptions options) {
        requireOpen();
        Require.nonNull(watch, "watch", "a Watch such as Watch.dyad(Dyad.parse(\"NER-USA\")), Watch.actor(Country.of(\"NER\")) or Watch.all()");
        Require.nonNull(listener, "listener", "a PartnershipListener such as change -> log.info(\"{}\", change)");
        Require.nonNull(options, "options", "SubscriptionOptions.fromNow(), .from(position) or .durable(name)");
        return subscriptions.subscribe(watch, listener, options);
    }

    /** {@return the clock that says what "now" and "today" are for notifications ({@link Builder#clock(java.time.Clock)})} */
    public java.time.Clock clock() {
        requireOpen();
        return clock;
    }

    // --------------------------------------------------------------------------------- processing

    /**
     * Rebuilds the projections from the event store. Readers keep the previous projections until the
     * new ones are complete (build aside, then swap); writes wait for the rebuild.
     */
    public void rebuildProjections() {
        rebuildProjections(BatchProgress.NONE);
    }

    /**
     * As {@link #rebuildProjections()}, telling {@code progress} (events read, about how many) as it reads.
     *
     * @param progress receives progress as chunks are written
     */
    public void rebuildProjections(BatchProgress progress) {
        requireOpen();
        Require.nonNull(progress, "progress", "BatchProgress.NONE for no progress");
        rebuildLock.writeLock().lock();
        try {
            List<EventProcessor> running = streamingProcessors().stream().filter(EventProcessor::isRunning).toList();
            running.forEach(EventProcessor::shutDown);
            try {
                projections.rebuildTables(progress, Math.max(0, head() + 1));
                if (projections.mode() == Projections.Mode.SHARED
                        && projections.indexProcessor() instanceof StreamingEventProcessor follower) {
                    // The new index holds everything up to where the rebuild stopped: follow on from there.
                    follower.resetTokens(projections.lastRebuildPosition());
                }
            } finally {
                running.forEach(EventProcessor::start);
            }
        } finally {
            rebuildLock.writeLock().unlock();
        }
    }

    /**
     * Pauses projection processing (for bulk loads and benchmarks): writes go on, reads see what was
     * processed before the pause and do not wait. Not available in memory, where processing is part
     * of each write.
     */
    public void pauseProcessing() {
        requireOpen();
        requireStreaming("paused");
        paused = true;
        streamingProcessors().forEach(EventProcessor::shutDown);
    }

    /** Resumes projection processing from where it stopped. */
    public void resumeProcessing() {
        requireOpen();
        requireStreaming("resumed");
        streamingProcessors().forEach(EventProcessor::start);
        paused = false;
    }

    private List<EventProcessor> streamingProcessors() {
        if (projections.synchronous()) {
            return List.of();
        }
        return projections.mode() == Projections.Mode.SHARED
                ? List.of(projections.processor(), projections.indexProcessor())
                : List.of(projections.processor());
    }

    /**
     * Waits until the projections have applied every write made through this instance.
     *
     * @param timeout how long to wait at most
     */
    public void awaitProjections(Duration timeout) {
        requireOpen();
        Require.nonNull(timeout, "timeout", "a positive Duration such as Duration.ofSeconds(10)");
        for (Map.Entry<Dyad, Long> e : written.entrySet()) {
            await(e.getKey(), e.getValue(), timeout);
        }
    }

    /**
     * Waits until the projections have processed every event stored so far, by any writer (for a
     * process that opens an existing store and reads at once, such as the command line).
     *
     * @param timeout how long to wait at most
     * @throws ProjectionTimeoutException when they have not within the timeout
     * @throws ProjectionFailedException  when processing is stopped at an event that failed again after a retry
     */
    public void awaitCaughtUp(Duration timeout) {
        requireOpen();
        Require.nonNull(timeout, "timeout", "a positive Duration such as Duration.ofSeconds(10)");
        long deadline = System.nanoTime() + timeout.toNanos();
        ProcessingStatus status = processingStatus();
        // The failures known when the wait begins. Each failure of an event is recorded anew, so a record
        // still the same one has not failed again since; it may have been fixed meanwhile: wait for its retry.
        List<ProcessingFailure> before = new ArrayList<>(2);
        status.failure().ifPresent(before::add);
        indexFailure().ifPresent(before::add);
        while (status.position() < status.head() || indexPosition() < status.head()) {
            Optional<ProcessingFailure> failed = status.failure().or(this::indexFailure);
            if (failed.isPresent() && failed.get().attempts() >= FAILED_ATTEMPTS_BEFORE_GIVING_UP
                    && before.stream().noneMatch(known -> known == failed.get())) {
                // The same event failed again on a retry during this wait: waiting longer would only hide it.
                throw new ProjectionFailedException(failed.get());
            }
            if (System.nanoTime() > deadline) {
                throw new ProjectionTimeoutException(status, timeout);
            }
            try {
                projections.index().awaitChange(Duration.ofMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EntenteException("interrupted while waiting for the projections", e);
            }
            status = processingStatus();
        }
    }

    /** The event this instance's index processor is stopped at, if any (in memory, none). */
    private Optional<ProcessingFailure> indexFailure() {
        return projections.synchronous() ? Optional.empty()
                : projections.failure(projections.indexProcessor().getName(), indexPosition());
    }

    /** How many times one event must fail before {@link #awaitCaughtUp} stops waiting and reports it. */
    private static final int FAILED_ATTEMPTS_BEFORE_GIVING_UP = 2;

    /**
     * {@return how far the projections have read the store, and the event they are stopped at if one cannot be
     * applied (processing never skips an event; it retries it with back-off)}
     */
    public ProcessingStatus processingStatus() {
        requireOpen();
        long head = head();
        if (projections.synchronous()) {
            return new ProcessingStatus(Projections.PROCESSOR, true, head, head, 0, Optional.empty());
        }
        EventProcessor processor = projections.processor();
        long position = position(processor);
        return new ProcessingStatus(Projections.PROCESSOR, processor.isRunning(), position, head, Math.max(0, head - position),
                projections.failure(Projections.PROCESSOR, position));
    }

    /**
     * How far this instance's index has read the store: its processor's committed position, and no
     * further than the events actually applied to the index (applied just after each commit).
     */
    private long indexPosition() {
        if (projections.synchronous()) {
            return Long.MAX_VALUE;
        }
        return Math.min(position(projections.indexProcessor()), projections.index().appliedPosition());
    }

    /**
     * The position a streaming processor has reached: the lowest of its segments'. Segments this
     * instance does not hold are read from the token store, so that several instances agree.
     */
    private long position(EventProcessor processor) {
        if (!(processor instanceof StreamingEventProcessor s)) {
            return -1;
        }
        if (processor.getName().equals(Projections.PROCESSOR)) {
            java.util.Map<Integer, Long> positions = store.tokenPositions(Projections.PROCESSOR);
            return positions.values().stream().mapToLong(Long::longValue).min().orElse(-1);
        }
        return s.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.isPresent() ? p.getAsLong() : -1)
                .min().orElse(-1);
    }

    /**
     * {@return what the projection cache holds (dyads, fact versions, the budget) and how it has served queries
     * (hits, misses, evictions)} See {@link Builder#projectionCache(ProjectionCache)}; a rebuild of the
     * projections empties the cache and starts the counts again.
     */
    public ProjectionCache.Statistics cacheStatistics() {
        requireOpen();
        return projections.index().statistics();
    }

    /** {@return the underlying store (for tools that need it, such as the command line's export)} */
    public EntenteStore store() {
        return store;
    }

    /** Stops processing and closes the store. */
    @Override
    public void close() {
        closed = true;
        subscriptions.close();
        metrics.close();
        store.close();
    }

    /** Reads and writes on a closed Entente are refused, as its store refuses them: an answer would be made up. */
    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this Entente is closed");
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    private Partnership partnership(FactView view, When when) {
        return view.partnership(when.date(), windowDays);
    }

    private FactView view(Dyad dyad, When when) {
        DyadIndex.Snapshot snapshot = projections.index().snapshot(dyad);
        if (snapshot.isEmpty()) {
            return FactView.of(dyad, List.of());
        }
        if (when.isCurrent()) {
            return snapshot.current();
        }
        Predicate<FactEvent> keep = when.publishedBy()
                .<Predicate<FactEvent>>map(day -> e -> e.fact().sources().stream().anyMatch(s -> s.publishedBy(day)))
                .orElse(null);
        return FactView.of(dyad, snapshot.effective(when.knownAt().orElse(null), keep));
    }

    private List<TimelineEntry> timeline(List<Dyad> dyads, TimelineFilter filter) {
        List<TimelineEntry> out = new ArrayList<>();
        for (Dyad dyad : dyads) {
            for (DyadIndex.Entry e : projections.index().snapshot(dyad).entries(filter.knownAt().orElse(null))) {
                TimelineEntry entry = new TimelineEntry(e.fact(), e.revision(), e.firstRecorded(), e.revisedAt(),
                        e.retractedAt(), e.retractionReason());
                if (filter.accepts(entry)) {
                    out.add(entry);
                }
            }
        }
        out.sort(Comparator.comparing(TimelineEntry::fact, DyadHistory.ORDER));
        return out;
    }

    private List<Dyad> dyadsOf(Actor country) {
        written.keySet().stream().filter(d -> d.contains(country)).forEach(this::awaitWrites);
        return projections.dyadsOf(country).stream().sorted().toList();
    }

    private void awaitWrites(Dyad dyad) {
        Long wanted = written.get(dyad);
        if (wanted != null && !paused) {
            await(dyad, wanted, readTimeout);
        }
    }

    private void await(Dyad dyad, long sequence, Duration timeout) {
        try {
            if (!projections.index().await(dyad, sequence, timeout)) {
                Optional<ProcessingFailure> failed = indexFailure();
                if (failed.isPresent()) {
                    throw new ProjectionFailedException(failed.get());
                }
                throw new ProjectionTimeoutException(dyad, sequence, projections.index().lastSequence(dyad), timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EntenteException("interrupted while waiting for the projections of " + dyad, e);
        }
    }

    private long head() {
        return store.head();
    }

    private void requireStreaming(String what) {
        if (projections.synchronous()) {
            throw new IllegalStateException("an in-memory Entente processes projections inside each write; they cannot be " + what);
        }
    }

    private static void requireOrdered(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("changes need from <= to, got " + from + " after " + to);
        }
    }

    /**
     * Builds an {@link Entente}: the event store's settings (where it lives, snapshots, batch chunks,
     * transaction cap, timeouts, upcasters) are an {@link EntenteStore.Builder}'s, with its defaults
     * (an H2 store in {@code ./entente-data}, ...); this builder adds the projections' own. Their
     * defaults: a status window of 180 days; reads wait up to 10 seconds for this instance's writes;
     * the processor reads 100 events per transaction with one segment.
     */
    public static final class Builder {
        /** The event store's settings; each store this builder opens gets a copy, with its own hooks. */
        private final EntenteStore.Builder storeSettings = EntenteStore.builder();
        private int windowDays = Definitions.WINDOW_DAYS;
        private Duration readTimeout = Duration.ofSeconds(10);
        private int processorBatchSize = 100;
        private int segments = 1;
        private int maxClaimedSegments = Integer.MAX_VALUE;
        private ProjectionCache projectionCache = ProjectionCache.defaults();
        private java.time.Clock clock = java.time.Clock.systemUTC();
        /** A Micrometer {@code MeterRegistry}, or null; typed Object so that no Micrometer class loads without one. */
        private Object meterRegistry;

        private Builder() {
        }

        /**
         * Reports what this Entente does to a Micrometer registry (default: none, and Micrometer need not be on the
         * class path): commands accepted and rejected by kind and rule ({@code entente.commands}), batch sizes and
         * durations, query latencies by query, projection lag, the projection cache, subscriptions, and Axon's own
         * processor meters when {@code org.axonframework:axon-micrometer} is on the class path. Every tag comes
         * from a fixed set: no fact id, dyad, country or message is a tag. The README's "Metrics" section lists
         * each meter. The meters leave the registry when the Entente closes; give each Entente open at the same
         * time a registry of its own (or common tags through the registry's own configuration).
         *
         * <pre>{@code
         * MeterRegistry registry = new SimpleMeterRegistry();
         * try (Entente entente = Entente.builder().h2(Path.of("entente-data")).meterRegistry(registry).build()) {
         *     entente.recordAll(seed.commands());
         *     registry.get("entente.commands").tag("outcome", "accepted").counters();
         * }
         * }</pre>
         *
         * @param registry the application's registry, such as Spring Boot's or a {@code PrometheusMeterRegistry}
         * @return this builder
         */
        public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
            Require.nonNull(registry, "registry", "a Micrometer MeterRegistry such as new SimpleMeterRegistry(), or leave meterRegistry out");
            this.meterRegistry = registry;
            return this;
        }

        /**
         * Sets the clock that says what today is for notifications: a subscription's current status is the status as
         * of the clock's date, and a change that only time makes is found when the clock's date moves on (default
         * {@link java.time.Clock#systemUTC()}). Tests give a fixed or movable clock.
         *
         * @param clock the clock; its zone decides the date
         * @return this builder
         */
        public Builder clock(java.time.Clock clock) {
            Require.nonNull(clock, "clock", "a Clock such as Clock.systemUTC() or Clock.fixed(instant, ZoneOffset.UTC)");
            this.clock = clock;
            return this;
        }

        /**
         * Sets how much of the projections stays in memory between queries (default
         * {@link ProjectionCache#defaults()}: {@value ProjectionCache#DEFAULT_VERSIONS} fact versions). A dyad
         * a query needs that is not cached is read from the store: its projection rows (H2 file), or its
         * events (PostgreSQL, where another instance's rows may lag this one, and in memory); then kept,
         * the least recently used dyads dropped to stay within the budget.
         *
         * @param cache the budget, such as {@code ProjectionCache.facts(500_000)} or {@link ProjectionCache#none()}
         * @return this builder
         */
        public Builder projectionCache(ProjectionCache cache) {
            Require.nonNull(cache, "cache", "a ProjectionCache such as ProjectionCache.facts(500_000) or ProjectionCache.none()");
            projectionCache = cache;
            return this;
        }

        /**
         * Uses an H2 database in memory, with synchronous projections.
         *
         * @return this builder
         */
        public Builder inMemory() {
            storeSettings.inMemory();
            return this;
        }

        /**
         * Uses an H2 database in this directory (the default, {@code ./entente-data}), checked and created as
         * {@link EntenteStore.Builder#h2(Path)} says: owner-only, and refused when the path holds a {@code ;}
         * or a control character.
         *
         * @param directory the database's directory, relative to the working directory or absolute
         * @return this builder
         * @throws IllegalArgumentException when the path holds a {@code ;} or a control character
         */
        public Builder h2(Path directory) {
            Require.nonNull(directory, "directory", "the directory of the H2 store, such as Path.of(\"entente-data\")");
            storeSettings.h2(directory);
            return this;
        }

        /**
         * A PostgreSQL database through the application's data source; see {@link EntenteStore.Builder#postgres(DataSource)}.
         *
         * @param dataSource the application's pool, which it keeps and closes
         * @return this builder
         */
        public Builder postgres(DataSource dataSource) {
            Require.nonNull(dataSource, "dataSource", "a DataSource of the PostgreSQL database, or use postgres(jdbcUrl, user, password, poolSize)");
            storeSettings.postgres(dataSource);
            return this;
        }

        /**
         * Uses a PostgreSQL database through a HikariCP pool that Entente creates and closes; see
         * {@link EntenteStore.Builder#postgres(String, String, String, int)}.
         *
         * @param jdbcUrl a URL starting {@code jdbc:postgresql:}, such as {@code jdbc:postgresql://localhost:5432/entente}
         * @param user the database user
         * @param password the user's password, or {@code ""} when the server asks for none (trust authentication); not null
         * @param poolSize the most connections the pool opens, 1 to 200 (10 is a good start)
         * @return this builder
         * @throws IllegalArgumentException when the URL is not a PostgreSQL JDBC URL or the size is not 1 to 200
         */
        public Builder postgres(String jdbcUrl, String user, String password, int poolSize) {
            Require.nonNull(jdbcUrl, "jdbcUrl", "a JDBC URL such as \"jdbc:postgresql://localhost:5432/entente\"");
            Require.nonNull(user, "user", "the database user's name");
            Require.nonNull(password, "password", "the user's password, or \"\" for none");
            storeSettings.postgres(jdbcUrl, user, password, poolSize);
            return this;
        }

        /**
         * Sets the status and pledge window: on a date {@code d}, the facts of {@code [d - days + 1, d]} count (default 180; 1 to 3650).
         *
         * @param days the window's length in days, 1 to 3650
         * @return this builder
         * @throws IllegalArgumentException when {@code days} is out of range
         */
        public Builder windowDays(int days) {
            if (days < 1 || days > 3650) {
                throw new IllegalArgumentException("window must be 1 to 3650 days, got " + days);
            }
            windowDays = days;
            return this;
        }

        /**
         * Sets how long a read waits for this instance's writes to be projected (default 10 s).
         *
         * @param timeout the longest wait, positive; a read that waits longer throws a {@code ProjectionTimeoutException}
         * @return this builder
         * @throws IllegalArgumentException when the timeout is zero or negative
         */
        public Builder readTimeout(Duration timeout) {
            Require.nonNull(timeout, "read timeout", "a positive Duration such as Duration.ofSeconds(10)");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("read timeout must be positive, got " + timeout);
            }
            readTimeout = timeout;
            return this;
        }

        /**
         * Events per projection transaction (default 100; 1 to 10,000).
         *
         * @param events the most events read and projected in one transaction, 1 to 10,000
         * @return this builder
         */
        public Builder processorBatchSize(int events) {
            if (events < 1 || events > 10_000) {
                throw new IllegalArgumentException("processor batch size must be 1 to 10000, got " + events);
            }
            processorBatchSize = events;
            return this;
        }

        /**
         * Segments the projection work is split into when first created (default 1; 1 to 64).
         *
         * @param count the number of segments, 1 to 64; ignored once the processor's tokens exist
         * @return this builder
         */
        public Builder segments(int count) {
            if (count < 1 || count > 64) {
                throw new IllegalArgumentException("segments must be 1 to 64, got " + count);
            }
            segments = count;
            return this;
        }

        /**
         * Sets the most segments of projection work this instance claims (default: as many as it can). With
         * several instances, a bound leaves segments for the others; unbounded, an instance also takes
         * over the segments of one that died once its claims time out.
         *
         * @param count the most segments claimed, at least 1
         * @return this builder
         */
        public Builder maxClaimedSegments(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("max claimed segments must be at least 1, got " + count);
            }
            maxClaimedSegments = count;
            return this;
        }

        /**
         * Take a snapshot of a dyad every so many events; see {@link EntenteStore.Builder#snapshotThreshold}.
         *
         * @param events events between snapshots (default 250; at least 1)
         * @return this builder
         */
        public Builder snapshotThreshold(int events) {
            storeSettings.snapshotThreshold(events);
            return this;
        }

        /**
         * Commands per batch transaction; see {@link EntenteStore.Builder#chunkSize}.
         *
         * @param commands commands per transaction (default 1,000)
         * @return this builder
         */
        public Builder chunkSize(int commands) {
            storeSettings.chunkSize(commands);
            return this;
        }

        /**
         * The longest a write transaction may run; see {@link EntenteStore.Builder#transactionCap}.
         *
         * @param cap the cap (default 10 s), well below the gap timeout
         * @return this builder
         */
        public Builder transactionCap(Duration cap) {
            Require.nonNull(cap, "transaction cap", "a positive Duration such as Duration.ofSeconds(10)");
            storeSettings.transactionCap(cap);
            return this;
        }

        /**
         * How long processors wait for a missing position; see {@link EntenteStore.Builder#gapTimeout}.
         *
         * @param timeout the wait (default 60 s)
         * @return this builder
         */
        public Builder gapTimeout(Duration timeout) {
            Require.nonNull(timeout, "gap timeout", "a positive Duration such as Duration.ofSeconds(10)");
            storeSettings.gapTimeout(timeout);
            return this;
        }

        /**
         * How long a dead instance's processing claims last; see {@link EntenteStore.Builder#claimTimeout}.
         *
         * @param timeout the claim timeout (default 10 s)
         * @return this builder
         */
        public Builder claimTimeout(Duration timeout) {
            Require.nonNull(timeout, "claim timeout", "a positive Duration such as Duration.ofSeconds(10)");
            storeSettings.claimTimeout(timeout);
            return this;
        }

        /**
         * Adds an upcaster for stored events of an older shape; it sees the registry's stable names and
         * revisions (see {@link org.entente.core.store.EventTypeRegistry}). Upcasters run in the order added.
         *
         * @param upcaster the upcaster to add after those added before; not null
         * @return this builder
         */
        public Builder upcaster(org.axonframework.serialization.upcasting.event.EventUpcaster upcaster) {
            Require.nonNull(upcaster, "upcaster", "an Axon EventUpcaster of older events");
            storeSettings.upcaster(upcaster);
            return this;
        }

        /**
         * Opens the store, loads the projections and starts processing.
         *
         * @return an open Entente, which the caller closes
         */
        public Entente build() {
            return new Entente(this);
        }

        /**
         * Rewrites the stored projections of this builder's H2 file or PostgreSQL store from its events,
         * without loading them in memory or starting processing, and closes the store: the rows, the
         * processor's token and the tables' version are replaced in one transaction, reading the events
         * once. Memory stays small whatever the store's size (a million events fit in a 512 MB heap),
         * whereas {@link Entente#rebuildProjections()} builds a second index beside the one readers use.
         * For a store no instance is running on; the next {@link #build()} loads the new rows.
         *
         * @param progress told every 10,000 events read
         * @return the number of events read
         * @throws IllegalStateException for an in-memory store, which has no stored projections
         */
        public long rebuildStoredProjections(BatchProgress progress) {
            Require.nonNull(progress, "progress", "BatchProgress.NONE for no progress");
            if (storeSettings.backend() == EntenteStore.Backend.MEMORY) {
                throw new IllegalStateException("an in-memory store has no stored projections to rebuild; "
                        + "use rebuildProjections() on its Entente");
            }
            try (EntenteStore store = storeBuilder().build()) {
                return Projections.rebuildStored(store, segments, progress);
            }
        }

        /**
         * Reads every event and every derived row of this builder's H2 file or PostgreSQL store and says
         * what disagrees with the events (fact ids, snapshots, projection rows, tokens, sequences), writing
         * nothing. For a store no instance is running on; it opens even a store that {@link #build()}
         * refuses. Memory: one entry per dyad, whatever the number of events.
         *
         * @return every finding, each saying what disagrees and whether a repair can fix it; none when the store is consistent
         * @throws IllegalStateException for an in-memory store, which has nothing stored to check
         */
        public IntegrityReport check() {
            requireStored("check");
            try (EntenteStore store = storeBuilder().verifyOnOpen(false).build()) {
                return check(store);
            }
        }

        /**
         * Checks as {@link #check()}, then rebuilds from the events every derived table that disagrees
         * with them (the fact-id table, snapshots, projection rows and token) and checks again. Events
         * themselves are never changed. When events are missing (a finding that is not repairable),
         * nothing is rebuilt: the derived tables are then the last trace of those events, and only a
         * backup brings them back. With {@code dryRun} nothing is written and the report is the check's.
         *
         * @param dryRun true to check only and write nothing, false to rebuild what disagrees
         * @return the findings left after the repair, and what was rebuilt
         */
        public IntegrityReport repair(boolean dryRun) {
            requireStored("repair");
            try (EntenteStore store = storeBuilder().verifyOnOpen(false).build()) {
                IntegrityReport found = check(store);
                if (dryRun || found.consistent() || !found.repairable()) {
                    // Events are missing: the derived tables are the last trace of them, so nothing is rebuilt.
                    return found;
                }
                List<String> repaired = new ArrayList<>(StoreIntegrity.repair(store, found.findings()));
                if (found.findings().stream().anyMatch(f -> f.kind() == IntegrityFinding.Kind.PROJECTIONS_OUT_OF_STEP
                        || f.kind() == IntegrityFinding.Kind.FACT_IDS_OUT_OF_STEP)) {
                    long events = Projections.rebuildStored(store, segments, BatchProgress.NONE);
                    repaired.add("the projection rows and token: rebuilt from " + events + " event(s)");
                }
                IntegrityReport after = check(store);
                return new IntegrityReport(true, after.events(), after.findings(), repaired);
            }
        }

        private static IntegrityReport check(EntenteStore store) {
            Projections.RowCheck rows = Projections.rowCheck(store);
            IntegrityReport core = StoreIntegrity.check(store, rows);
            List<IntegrityFinding> all = new ArrayList<>(core.findings());
            all.addAll(rows.findings());
            org.entente.core.store.StoreCopy.unfinishedImport(store).ifPresent(u -> all.add(0,
                    new IntegrityFinding(IntegrityFinding.Kind.UNFINISHED_IMPORT, u, false)));
            return new IntegrityReport(true, core.events(), all, List.of());
        }

        private void requireStored(String what) {
            if (storeSettings.backend() == EntenteStore.Backend.MEMORY) {
                throw new IllegalStateException("an in-memory store has nothing stored to " + what);
            }
        }

        /** A copy of the event store's builder, without projections, for opening one store. */
        private EntenteStore.Builder storeBuilder() {
            return storeSettings.copy();
        }
    }
}
