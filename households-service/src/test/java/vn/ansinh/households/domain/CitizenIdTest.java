package vn.ansinh.households.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CitizenIdTest {

    @Test
    void aNumberThatFitsThePersonIsValid() {
        assertNull(CitizenId.problem("024085001234", LocalDate.of(1985, 3, 2), Member.Sex.MALE));
        assertNull(CitizenId.problem("024185001234", LocalDate.of(1985, 3, 2), Member.Sex.FEMALE));
        assertNull(CitizenId.problem("001212001234", LocalDate.of(2012, 1, 9), Member.Sex.MALE));
        assertNull(CitizenId.problem("096312001234", LocalDate.of(2012, 1, 9), Member.Sex.FEMALE));
    }

    @Test
    void eachWayOfBeingWrongIsNamed() {
        assertEquals("must be 12 digits", CitizenId.problem("02408500123", null, null));
        assertEquals("must be 12 digits", CitizenId.problem("02408500123X", null, null));
        assertEquals("starts with 003, which is not a province code", CitizenId.problem("003085001234", null, null));
        assertEquals("digit 4 is 0 but a female born in 1985 has 1",
                CitizenId.problem("024085001234", LocalDate.of(1985, 3, 2), Member.Sex.FEMALE));
        assertEquals("digit 4 is 0 but a male born in 2003 has 2",
                CitizenId.problem("024003001234", LocalDate.of(2003, 3, 2), Member.Sex.MALE));
        assertEquals("digits 5–6 are 86 but the year of birth is 1985",
                CitizenId.problem("024086001234", LocalDate.of(1985, 3, 2), Member.Sex.MALE));
    }
}
