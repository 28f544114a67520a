package org.entente.seeds;

import java.util.Objects;
import org.entente.core.FactId;
import org.entente.core.relationship.FactCommand;

/**
 * One fact of a seed: the command that records it, and where the fact starts in the file (so that a
 * rule the fact breaks when it is recorded can be reported at its line).
 *
 * @param command  the command that records the fact
 * @param location where the fact's mapping starts
 */
public record SeedFact(FactCommand command, SeedLocation location) {

    /**
     * Validates; see the type's documentation.
     *
     * @param command the command that records the fact
     * @param location where the fact's mapping starts
     */
    public SeedFact {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(location, "location");
    }

    /** {@return the fact's id} */
    public FactId id() {
        return command.fact().id();
    }
}
