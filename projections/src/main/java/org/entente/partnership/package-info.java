/**
 * Read models of military partnership: a dyad's {@link org.entente.partnership.Partnership} and a
 * country's {@link org.entente.partnership.Portfolio} on a date, with their
 * {@link org.entente.partnership.Status}, {@link org.entente.partnership.Trend} and
 * {@link org.entente.partnership.RepresentationLevel}, computed by the rules in
 * {@link org.entente.partnership.Definitions}.
 */
package org.entente.partnership;
