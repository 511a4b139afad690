package io.github.rejoinerbroadleaf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CentsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "19.99, 1999",
        "45.99, 4599",
        "0.005, 1",
        "0.004, 0",
        "1.005, 101",
        "2.675, 268",   // 267 with double arithmetic
        "0.015, 2",
        "10, 1000",
        "0, 0",
        "299.99, 29999",
        "90071992547409.91, 9007199254740991",
        "92233720368547758.07, 9223372036854775807",
        "-0.005, -1"
    })
    void convertsWithHalfUp(String amount, long cents) {
        assertEquals(cents, Cents.of(new BigDecimal(amount)));
    }

    @Test
    void overflowThrows() {
        assertThrows(ArithmeticException.class, () -> Cents.of(new BigDecimal("92233720368547758.08")));
    }

    @Test
    void hugeExponentThrowsWithoutExpansion() {
        assertThrows(ArithmeticException.class, () -> Cents.of(new BigDecimal("1E+1000000")));
    }

    @Test
    void lineTotalIsUnitCentsTimesQuantity() {
        assertEquals(89997L, Cents.times(29999, 3));
    }

    @Test
    void lineTotalOverflowThrows() {
        assertThrows(ArithmeticException.class, () -> Cents.times(Long.MAX_VALUE / 2, 3));
    }
}
