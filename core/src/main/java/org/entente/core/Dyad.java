package org.entente.core;

import org.entente.core.internal.Require;
import org.entente.core.text.TerminalText;

/**
 * An unordered pair of distinct countries: the unit whose relationship Entente keeps.
 *
 * <p>{@code Dyad.of(USA, NER).equals(Dyad.of(NER, USA))}; the canonical id puts the codes in
 * alphabetical order ({@code "NER-USA"}). Every fact inside a dyad still has a direction (who acted,
 * towards whom).
 */
public final class Dyad implements Comparable<Dyad> {

    private final Country first;
    private final Country second;

    private Dyad(Country first, Country second) {
        this.first = first;
        this.second = second;
    }

    /**
     * {@return the dyad of two distinct countries, in either order}
     *
     * @param a one country
     * @param b the other country
     * @throws IllegalArgumentException when both are the same country
     */
    public static Dyad of(Country a, Country b) {
        Require.nonNull(a, "first country of the dyad", "Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        Require.nonNull(b, "second country of the dyad", "Dyad.of(Country.of(\"NER\"), Country.of(\"USA\"))");
        if (a.equals(b)) {
            throw new IllegalArgumentException("a dyad needs two distinct countries, got " + a + " twice");
        }
        return a.compareTo(b) < 0 ? new Dyad(a, b) : new Dyad(b, a);
    }

    /**
     * Parses a dyad id such as {@code "NER-USA"} or {@code "usa-ner"} (either order).
     *
     * @param id two ISO 3166-1 alpha-3 codes joined by {@code -}, in any order and letter case; not null
     * @return the dyad of the two countries, equal whichever order they were given in
     * @throws IllegalArgumentException naming the text and the accepted form
     */
    public static Dyad parse(String id) {
        Require.nonNull(id, "dyad id", "two country codes joined by '-', such as \"NER-USA\"");
        String[] parts = id.strip().split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + TerminalText.escape(id) + "' is not a dyad; expected two country codes joined by '-', such as NER-USA");
        }
        return of(Country.of(parts[0]), Country.of(parts[1]));
    }

    /** {@return the country whose code sorts first} */
    public Country first() {
        return first;
    }

    /** {@return the country whose code sorts second} */
    public Country second() {
        return second;
    }

    /**
     * {@return whether the country is one of the two}
     *
     * @param country any country (null gives false)
     */
    public boolean contains(Country country) {
        Require.nonNull(country, "country", "a Country such as Country.of(\"NER\")");
        return first.equals(country) || second.equals(country);
    }

    /**
     * {@return the other country of the dyad}
     *
     * @param country one of the two countries
     * @throws IllegalArgumentException when the country is not in this dyad
     */
    public Country other(Country country) {
        Require.nonNull(country, "country", "one of the dyad's countries, " + first + " or " + second);
        if (first.equals(country)) {
            return second;
        }
        if (second.equals(country)) {
            return first;
        }
        throw new IllegalArgumentException(country + " is not a member of " + id());
    }

    /** {@return the canonical id, for example {@code "NER-USA"}} */
    public String id() {
        return first.code() + "-" + second.code();
    }

    @Override
    public int compareTo(Dyad o) {
        int c = first.compareTo(o.first);
        return c != 0 ? c : second.compareTo(o.second);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dyad d && first.equals(d.first) && second.equals(d.second);
    }

    @Override
    public int hashCode() {
        return 31 * first.hashCode() + second.hashCode();
    }

    @Override
    public String toString() {
        return id();
    }
}
