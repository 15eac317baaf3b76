package vn.ansinh.reporting.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Sums commune figures into their district and the province, per year and group. The commune
 * and district are those the facts carry (the survey's commune for that year), so a later
 * merger of communes does not move past figures.
 */
public final class Rollup {

    public static final String PROVINCE = "PROVINCE";
    public static final String DISTRICT = "DISTRICT";
    public static final String COMMUNE = "COMMUNE";

    /** One area's figures for a year and group: which area, the parent it was counted under, and the sums. */
    public record Key(int year, String group, String level, String code) {
    }

    public record Sums(String parentCode, long[] values) {
    }

    private final String provinceCode;
    private final int width;
    private final Map<Key, Sums> sums = new LinkedHashMap<>();

    /** @param width how many figures each row carries */
    public Rollup(String provinceCode, int width) {
        this.provinceCode = provinceCode;
        this.width = width;
    }

    public void add(int year, String group, String communeCode, String districtCode, long... values) {
        add(new Key(year, group, COMMUNE, communeCode), districtCode, values);
        add(new Key(year, group, DISTRICT, districtCode), provinceCode, values);
        add(new Key(year, group, PROVINCE, provinceCode), null, values);
    }

    private void add(Key key, String parent, long[] values) {
        long[] into = sums.computeIfAbsent(key, k -> new Sums(parent, new long[width])).values();
        for (int i = 0; i < width; i++) {
            into[i] += values[i];
        }
    }

    public long[] get(int year, String group, String level, String code) {
        Sums found = sums.get(new Key(year, group, level, code));
        return found == null ? null : found.values();
    }

    public void forEach(BiConsumer<Key, Sums> action) {
        sums.forEach(action);
    }
}
