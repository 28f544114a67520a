package org.entente.examples.spring;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on an H2 directory of its own. */
class NigerServiceH2Test extends NigerServiceContract {

    @TempDir
    static Path store;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry properties) {
        // entente.store is named: the build hands test JVMs entente.postgres.url for the PostgreSQL tests.
        properties.add("entente.store", () -> "h2");
        properties.add("entente.h2.directory", store::toString);
    }

    @Override
    String expectedStore() {
        return "h2";
    }
}
