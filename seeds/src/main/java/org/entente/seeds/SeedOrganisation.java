package org.entente.seeds;

import java.util.Objects;
import org.entente.core.Organisation;

/**
 * An organisation a seed registers in its {@code organisations:} section, because Entente's bundled table
 * lacks it, and where its entry starts in the file.
 *
 * <p>Reading the seed registered it in this JVM ({@link Organisation#register(String, String)}), so the
 * seed's facts can name it. A program that loads the seed into a store registers it there too, before the
 * facts, so that the store knows it whenever it opens:
 *
 * <pre>{@code
 * seed.organisations().forEach(o -> entente.registerOrganisation(o.organisation()));
 * entente.recordAll(seed.commands());
 * }</pre>
 *
 * @param organisation the organisation, as registered: acronym, name and CAMEO actor code if any
 * @param location     where its entry starts in the file
 */
public record SeedOrganisation(Organisation organisation, SeedLocation location) {

    /**
     * Validates; see the type's documentation.
     *
     * @param organisation the organisation, as registered
     * @param location where its entry starts in the file
     */
    public SeedOrganisation {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(location, "location");
    }
}
