package org.entente.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/** The index follower's in-memory tokens: what a pooled streaming processor needs of a token store. */
class IndexTokensTest {

    private static final String P = Projections.INDEX_PROCESSOR;

    @Test
    void segmentsAreInitializedOnceWithTheInitialToken() {
        IndexTokens tokens = new IndexTokens();
        assertThat(tokens.fetchSegments(P)).isEmpty();
        assertThat(tokens.requiresExplicitSegmentInitialization()).isTrue();
        tokens.initializeTokenSegments(P, 2, new GlobalSequenceTrackingToken(5));
        assertThat(tokens.fetchSegments(P)).containsExactly(0, 1);
        assertThat(tokens.fetchToken(P, 1)).isEqualTo(new GlobalSequenceTrackingToken(5));
        assertThatThrownBy(() -> tokens.initializeTokenSegments(P, 1)).isInstanceOf(UnableToClaimTokenException.class)
                .hasMessage("the segments of entente-index are initialized already");
        assertThatThrownBy(() -> tokens.initializeSegment(null, P, 0)).isInstanceOf(UnableToInitializeTokenException.class);
        assertThatThrownBy(() -> tokens.fetchToken(P, 2)).isInstanceOf(UnableToClaimTokenException.class)
                .hasMessage("no token was initialized for segment 2 of entente-index");
    }

    @Test
    void aTokenStoredInAUnitOfWorkCountsOnlyOnceItCommits() {
        IndexTokens tokens = new IndexTokens();
        tokens.initializeTokenSegments(P, 1);
        assertThat(tokens.fetchToken(P, 0)).isNull();
        UnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("batch"));
        tokens.storeToken(new GlobalSequenceTrackingToken(3), P, 0);
        rolledBack.rollback();
        assertThat(tokens.fetchToken(P, 0)).isNull();
        UnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("batch"));
        tokens.storeToken(new GlobalSequenceTrackingToken(4), P, 0);
        assertThat(tokens.fetchToken(P, 0)).isNull();
        committed.commit();
        assertThat(tokens.fetchToken(P, 0)).isEqualTo(new GlobalSequenceTrackingToken(4));
        tokens.storeToken(new GlobalSequenceTrackingToken(6), P, 0);
        assertThat(tokens.fetchToken(P, 0)).isEqualTo(new GlobalSequenceTrackingToken(6));
        tokens.deleteToken(P, 0);
        assertThat(tokens.fetchSegments(P)).isEmpty();
        assertThat(tokens.retrieveStorageIdentifier()).isPresent();
    }
}
