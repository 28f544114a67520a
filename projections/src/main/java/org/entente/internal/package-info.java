/**
 * Internal: the projections' indexes and views, public only because other Entente packages use them.
 * Not API: they may change or go without notice, and they are left out of the published Javadoc; do
 * not use them.
 */
package org.entente.internal;
