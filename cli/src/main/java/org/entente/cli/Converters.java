package org.entente.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    /** A country ({@code NER}) or a dyad ({@code NER-USA}). */
    record Subject(Country country, Dyad dyad) {
        boolean isDyad() {
            return dyad != null;
        }

        @Override
        public String toString() {
            return isDyad() ? dyad.id() : country.code();
        }
    }

    static final class SubjectConverter implements ITypeConverter<Subject> {
        @Override
        public Subject convert(String value) {
            try {
                if (value.contains("-")) {
                    return new Subject(null, Dyad.parse(value));
                }
                return new Subject(Country.of(value), null);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage() + " (expected a country such as NER or a dyad such as NER-USA)");
            }
        }
    }
}
