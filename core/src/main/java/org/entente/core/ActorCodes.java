package org.entente.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.core.text.TerminalText;

/**
 * How {@link Actor#of(String)} reads a code, against a table of organisations that a test can replace; and
 * what {@link Country} and {@link Organisation} share: reading their bundled tables and showing a bad code
 * in an error message.
 */
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
        StringBuilder message = new StringBuilder(shown(raw))
                .append(" is neither a country's ISO 3166-1 alpha-3 code nor an organisation's acronym");
        List<Country> countries = Country.suggestions(normalized);
        List<Organisation> near = Organisation.suggestions(normalized, organisations);
        if (countries.isEmpty() && near.isEmpty()) {
            return message.append("; expected a code such as NER (Niger) or an acronym such as ECOWAS")
                    .append(" (Economic Community of West African States)").toString();
        }
        String countryText = Country.describe(countries);
        String organisationText = Organisation.describe(near);
        message.append("; did you mean ").append(countryText);
        if (!countries.isEmpty() && !near.isEmpty()) {
            message.append(" or ");
        }
        return message.append(organisationText).append('?').toString();
    }

    /** The text as an error message shows it: at most 40 characters, escaped for a terminal. */
    static String shown(String raw) {
        return TerminalText.escape(raw.length() > 40 ? raw.substring(0, 40) + "..." : raw);
    }

    /**
     * The lines of a table bundled beside these classes ({@code countries.tsv}, {@code organisations.tsv}).
     *
     * @throws IllegalStateException when the file is not on the classpath
     */
    static List<String> resourceLines(String file) {
        try (InputStream in = ActorCodes.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the classpath of entente-core");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
