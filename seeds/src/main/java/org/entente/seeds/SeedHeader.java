package org.entente.seeds;

import java.util.Objects;
import java.util.Optional;

/**
 * What a seed or scenario file says about itself, before its facts.
 *
 * @param format      the format and version, always {@link SeedReader#FORMAT} for a seed that was read,
 *                    {@link SeedReader#SCENARIO_FORMAT} for a scenario file
 * @param title       a short title
 * @param description a longer description, if the file has one
 */
public record SeedHeader(String format, String title, Optional<String> description) {

    /**
     * Validates; see the type's documentation.
     *
     * @param format the format and version, always {@link SeedReader#FORMAT} for a seed that was read, {@link SeedReader#SCENARIO_FORMAT} for a scenario file
     * @param title a short title
     * @param description a longer description, if the file has one
     */
    public SeedHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
    }
}
