package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JDBC URLs are shown without credentials. */
class JdbcUrlsTest {

    @Test
    void aUserAndPasswordBeforeTheHostAreRemoved() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://app:s3cret@db.example:5432/entente")).isEqualTo("jdbc:postgresql://db.example:5432/entente");
        assertThat(JdbcUrls.redact("jdbc:postgresql://app@db/entente")).isEqualTo("jdbc:postgresql://db/entente");
    }

    @Test
    void passwordParametersAreRemovedAndOthersKept() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/entente?user=app&password=s3cret&ssl=true&sslpassword=k3y"))
                .isEqualTo("jdbc:postgresql://db/entente?user=app&ssl=true");
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/entente?PASSWORD=s3cret")).isEqualTo("jdbc:postgresql://db/entente");
    }

    @Test
    void aUrlWithoutCredentialsIsUnchanged() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=x")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=x");
    }
}
