/**
 * What-if simulations: a {@link org.entente.simulation.Scenario} branches from real history on a date,
 * adds or drops facts, and is run through the same rules as recorded history; the
 * {@link org.entente.simulation.Simulation} answers questions on the branch and compares it with
 * reality ({@link org.entente.simulation.PortfolioComparison}, {@link org.entente.simulation.DroppedFact}).
 */
package org.entente.simulation;
