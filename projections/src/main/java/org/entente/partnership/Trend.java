package org.entente.partnership;

/** The sign of temperature(d) − temperature(d − 90 days). */
public enum Trend {
    WARMING,
    STEADY,
    COOLING;

    /** The trend for a change in temperature (a change smaller than 0.005 is steady). */
    public static Trend of(double change) {
        if (change > 0.005) {
            return WARMING;
        }
        return change < -0.005 ? COOLING : STEADY;
    }
}
