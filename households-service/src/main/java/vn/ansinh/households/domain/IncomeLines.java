package vn.ansinh.households.domain;

import jakarta.persistence.Embeddable;

/**
 * The income lines of a poverty standard for rural or for urban areas, in VND per person per
 * month, each inclusive ("at or below").
 *
 * @param extremePoor at or below: poor whatever the deprivations; null where the standard has no such line
 * @param poor at or below, with enough deprivations: poor
 * @param nearPoor at or below and not poor: near-poor
 * @param average at or below and not near-poor: average living standard
 */
@Embeddable
public record IncomeLines(Long extremePoor, long poor, long nearPoor, long average) {
}
