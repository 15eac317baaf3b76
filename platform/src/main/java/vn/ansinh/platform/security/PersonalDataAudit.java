package vn.ansinh.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import vn.ansinh.platform.problem.ProblemException;

/**
 * Decides which personal data a request may show and records agencies' reads of it. Resources
 * ask before they build their answer: what is not granted is masked; an agency that is granted
 * anything must state its purpose, and its read is recorded before the data leaves.
 */
@RequestScoped
public class PersonalDataAudit {

    private final PersonalDataLog log;
    private final Caller caller;
    private final UriInfo uri;

    public PersonalDataAudit(PersonalDataLog log, Caller caller, UriInfo uri) {
        this.log = log;
        this.caller = caller;
        this.uri = uri;
    }

    /**
     * The personal fields this caller sees in these records. For an agency that sees any, the
     * purpose is required and each record's read is recorded (in this transaction, so an audit
     * that cannot be written fails the read).
     */
    @Transactional
    public Set<PersonalField> reveal(String recordType, Collection<?> recordIds) {
        Caller.Snapshot who = caller.snapshot();
        if (!who.agency() || who.fields().isEmpty()) {
            return who.fields();
        }
        String purpose = requirePurpose(who.purpose(), Caller.PURPOSE_HEADER);
        String request = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        log.record(who, purpose, recordType, recordIds, request);
        return who.fields();
    }

    /** An agency's stated purpose, checked; the field names where it was expected. */
    public static String requirePurpose(String purpose, String field) {
        if (purpose == null || purpose.isBlank()) {
            throw ProblemException.invalid(field,
                    "is required: state why personal data is read (e.g. the case or agreement reference)");
        }
        if (purpose.length() > 500) {
            throw ProblemException.invalid(field, "must be at most 500 characters");
        }
        return purpose.strip();
    }

    /** Fields masked in an answer, named as clients see them. */
    public static List<String> masked(Set<PersonalField> visible) {
        EnumSet<PersonalField> hidden = EnumSet.allOf(PersonalField.class);
        hidden.removeAll(visible);
        return hidden.stream().map(PersonalField::field).toList();
    }
}
