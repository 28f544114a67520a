/**
 * Reports a person opens in a browser: {@link org.entente.report.Report} writes a country's or a dyad's
 * history as one self-contained HTML page (status lanes, temperatures, security partners, the board on
 * any day with a slider, the timeline with its sources). Everything else in the package is its
 * implementation.
 */
package org.entente.report;
