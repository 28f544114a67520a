/**
 * Notifications when a partnership's current status changes: {@link org.entente.Entente#subscribe(Watch, PartnershipListener)}
 * delivers a {@link PartnershipChanged} for each change of a watched dyad's status as of the clock's date,
 * as known now, whether a write caused it (from any instance) or time passing did.
 *
 * <p>Delivery is at least once and in order; each notification carries the {@link SubscriptionPosition}
 * to resume from after it. A {@link SubscriptionOptions#durable(String) durable} subscription keeps that
 * position in the store. The README's "Notifications" section gives the exact rules.
 */
package org.entente.subscription;
