package org.entente.eventdata;

import java.util.Objects;
import java.util.Optional;
import org.entente.core.Organisation;

/**
 * What an {@link OrganisationCrosswalk} made of one code or name: an organisation, or the reason there is none.
 *
 * <pre>{@code
 * OrganisationMatch m = OrganisationCrosswalk.standard().cameoGroup("WAS");
 * m.organisation();     // Optional[ORG:ECOWAS]
 * OrganisationCrosswalk.standard().name("Council of Europe").describe();
 * // "organisation name 'Council of Europe': not the European Union: ..."
 * }</pre>
 *
 * @param scheme       the coding the input was read in
 * @param input        the code or name as given
 * @param outcome      whether an organisation was found, and if not why
 * @param organisation the organisation, present exactly when {@code outcome} is {@link Outcome#FOUND}
 * @param detail       for the other outcomes, the reason in words (the candidates of an ambiguous name, why
 *                     an organisation is not Entente's); may be empty
 */
public record OrganisationMatch(Scheme scheme, String input, Outcome outcome, Optional<Organisation> organisation, String detail) {

    /** The codings the crosswalk reads. */
    public enum Scheme {
        /** CAMEO known-group codes, GDELT's {@code Actor1KnownGroupCode}: {@code WAS} for ECOWAS's {@code IGOWAS}. */
        CAMEO_GROUP("CAMEO known-group code"),
        /** Organisation names as ICEWS writes them, and Entente's own names. */
        NAME("organisation name"),
        /** PLOVER's country names for non-state actors: {@code UNO}, {@code EUR}, {@code IGO}. */
        PLOVER("PLOVER actor code"),
        /** Entente's own code, {@code ORG:} and the acronym. */
        ENTENTE("Entente organisation code");

        private final String label;

        Scheme(String label) {
            this.label = label;
        }

        /**
         * Words for messages: {@code "CAMEO known-group code"}.
         *
         * @return the scheme in words, as messages name it
         */
        public String label() {
            return label;
        }
    }

    /** Whether an organisation was found, and if not why. */
    public enum Outcome {
        /** The input names one organisation Entente knows. */
        FOUND,
        /** The input is empty or a "no value" marker ({@code NA}, {@code null}). */
        MISSING,
        /** The input is in no table and is no organisation Entente knows. */
        UNKNOWN,
        /**
         * The input names an organisation that Entente's table does not list: a table row says so, with the
         * reason (the Council of Europe is not the EU; the OAU is not the AU).
         */
        UNLISTED,
        /** The input could name more than one organisation. */
        AMBIGUOUS
    }

    /**
     * Validates: an organisation exactly when found.
     *
     * @param scheme the coding the input was read in
     * @param input the code or name as given
     * @param outcome whether an organisation was found, and if not why
     * @param organisation the organisation, present exactly when {@code outcome} is {@link Outcome#FOUND}
     * @param detail for the other outcomes, the reason in words; may be empty
     */
    public OrganisationMatch {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(detail, "detail");
        if (organisation.isPresent() != (outcome == Outcome.FOUND)) {
            throw new IllegalArgumentException("a match has an organisation exactly when its outcome is FOUND, got " + outcome
                    + " with " + organisation);
        }
    }

    static OrganisationMatch found(Scheme scheme, String input, Organisation organisation) {
        return new OrganisationMatch(scheme, input, Outcome.FOUND, Optional.of(organisation), "");
    }

    static OrganisationMatch problem(Scheme scheme, String input, Outcome outcome, String detail) {
        return new OrganisationMatch(scheme, input, outcome, Optional.empty(), detail);
    }

    /** {@return whether an organisation was found} */
    public boolean isFound() {
        return outcome == Outcome.FOUND;
    }

    /**
     * {@return one line for reports: {@code "CAMEO known-group code 'WAS': Economic Community of West African States
     * (ORG:ECOWAS)"}, {@code "organisation name 'G5' is ambiguous: ..."}}
     */
    public String describe() {
        String shown = input.length() > 60 ? input.substring(0, 60) + "..." : input;
        String head = scheme.label() + " '" + shown + "'";
        return switch (outcome) {
            case FOUND -> head + ": " + organisation.get().name() + " (" + organisation.get().code() + ")";
            case MISSING -> scheme.label() + " missing";
            case UNKNOWN -> head + " names no organisation Entente knows; it is reported, not guessed"
                    + (detail.isEmpty() ? "" : " (" + detail + ")");
            case UNLISTED -> head + ": " + detail;
            case AMBIGUOUS -> head + " is ambiguous: " + detail;
        };
    }
}
