package io.github.rejoinerbroadleaf.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rejoiner wants every amount as an integer number of cents. The conversion is exact decimal
 * arithmetic with HALF_UP rounding (19.99 becomes 1999, 0.005 becomes 1), never truncation and
 * never floating point. Build amounts with {@code new BigDecimal("1.005")} or
 * {@link BigDecimal#valueOf(double)}, not {@code new BigDecimal(1.005)}, which is already inexact.
 */
public final class Cents {

    private Cents() {
    }

    /**
     * The amount in cents, rounded HALF_UP (away from zero at exactly half a cent).
     *
     * @throws ArithmeticException when the result does not fit in a {@code long}
     * @throws NullPointerException when amount is null
     */
    public static long of(BigDecimal amount) {
        // Cheap guard: more than 17 integer digits cannot fit in a long after multiplying by
        // 100, and skipping setScale avoids building a huge BigInteger for 1E+1000000.
        if (amount.precision() - amount.scale() > 19) {
            throw new ArithmeticException("amount does not fit in long cents");
        }
        return amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * Line total as Rejoiner defines {@code qty_price}: the rounded unit price in cents times the
     * quantity (so that {@code qty_price == price * item_qty} holds exactly in what we send).
     *
     * @throws ArithmeticException on overflow
     */
    public static long times(long unitCents, int quantity) {
        return Math.multiplyExact(unitCents, (long) quantity);
    }
}
