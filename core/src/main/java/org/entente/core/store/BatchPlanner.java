package org.entente.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.entente.core.Dyad;
import org.entente.core.EntenteException;
import org.entente.core.FactId;
import org.entente.core.relationship.Decider;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactCommand;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.relationship.RelationshipCommand.CorrectFact;
import org.entente.core.relationship.RelationshipCommand.RetractFacts;
import org.entente.core.relationship.RelationshipEvent;
import org.entente.core.relationship.UnknownFactException;

/**
 * Plans a batch before anything is written: finds each command's dyad, checks every rule on the
 * stored history extended by the batch's earlier commands (so all violations are found at once), and
 * groups what is left to write into transactions of about {@code chunkSize} commands.
 */
final class BatchPlanner {

    /** What a batch would do: its commands by dyad, the events decided, and every violation found. */
    static final class Plan {
        final Map<Dyad, List<RelationshipCommand>> byDyad = new LinkedHashMap<>();
        final Set<Dyad> newDyads = new HashSet<>();
        /**
         * Per dyad: the history the rules were checked on, extended by the batch's events (partial when the
         * dyad's aggregate keeps only a summary: its events are read only when a decision needs them).
         */
        final Map<Dyad, DyadHistory> working = new HashMap<>();
        /**
         * Per dyad: for each piece of {@code chunkSize} commands but the last, the events it records and the
         * history after it (a summary), so that every piece is written as decided here.
         */
        final Map<Dyad, List<Piece>> pieces = new HashMap<>();
        /** Per dyad: the sequence number of its last stored event when the plan read it (-1: none). */
        final Map<Dyad, Long> baseSequence = new HashMap<>();
        /** Per dyad: the events the batch records, in order. */
        final Map<Dyad, List<RelationshipEvent>> decided = new HashMap<>();
        final List<BatchViolation> violations = new ArrayList<>();
        int events;
        int unchanged;
    }

    /** A full piece of one dyad's commands: the events its commands record and the history after them. */
    private record Piece(List<RelationshipEvent> events, DyadHistory after) {
    }

    private final FactIdRegistry registry;
    /** The aggregate cache, or null when the store keeps none. */
    private final Cache cache;
    private final ConnectionProvider connections;
    private final HistoryLoader loader;
    private final int chunkSize;

    BatchPlanner(FactIdRegistry registry, Cache cache, ConnectionProvider connections, HistoryLoader loader, int chunkSize) {
        this.registry = registry;
        this.cache = cache;
        this.connections = connections;
        this.loader = loader;
        this.chunkSize = chunkSize;
    }

    Plan plan(List<? extends RelationshipCommand> commands) {
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
        // The batch's fact ids that no dyad holds, by the dyad whose commands name them: looking one of them up
        // in that dyad's history needs no read. (Each dyad gets its own ids, not the whole batch's: a history
        // keeps a copy, and 10,000 ids copied for each of thousands of dyads was most of a batch's time.)
        Map<Dyad, Set<FactId>> unrecorded = new HashMap<>();
        inBatch.forEach((id, dyad) -> {
            if (!owners.containsKey(id)) {
                unrecorded.computeIfAbsent(dyad, k -> new HashSet<>()).add(id);
            }
        });
        // One query tells which dyads hold facts already; only those are loaded.
        Set<Dyad> known = knownDyads(new HashSet<>(dyadOfIndex.values()));
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
                Optional<HistoryLoader.LoadedHistory> stored = known.contains(k) ? loader.loadForDeciding(k, unrecorded.getOrDefault(k, Set.of())) : Optional.empty();
                plan.baseSequence.put(k, stored.map(HistoryLoader.LoadedHistory::lastSequence).orElse(-1L));
                return stored.map(HistoryLoader.LoadedHistory::history).orElseGet(() -> DyadHistory.empty(k));
            });
            try {
                List<RelationshipEvent> events = Decider.decide(c, h);
                events.forEach(e -> Decider.evolve(h, e));
                if (events.isEmpty()) {
                    // Recorded already: nothing to send (a fact id's content can only change through a correction).
                    plan.unchanged++;
                } else {
                    List<RelationshipCommand> ofDyad = plan.byDyad.computeIfAbsent(d, k -> new ArrayList<>());
                    ofDyad.add(c);
                    List<RelationshipEvent> decided = plan.decided.computeIfAbsent(d, k -> new ArrayList<>());
                    decided.addAll(events);
                    if (ofDyad.size() % chunkSize == 0) {
                        // A piece ends here (see chunks): keep its events and the summary after it.
                        plan.pieces.computeIfAbsent(d, k -> new ArrayList<>()).add(new Piece(List.copyOf(decided), h.compacted()));
                        decided.clear();
                    }
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
     * The dyad a command acts on; retractions and corrections find theirs from the fact-id table or the
     * batch.
     */
    Dyad dyadOf(RelationshipCommand command, Map<FactId, Dyad> inBatch) {
        if (command instanceof FactCommand f) {
            return f.fact().dyad();
        }
        if (command instanceof CorrectFact c) {
            // A correction goes to the dyad its fact is recorded in, whatever dyad the revision names: there
            // the rules refuse a change of dyad (CORRECTION_CHANGES_DYAD) for every path alike. A fact recorded
            // nowhere goes to the revision's dyad, whose rules say it is unknown.
            FactId id = c.revised().fact().id();
            Dyad registered = registry.dyadsOf(List.of(id)).get(id);
            if (registered == null) {
                registered = inBatch.get(id);
            }
            return registered != null ? registered : c.revised().fact().dyad();
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
                throw new IllegalArgumentException("a retraction acts on facts of one dyad, but " + r.facts().get(0) + " is of "
                        + dyad + " and " + id + " of " + d + "; retract them separately or in one batch");
            }
            dyad = d;
        }
        return dyad;
    }

    /**
     * Which of these dyads have events: those in the aggregate cache, and for the others one query per
     * 500 dyads. It reads the event table, whose
     * (aggregate, sequence) key is indexed: the fact-id table has no index on its dyad column, and
     * scanning it for every batch made large ingests slow.
     */
    private Set<Dyad> knownDyads(Set<Dyad> dyads) {
        Set<Dyad> known = new HashSet<>();
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
                String marks = String.join(",", Collections.nCopies(part.size(), "?"));
                // A dyad with events has its first at sequence 0 (Axon numbers an aggregate's events from 0 and
                // none is ever deleted): one unique-index lookup per dyad. DISTINCT over all of their events read
                // every event of the batch's dyads, half of recordAll's time on a 1M PostgreSQL store.
                try (PreparedStatement ps = c.prepareStatement("SELECT aggregateIdentifier FROM DomainEventEntry"
                        + " WHERE sequenceNumber = 0 AND aggregateIdentifier IN (" + marks + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 1, part.get(i).id());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
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
    List<List<DyadCommands>> chunks(Plan plan) {
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
                // Each piece carries the plan's decision: its events and the history after it. The aggregate
                // adopts it unless the dyad changed since the plan read it (then it decides again).
                List<Piece> full = plan.pieces.getOrDefault(e.getKey(), List.of());
                int index = from / chunkSize;
                Piece p = index < full.size() ? full.get(index)
                        : new Piece(plan.decided.get(e.getKey()), plan.working.get(e.getKey()).compacted());
                long base = plan.baseSequence.get(e.getKey());
                for (int i = 0; i < index; i++) {
                    base += full.get(i).events().size();
                }
                DyadCommands.Decided decided = new DyadCommands.Decided(base, p.events(), p.after());
                current.add(new DyadCommands(e.getKey().id(), piece, true, create, decided, loader.source()));
                size += piece.size();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
