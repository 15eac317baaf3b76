package vn.ansinh.benefits.domain;

/** Where the money comes from: the central budget, the province's, or socialised sources (xã hội hóa). */
public enum FundingSource {
    CENTRAL, PROVINCIAL, SOCIALISED;

    /** The part of an entitlement this source pays: the state's share, the province's top-up, nothing. */
    public long shareOf(Entitlement entitlement) {
        return switch (this) {
            case CENTRAL -> entitlement.stateVnd();
            case PROVINCIAL -> entitlement.provinceVnd();
            case SOCIALISED -> 0;
        };
    }
}
