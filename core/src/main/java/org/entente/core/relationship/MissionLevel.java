package org.entente.core.relationship;

/**
 * The level of a head of mission, which {@link FactCommand.AccreditAmbassador} records: an
 * ambassador or a chargé d'affaires. A defence attaché is not a head of mission (it is appointed with
 * {@link FactCommand.AppointAttache}), and this type has no value for it: the compiler refuses what the
 * rules refused before (the rule {@code HEAD_OF_MISSION_LEVEL} is gone with it).
 *
 * <p>Stored form: the constant's name ({@code "AMBASSADOR"}), exactly the text that an
 * {@link EnvoyRole} of the same name was stored as, so stores written before this type load unchanged.
 */
public enum MissionLevel {
    /** Head of mission with the rank of ambassador (Correlates of War level 3). */
    AMBASSADOR(EnvoyRole.AMBASSADOR),
    /** Head of mission as chargé d'affaires (Correlates of War level 1). */
    CHARGE_D_AFFAIRES(EnvoyRole.CHARGE_D_AFFAIRES);

    private final EnvoyRole role;

    MissionLevel(EnvoyRole role) {
        this.role = role;
    }

    /**
     * The role of the envoy accredited at this level, as recalls, expulsions and read models name it.
     *
     * @return {@link EnvoyRole#AMBASSADOR} or {@link EnvoyRole#CHARGE_D_AFFAIRES}
     */
    public EnvoyRole role() {
        return role;
    }
}
