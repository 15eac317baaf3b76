package vn.ansinh.households.domain;

import jakarta.persistence.Embeddable;

/** One indicator of a standard's deprivation dimensions, e.g. {@code HEALTH_INSURANCE}. */
@Embeddable
public record DeprivationIndicator(String code, int ordinal, String dimension, String nameVi, String nameEn) {
}
