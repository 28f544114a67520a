package org.entente.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each sample program runs and says what it should. */
class ExamplesTest {

    @Test
    void recordAndQueryShowsTurkeyStrengtheningOnceTheAttacheArrives() {
        assertThat(RecordAndQuery.run())
                .contains("NER-TUR on 2024-04-25: NONE")
                .contains("NER-TUR on 2024-04-30: STRENGTHENING, security weight 2, envoys [Colonel Serkan Kaya]");
    }

    @Test
    void printTimelineListsNigers2024FactsInOrder() {
        String timeline = PrintTimeline.run();
        assertThat(timeline.lines().findFirst().orElseThrow()).startsWith("2024-03-12 USA -> NER hold talks (usa-talks-2024-03");
        assertThat(timeline).contains("2024-04-26 TUR -> NER appoint attaché (tur-attache");
        assertThat(timeline.indexOf("usa-deadline")).isLessThan(timeline.indexOf("usa-complete"));
    }

    @Test
    void whatThePressKnewShowsFewerPartnersFromEarlierReports() {
        String answer = WhatThePressKnew.run();
        assertThat(answer).contains("known now: 4 security partners, diversification 0.72");
        assertThat(answer).containsPattern("published by 2024-04-25: [0-3] security partners");
    }
}
