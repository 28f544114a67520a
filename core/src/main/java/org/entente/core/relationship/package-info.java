/**
 * The rules of diplomacy, as plain Java without a framework: the commands a user records
 * ({@link org.entente.core.relationship.FactCommand}), the events they become
 * ({@link org.entente.core.relationship.FactEvent}), the state of a dyad they fold into
 * ({@link org.entente.core.relationship.RelationshipState}) and the pure
 * {@link org.entente.core.relationship.Decider} that checks a command against a dyad's history on the
 * date the fact happened.
 *
 * <p>A refused command throws a {@link org.entente.core.relationship.RuleViolationException} whose
 * {@link org.entente.core.relationship.Rule} says which rule it broke.
 */
package org.entente.core.relationship;
