package vn.ansinh.platform.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Who is making the request, for the audit trail. Until authentication arrives (issue 6: JWT
 * bearer tokens) the caller names itself in the {@code X-Actor} header; without it the change
 * is recorded as made by {@code anonymous}.
 */
@RequestScoped
public class CurrentActor {

    public static final String HEADER = "X-Actor";

    private final HttpHeaders headers;

    public CurrentActor(HttpHeaders headers) {
        this.headers = headers;
    }

    public String name() {
        String actor = headers.getHeaderString(HEADER);
        return actor == null || actor.isBlank() ? "anonymous" : actor.strip();
    }
}
