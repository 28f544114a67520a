package org.entente.examples;

import java.time.LocalDate;
import java.util.Locale;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.partnership.Portfolio;
import org.entente.seeds.Seeds;

/**
 * "Is Niger diversifying its security partners?" on 30 April 2024, from everything known now and
 * from what the press had published by 25 April.
 */
public final class WhatThePressKnew {

    private WhatThePressKnew() {
    }

    /** Both answers, one a line. */
    public static String run() {
        try (Entente entente = Entente.inMemory()) {
            entente.recordAll(Seeds.bundled("niger-2024").commands());
            When april30 = When.asOf(LocalDate.of(2024, 4, 30));
            return line("known now", entente.portfolio(Country.of("NER"), april30))
                    + line("published by 2024-04-25", entente.portfolio(Country.of("NER"), april30.publishedBy(LocalDate.of(2024, 4, 25))));
        }
    }

    private static String line(String label, Portfolio p) {
        return String.format(Locale.ROOT, "%s: %d security partners, diversification %.2f%n", label, p.securityPartners().size(),
                p.mix().map(Portfolio.SecurityMix::diversification).orElse(0.0));
    }

    /** Prints {@link #run()}. */
    public static void main(String[] args) {
        System.out.print(run());
    }
}
