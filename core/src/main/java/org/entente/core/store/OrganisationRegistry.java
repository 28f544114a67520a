package org.entente.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.entente.core.EntenteException;
import org.entente.core.Organisation;
import org.entente.core.internal.Require;

/**
 * The organisations registered in a store (table {@code entente_organisation}: acronym, name, CAMEO
 * actor code), and their registration in this JVM's table of organisations ({@link Organisation#register}),
 * which is what {@link Organisation#of} reads.
 *
 * <p>An acronym names one organisation in a JVM. A store's row that another registration of the JVM
 * contradicts (another store, or the application, registered the acronym under another name) is
 * refused with an {@link OrganisationConflictException} before any of the store's rows is registered,
 * so that a refused store leaves the JVM's table as it found it. A row whose acronym a later version
 * bundles is left to the bundled entry (a warning when the names differ): an upgrade must not stop a
 * store from opening.
 */
final class OrganisationRegistry {

    static final String TABLE = "entente_organisation";
    /** The widths of the columns; Organisation's own limits on acronyms and names are the same. */
    static final int ACRONYM_WIDTH = 12;
    static final int NAME_WIDTH = 200;
    static final int CAMEO_WIDTH = 64;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrganisationRegistry.class);

    /**
     * A row of the table, in the form {@link Organisation#register} keeps: acronym in upper case without
     * the {@code ORG:} prefix, name stripped, CAMEO code in upper case or null.
     */
    record Row(String acronym, String name, String cameo) {
        Row {
            Objects.requireNonNull(acronym, "acronym");
            Objects.requireNonNull(name, "name");
        }

        static Row of(Organisation o) {
            return new Row(o.acronym(), o.name(), o.cameoCode().orElse(null));
        }

        boolean sameAs(Organisation o) {
            return name.equals(o.name()) && Objects.equals(cameo, o.cameoCode().orElse(null));
        }

        /** {@code 'Economic Community of West African States' (CAMEO IGOWAS)}: the name quoted, the code if any. */
        String describe() {
            return describe(name, cameo);
        }

        static String describe(String name, String cameo) {
            return "'" + name + "'" + (cameo == null ? "" : " (CAMEO " + cameo + ")");
        }
    }

    private final ConnectionProvider connections;
    private final String store;

    /**
     * @param store the store as messages name it ({@code EntenteStore[H2 /data]})
     */
    OrganisationRegistry(ConnectionProvider connections, String store) {
        this.connections = connections;
        this.store = store;
    }

    static String ddl() {
        return "CREATE TABLE IF NOT EXISTS " + TABLE + " (acronym VARCHAR(" + ACRONYM_WIDTH + ") NOT NULL PRIMARY KEY,"
                + " name VARCHAR(" + NAME_WIDTH + ") NOT NULL, cameo VARCHAR(" + CAMEO_WIDTH + "))";
    }

    /** Creates the table where missing (stores created before registrations get it on open). Runs under the schema lock. */
    void createSchema() {
        try (Connection c = connections.getConnection(); Statement s = c.createStatement()) {
            s.execute(ddl());
        } catch (SQLException e) {
            throw new EntenteException("could not create table " + TABLE + ": " + e.getMessage(), e);
        }
    }

    /** The store's rows, by acronym. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try (Connection c = connections.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT acronym, name, cameo FROM " + TABLE + " ORDER BY acronym")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new EntenteException("could not read table " + TABLE + " of " + store + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private Optional<Row> row(String acronym) {
        try (Connection c = connections.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT acronym, name, cameo FROM " + TABLE + " WHERE acronym = ?")) {
            ps.setString(1, acronym);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getString(2), rs.getString(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new EntenteException("could not read table " + TABLE + " of " + store + ": " + e.getMessage(), e);
        }
    }

    /**
     * Registers the store's rows in this JVM (on open, and when listing them: rows another instance of a
     * shared store wrote since).
     *
     * @return the organisations, by acronym
     * @throws OrganisationConflictException when a registration of this JVM names an acronym of the store otherwise;
     *                                       nothing is registered then
     */
    List<Organisation> registerInJvm() {
        List<Row> rows = rows();
        for (Row row : rows) {
            conflict(row).ifPresent(held -> {
                throw new OrganisationConflictException(store + " registers organisation " + row.acronym() + " as " + row.describe()
                        + ", but this JVM has it registered as " + Row.describe(held.name(), held.cameoCode().orElse(null))
                        + " (by another store or by Organisation.register); an acronym names one organisation in a JVM:"
                        + " open these stores in separate JVMs", row.acronym(), held.name(), row.name());
            });
        }
        List<Organisation> registered = new ArrayList<>(rows.size());
        for (Row row : rows) {
            registered.add(registerRow(row));
        }
        return registered;
    }

    /** Registers one stored row in this JVM, its conflicts checked already. */
    private Organisation registerRow(Row row) {
        if (Organisation.isValid(row.acronym())) {
            Organisation known = Organisation.of(row.acronym());
            if (known.isBundled()) {
                if (!row.sameAs(known)) {
                    LOG.warn("{} registers organisation {} as {}, which this version of Entente bundles as {}: the bundled entry is used",
                            store, row.acronym(), row.describe(), Row.describe(known.name(), known.cameoCode().orElse(null)));
                }
                return known;
            }
        }
        try {
            return row.cameo() == null ? Organisation.register(row.acronym(), row.name())
                    : Organisation.register(row.acronym(), row.name(), row.cameo());
        } catch (IllegalArgumentException e) {
            Optional<Organisation> held = conflict(row);
            if (held.isPresent()) {
                // Registered by another thread since the check.
                throw new OrganisationConflictException(store + " registers organisation " + row.acronym() + " as " + row.describe()
                        + ", but this JVM has just registered it as " + Row.describe(held.get().name(), held.get().cameoCode().orElse(null))
                        + "; an acronym names one organisation in a JVM", row.acronym(), held.get().name(), row.name());
            }
            throw new EntenteException(store + " registers organisation " + row.acronym() + " as " + row.describe()
                    + ", which this version refuses: " + e.getMessage(), e);
        }
    }

    /**
     * The registration of this JVM that a row contradicts: the same acronym registered (not bundled) with
     * another name or CAMEO code. Reads only.
     */
    static Optional<Organisation> conflict(Row row) {
        if (!Organisation.isValid(row.acronym())) {
            return Optional.empty();
        }
        Organisation held = Organisation.of(row.acronym());
        return held.isBundled() || row.sameAs(held) ? Optional.empty() : Optional.of(held);
    }

    /**
     * Registers an organisation in this store and in this JVM: see {@link EntenteStore#registerOrganisation(String, String, String)}.
     *
     * @param cameoCode null for none
     */
    Organisation register(String acronym, String name, String cameoCode) {
        Require.nonNull(acronym, "organisation acronym", "2 to 12 characters A-Z and 0-9 such as \"LGA\"");
        Require.nonNull(name, "organisation name", "an English name such as \"Liptako-Gourma Authority\"");
        String a = acronym.strip().toUpperCase(Locale.ROOT);
        if (a.startsWith(Organisation.CODE_PREFIX)) {
            a = a.substring(Organisation.CODE_PREFIX.length());
        }
        String n = name.strip();
        String cameo = cameoCode == null || cameoCode.isBlank() ? null : cameoCode.strip().toUpperCase(Locale.ROOT);
        // The store's own row first: one written by another instance of a shared store since this one
        // opened is not in this JVM yet, and a registration it contradicts must not reach the JVM's table.
        Optional<Row> stored = a.length() <= ACRONYM_WIDTH ? row(a) : Optional.empty();
        if (stored.isPresent()) {
            Row held = stored.get();
            if (!held.name().equals(n) || !Objects.equals(held.cameo(), cameo)) {
                throw otherName(held, n, cameo);
            }
            return registerRow(held);
        }
        if (cameo != null && cameo.length() > CAMEO_WIDTH) {
            throw new IllegalArgumentException("the CAMEO actor code of organisation " + a + " has " + cameo.length()
                    + " characters; a store keeps up to " + CAMEO_WIDTH);
        }
        Organisation o = cameo == null ? Organisation.register(acronym, name) : Organisation.register(acronym, name, cameoCode);
        Row row = Row.of(o);
        try (Connection c = connections.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (acronym, name, cameo) VALUES (?, ?, ?)")) {
            ps.setString(1, row.acronym());
            ps.setString(2, row.name());
            if (row.cameo() == null) {
                ps.setNull(3, Types.VARCHAR);
            } else {
                ps.setString(3, row.cameo());
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                // Another instance of a shared store registered it at the same time.
                Row held = row(row.acronym()).orElseThrow(() -> new EntenteException("could not write table " + TABLE + " of " + store
                        + ": " + e.getMessage(), e));
                if (!held.name().equals(row.name()) || !Objects.equals(held.cameo(), row.cameo())) {
                    throw otherName(held, row.name(), row.cameo());
                }
                return o;
            }
            throw new EntenteException("could not write table " + TABLE + " of " + store + " (" + e.getMessage()
                    + "); the organisation is registered in this JVM only: register it again to keep it in the store", e);
        }
        return o;
    }

    private IllegalArgumentException otherName(Row held, String name, String cameo) {
        return new IllegalArgumentException(held.acronym() + " is already registered in " + store + " as " + held.describe()
                + "; it cannot be registered again as " + Row.describe(name, cameo));
    }
}
