package org.entente.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.entente.core.Actor;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.core.relationship.FactKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Argument converters: each refuses a bad value with the reason and the accepted forms (exit code 2). */
final class Converters {

    private Converters() {
    }

    static final class CountryConverter implements ITypeConverter<Country> {
        @Override
        public Country convert(String value) {
            try {
                return Country.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * The query of a read command's options: {@code --as-of} (default: today by the command line's clock),
     * then {@code --known-at} and {@code --published-by} when given.
     */
    static org.entente.When when(LocalDate asOf, Instant knownAt, LocalDate publishedBy, java.time.Clock clock) {
        org.entente.When when = org.entente.When.asOf(asOf != null ? asOf : LocalDate.now(clock));
        if (knownAt != null) {
            when = when.knownAt(knownAt);
        }
        if (publishedBy != null) {
            when = when.publishedBy(publishedBy);
        }
        return when;
    }

    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                LocalDate d = LocalDate.parse(value);
                if (d.isBefore(org.entente.core.HappenedOn.EARLIEST) || d.isAfter(org.entente.core.HappenedOn.LATEST)) {
                    throw new TypeConversionException("date " + value + " is outside " + org.entente.core.HappenedOn.EARLIEST
                            + ".." + org.entente.core.HappenedOn.LATEST);
                }
                return d;
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date; expected YYYY-MM-DD, such as 2024-04-30");
            }
        }
    }

    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an instant; expected ISO-8601 UTC, such as 2024-04-30T12:00:00Z");
            }
        }
    }

    static final class KindConverter implements ITypeConverter<FactKind> {
        @Override
        public FactKind convert(String value) {
            try {
                return FactKind.fromSlug(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class FactIdConverter implements ITypeConverter<FactId> {
        @Override
        public FactId convert(String value) {
            try {
                return FactId.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * A country or an organisation ({@code NER}, {@code ECOWAS}) or a dyad ({@code NER-USA}), as typed. An
     * acronym the bundled tables lack may be an organisation registered in the store, so the text is
     * resolved after the store is open ({@link #country()}, {@link #dyad()}), with the store's registrations.
     */
    record Subject(String text) {
        private static final String EXPECTED = " (expected a country such as NER, an organisation such as ECOWAS, or a dyad such as NER-USA)";

        boolean isDyad() {
            return text.contains("-");
        }

        /** The dyad; an unknown code is refused naming it and the accepted forms. */
        Dyad dyad() {
            try {
                return Dyad.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + EXPECTED, e);
            }
        }

        /** The country or organisation; an unknown code is refused naming it and the accepted forms. */
        Actor country() {
            try {
                return Actor.of(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + EXPECTED, e);
            }
        }

        /** The text as typed (never resolved here: picocli shows values before the store is open). */
        @Override
        public String toString() {
            return text;
        }
    }

    /** Whether every part of the text could be an organisation's acronym that only the store knows. */
    static boolean mayBeRegistered(String text) {
        for (String part : text.strip().split("-", -1)) {
            if (!REGISTRABLE.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern REGISTRABLE = java.util.regex.Pattern.compile("(?i)(ORG:)?[A-Z][A-Z0-9]{1,11}");

    static final class SubjectConverter implements ITypeConverter<Subject> {
        @Override
        public Subject convert(String value) {
            Subject subject = new Subject(value.strip());
            try {
                // Checked now, so that a typo is refused before the store is opened...
                Object checked = subject.isDyad() ? subject.dyad() : subject.country();
            } catch (IllegalArgumentException e) {
                // ...unless it may name an organisation registered in the store: then it is checked once open.
                if (!mayBeRegistered(value)) {
                    throw new TypeConversionException(e.getMessage());
                }
            }
            return subject;
        }
    }
}
