package vn.ansinh.households.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import vn.ansinh.households.demo.CsvSink;
import vn.ansinh.households.demo.DemoProvince;
import vn.ansinh.households.domain.Area;
import vn.ansinh.households.domain.ImportJob;
import vn.ansinh.platform.problem.ProblemException;

/**
 * Loads the synthetic demo province through the ordinary survey import. Only where
 * {@code ansinh.demo.enabled=true} (the local run): a real registry never gets invented households.
 */
@ApplicationScoped
public class DemoService {

    @ConfigMapping(prefix = "ansinh.demo")
    public interface DemoConfig {
        @WithDefault("false")
        boolean enabled();
    }

    private final DemoConfig config;
    private final PovertyStandardService standards;
    private final AreaService areas;
    private final ImportService imports;

    public DemoService(DemoConfig config, PovertyStandardService standards, AreaService areas, ImportService imports) {
        this.config = config;
        this.standards = standards;
        this.areas = areas;
        this.imports = imports;
    }

    /**
     * Generates the province at this scale (1 = about 477,000 households), with the surveys of
     * these years, and starts importing it.
     */
    public ImportJob load(double scale, Set<Integer> years, String actor) {
        if (!config.enabled()) {
            throw new ProblemException(403, "Forbidden", "Demo data is switched off on this registry.",
                    List.of());
        }
        try {
            Path directory = Files.createTempDirectory("ansinh-demo-");
            Path households = directory.resolve("households.csv");
            Path members = directory.resolve("members.csv");
            Path surveys = directory.resolve("surveys.csv");
            List<Integer> unknown = years.stream().filter(y -> !DemoProvince.YEARS.contains(y)).toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid("year", "the demo province has surveys of " + DemoProvince.YEARS
                        + " only, not " + unknown);
            }
            try (CsvSink sink = new CsvSink(households, members, surveys,
                    years.isEmpty() ? Set.copyOf(DemoProvince.YEARS) : years)) {
                new DemoProvince(standards.forSurveyYear("year", 2023), areas.byLevel(Area.Level.COMMUNE).stream().filter(a -> a.validTo() == null).toList(), scale)
                        .generate(sink);
            }
            ImportJob job = imports.start(new ImportService.Upload(households, members, surveys), actor);
            for (Path file : new Path[] {households, members, surveys}) {
                Files.delete(file);
            }
            Files.delete(directory);
            return job;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the demo province", e);
        }
    }
}
