/**
 * The library's entry point: {@link org.entente.Entente}, built with {@code Entente.builder()}, records
 * facts and answers questions about partnerships, portfolios, timelines and changes as of any date
 * ({@link org.entente.When}). It is what an application depends on ({@code org.entente:entente}).
 *
 * <p>Read models live in {@code org.entente.partnership} and {@code org.entente.timeline}, time series
 * for notebooks in {@code org.entente.series}, HTML reports in {@code org.entente.report}, what-if
 * simulations in {@code org.entente.simulation}. The {@code org.entente.internal} package is not API.
 */
package org.entente;
