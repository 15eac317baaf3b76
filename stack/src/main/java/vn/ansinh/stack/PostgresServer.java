package vn.ansinh.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server of the stack: an embedded one (real binaries from Maven, data kept in
 * the work folder between runs) unless the options name a server of the user's own. Each
 * service gets a database of its own on it.
 */
final class PostgresServer implements AutoCloseable {

    private final StackOptions options;
    private EmbeddedPostgres embedded;
    private String maintenanceUrl;

    PostgresServer(StackOptions options) {
        this.options = options;
    }

    void start() throws IOException {
        if (options.databaseUrl() != null) {
            maintenanceUrl = options.databaseUrl();
            return;
        }
        var dataDir = options.workDir().resolve("postgres");
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(options.postgresPort())
                .setOverrideWorkingDirectory(options.workDir().resolve("tmp").toFile())
                // a province import writes gigabytes: with the default 1 GB of WAL between
                // checkpoints it would checkpoint (and rewrite full pages) every few seconds
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "15min")
                // a province fills the three databases with about 2 GB: with 256 MB of buffers the
                // suite used about 4% more CPU end to end (218 against 209 CPU s, runs of session 9)
                .setServerConfig("shared_buffers", "1GB");
        // e.g. ANSINH_POSTGRES_SETTINGS=shared_preload_libraries=pg_stat_statements to profile a run
        String extra = System.getenv("ANSINH_POSTGRES_SETTINGS");
        if (extra != null && !extra.isBlank()) {
            for (String setting : extra.trim().split("\\s+")) {
                int equals = setting.indexOf('=');
                builder.setServerConfig(setting.substring(0, equals), setting.substring(equals + 1));
            }
        }
        embedded = builder.start();
        maintenanceUrl = embedded.getJdbcUrl("postgres", "postgres");
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    String database(String name) throws SQLException {
        try (Connection connection = connect(maintenanceUrl)) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet row = exists.executeQuery()) {
                    if (!row.next()) {
                        try (Statement create = connection.createStatement()) {
                            create.execute("CREATE DATABASE " + name);
                        }
                    }
                }
            }
        }
        int slash = maintenanceUrl.lastIndexOf('/');
        int query = maintenanceUrl.indexOf('?', slash);
        return maintenanceUrl.substring(0, slash + 1) + name + (query < 0 ? "" : maintenanceUrl.substring(query));
    }

    /**
     * Closes a database to its service (and drops the connections it has) or opens it again: to
     * the service, its database is down, while the server and the other databases stay up.
     */
    void allowConnections(String name, boolean allow) throws SQLException {
        try (Connection connection = connect(maintenanceUrl); Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + allow);
            if (!allow) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                        + "'");
            }
        }
    }

    String user() {
        return options.databaseUser();
    }

    String password() {
        return options.databasePassword();
    }

    String describe() {
        return embedded != null ? "embedded PostgreSQL on port " + embedded.getPort() : maintenanceUrl;
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, options.databaseUser(), options.databasePassword());
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
