package org.entente.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The tokens of this instance's index follower ({@link Projections#INDEX_PROCESSOR}), kept in memory:
 * the follower keeps the instance's own index up to date and starts from the projections' token on
 * every start, so there is nothing to keep across restarts. Axon's {@code InMemoryTokenStore} does the same but warns
 * about it on every start; this one is quiet. One instance per processor, never shared.
 *
 * <p>As in Axon's JDBC token store, a token stored inside a unit of work takes effect when it commits.
 */
final class IndexTokens implements TokenStore {

    /** Per processor, per segment, the token (empty: the segment has processed nothing yet). */
    private final Map<String, Map<Integer, Optional<TrackingToken>>> tokens = new ConcurrentHashMap<>();
    private final String identifier = UUID.randomUUID().toString();

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public synchronized void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        Map<Integer, Optional<TrackingToken>> segments = segments(processorName);
        if (!segments.isEmpty()) {
            throw new UnableToClaimTokenException("the segments of " + processorName + " are initialized already");
        }
        for (int segment = 0; segment < segmentCount; segment++) {
            segments.put(segment, Optional.ofNullable(initialToken));
        }
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> segments(processorName).put(segment, Optional.ofNullable(token)));
        } else {
            segments(processorName).put(segment, Optional.ofNullable(token));
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        Optional<TrackingToken> token = segments(processorName).get(segment);
        if (token == null) {
            throw new UnableToClaimTokenException("no token was initialized for segment " + segment + " of " + processorName);
        }
        return token.orElse(null);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        // Nothing is claimed: the tokens belong to this instance alone.
    }

    @Override
    public synchronized void initializeSegment(TrackingToken token, String processorName, int segment) {
        if (segments(processorName).putIfAbsent(segment, Optional.ofNullable(token)) != null) {
            throw new UnableToInitializeTokenException("segment " + segment + " of " + processorName + " is initialized already");
        }
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        segments(processorName).remove(segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return true;
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return segments(processorName).keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return Optional.of(identifier);
    }

    private Map<Integer, Optional<TrackingToken>> segments(String processorName) {
        return tokens.computeIfAbsent(processorName, k -> new ConcurrentSkipListMap<>());
    }
}
