package org.entente.seeds;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.FactId;
import org.entente.core.relationship.FactCommand;

/**
 * A scenario file, read and checked: the hypothetical facts a what-if branch adds to real history and
 * the real facts it leaves out ({@code seeds/FORMAT.md}, "Scenario files"). The command line's
 * {@code simulate --branch-at DATE --apply FILE} reads one.
 *
 * <pre>{@code
 * ScenarioFile file = Seeds.readScenario(Path.of("us-stayed.yaml"));
 * Scenario scenario = Scenario.branchAt(LocalDate.of(2024, 3, 15))
 *         .addAll(file.commands())
 *         .removeAll(file.removedIds());
 * }</pre>
 *
 * <p>Reading checks the format only: whether a removed fact exists and happened after the branch date,
 * or a hypothetical fact obeys the rules, is for the simulation to say.
 *
 * @param file     the file's name as it was given to the reader
 * @param header   the format ({@link SeedReader#SCENARIO_FORMAT}), title and description
 * @param facts    the hypothetical facts, in the order of the file; a fact written without sources has
 *                 one source of kind hypothetical, confidence reported ({@link org.entente.core.Source#hypothetical()})
 * @param removals the real facts to leave out, in the order of the file, without duplicates
 */
public record ScenarioFile(String file, SeedHeader header, List<SeedFact> facts, List<Removal> removals) {

    /**
     * Validates and copies; see the type's documentation.
     *
     * @param file the file's name as it was given to the reader
     * @param header the format ({@link SeedReader#SCENARIO_FORMAT}), title and description
     * @param facts the hypothetical facts, in the order of the file; a fact written without sources has one source of kind hypothetical, confidence reported ({@link org.entente.core.Source#hypothetical()})
     * @param removals the real facts to leave out, in the order of the file, without duplicates
     */
    public ScenarioFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(header, "header");
        facts = List.copyOf(Objects.requireNonNull(facts, "facts"));
        removals = List.copyOf(Objects.requireNonNull(removals, "removals"));
    }

    /** {@return the commands of the hypothetical facts, in the order of the file} */
    public List<FactCommand> commands() {
        return facts.stream().map(SeedFact::command).toList();
    }

    /** {@return the ids of the real facts to leave out, in the order of the file} */
    public List<FactId> removedIds() {
        return removals.stream().map(Removal::id).toList();
    }

    /**
     * {@return the hypothetical fact with this id, if the scenario has it}
     *
     * @param id a hypothetical fact's id
     */
    public Optional<SeedFact> fact(FactId id) {
        return facts.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * One item of a scenario's {@code remove} list: a real fact to leave out, and where the file names it
     * (so that a simulation refusing the removal can point at its line).
     *
     * @param id       the real fact's id
     * @param location where the item is in the file
     */
    public record Removal(FactId id, SeedLocation location) {

        /**
         * Validates; see the type's documentation.
         *
         * @param id the real fact's id
         * @param location where the item is in the file
         */
        public Removal {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(location, "location");
        }
    }
}
