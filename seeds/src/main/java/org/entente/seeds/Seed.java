package org.entente.seeds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.DyadHistory;
import org.entente.core.relationship.FactCommand;

/**
 * A seed file, read and checked: its header, its facts in the order of the file, and the organisations
 * it registers (its optional {@code organisations:} section).
 *
 * <p>Reading checks the format only (see {@code seeds/FORMAT.md}); whether the facts obey the rules of
 * diplomacy is for {@link org.entente.core.relationship.Decider} to say when they are recorded:
 *
 * <pre>{@code
 * Seed seed = Seeds.bundled("niger-2024");
 * seed.commandsByDyad().forEach((dyad, commands) ->
 *         Decider.decideAll(commands, DyadHistory.empty(dyad)));
 * }</pre>
 *
 * <p>A seed with an {@code organisations:} section registered them in this JVM when it was read; load
 * it into a store by registering them there first (see {@link SeedOrganisation}).
 *
 * @param file          the file's name as it was given to the reader
 * @param header        the format, title and description
 * @param facts         the facts, in the order of the file
 * @param organisations the organisations the seed registers, in the order of the file; empty for none
 */
public record Seed(String file, SeedHeader header, List<SeedFact> facts, List<SeedOrganisation> organisations) {

    private static final Comparator<FactCommand> ORDER = Comparator.comparing(FactCommand::toEvent, DyadHistory.ORDER);

    /**
     * Validates and copies; see the type's documentation.
     *
     * @param file the file's name as it was given to the reader
     * @param header the format, title and description
     * @param facts the facts, in the order of the file
     * @param organisations the organisations the seed registers, in the order of the file; empty for none
     */
    public Seed {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(header, "header");
        facts = List.copyOf(Objects.requireNonNull(facts, "facts"));
        organisations = List.copyOf(Objects.requireNonNull(organisations, "organisations"));
    }

    /**
     * A seed that registers no organisation.
     *
     * @param file the file's name as it was given to the reader
     * @param header the format, title and description
     * @param facts the facts, in the order of the file
     */
    public Seed(String file, SeedHeader header, List<SeedFact> facts) {
        this(file, header, facts, List.of());
    }

    /** {@return the commands of the facts, in the order of the file} */
    public List<FactCommand> commands() {
        return facts.stream().map(SeedFact::command).toList();
    }

    /**
     * {@return the commands grouped by dyad (dyads in the order of their ids), each group in docs/DOMAIN.md's order
     * of facts (day, lifecycle rank, fact id), ready for {@code Decider.decideAll}}
     */
    public Map<Dyad, List<FactCommand>> commandsByDyad() {
        Map<Dyad, List<FactCommand>> byDyad = new TreeMap<>();
        for (SeedFact fact : facts) {
            byDyad.computeIfAbsent(fact.command().fact().dyad(), d -> new ArrayList<>()).add(fact.command());
        }
        byDyad.replaceAll((dyad, commands) -> commands.stream().sorted(ORDER).toList());
        return java.util.Collections.unmodifiableMap(byDyad);
    }

    /**
     * {@return the fact with this id, if the seed has it}
     *
     * @param id a fact id, as written in the file
     */
    public Optional<SeedFact> fact(FactId id) {
        return facts.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
