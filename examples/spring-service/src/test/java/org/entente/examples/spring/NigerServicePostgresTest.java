package org.entente.examples.spring;

import org.entente.testsupport.Postgres;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on the real PostgreSQL, through Entente's own pool ({@code entente.postgres.*}), in a schema of its
 * own dropped afterwards; skipped without a server unless {@code -Dentente.postgres.required=true}.
 */
class NigerServicePostgresTest extends NigerServiceContract {

    @RegisterExtension
    static final Schema SCHEMA = new Schema();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry properties) {
        properties.add("entente.postgres.url", () -> System.getProperty("entente.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test")
                + "?currentSchema=" + SCHEMA.postgres.schema());
        properties.add("entente.postgres.user", () -> System.getProperty("entente.postgres.user", "postgres"));
        properties.add("entente.postgres.pool-size", () -> "4");
    }

    @Override
    String expectedStore() {
        return "postgres";
    }

    /**
     * Creates the schema before the class (or skips it, as {@link Postgres#freshSchema} says), and drops it when the
     * class's extension store closes: after every after-all callback, so after Spring has closed the application
     * ({@code @DirtiesContext}), as the application would stop before its database goes.
     */
    static final class Schema implements BeforeAllCallback {
        Postgres postgres;

        @Override
        public void beforeAll(ExtensionContext context) {
            postgres = Postgres.freshSchema("sample");
            context.getStore(ExtensionContext.Namespace.create(Schema.class)).put("schema", (AutoCloseable) postgres::close);
        }
    }
}
