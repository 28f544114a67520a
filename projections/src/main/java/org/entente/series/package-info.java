/**
 * Time series of a country's partnerships, for notebooks and spreadsheets: a
 * {@link org.entente.series.SeriesQuery} (a country, optionally one partner, dates from a first to a
 * last by a {@link org.entente.series.Step}, and the knowledge filters), answered by
 * {@code Entente.series(query)} as a {@link org.entente.series.Series} of
 * {@link org.entente.series.SeriesRow}s, written as tidy CSV or JSON.
 */
package org.entente.series;
