package org.entente.eventdata;

import java.util.Objects;
import java.util.Optional;
import org.entente.core.Country;

/**
 * What a {@link CountryCrosswalk} made of one code or name: a country, or the reason there is none.
 *
 * <pre>{@code
 * CountryMatch m = CountryCrosswalk.standard().cow(436);
 * m.country();          // Optional[NER]
 * CountryCrosswalk.standard().cameo("WAF").describe();
 * // "CAMEO country code 'WAF': West Africa: a region, not a country"
 * }</pre>
 *
 * @param scheme  the coding the input was read in
 * @param input   the code or name as given
 * @param outcome whether a country was found, and if not why
 * @param country the country, present exactly when {@code outcome} is {@link Outcome#FOUND}
 * @param detail  for the other outcomes, the reason in words (the name of a region, the candidates of an
 *                ambiguous name); empty text when found
 */
public record CountryMatch(Scheme scheme, String input, Outcome outcome, Optional<Country> country, String detail) {

    /** The codings the crosswalk reads. */
    public enum Scheme {
        /** ISO 3166-1 alpha-3, Entente's own identity. */
        ISO("ISO 3166-1 alpha-3 code"),
        /** CAMEO actor country codes (GDELT, PLOVER): ISO alpha-3 with legacy exceptions and regions. */
        CAMEO("CAMEO country code"),
        /** FIPS 10-4, as GDELT's geography fields use it. */
        FIPS("FIPS 10-4 code"),
        /** Correlates of War state numbers. */
        COW("Correlates of War number"),
        /** Correlates of War letter codes. */
        COW_LETTERS("Correlates of War letter code"),
        /** Country names as ICEWS writes them. */
        ICEWS_NAME("ICEWS country name");

        private final String label;

        Scheme(String label) {
            this.label = label;
        }

        /**
         * Words for messages: {@code "FIPS 10-4 code"}.
         *
         * @return the scheme in words, as messages name it
         */
        public String label() {
            return label;
        }
    }

    /** Whether a country was found, and if not why. */
    public enum Outcome {
        /** The input names one country. */
        FOUND,
        /** The input is empty or a "no value" marker ({@code NA}, {@code null}). */
        MISSING,
        /** The input names something that is not a country Entente knows: a region, a territory, a former state. */
        NOT_A_COUNTRY,
        /** The input is in no table. */
        UNKNOWN,
        /** The input could name more than one country. */
        AMBIGUOUS
    }

    /**
     * Validates: a country exactly when found.
     *
     * @param scheme the coding the input was read in
     * @param input the code or name as given
     * @param outcome whether a country was found, and if not why
     * @param country the country, present exactly when {@code outcome} is {@link Outcome#FOUND}
     * @param detail for the other outcomes, the reason in words (the name of a region, the candidates of an ambiguous name); empty text when found
     */
    public CountryMatch {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(detail, "detail");
        if (country.isPresent() != (outcome == Outcome.FOUND)) {
            throw new IllegalArgumentException("a match has a country exactly when its outcome is FOUND, got " + outcome
                    + " with " + country);
        }
    }

    static CountryMatch found(Scheme scheme, String input, Country country) {
        return new CountryMatch(scheme, input, Outcome.FOUND, Optional.of(country), "");
    }

    static CountryMatch problem(Scheme scheme, String input, Outcome outcome, String detail) {
        return new CountryMatch(scheme, input, outcome, Optional.empty(), detail);
    }

    /** {@return whether a country was found} */
    public boolean isFound() {
        return outcome == Outcome.FOUND;
    }

    /**
     * {@return one line for reports: {@code "FIPS 10-4 code 'NG': Niger (NER)"}, {@code "ICEWS country name
     * 'Occupied Palestinian Territory': not a state: ..."}}
     */
    public String describe() {
        String shown = input.length() > 60 ? input.substring(0, 60) + "..." : input;
        String head = scheme.label() + " '" + shown + "'";
        return switch (outcome) {
            case FOUND -> head + ": " + country.get().name() + " (" + country.get().code() + ")";
            case MISSING -> scheme.label() + " missing";
            case NOT_A_COUNTRY -> head + ": " + detail;
            case UNKNOWN -> head + " is in no table Entente has; it is reported, not guessed";
            case AMBIGUOUS -> head + " is ambiguous: " + detail;
        };
    }
}
