package org.entente.core;

/** How precisely the day a fact happened is known. */
public enum Precision {
    /** The day is known. */
    DAY,
    /** Only the month is known; the day is the best estimate (the first of the month when nothing better). */
    MONTH,
    /** Only the year is known; the day is the best estimate (1 January when nothing better). */
    YEAR
}
