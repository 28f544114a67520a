/** Coded event data in and out: ICEWS, GDELT, PLOVER, CAMEO TSV and Correlates of War. */
package org.entente.eventdata;
