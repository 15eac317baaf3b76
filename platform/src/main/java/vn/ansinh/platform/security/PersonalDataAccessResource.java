package vn.ansinh.platform.security;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import vn.ansinh.platform.problem.ProblemException;

/** The trail of agencies' reads of personal data, for inspectors; newest first. */
@Path("/api/personal-data-access")
@RolesAllowed(Roles.INSPECTOR)
public class PersonalDataAccessResource {

    public record AccessPage(List<PersonalDataLog.Access> items, int page, int size, long total) {
    }

    private final PersonalDataLog audit;

    public PersonalDataAccessResource(PersonalDataLog audit) {
        this.audit = audit;
    }

    @GET
    public AccessPage find(@QueryParam("actor") @Size(max = 200) String actor,
            @QueryParam("client") @Size(max = 200) String client,
            @QueryParam("record") @Size(max = 100) String record,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        PersonalDataLog.Filter filter = new PersonalDataLog.Filter(actor, client, record, instant("from", from),
                instant("to", to));
        return new AccessPage(audit.find(filter, page, size), page, size, audit.count(filter));
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an instant such as 2026-01-31T00:00:00Z");
        }
    }
}
