package org.entente.seeds;

/**
 * The reader's limits against hostile or broken files; see {@link SeedReader.Builder} for what each
 * one means and its default.
 */
record Limits(long maxFileSize, int maxNestingDepth, int maxFacts, int maxStringLength, long maxAliasExpansion,
              int maxProblems) {

    /** Items of one list inside a fact (bases, forces, domains); a format rule, not a setting. */
    static final int MAX_LIST_ITEMS = 1_000;

    /** Fields of one mapping; a fact has at most 12 legitimate ones, a source 7. */
    static final int MAX_FIELDS = 100;

    /**
     * The longest YAML line: twice the longest text plus room for indentation and a key. SnakeYAML's
     * scanner slows down sharply on very long lines (about 3 s for one line of 4 million characters,
     * minutes for 30 million), so lines are checked before the YAML is parsed. Long texts can always
     * be written over several lines (a block scalar, {@code |}).
     */
    int maxLineLength() {
        return (int) Math.min(Integer.MAX_VALUE, 2L * maxStringLength + 1_024);
    }
}
