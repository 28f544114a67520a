package org.entente.durability;

import java.nio.file.Path;
import org.entente.Entente;
import org.junit.jupiter.api.io.TempDir;

/** Projection durability on a real H2 file database. */
class H2ProjectionDurabilityTest extends ProjectionDurabilityContract {

    @TempDir
    Path directory;

    @Override
    Entente open() {
        return Entente.h2(directory);
    }

    @Override
    Entente.Builder builder() {
        return Entente.builder().h2(directory);
    }
}
