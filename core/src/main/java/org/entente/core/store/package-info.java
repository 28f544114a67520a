/**
 * Storage: {@link org.entente.core.store.EntenteStore} records commands on H2 (a file or memory) or
 * PostgreSQL through Axon; {@link org.entente.core.store.StoreCopy} exports, imports and migrates
 * stores; {@link org.entente.core.store.StoreIntegrity} checks and repairs them. The exceptions here
 * name what went wrong with the store (disk full, in use, damaged, inconsistent, a transaction over
 * its cap).
 *
 * <p>Most applications use {@code org.entente.Entente}, which owns a store, rather than this package
 * directly. The {@code org.entente.core.store.internal} package is not API.
 */
package org.entente.core.store;
