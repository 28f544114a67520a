package org.entente;

import java.util.List;
import org.entente.core.relationship.FactCommand;

/** Opens the package-private story to tests in other packages. */
public final class NigerStoryAccess {

    private NigerStoryAccess() {
    }

    public static List<FactCommand> facts() {
        return NigerStory.facts();
    }
}
