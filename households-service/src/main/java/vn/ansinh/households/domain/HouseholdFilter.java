package vn.ansinh.households.domain;

/**
 * What a registry search asks for; null means "any".
 *
 * @param areaCode a commune, a district (all its communes) or the province
 * @param category with {@code year}: households classified so in that year's survey
 * @param name part of the head's or a member's name, any case
 * @param code the household's registry code
 */
public record HouseholdFilter(String areaCode, PovertyCategory category, Integer year, String name, String citizenId,
        String code, Boolean ethnicMinority, Boolean meritFamily) {

    public HouseholdFilter(String areaCode, PovertyCategory category, Integer year, String name, String citizenId) {
        this(areaCode, category, year, name, citizenId, null, null, null);
    }
}
