package vn.ansinh.platform.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.jwt.JsonWebToken;

import vn.ansinh.platform.problem.ProblemException;

/**
 * Who makes the request, from the verified bearer token: the name recorded in audit trails, the
 * roles, the area the caller may see and change, and the personal data the caller may see.
 * Only endpoints that demand a role run with a caller; the token was checked before.
 */
@RequestScoped
public class Caller {

    /** The stated purpose of an agency's request, recorded with every read of personal data. */
    public static final String PURPOSE_HEADER = "X-Purpose";

    /** Claim naming the officer's area: a commune, a district or the province (GSO code). */
    public static final String AREA_CLAIM = "area";

    private static final Set<String> OFFICERS = Set.of(Roles.PROVINCE_OFFICER, Roles.DISTRICT_OFFICER,
            Roles.COMMUNE_OFFICER);

    private final JsonWebToken token;
    private final HttpHeaders headers;

    public Caller(JsonWebToken token, HttpHeaders headers) {
        this.token = token;
        this.headers = headers;
    }

    /** preferred_username (Keycloak), else upn, else subject. */
    public String name() {
        String name = token.getName();
        return name == null || name.isBlank() ? "anonymous" : name;
    }

    /** The OAuth2 client the token was issued to (the agency's system, for an agency). */
    public String client() {
        Object azp = token.getClaim("azp");
        return azp == null ? null : azp.toString();
    }

    public boolean is(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    public Set<String> roles() {
        return token.getGroups() == null ? Set.of() : Set.copyOf(token.getGroups());
    }

    public boolean isOfficer() {
        return roles().stream().anyMatch(OFFICERS::contains);
    }

    public boolean isAgency() {
        return is(Roles.AGENCY);
    }

    /**
     * The area this caller is limited to, or empty for the whole province. A district or commune
     * officer whose token names no area is refused rather than given the province.
     */
    public Optional<String> area() {
        Object area = token.getClaim(AREA_CLAIM);
        if (area != null && !area.toString().isBlank()) {
            return Optional.of(area.toString().strip());
        }
        if (!is(Roles.PROVINCE_OFFICER) && (is(Roles.DISTRICT_OFFICER) || is(Roles.COMMUNE_OFFICER))) {
            throw new ProblemException(403, "Forbidden",
                    "The token of a district or commune officer must name the officer's area (claim 'area').", List.of());
        }
        return Optional.empty();
    }

    /** Personal data this caller sees unmasked: officers all of it; an agency what its scopes grant. */
    public Set<PersonalField> personalFields() {
        Set<PersonalField> fields = EnumSet.noneOf(PersonalField.class);
        if (isOfficer()) {
            return EnumSet.allOf(PersonalField.class);
        }
        if (isAgency()) {
            Set<String> scopes = scopes();
            for (PersonalField field : PersonalField.values()) {
                if (scopes.contains(field.scope())) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /**
     * What a request's caller may see, kept for work done after the request (an asynchronous
     * search answered later runs with the rights its caller had).
     */
    public record Snapshot(String name, String client, Set<String> roles, String area, Set<PersonalField> fields,
            boolean agency, String purpose) {
    }

    public Snapshot snapshot() {
        return new Snapshot(name(), client(), roles(), area().orElse(null), personalFields(), isAgency(),
                purpose().orElse(null));
    }

    /**
     * Why the caller asks (header {@value #PURPOSE_HEADER}), if stated. Header values are ASCII,
     * so Vietnamese text comes percent-encoded as UTF-8 ({@code C%E1%BA%A5p th%E1%BA%BB BHYT}).
     */
    public Optional<String> purpose() {
        String purpose = headers.getHeaderString(PURPOSE_HEADER);
        if (purpose == null || purpose.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URLDecoder.decode(purpose.replace("+", "%2B"), StandardCharsets.UTF_8).strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(PURPOSE_HEADER, "must be text, percent-encoded as UTF-8 where not ASCII");
        }
    }

    private Set<String> scopes() {
        Object scope = token.getClaim("scope");
        if (scope == null) {
            return Set.of();
        }
        return Set.of(scope.toString().strip().split("\\s+"));
    }
}
