package org.entente.eventdata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entente.Entente;
import org.entente.core.Dyad;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactCommand.RecordInteraction;
import org.entente.core.relationship.FactConflictException;
import org.entente.core.relationship.FactEvent;
import org.entente.core.store.BatchRejectedException;
import org.entente.core.store.BatchResult;
import org.entente.core.store.BatchViolation;

/**
 * Records parsed rows through {@link Entente#recordAll}: the batch is checked whole; when some rows
 * cannot be recorded (a conflict with a recorded fact of the same id, mostly), they are reported and
 * the batch is sent again without them.
 */
final class Recording {

    /** Rejections a batch can go through before the import gives up (each round removes the rows named). */
    private static final int ROUNDS = 5;

    private Recording() {
    }

    static ImportReport record(Entente entente, ParseResult parsed, boolean dryRun, ImportProgress progress) {
        List<Skip> skips = new ArrayList<>(parsed.skips().all());
        List<ParsedRow> pending = new ArrayList<>(parsed.parsed());
        if (dryRun) {
            BatchResult r = entente.dryRun(commands(pending));
            int rejected = report(entente, r.violations(), pending, skips).size();
            return new ImportReport(parsed.dataset(), parsed.file(), true, parsed.rows(), pending.size() - rejected - r.unchanged(),
                    r.unchanged(), SkipReport.of(skips));
        }
        for (int round = 1; ; round++) {
            try {
                BatchResult r = entente.recordAll(commands(pending),
                        (done, total) -> progress.update(ImportProgress.Phase.WRITING, done, total));
                return new ImportReport(parsed.dataset(), parsed.file(), false, parsed.rows(), pending.size() - r.unchanged(),
                        r.unchanged(), SkipReport.of(skips));
            } catch (BatchRejectedException e) {
                if (round == ROUNDS) {
                    throw e;
                }
                Set<Integer> rejected = report(entente, e.violations(), pending, skips);
                List<ParsedRow> rest = new ArrayList<>(pending.size() - rejected.size());
                for (int i = 0; i < pending.size(); i++) {
                    if (!rejected.contains(i)) {
                        rest.add(pending.get(i));
                    }
                }
                pending = rest;
            }
        }
    }

    private static List<RecordInteraction> commands(List<ParsedRow> rows) {
        return rows.stream().map(ParsedRow::command).toList();
    }

    /** Adds a skip per violation and returns the batch indexes they name. */
    private static Set<Integer> report(Entente entente, List<BatchViolation> violations, List<ParsedRow> pending, List<Skip> skips) {
        Set<Integer> indexes = new HashSet<>();
        Map<Dyad, Optional<DyadHistory>> histories = new HashMap<>();
        for (BatchViolation v : violations) {
            if (!indexes.add(v.index())) {
                continue;
            }
            ParsedRow row = pending.get(v.index());
            if (v.error() instanceof FactConflictException) {
                skips.add(new Skip(row.line(), row.rowId(), SkipReason.CHANGED, changes(entente, histories, row.command())));
            } else {
                skips.add(new Skip(row.line(), row.rowId(), SkipReason.REJECTED, Text.cut(v.message(), 500)));
            }
        }
        return indexes;
    }

    /** What differs between the recorded fact and the row: "CAMEO 040 → 043; description ...". */
    private static String changes(Entente entente, Map<Dyad, Optional<DyadHistory>> histories, RecordInteraction proposed) {
        var id = proposed.fact().id();
        Optional<Dyad> owner = entente.store().dyadOf(id);
        if (owner.isEmpty()) {
            return "fact " + id + " is recorded with other content";
        }
        if (!owner.get().equals(proposed.fact().dyad())) {
            return "fact " + id + " is recorded for " + owner.get() + ", the row now says " + proposed.fact().dyad();
        }
        Optional<FactEvent> recorded = histories.computeIfAbsent(owner.get(), entente::history)
                .flatMap(h -> h.entry(id)).map(DyadHistory.Entry::fact);
        if (recorded.isEmpty()) {
            return "fact " + id + " is recorded with other content";
        }
        if (!(recorded.get() instanceof FactEvent.InteractionRecorded was)) {
            return "fact " + id + " is recorded as " + recorded.get().kind().label() + ", not as an interaction";
        }
        FactEvent.InteractionRecorded now = proposed.toEvent();
        List<String> diffs = new ArrayList<>();
        if (!was.fact().actor().equals(now.fact().actor())) {
            diffs.add("direction " + was.fact().actor() + "→" + was.fact().target() + " now " + now.fact().actor() + "→" + now.fact().target());
        }
        if (!was.fact().happened().equals(now.fact().happened())) {
            diffs.add("date " + was.fact().happened() + " now " + now.fact().happened());
        }
        if (!was.code().equals(now.code())) {
            diffs.add("CAMEO " + was.code() + " now " + now.code());
        }
        if (!was.description().equals(now.description())) {
            diffs.add("description '" + Text.cut(was.description(), 80) + "' now '" + Text.cut(now.description(), 80) + "'");
        }
        if (!was.fact().sources().equals(now.fact().sources())) {
            diffs.add("sources changed");
        }
        return "recorded with other content (a newer release changed the row): "
                + (diffs.isEmpty() ? "details differ" : String.join("; ", diffs));
    }
}
