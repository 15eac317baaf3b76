package vn.ansinh.reporting.domain;

/** A number of households in one administrative area. */
public record AreaCount(String areaCode, long households) {
}
