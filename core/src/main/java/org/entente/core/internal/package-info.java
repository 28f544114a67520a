/**
 * Internal: helpers that Entente's own modules share. Not API: they may change or go without notice,
 * and they are left out of the published Javadoc; do not use them.
 */
package org.entente.core.internal;
