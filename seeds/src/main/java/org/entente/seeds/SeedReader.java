package org.entente.seeds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads seed files ({@code seeds/FORMAT.md}): YAML, or JSON when the name ends with {@code .json} or
 * the first non-blank character is '{'. Every problem of a file is reported at once, with its line and
 * column, in a {@link SeedFormatException}; files that break a limit are refused quickly. Reads scenario
 * files too ({@link #readScenario(Path)}), with the same checks and limits.
 *
 * <pre>{@code
 * Seed niger = SeedReader.standard().read(Path.of("niger-2024.yaml"));
 * SeedReader strict = SeedReader.builder().maxFileSize(1 << 20).maxFacts(10_000).build();
 * Seed bundled = strict.readBundled("niger-2024");
 * ScenarioFile whatIf = strict.readScenario(Path.of("us-stayed.yaml"));
 * }</pre>
 *
 * <p>Immutable and thread-safe: one reader can read many files at once.
 */
public final class SeedReader {

    /** The format and version this reader accepts, the first line of a seed file. */
    public static final String FORMAT = "entente-seed/1";

    /** The format and version of scenario files this reader accepts ({@link #readScenario(Path)}). */
    public static final String SCENARIO_FORMAT = "entente-scenario/1";

    /** Default of {@link Builder#maxFileSize(long)}: 16 MiB. */
    public static final long DEFAULT_MAX_FILE_SIZE = 16L * 1024 * 1024;
    /** Default of {@link Builder#maxNestingDepth(int)}: 20 levels. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 20;
    /** Default of {@link Builder#maxFacts(int)}: 1,000,000 facts. */
    public static final int DEFAULT_MAX_FACTS = 1_000_000;
    /** Default of {@link Builder#maxStringLength(int)}: 10,000 characters. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 10_000;
    /** Default of {@link Builder#maxAliasExpansion(long)}: 1,000,000 values. */
    public static final long DEFAULT_MAX_ALIAS_EXPANSION = 1_000_000;
    /** Default of {@link Builder#maxProblems(int)}: 1,000 problems. */
    public static final int DEFAULT_MAX_PROBLEMS = 1_000;

    private static final SeedReader STANDARD = builder().build();

    private final Limits limits;
    private final YAMLFactory yaml;
    private final JsonFactory json;

    private SeedReader(Limits limits) {
        this.limits = limits;
        // Jackson's own constraints are a second line of defence; the reader's checks, with their
        // clearer messages, come first.
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth() + 1)
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, Math.max(limits.maxFileSize(), limits.maxStringLength() + 1L)))
                .maxDocumentLength(limits.maxFileSize() + 1)
                .build();
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileSize() + 1));
        loader.setNestingDepthLimit(limits.maxNestingDepth() + 1);
        this.yaml = new AnchoringYamlFactory(YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(constraints)
                // YAML 1.2: only true and false are booleans (not yes, no, on, off, y, n).
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                // An empty quoted text stays text, so that it is reported as blank rather than missing.
                .disable(YAMLParser.Feature.EMPTY_STRING_AS_NULL));
        this.json = JsonFactory.builder().streamReadConstraints(constraints).build();
    }

    /** {@return a reader with the default limits} */
    public static SeedReader standard() {
        return STANDARD;
    }

    /** {@return a builder of a reader with other limits; every limit starts at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a seed file.
     *
     * @param file a seed file, YAML or JSON (a {@code .json} name, or content that opens with a JSON object); not null
     * @return the seed's header and its facts, in the order of the file, checked against the format (not the rules)
     * @throws SeedFormatException  listing every problem of the file
     * @throws UncheckedIOException when the file cannot be read
     */
    public Seed read(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        return parser(name, false).parse(bytes(file, "seed"));
    }

    /**
     * Reads a seed from a stream, which is read to its end (or to the size limit) but not closed.
     *
     * @param name the file's name for messages; a name ending with {@code .json} is read as JSON
     * @param in the seed's bytes
     * @return the seed's header and its facts, in the order of the file, checked against the format (not the rules)
     * @throws SeedFormatException  listing every problem of the file
     * @throws UncheckedIOException when the stream cannot be read
     */
    public Seed read(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        return parser(name, false).parse(bytes(in, name, "seed"));
    }

    /**
     * Reads a scenario file ({@code format: entente-scenario/1}): hypothetical facts and the ids of real
     * facts to remove, as {@code simulate --apply FILE} takes them. A file with another format, a seed
     * included, is refused.
     *
     * @param file a scenario file, YAML or JSON; not null
     * @return the hypothetical facts and the ids of the real facts to remove, in the order of the file
     * @throws SeedFormatException  listing every problem of the file
     * @throws UncheckedIOException when the file cannot be read
     */
    public ScenarioFile readScenario(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        return parser(name, true).parseScenario(bytes(file, "scenario"));
    }

    /**
     * Reads a scenario from a stream, which is read to its end (or to the size limit) but not closed.
     *
     * @param name the file's name for messages; a name ending with {@code .json} is read as JSON
     * @param in the seed's bytes
     * @return the hypothetical facts and the ids of the real facts to remove, in the order of the file
     * @throws SeedFormatException  listing every problem of the file
     * @throws UncheckedIOException when the stream cannot be read
     */
    public ScenarioFile readScenario(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        return parser(name, true).parseScenario(bytes(in, name, "scenario"));
    }

    private SeedParser parser(String name, boolean scenario) {
        return new SeedParser(limits, yaml, json, name, scenario);
    }

    /** The bytes of a file whose size is checked before it is opened. */
    private byte[] bytes(Path file, String what) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > limits.maxFileSize()) {
                throw SeedParser.tooLarge(name, Values.count(size), limits.maxFileSize());
            }
            try (InputStream in = Files.newInputStream(file)) {
                return bytes(in, name, what);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " file " + name + ": " + e, e);
        }
    }

    /** The bytes of a stream, read no further than the size limit. */
    private byte[] bytes(InputStream in, String name, String what) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) limits.maxFileSize() + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " " + name + ": " + e, e);
        }
        if (bytes.length > limits.maxFileSize()) {
            throw SeedParser.tooLarge(name, "more than " + Values.count(limits.maxFileSize()), limits.maxFileSize());
        }
        return bytes;
    }

    /**
     * Reads a seed bundled with Entente, by name ({@code "niger-2024"}); see {@link Seeds#bundledNames()}.
     *
     * @param name a bundled seed's name, such as {@code "niger-2024"}, without extension
     * @return the bundled seed, read with this reader's limits
     * @throws IllegalArgumentException naming the bundled seeds when none has this name
     */
    public Seed readBundled(String name) {
        Objects.requireNonNull(name, "name");
        if (!Seeds.bundledNames().contains(name)) {
            throw new IllegalArgumentException("no seed named " + Values.quote(name) + " is bundled; bundled seeds: "
                    + String.join(", ", Seeds.bundledNames()));
        }
        String resource = "org/entente/seeds/" + name + ".yaml";
        try (InputStream in = SeedReader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath of entente-seeds");
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled seed " + resource + ": " + e, e);
        }
    }

    /**
     * Builds a {@link SeedReader}. Every limit has a default suited to seeds written by people (the
     * bundled Niger seed is 15 KiB with 26 facts); raise them for machine-made imports.
     */
    public static final class Builder {

        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int maxFacts = DEFAULT_MAX_FACTS;
        private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
        private long maxAliasExpansion = DEFAULT_MAX_ALIAS_EXPANSION;
        private int maxProblems = DEFAULT_MAX_PROBLEMS;

        private Builder() {
        }

        /**
         * Sets the largest file, in bytes; larger files are refused before they are parsed (a path's size is
         * checked before it is opened). Default 16 MiB, at most 1 GiB.
         *
         * @param bytes the largest size accepted, 1 byte to 1 GiB
         * @return this builder
         */
        public Builder maxFileSize(long bytes) {
            this.maxFileSize = between("maxFileSize", bytes, 1, 1L << 30);
            return this;
        }

        /**
         * Sets the deepest nesting of lists and mappings. A seed needs 5 (file, facts, fact, sources,
         * source); default 20, from 5 to 1,000.
         *
         * @param levels the deepest nesting accepted, 5 to 1,000
         * @return this builder
         */
        public Builder maxNestingDepth(int levels) {
            this.maxNestingDepth = (int) between("maxNestingDepth", levels, 5, 1_000);
            return this;
        }

        /**
         * Sets the most facts in one file; in a scenario file, also the most removals. Default 1,000,000, at
         * least 1.
         *
         * @param facts the most facts accepted, at least 1
         * @return this builder
         */
        public Builder maxFacts(int facts) {
            this.maxFacts = (int) between("maxFacts", facts, 1, Integer.MAX_VALUE);
            return this;
        }

        /**
         * Sets the longest text (any value or field name), in characters. It also bounds the length of a
         * YAML line to twice this plus 1,024 (see FORMAT.md). Default 10,000; from 128 (the longest
         * fact id) to 16,777,216.
         *
         * @param characters the longest text accepted, 128 to 16,777,216 characters
         * @return this builder
         */
        public Builder maxStringLength(int characters) {
            this.maxStringLength = (int) between("maxStringLength", characters, 128, 1 << 24);
            return this;
        }

        /**
         * Sets how many values YAML aliases ({@code *name}) may repeat in all, each alias counting the
         * values of what it repeats (aliases inside counted expanded). Refuses "billion laughs"
         * documents at the alias that crosses it, without expanding anything. Default 1,000,000; 0
         * refuses every alias.
         *
         * @param values the most values aliases may repeat, 0 or more (0 refuses every alias)
         * @return this builder
         */
        public Builder maxAliasExpansion(long values) {
            this.maxAliasExpansion = between("maxAliasExpansion", values, 0, Long.MAX_VALUE);
            return this;
        }

        /**
         * Sets the most problems listed; reading stops at the next one. Default 1,000, at least 1.
         *
         * @param problems the most problems one exception lists, at least 1
         * @return this builder
         */
        public Builder maxProblems(int problems) {
            this.maxProblems = (int) between("maxProblems", problems, 1, Integer.MAX_VALUE);
            return this;
        }

        /** {@return a reader with these limits, immutable and safe to share between threads} */
        public SeedReader build() {
            return new SeedReader(new Limits(maxFileSize, maxNestingDepth, maxFacts, maxStringLength, maxAliasExpansion,
                    maxProblems));
        }

        private static long between(String name, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " is " + value + "; expected " + Values.count(min)
                        + " to " + Values.count(max));
            }
            return value;
        }
    }
}
