package vn.ansinh.platform.security;

/**
 * The roles a token may carry (its {@code groups} claim; Keycloak realm roles mapped there).
 * Officers keep the registry within their area; the approver takes the checker's side of
 * maker-checker steps; the inspector reads everything and changes nothing; an agency reads only,
 * and sees personal data only as far as its agreement grants (token scopes, {@link PersonalField}).
 */
public final class Roles {

    public static final String PROVINCE_OFFICER = "province-officer";
    public static final String DISTRICT_OFFICER = "district-officer";
    public static final String COMMUNE_OFFICER = "commune-officer";
    public static final String APPROVER = "approver";
    public static final String INSPECTOR = "inspector";
    public static final String AGENCY = "agency";

    private Roles() {
    }
}
