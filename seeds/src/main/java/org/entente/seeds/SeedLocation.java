package org.entente.seeds;

import java.util.Objects;

/**
 * Where something is in a seed file: the file's name as it was given to the reader, and a 1-based
 * line and column.
 *
 * <p>A line and column of 0 mean the whole file (for example a file that is too large to read).
 *
 * @param file   the file's name: a path, the name given with a stream, or a bundled seed's resource
 * @param line   the line, from 1; 0 for the whole file
 * @param column the column, from 1; 0 for the whole file
 */
public record SeedLocation(String file, int line, int column) {

    /**
     * Validates; see the type's documentation.
     *
     * @param file the file's name: a path, the name given with a stream, or a bundled seed's resource
     * @param line the line, from 1; 0 for the whole file
     * @param column the column, from 1; 0 for the whole file
     */
    public SeedLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 0 or more, got " + line + ":" + column);
        }
    }

    /** {@code niger-2024.yaml:12:5}, as compilers print positions. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
