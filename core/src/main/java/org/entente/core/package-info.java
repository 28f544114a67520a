/**
 * Entente's values: {@link org.entente.core.Country} and {@link org.entente.core.Organisation}, the two kinds
 * of {@link org.entente.core.Actor}, {@link org.entente.core.Dyad} (an unordered
 * pair of countries), {@link org.entente.core.FactId}, {@link org.entente.core.HappenedOn} (a day
 * with its {@link org.entente.core.Precision}), {@link org.entente.core.Source} and
 * {@link org.entente.core.CameoCode}, and {@link org.entente.core.EntenteException}, the root of the
 * library's exceptions.
 *
 * <p>Every value validates itself in its factory ({@code Country.of("NER")}, {@code Dyad.of(a, b)})
 * and says what it would have accepted when it refuses.
 */
package org.entente.core;
