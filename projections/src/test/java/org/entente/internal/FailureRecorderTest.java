package org.entente.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.entente.ProcessingFailure;
import org.entente.ProjectionCache;
import org.junit.jupiter.api.Test;

/** A failed event is recorded, stamped by the projections' clock, counted per position, and rethrown. */
class FailureRecorderTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-05-01T09:30:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    };
    private final Projections projections = new Projections(Projections.Mode.STREAMING, ProjectionCache.defaults(), clock);
    private final Projections.FailureRecorder recorder = projections.new FailureRecorder("p");

    private static TrackedEventMessage<String> event(long position, long sequence) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                new GenericDomainEventMessage<>("Relationship", "NER-USA", sequence, "payload"));
    }

    @Test
    void aFailureIsRethrownAndRecordedWithTheClocksTimeAndItsAttempts() {
        IllegalStateException cause = new IllegalStateException("duplicate key\n  in entente_projection_fact");
        assertThatThrownBy(() -> recorder.onError(cause, event(7, 1), null)).isSameAs(cause);
        now.set(Instant.parse("2024-05-01T09:30:05Z"));
        assertThatThrownBy(() -> recorder.onError(cause, event(7, 1), null)).isSameAs(cause);

        ProcessingFailure failure = projections.failure("p", 6).orElseThrow();
        assertThat(failure).isEqualTo(new ProcessingFailure("p", 7, "NER-USA", 1, "String",
                "duplicate key in entente_projection_fact", 2, Instant.parse("2024-05-01T09:30:05Z")));
    }

    @Test
    void aFailureAtAnotherPositionCountsAfreshAndAFailureAgainIsANewRecordEvenWhenItsValuesRepeat() {
        IllegalStateException cause = new IllegalStateException("no");
        assertThatThrownBy(() -> recorder.onError(cause, event(7, 1), null)).isSameAs(cause);
        ProcessingFailure first = projections.failure("p", 6).orElseThrow();
        assertThatThrownBy(() -> recorder.onError(cause, event(9, 2), null)).isSameAs(cause);
        assertThat(projections.failure("p", 6)).hasValueSatisfying(f -> assertThat(f.attempts()).isEqualTo(1));
        assertThatThrownBy(() -> recorder.onError(cause, event(7, 1), null)).isSameAs(cause);

        // Entente.awaitCaughtUp tells a failure made during its wait from one it found by this, not by the time.
        ProcessingFailure again = projections.failure("p", 6).orElseThrow();
        assertThat(again).isEqualTo(first).isNotSameAs(first);
        assertThat(projections.failure("p", 7)).as("forgotten once the processor got past it").isEmpty();
    }
}
