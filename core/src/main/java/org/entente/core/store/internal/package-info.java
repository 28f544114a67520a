/**
 * Internal: classes that must be public for a library to instantiate them (H2 creates file-system
 * wrappers by reflection). Not API: they may change or go without notice, and they are left out of
 * the published Javadoc; do not use them.
 */
package org.entente.core.store.internal;
