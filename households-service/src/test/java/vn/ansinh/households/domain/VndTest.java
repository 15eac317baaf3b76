package vn.ansinh.households.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Amounts in the classification's reasons read as the Vietnamese locale writes them. */
class VndTest {

    @Test
    void amountsAreGroupedAsTheVietnameseLocaleGroupsThem() {
        NumberFormat vietnamese = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));
        LongStream.concat(LongStream.of(0, 1, 12, 999, 1_000, 1_500_000, 2_000_000, 123_456_789, -4_700_000,
                Long.MAX_VALUE), LongStream.iterate(7, n -> n < 1_000_000_000_000L, n -> n * 13 + 1))
                .forEach(amount -> assertEquals(vietnamese.format(amount) + " đ", PovertyStandard.vnd(amount)));
        assertEquals("1.500.000 đ", PovertyStandard.vnd(1_500_000));
    }
}
