package org.entente.eventdata;

/**
 * Why a row of an event-data file was not imported. A row gets the first reason that applies, in
 * this order: its shape, its id, its date, its event code, its source (a country or an organisation),
 * its target, the two being the same, a duplicate id in the file; then, when recording, a changed row
 * or a rejection.
 */
public enum SkipReason {
    /** Wrong number of columns, not a JSON object, a required field missing, a text holding a control character. */
    MALFORMED_ROW("malformed row"),
    /** The row's id is missing or cannot make a fact id. */
    BAD_ID("bad id"),
    /** The date is missing, not a date, or outside the range Entente accepts. */
    BAD_DATE("bad date"),
    /** The CAMEO code is not in the CAMEO table, or a PLOVER event type has no mapping. */
    BAD_EVENT_CODE("bad event code"),
    /** The source or the target has no country, and names no organisation either. */
    MISSING_COUNTRY("missing country"),
    /** The source or the target is a region, a territory or a former state, not a country Entente knows. */
    NOT_A_COUNTRY("not a country"),
    /** The source's or target's country code or name is in no table. */
    UNKNOWN_COUNTRY("unknown country"),
    /** The source's or target's country name could mean more than one country. */
    AMBIGUOUS_COUNTRY("ambiguous country"),
    /**
     * The source or the target is an organisation Entente does not know: a name, a CAMEO known-group code or a
     * PLOVER code that matches no organisation of {@link org.entente.core.Organisation#all()}, or an
     * intergovernmental organisation that the row does not name (GDELT's bare {@code IGO}).
     */
    UNKNOWN_ORGANISATION("unknown organisation"),
    /** The source's or target's organisation name or code could mean more than one organisation. */
    AMBIGUOUS_ORGANISATION("ambiguous organisation"),
    /** Source and target are the same country (a domestic event), or the same organisation. */
    SAME_COUNTRY("same country"),
    /** The id appeared on an earlier line of the same file. */
    DUPLICATE_ID("duplicate id in the file"),
    /** The fact id is recorded with other content: a newer release changed the row (a conflict). */
    CHANGED("changed since recorded"),
    /** The rules refused the fact for another reason. */
    REJECTED("rejected");

    private final String label;

    SkipReason(String label) {
        this.label = label;
    }

    /**
     * Words for reports: {@code "same country"}.
     *
     * @return the reason in a few lower-case words, as reports show it
     */
    public String label() {
        return label;
    }
}
