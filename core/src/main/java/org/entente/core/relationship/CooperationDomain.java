package org.entente.core.relationship;

/** The field a pledge of cooperation covers. Military, security and intelligence are security domains. */
public enum CooperationDomain {
    MILITARY(true),
    SECURITY(true),
    INTELLIGENCE(true),
    ECONOMIC(false),
    OTHER(false);

    private final boolean security;

    CooperationDomain(boolean security) {
        this.security = security;
    }

    /** Whether a pledge in this domain is a "military or security" pledge in docs/DOMAIN.md's sense. */
    public boolean isSecurity() {
        return security;
    }
}
