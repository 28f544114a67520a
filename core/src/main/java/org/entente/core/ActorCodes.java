package org.entente.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How {@link Actor#of(String)} reads a code, against a table of organisations that a test can replace. */
final class ActorCodes {

    private ActorCodes() {
    }

    /** {@link Actor#of(String)}, with {@code organisations} as the table of organisations. */
    static Actor resolve(String text, Map<String, Organisation> organisations) {
        String normalized = text.strip().toUpperCase(Locale.ROOT);
        if (normalized.startsWith(Organisation.CODE_PREFIX)) {
            return Organisation.find(text, organisations);
        }
        if (Country.isValid(normalized)) {
            return Country.of(normalized);
        }
        Organisation organisation = organisations.get(normalized);
        if (organisation != null) {
            return organisation;
        }
        throw new IllegalArgumentException(unknownMessage(text, normalized, organisations));
    }

    private static String unknownMessage(String raw, String normalized, Map<String, Organisation> organisations) {
        StringBuilder message = new StringBuilder(Organisation.shown(raw))
                .append(" is neither a country's ISO 3166-1 alpha-3 code nor an organisation's acronym");
        List<Country> countries = Country.suggestions(normalized);
        List<Organisation> near = Organisation.suggestions(normalized, organisations);
        if (countries.isEmpty() && near.isEmpty()) {
            return message.append("; expected a code such as NER (Niger) or an acronym such as ECOWAS")
                    .append(" (Economic Community of West African States)").toString();
        }
        String countryText = countries.stream().map(c -> c.code() + " (" + c.name() + ")").collect(Collectors.joining(" or "));
        String organisationText = Organisation.describe(near);
        message.append("; did you mean ").append(countryText);
        if (!countries.isEmpty() && !near.isEmpty()) {
            message.append(" or ");
        }
        return message.append(organisationText).append('?').toString();
    }
}
