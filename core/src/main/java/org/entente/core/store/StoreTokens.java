package org.entente.core.store;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.entente.core.EntenteException;

/**
 * The streaming processors' tokens in the store's database: Axon's JDBC token store (its table
 * created on first use), and reads of every segment's token without claiming it, so that any
 * instance can report every instance's progress.
 */
final class StoreTokens {

    private final ConnectionProvider connections;
    private final Serializer serializer;
    private final Duration claimTimeout;
    private final StoreSchema schema;
    /** This JVM's name ({@code pid@host}), which begins the node id of every store it opens. */
    private static final String JVM = ManagementFactory.getRuntimeMXBean().getName();
    private final String nodeId = JVM + "/" + UUID.randomUUID();
    private volatile TokenStore tokenStore;

    StoreTokens(ConnectionProvider connections, Serializer serializer, Duration claimTimeout, StoreSchema schema) {
        this.connections = connections;
        this.serializer = serializer;
        this.claimTimeout = claimTimeout;
        this.schema = schema;
    }

    /** The JDBC token store, its table created on the first call. */
    TokenStore tokenStore() {
        TokenStore ts = tokenStore;
        if (ts == null) {
            synchronized (this) {
                if (tokenStore == null) {
                    JdbcTokenStore jdbc = JdbcTokenStore.builder()
                            .connectionProvider(connections)
                            .serializer(serializer)
                            .schema(TokenSchema.builder().build())
                            .claimTimeout(claimTimeout)
                            // Axon's default node id is the JVM's name: two instances in one JVM would
                            // each take the other's claims for their own.
                            .nodeId(nodeId)
                            .build();
                    schema.createTokenTable(jdbc);
                    tokenStore = jdbc;
                }
                ts = tokenStore;
            }
        }
        return ts;
    }

    /** The positions a processor's segments have reached (-1 for a segment without a position). */
    Map<Integer, Long> positions(String processor) {
        Map<Integer, Long> positions = new TreeMap<>();
        tokens(processor).forEach((segment, token) -> positions.put(segment,
                token.flatMap(t -> t.position().isPresent() ? Optional.of(t.position().getAsLong()) : Optional.empty()).orElse(-1L)));
        return positions;
    }

    /** The tokens of a processor's segments, read without claiming them (empty for a segment with none). */
    Map<Integer, Optional<TrackingToken>> tokens(String processor) {
        tokenStore();
        Map<Integer, Optional<TrackingToken>> tokens = new TreeMap<>();
        try (Connection c = connections.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT segment, token, tokenType FROM TokenEntry WHERE processorName = ?")) {
            ps.setString(1, processor);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] bytes = rs.getBytes(2);
                    String type = rs.getString(3);
                    TrackingToken found = null;
                    if (bytes != null && type != null) {
                        Object token = serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
                        if (token instanceof TrackingToken t) {
                            found = t;
                        }
                    }
                    tokens.put(rs.getInt(1), Optional.ofNullable(found));
                }
            }
        } catch (SQLException e) {
            throw new EntenteException("could not read the tokens of " + processor + ": " + e.getMessage(), e);
        }
        return tokens;
    }

    /**
     * Releases the claims of processes that are gone, for a store that only one process can open at a
     * time (an H2 file, locked by the process that opens it): a claim whose owner is not this JVM was
     * left by a process killed while it held it. Without the release, the projections wait for the
     * claim timeout (10 s by default) plus the processor's claim interval (5 s) before they resume
     * after a kill. Claims of this JVM's other stores on the same directory are theirs and kept.
     *
     * @return how many claims were released
     */
    int releaseClaimsOfOtherProcesses() {
        tokenStore();
        try (Connection c = connections.getConnection()) {
            Set<String> gone = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT owner FROM TokenEntry WHERE owner IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String owner = rs.getString(1);
                    if (!owner.startsWith(JVM + "/")) {
                        gone.add(owner);
                    }
                }
            }
            int released = 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE TokenEntry SET owner = NULL WHERE owner = ?")) {
                for (String owner : gone) {
                    ps.setString(1, owner);
                    released += ps.executeUpdate();
                }
            }
            return released;
        } catch (SQLException e) {
            throw new EntenteException("could not release the token claims of processes that are gone: " + e.getMessage(), e);
        }
    }

    /** Deletes every token of a processor, in the calling thread's transaction if it has one. */
    void delete(String processor) {
        tokenStore();
        try (Connection c = connections.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM TokenEntry WHERE processorName = ?")) {
            ps.setString(1, processor);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new EntenteException("could not delete the tokens of " + processor + ": " + e.getMessage(), e);
        }
    }
}
