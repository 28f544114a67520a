package org.entente.core.relationship;

/** The field a pledge of cooperation covers. Military, security and intelligence are security domains. */
public enum CooperationDomain {
    /** Military cooperation (a security domain). */
    MILITARY(true),
    /** Security cooperation (a security domain). */
    SECURITY(true),
    /** Intelligence cooperation (a security domain). */
    INTELLIGENCE(true),
    /** Economic cooperation (not a security domain). */
    ECONOMIC(false),
    /** Any other field (not a security domain). */
    OTHER(false);

    private final boolean security;

    CooperationDomain(boolean security) {
        this.security = security;
    }

    /** {@return whether a pledge in this domain is a "military or security" pledge in docs/DOMAIN.md's sense} */
    public boolean isSecurity() {
        return security;
    }
}
