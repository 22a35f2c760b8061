package dev.gaia.protocol.canonical;

import java.math.BigDecimal;

/**
 * ECMAScript's {@code Number.prototype.toString} for doubles (ECMA-262 Number::toString, radix
 * 10), as RFC 8785 requires.
 *
 * <p>The math: write the value as {@code s × 10^(n−k)} with {@code k} as small as possible (the
 * shortest decimal that reads back as the same double), ties broken by closeness to the exact
 * value, then by an even last digit. Since JDK 19, {@link Double#toString(double)} yields exactly
 * that shortest decimal when it has two or more digits; when one digit would do, the JDK may still
 * prefer a closer two-digit one ({@code 4.9E-324} where ECMAScript writes {@code 5e-324}), so
 * two-digit results are checked for a one-digit form that reads back the same. The digits are
 * then laid out by ECMAScript's rules: plain for {@code 1e-7 < |x| < 1e21}, else exponential.
 */
final class EcmaNumbers {
  private EcmaNumbers() {}

  static String toString(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("JSON has no form for " + value);
    }
    if (value == 0) {
      return "0"; // both +0 and -0
    }
    if (value < 0) {
      return "-" + toString(-value);
    }
    Decimal d = shortest(value);
    return layout(d.digits, d.exponent);
  }

  /** Digits {@code s} (no leading or trailing zeros) and {@code n} with value = 0.s × 10^n. */
  private record Decimal(String digits, int exponent) {}

  private static Decimal shortest(double value) {
    Decimal jdk = parse(Double.toString(value));
    if (jdk.digits.length() != 2) {
      return jdk;
    }
    // Is there a one-digit decimal that also reads back as `value`? Try both neighbours.
    int first = jdk.digits.charAt(0) - '0';
    BigDecimal exact = new BigDecimal(value);
    Decimal best = null;
    BigDecimal bestDistance = null;
    for (int candidate : new int[] {first, first + 1}) {
      BigDecimal decimal = BigDecimal.valueOf(candidate).scaleByPowerOfTen(jdk.exponent - 1);
      if (decimal.doubleValue() != value) {
        continue;
      }
      BigDecimal distance = decimal.subtract(exact).abs();
      if (best == null || distance.compareTo(bestDistance) < 0) {
        best =
            candidate == 10
                ? new Decimal("1", jdk.exponent + 1)
                : new Decimal(Integer.toString(candidate), jdk.exponent);
        bestDistance = distance;
      }
    }
    return best != null ? best : jdk;
  }

  /** Reads the JDK's {@code 123.45} or {@code 1.2345E-7} form. */
  private static Decimal parse(String text) {
    int e = text.indexOf('E');
    String mantissa = e < 0 ? text : text.substring(0, e);
    int exp10 = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
    int dot = mantissa.indexOf('.');
    String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    int n = dot + exp10; // value = 0.digits × 10^n
    int lead = 0;
    while (digits.charAt(lead) == '0') {
      lead++;
    }
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    return new Decimal(digits.substring(lead, end), n - lead);
  }

  private static String layout(String s, int n) {
    int k = s.length();
    if (k <= n && n <= 21) {
      return s + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return s.substring(0, n) + "." + s.substring(n);
    }
    if (-6 < n && n <= 0) {
      return "0." + "0".repeat(-n) + s;
    }
    int e = n - 1;
    String exponent = (e < 0 ? "e-" : "e+") + Math.abs(e);
    return k == 1 ? s + exponent : s.charAt(0) + "." + s.substring(1) + exponent;
  }
}
