package vn.ansinh.platform.security;

/**
 * Personal data that is masked unless the caller's role grants it. Officers see it in their area
 * (they register people); an agency sees a field only when its token carries the field's scope,
 * which the identity provider grants per data-sharing agreement.
 */
public enum PersonalField {
    CITIZEN_ID("citizenId", "personal:citizen-id"),
    DATE_OF_BIRTH("dateOfBirth", "personal:birth-date"),
    HEALTH("health", "personal:health");

    private final String field;
    private final String scope;

    PersonalField(String field, String scope) {
        this.field = field;
        this.scope = scope;
    }

    /** The name used in masked-field lists and in the audit trail. */
    public String field() {
        return field;
    }

    /** The OAuth2 scope that grants it to an agency. */
    public String scope() {
        return scope;
    }
}
