package org.entente.partnership;

/** The sign of temperature(d) − temperature(d − 90 days). */
public enum Trend {
    /** The temperature rose over the 90 days. */
    WARMING,
    /** The temperature changed by less than 0.005 over the 90 days. */
    STEADY,
    /** The temperature fell over the 90 days. */
    COOLING;

    /**
     * {@return the trend for a change in temperature (a change smaller than 0.005 is steady)}
     *
     * @param change the temperature on a day minus the temperature 90 days before
     */
    public static Trend of(double change) {
        if (change > 0.005) {
            return WARMING;
        }
        return change < -0.005 ? COOLING : STEADY;
    }
}
