package org.entente.core.store;

import org.entente.core.EntenteException;

/**
 * A store (or an export being imported) registers an organisation under an acronym that this JVM
 * already has registered as another organisation (another name or CAMEO actor code), by another store
 * or by {@link org.entente.core.Organisation#register}. An acronym names one organisation in a JVM, so
 * the store is not opened, or the import writes nothing, and the JVM's registrations are left as they
 * were. Open such stores in separate JVMs.
 */
public final class OrganisationConflictException extends EntenteException {

    /** The acronym both name. */
    private final String acronym;
    /** The name this JVM has registered. */
    private final String registeredName;
    /** The name the store or export gives. */
    private final String refusedName;

    OrganisationConflictException(String message, String acronym, String registeredName, String refusedName) {
        super(message);
        this.acronym = acronym;
        this.registeredName = registeredName;
        this.refusedName = refusedName;
    }

    /** {@return the acronym, such as {@code LGA}} */
    public String acronym() {
        return acronym;
    }

    /** {@return the name this JVM has registered under the acronym} */
    public String registeredName() {
        return registeredName;
    }

    /** {@return the name the store or the export gives the acronym, which was refused} */
    public String refusedName() {
        return refusedName;
    }
}
