package vn.ansinh.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Every error a service answers is RFC 9457 problem details. A client's mistake says what is
 * wrong, field by field; a server fault says only that it happened and gives an id to find it in
 * the log — never a class name, stack trace or SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem("about:blank", e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(field(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return respond(new Problem("about:blank", "Invalid request", 400, "The request has invalid fields.",
                path(uri), errors));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        List<Problem.FieldError> errors = List.of();
        String detail = "The request body is not valid JSON.";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            errors = List.of(new Problem.FieldError(field, "has a value of the wrong type or format"));
            detail = "The request body does not match the expected form.";
        }
        return respond(new Problem("about:blank", "Unreadable request", 400, detail, path(uri), errors));
    }

    /**
     * Two requests raced for something unique (a code, a citizen ID): the loser is told so,
     * with the name of the rule it broke and nothing of the SQL.
     */
    @ServerExceptionMapper
    public Response conflict(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        String rule = e.getConstraintName() == null ? "a uniqueness or integrity rule" : e.getConstraintName();
        return respond(new Problem("about:blank", "Conflict", 409,
                "The change conflicts with data recorded meanwhile (" + rule + "); reload and try again.", path(uri),
                List.of()));
    }

    /** More specific than Quarkus' own mapper of these, which answers in another format. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    /** No token, an expired one, or one not signed by the identity provider. */
    @ServerExceptionMapper({ io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem("about:blank", "Unauthorized", 401,
                "A valid bearer token is required (Authorization: Bearer <JWT> from the identity provider).",
                path(uri), List.of()))).header("WWW-Authenticate", "Bearer").build();
    }

    /** A valid token whose roles do not allow this request. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(new Problem("about:blank", "Forbidden", 403,
                "Your role does not allow this request.", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // RESTEasy wraps a body that Jackson could not read in a 400 of its own
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadable(json, uri);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Request refused";
        return respond(new Problem("about:blank", title, status, clientMessage(e, title), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s on %s", id, path(uri));
        return respond(new Problem("about:blank", "Internal error", 500,
                "The service failed to handle the request. Quote error id " + id + " to the operators.",
                path(uri), List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String clientMessage(WebApplicationException e, String fallback) {
        // RESTEasy's own messages for 404/405/415 are plain and safe; anything else falls back to the title
        String message = e.getMessage();
        return message == null || message.isBlank() || message.contains("Exception") ? fallback : message;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** {@code register.request.members[2].citizenId} → {@code members[2].citizenId}; a query parameter keeps its name. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            // Hibernate Validator puts a list index on the node after the list
            if (node.isInIterable() && !field.isEmpty()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        if (field.isEmpty()) {
            return parameter == null ? "request" : parameter;
        }
        return field.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
