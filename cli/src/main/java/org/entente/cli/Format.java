package org.entente.cli;

/** Output formats of the read commands. */
enum Format {
    /** Aligned tables, for people. */
    TEXT,
    /** JSON, for scripts. */
    JSON
}
