package org.entente.core.relationship;

/** What an agreement is about. The first three are military agreements (they make military ties). */
public enum AgreementKind {
    /** A defence cooperation agreement (military). */
    DEFENCE_COOPERATION(true),
    /** A status of forces agreement (military). */
    STATUS_OF_FORCES(true),
    /** A military assistance agreement (military). */
    MILITARY_ASSISTANCE(true),
    /** An economic agreement (not military). */
    ECONOMIC(false),
    /** Any other agreement (not military). */
    OTHER(false);

    private final boolean military;

    AgreementKind(boolean military) {
        this.military = military;
    }

    /** {@return whether an agreement of this kind in force is a military tie} */
    public boolean isMilitary() {
        return military;
    }
}
