package org.entente.seeds;

import java.nio.file.Path;
import java.util.List;

/**
 * The entry point for seeds: the seeds bundled with Entente, and reading a seed or scenario file with
 * the default limits. For other limits use {@link SeedReader#builder()}.
 *
 * <pre>{@code
 * Seed niger = Seeds.bundled("niger-2024");     // docs/DOMAIN.md's story, 26 facts
 * Seed sahel = Seeds.bundled("sahel-2023-2025"); // ECOWAS, the AES, the G5 Sahel, the EU and the UN, 59 facts
 * Seed mine = Seeds.read(Path.of("my-seed.yaml"));
 * ScenarioFile whatIf = Seeds.readScenario(Path.of("us-stayed.yaml"));
 * }</pre>
 */
public final class Seeds {

    private static final List<String> BUNDLED = List.of("niger-2024", "sahel-2023-2025");

    private Seeds() {
    }

    /**
     * {@return the bundled seed with this name, read from the classpath resource
     * {@code org/entente/seeds/<name>.yaml}}
     *
     * @param name a bundled seed's name, such as {@code "niger-2024"} (see {@link #bundledNames()})
     * @throws IllegalArgumentException naming the bundled seeds when none has this name
     */
    public static Seed bundled(String name) {
        return SeedReader.standard().readBundled(name);
    }

    /**
     * {@return the names of the bundled seeds: {@code niger-2024} (Niger and its security partners) and
     * {@code sahel-2023-2025} (organisations in the Sahel), which can be loaded together}
     */
    public static List<String> bundledNames() {
        return BUNDLED;
    }

    /**
     * Reads a seed file with the default limits.
     *
     * @param file a seed file, YAML or JSON; not null
     * @return the seed's header and its facts, in the order of the file, checked against the format (not the rules)
     * @throws SeedFormatException listing every problem of the file
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static Seed read(Path file) {
        return SeedReader.standard().read(file);
    }

    /**
     * Reads a scenario file ({@code format: entente-scenario/1}) with the default limits.
     *
     * @param file a scenario file, YAML or JSON; not null
     * @return the hypothetical facts and the ids of the real facts to remove, in the order of the file
     * @throws SeedFormatException listing every problem of the file
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static ScenarioFile readScenario(Path file) {
        return SeedReader.standard().readScenario(file);
    }
}
