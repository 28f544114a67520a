/**
 * Timelines: the facts of a dyad or a country in order ({@link org.entente.timeline.TimelineEntry},
 * selected by a {@link org.entente.timeline.TimelineFilter}) and what changed for a dyad between two
 * dates ({@link org.entente.timeline.DyadChanges}).
 */
package org.entente.timeline;
