package vn.ansinh.households.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The hand-written readers of cells say what the general ones they replace say. */
class SurveyFilesTest {

    @Test
    void datesAreReadAsLocalDateParseReadsThem() {
        for (String date : List.of("1990-01-01", "2000-02-29", "2024-12-31", "0001-01-01", "1985-06-15")) {
            assertEquals(LocalDate.parse(date), SurveyFiles.isoDate(date), date);
        }
        for (String wrong : List.of("1990-13-01", "2023-02-29", "1990-00-10", "1990-01-32", "1990-1-01",
                "1990/01/01", "19900101", "199a-01-01", "1990-01-01x", "")) {
            assertThrows(DateTimeParseException.class, () -> LocalDate.parse(wrong), wrong);
            assertThrows(DateTimeParseException.class, () -> SurveyFiles.isoDate(wrong), wrong);
        }
    }

    @Test
    void codesAreLettersDigitsDotsUnderscoresAndHyphens() {
        for (String code : List.of("BG-213-000001", "a.b_c-9", "Z")) {
            assertTrue(SurveyFiles.isCode(code), code);
        }
        for (String wrong : List.of("BG 213", "hộ-1", "a/b", "x,y", "#1")) {
            assertFalse(SurveyFiles.isCode(wrong), wrong);
        }
    }
}
