package vn.ansinh.households.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Import progress at {@code /q/metrics}: rows of the imports still running (any replica's,
 * read from the job table), the total they will reach, and how many are applied so far.
 */
@ApplicationScoped
class ImportMetrics {

    private static final String RUNNING = "FROM import_job WHERE status NOT IN ('COMPLETED', 'REJECTED', 'FAILED')";

    private final MeterRegistry registry;
    private final DataSource dataSource;

    ImportMetrics(MeterRegistry registry, DataSource dataSource) {
        this.registry = registry;
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("ansinh.import.running", this, m -> m.sum("count(*)"))
                .description("survey imports in progress").register(registry);
        Gauge.builder("ansinh.import.rows.total", this, m -> m.sum("coalesce(sum(rows_total), 0)"))
                .description("rows of the imports in progress").register(registry);
        Gauge.builder("ansinh.import.rows.applied", this, m -> m.sum("coalesce(sum(rows_applied), 0)"))
                .description("rows of the imports in progress applied so far").register(registry);
    }

    private double sum(String expression) {
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
                ResultSet result = query.executeQuery("SELECT " + expression + " " + RUNNING)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
