package org.entente.core.relationship;

/** The roles of envoys Entente tracks. */
public enum EnvoyRole {
    /** Head of mission with the rank of ambassador (Correlates of War level 3). */
    AMBASSADOR,
    /** Head of mission as chargé d'affaires (Correlates of War level 1). */
    CHARGE_D_AFFAIRES,
    /** A defence attaché (or army, naval, air attaché) at the embassy. */
    DEFENCE_ATTACHE
}
