package org.entente.partnership;

/**
 * The status of a dyad on a date: the first of these that matches, in this order (docs/DOMAIN.md's
 * "Definitions"; the window is 180 days {@code [d-179, d]} by default):
 * <ol>
 *   <li>{@link #SEVERED}: diplomatic relations are severed on the date;</li>
 *   <li>{@link #WINDING_DOWN}: military ties remain, and a winding-down step has happened that no
 *       completed withdrawal or restored agreement has since resolved;</li>
 *   <li>{@link #ENDED}: the dyad had military ties before, has none on the date, and no cooperative
 *       step has happened since the last one ended;</li>
 *   <li>{@link #STRENGTHENING}: a cooperative step happened within the window, and no winding-down
 *       step after it;</li>
 *   <li>{@link #ACTIVE}: anything else recorded;</li>
 *   <li>{@link #NONE}: nothing recorded.</li>
 * </ol>
 * <b>Military ties</b>: military agreements in force (defence cooperation, status of forces,
 * military assistance) and foreign forces present, either direction. <b>Cooperative steps</b>: a
 * military agreement signed, an ambassador or defence attaché accredited or appointed, forces
 * stationed at the host's invitation, a military or security cooperation pledged. <b>Winding-down
 * steps</b>: a military agreement suspended or denounced, a withdrawal demanded or scheduled.
 */
public enum Status {
    /** Diplomatic relations are severed on the date. */
    SEVERED,
    /** Military ties remain, and a winding-down step has happened that nothing has since resolved. */
    WINDING_DOWN,
    /** Military ties existed before, none remain, and no cooperative step has happened since. */
    ENDED,
    /** A cooperative step happened within the window, and no winding-down step after it. */
    STRENGTHENING,
    /** Something is recorded, and none of the statuses above applies. */
    ACTIVE,
    /** Nothing is recorded for the dyad. */
    NONE
}
