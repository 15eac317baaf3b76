package vn.ansinh.platform.rest;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.configuration.MemorySize;
import vn.ansinh.platform.problem.Problem;

/**
 * A JSON request body is a form or a message, never megabytes: anything larger than
 * {@code ansinh.http.max-json-body} (1 MB) is refused with 413 before it is read. File uploads
 * (multipart) are bounded by {@code quarkus.http.limits.max-body-size} instead.
 */
public class RequestLimits {

    private final MemorySize maxJsonBody;

    public RequestLimits(@ConfigProperty(name = "ansinh.http.max-json-body", defaultValue = "1M") MemorySize maxJsonBody) {
        this.maxJsonBody = maxJsonBody;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limitJsonBodies(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !type.getSubtype().endsWith("json") || request.getLength() <= maxJsonBody.asLongValue()) {
            return Optional.empty();
        }
        return Optional.of(Response.status(413).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Request too large", 413, "A JSON request body may hold at most "
                        + maxJsonBody.asLongValue() / 1024 + " KB.", request.getUriInfo().getPath(), List.of()))
                .build());
    }
}
