package org.entente.core.relationship;

/** What an agreement is about. The first three are military agreements (they make military ties). */
public enum AgreementKind {
    DEFENCE_COOPERATION(true),
    STATUS_OF_FORCES(true),
    MILITARY_ASSISTANCE(true),
    ECONOMIC(false),
    OTHER(false);

    private final boolean military;

    AgreementKind(boolean military) {
        this.military = military;
    }

    /** Whether an agreement of this kind in force is a military tie. */
    public boolean isMilitary() {
        return military;
    }
}
