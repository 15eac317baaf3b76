package vn.ansinh.households.rest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static vn.ansinh.platform.security.Roles.INSPECTOR;
import static vn.ansinh.platform.security.Roles.PROVINCE_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import vn.ansinh.households.domain.ImportError;
import vn.ansinh.households.domain.ImportJob;
import vn.ansinh.households.service.DemoService;
import vn.ansinh.households.service.ImportService;
import vn.ansinh.platform.security.Caller;

/** Bulk import of a survey from CSV files, as a background job. */
@RolesAllowed({ PROVINCE_OFFICER, INSPECTOR })
@jakarta.ws.rs.Path("/api/imports")
public class ImportResource {

    private final ImportService imports;
    private final DemoService demo;
    private final Caller actor;

    public ImportResource(ImportService imports, DemoService demo, Caller actor) {
        this.imports = imports;
        this.demo = demo;
        this.actor = actor;
    }

    public record JobView(UUID id, ImportJob.Status status, String files, String checksum, int rowsTotal, int rowsRead,
            int rowsValidated, int rowsApplied, int errorCount, ImportJob.Changes changes, String message,
            Boolean staged, Instant createdAt, String createdBy, Instant finishedAt) {

        static JobView of(ImportJob j) {
            return new JobView(j.id(), j.status(), j.files(), j.checksum(), j.rowsTotal(), j.rowsRead(),
                    j.rowsValidated(), j.rowsApplied(), j.errorCount(), j.changes(), j.message(), j.staged(),
                    j.createdAt(), j.createdBy(), j.finishedAt());
        }
    }

    /**
     * Uploads {@code households}, {@code members} and/or {@code surveys} (multipart parts, CSV) and
     * answers 202 at once; the job's progress is at the returned location.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(PROVINCE_OFFICER)
    public Response upload(@RestForm("households") FileUpload households, @RestForm("members") FileUpload members,
            @RestForm("surveys") FileUpload surveys) {
        ImportJob job = imports.start(new ImportService.Upload(path(households), path(members), path(surveys)),
                actor.name());
        return Response.accepted(JobView.of(job)).location(URI.create("/api/imports/" + job.id())).build();
    }

    /**
     * Generates the synthetic demo province and imports it (only where demo data is switched on,
     * as in the local run). {@code scale} 1 is the whole province, about 477,000 households;
     * {@code year} (repeatable) limits the surveys to those years, all three by default.
     */
    @POST
    @jakarta.ws.rs.Path("/demo-province")
    @RolesAllowed(PROVINCE_OFFICER)
    public Response demoProvince(@QueryParam("scale") @DefaultValue("1") @DecimalMin("0.001") @DecimalMax("1") double scale,
            @QueryParam("year") List<Integer> years) {
        ImportJob job = demo.load(scale, Set.copyOf(years), actor.name());
        return Response.accepted(JobView.of(job)).location(URI.create("/api/imports/" + job.id())).build();
    }

    @GET
    public List<JobView> latest(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return imports.latest(page, size).stream().map(JobView::of).toList();
    }

    @GET
    @jakarta.ws.rs.Path("/{id}")
    public JobView get(@PathParam("id") UUID id) {
        return JobView.of(imports.get(id));
    }

    /** What is wrong, row by row: file, line (1 is the header), column, message. */
    @GET
    @jakarta.ws.rs.Path("/{id}/errors")
    public List<ImportError> errors(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return imports.errors(id, page, size);
    }

    private static Path path(FileUpload upload) {
        return upload == null ? null : upload.uploadedFile();
    }
}
