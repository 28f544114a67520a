package org.entente.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CameoCodeTest {

    @Test
    void makingAVisitIsVerbalCooperationScoredOnePointNine() {
        CameoCode visit = CameoCode.of("042");

        assertThat(visit.name()).isEqualTo("Make a visit");
        assertThat(visit.goldstein()).isEqualTo(1.9);
        assertThat(visit.root()).isEqualTo("04");
        assertThat(visit.quadClass()).isEqualTo(1);
        assertThat(visit).hasToString("042");
    }

    @ParameterizedTest
    @CsvSource({
            "040, 1.0, 1",
            "057, 8.0, 1",
            "0312, 5.2, 1",
            "062, 7.4, 2",
            "0874, 10.0, 2",
            "106, -5.0, 3",
            "111, -2.0, 3",
            "163, -8.0, 4",
            "166, -7.0, 4",
            "20, -10.0, 4"})
    void codesCarryTheirGoldsteinValueAndQuadClass(String code, double goldstein, int quadClass) {
        CameoCode cameo = CameoCode.of(code);

        assertThat(cameo.goldstein()).isEqualTo(goldstein);
        assertThat(cameo.quadClass()).isEqualTo(quadClass);
        assertThat(CameoCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"999", "42", "1", "", "0421x", "04 2", "-042"})
    void codesOutsideTheTableAreRejectedNamingTheCodeAndTheForm(String code) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CameoCode.of(code))
                .withMessage("'" + code + "' is not a CAMEO event code; expected a code of the CAMEO 1.1b3 table,"
                        + " two to four digits such as 040 (Consult) or 0874 (Retreat or surrender militarily)");
        assertThat(CameoCode.isValid(code)).isFalse();
    }

    @Test
    void aLongInvalidCodeIsShortenedInTheMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CameoCode.of("0123456789abcdefghij"))
                .withMessageStartingWith("'0123456789ab...' is not a CAMEO event code");
    }

    @Test
    void nullIsNotValid() {
        assertThat(CameoCode.isValid(null)).isFalse();
    }
}
