package org.entente.partnership;

/**
 * The level of a country's diplomatic representative in another, as the Correlates of War
 * Diplomatic Exchange codes it ({@code DR_at_1}, {@code DR_at_2}).
 */
public enum RepresentationLevel {
    /** No head of mission recorded (COW 0). */
    NONE(0),
    /** A chargé d'affaires (COW 1). */
    CHARGE_D_AFFAIRES(1),
    /** An ambassador (COW 3). */
    AMBASSADOR(3);

    private final int cowCode;

    RepresentationLevel(int cowCode) {
        this.cowCode = cowCode;
    }

    /** {@return the Correlates of War code} */
    public int cowCode() {
        return cowCode;
    }
}
