package vn.ansinh.platform.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM. By default an embedded server (real binaries
 * unpacked from Maven, random port); with {@code ANSINH_TEST_DB_URL} (a JDBC URL to a
 * maintenance database such as {@code jdbc:postgresql://host:5432/postgres}) plus
 * {@code ANSINH_TEST_DB_USER} and {@code ANSINH_TEST_DB_PASSWORD}, that server instead.
 * Each call of {@link #newDatabase()} creates a fresh, empty database on it.
 */
public final class RealPostgres {

    private static EmbeddedPostgres embedded;

    private RealPostgres() {
    }

    /** JDBC URL, user and password of a new empty database. */
    public record Database(String url, String user, String password) {

        public Map<String, String> quarkusConfig() {
            return Map.of("quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", user,
                    "quarkus.datasource.password", password);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    public static synchronized Database newDatabase() {
        Database server = server();
        String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database on " + server.url(), e);
        }
        int slash = server.url().lastIndexOf('/');
        int query = server.url().indexOf('?', slash);
        String url = server.url().substring(0, slash + 1) + name + (query < 0 ? "" : server.url().substring(query));
        return new Database(url, server.user(), server.password());
    }

    private static Database server() {
        String url = System.getenv("ANSINH_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Database(url, envOr("ANSINH_TEST_DB_USER", "postgres"), envOr("ANSINH_TEST_DB_PASSWORD", ""));
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("could not start the embedded PostgreSQL", e);
            }
            // zonky stops the server in a shutdown hook of its own
        }
        return new Database(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
