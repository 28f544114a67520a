package readme;

import java.io.StringWriter;
import java.io.Writer;
import java.time.LocalDate;
import org.entente.Entente;
import org.entente.When;
import org.entente.core.Country;
import org.entente.core.Dyad;
import org.entente.core.FactId;
import org.entente.partnership.Partnership;
import org.entente.partnership.Portfolio;
import org.entente.seeds.Seeds;
import org.entente.simulation.Scenario;

/**
 * What the README's fragments take as given: the Niger seed in an in-memory store and the names the
 * text uses ({@code NER}, {@code partnership}, {@code usStayed}...). Each fragment becomes the body
 * of {@code run()} in a subclass, so a fragment that stops compiling fails the build.
 */
public abstract class Prelude implements AutoCloseable {

    protected static final Country NER = Country.of("NER");
    protected static final Country USA = Country.of("USA");
    protected static final Country FRA = Country.of("FRA");
    protected static final Country CHN = Country.of("CHN");
    protected static final Country TUR = Country.of("TUR");
    protected static final Country RUS = Country.of("RUS");

    protected final Entente entente = Entente.inMemory();
    protected final Partnership partnership;
    protected final Portfolio portfolio;
    protected final Scenario usStayed = Scenario.branchAt(LocalDate.of(2024, 3, 15))
            .remove(FactId.of("usa-denounce"), FactId.of("usa-schedule"), FactId.of("usa-deadline"));
    protected final Writer writer = new StringWriter();
    protected final String secret = "not-a-real-password";

    protected Prelude() {
        entente.recordAll(Seeds.bundled("niger-2024").commands());
        partnership = entente.partnership(Dyad.of(NER, USA), When.asOf(LocalDate.of(2024, 6, 1)));
        portfolio = entente.portfolio(NER, When.asOf(LocalDate.of(2024, 4, 30)));
    }

    /** The fragment. */
    public abstract void run() throws Exception;

    @Override
    public void close() {
        entente.close();
    }
}
