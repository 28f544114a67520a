package org.entente.testing;

import java.time.LocalDate;
import org.entente.Entente;
import org.entente.core.Dyad;
import org.entente.seeds.Seeds;
import org.entente.testsupport.Facts;

/** The bundled Niger story, loaded once per test class that needs a store to read from. */
final class Story {

    static final Dyad NER_USA = Dyad.of(Facts.NER, Facts.USA);
    static final Dyad NER_TUR = Dyad.of(Facts.NER, Facts.TUR);
    static final LocalDate JUNE_2023 = LocalDate.of(2023, 6, 1);
    static final LocalDate END_OF_APRIL = LocalDate.of(2024, 4, 30);
    static final LocalDate JUNE_2024 = LocalDate.of(2024, 6, 1);
    static final LocalDate OCTOBER = LocalDate.of(2024, 10, 1);

    private Story() {
    }

    static Entente load() {
        Entente entente = Entente.inMemory();
        entente.recordAll(Seeds.bundled("niger-2024").commands());
        return entente;
    }
}
