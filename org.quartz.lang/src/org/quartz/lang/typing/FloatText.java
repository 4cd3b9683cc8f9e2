package org.quartz.lang.typing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The text of a Float (reference §11), for constants folded at compile time; the runtime's
 * qz_float_to_s prints the same text at run time (programs/float_text.qz compares the two).
 * The shortest digits that read back as the same double, nearest first; plain notation for
 * 1e-4 <= |x| < 1e16 with at least one digit after the point, else `d.ddde+XX`.
 */
public final class FloatText {

	private FloatText() {
	}

	public static String of(double x) {
		if (Double.isNaN(x)) {
			return "NaN";
		}
		if (Double.isInfinite(x)) {
			return x > 0 ? "Infinity" : "-Infinity";
		}
		if (x == 0) {
			return 1 / x < 0 ? "-0.0" : "0.0";
		}
		BigDecimal shortest = null;
		for (int precision = 1; precision <= 17; precision++) {
			shortest = new BigDecimal(x).round(new MathContext(precision, RoundingMode.HALF_EVEN));
			if (shortest.doubleValue() == x) {
				break;
			}
		}
		shortest = shortest.stripTrailingZeros();
		String digits = shortest.unscaledValue().abs().toString();
		int exponent = digits.length() - 1 - shortest.scale();
		String sign = x < 0 ? "-" : "";
		double magnitude = Math.abs(x);
		if (magnitude >= 1e-4 && magnitude < 1e16) {
			if (exponent < 0) {
				return sign + "0." + "0".repeat(-exponent - 1) + digits;
			}
			String whole = digits.length() > exponent + 1 ? digits.substring(0, exponent + 1)
					: digits + "0".repeat(exponent + 1 - digits.length());
			String fraction = digits.length() > exponent + 1 ? digits.substring(exponent + 1) : "0";
			return sign + whole + "." + fraction;
		}
		String fraction = digits.length() > 1 ? digits.substring(1) : "0";
		String exponentText = String.format("%02d", Math.abs(exponent));
		return sign + digits.charAt(0) + "." + fraction + "e" + (exponent < 0 ? "-" : "+") + exponentText;
	}
}
