package org.entente.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entente.Entente;
import org.entente.core.EntenteException;
import org.entente.core.relationship.FactConflictException;
import org.entente.core.relationship.RelationshipCommand;
import org.entente.core.store.BatchProgress;
import org.entente.core.store.BatchResult;
import org.entente.core.store.BatchViolation;
import org.entente.core.text.TerminalText;
import org.entente.seeds.Seed;
import org.entente.seeds.SeedFact;
import org.entente.seeds.SeedOrganisation;
import org.entente.seeds.Seeds;

/**
 * Loading a seed into an Entente: the seed module turns a file into facts (registering the organisations
 * of its {@code organisations:} section in the JVM), Entente records them. A dry run comes first, so a
 * violation anywhere means nothing is written, and each violation is reported at its file and line; then
 * the seed's organisations are registered in the store, then its facts recorded.
 */
final class SeedLoading {

    private SeedLoading() {
    }

    /** A seed named by a path (if such a file exists) or by a bundled name. */
    static Seed resolve(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path)) {
            return Seeds.read(path);
        }
        if (Seeds.bundledNames().contains(nameOrPath)) {
            return Seeds.bundled(nameOrPath);
        }
        String lower = nameOrPath.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")
                || nameOrPath.contains("/") || nameOrPath.contains(java.io.File.separator)) {
            // Named as a file: the file is what is missing, not the form of the name.
            throw new EntenteCli.UsageError((Files.isDirectory(path) ? TerminalText.escape(nameOrPath) + " is a directory"
                    : "no file " + TerminalText.escape(nameOrPath)) + "; expected a seed file (YAML or JSON) or a bundled seed: " + String.join(", ", Seeds.bundledNames()));
        }
        throw new EntenteCli.UsageError("'" + TerminalText.escape(nameOrPath) + "' is neither a seed file nor a bundled seed; bundled seeds: "
                + String.join(", ", Seeds.bundledNames()) + "; files end in .yaml, .yml or .json");
    }

    /** Loads a bundled seed (no corrections); returns how many facts it holds. */
    static int loadBundled(Entente entente, String name) {
        Seed seed = Seeds.bundled(name);
        load(entente, seed, false, false, BatchProgress.NONE);
        return seed.facts().size();
    }

    /**
     * Checks, then records, a seed: the organisations it registers go into the store first
     * ({@link Entente#registerOrganisation}), unless this is a dry run, which writes nothing.
     *
     * @throws SeedRejectedException listing every violation at its file and line, when nothing was written
     */
    static BatchResult load(Entente entente, Seed seed, boolean dryRun, boolean applyCorrections, BatchProgress progress) {
        List<RelationshipCommand> commands = new ArrayList<>(seed.commands());
        BatchResult check = entente.dryRun(commands);
        if (applyCorrections && !check.isValid()) {
            for (BatchViolation v : check.violations()) {
                if (v.error() instanceof FactConflictException) {
                    SeedFact fact = seed.facts().get(v.index());
                    commands.set(v.index(), new RelationshipCommand.CorrectFact(fact.command(),
                            "changed in seed " + fact.location()));
                }
            }
            check = entente.dryRun(commands);
        }
        if (!check.isValid()) {
            throw new SeedRejectedException(seed, check.violations(), applyCorrections);
        }
        if (dryRun) {
            return check;
        }
        registerOrganisations(entente, seed);
        return entente.recordAll(commands, progress);
    }

    /** Keeps the seed's organisations in the store, so that it knows them whenever it opens. */
    static void registerOrganisations(Entente entente, Seed seed) {
        for (SeedOrganisation registered : seed.organisations()) {
            entente.registerOrganisation(registered.organisation());
        }
    }

    /** A seed whose facts break rules or conflict with recorded facts; nothing was written. */
    static final class SeedRejectedException extends EntenteException {
        SeedRejectedException(Seed seed, List<BatchViolation> violations, boolean applyCorrections) {
            super(message(seed, violations, applyCorrections));
        }

        private static String message(Seed seed, List<BatchViolation> violations, boolean applyCorrections) {
            StringBuilder s = new StringBuilder(TerminalText.escape(seed.file())).append(": ").append(violations.size())
                    .append(violations.size() == 1 ? " fact" : " facts").append(" cannot be recorded; nothing was written");
            boolean conflicts = false;
            for (BatchViolation v : violations) {
                SeedFact fact = seed.facts().get(v.index());
                s.append("\n  ").append(TerminalText.escape(fact.location().toString())).append(' ').append(fact.id()).append(": ")
                        .append(TerminalText.sanitize(v.message()));
                conflicts |= v.error() instanceof FactConflictException;
            }
            if (conflicts && !applyCorrections) {
                s.append("\n  (facts changed under a recorded id: load with --apply-corrections to record them as corrections)");
            }
            return s.toString();
        }
    }
}
