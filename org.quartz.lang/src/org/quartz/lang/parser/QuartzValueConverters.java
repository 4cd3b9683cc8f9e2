package org.quartz.lang.parser;

import org.eclipse.xtext.conversion.impl.AbstractDeclarativeValueConverterService;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractLexerBasedConverter;
import org.eclipse.xtext.nodemodel.INode;

/** Values of Quartz's terminals: integer literals and the pieces of string literals. */
public class QuartzValueConverters extends AbstractDeclarativeValueConverterService {

	@ValueConverter(rule = "INT")
	public IValueConverter<Long> INT() {
		return new AbstractLexerBasedConverter<>() {
			@Override
			public Long toValue(String string, INode node) {
				try {
					return parseInt(string);
				} catch (NumberFormatException e) {
					throw new ValueConverterException("integer literal out of range: " + string, node, e);
				}
			}

			@Override
			protected String toEscapedString(Long value) {
				return value.toString();
			}
		};
	}

	@ValueConverter(rule = "FLOAT")
	public IValueConverter<Double> FLOAT() {
		return new AbstractLexerBasedConverter<>() {
			@Override
			public Double toValue(String string, INode node) {
				double value = parseFloat(string);
				if (Double.isInfinite(value)) {
					throw new ValueConverterException("Float literal out of range: " + string, node, null);
				}
				return value;
			}

			@Override
			protected String toEscapedString(Double value) {
				return value.toString();
			}
		};
	}

	/** Parses `1.5`, `1_000.25` and `2.5e-3` (correctly rounded, as Java's parser is). */
	public static double parseFloat(String text) {
		return Double.parseDouble(text.replace("_", ""));
	}

	/** Parses `42`, `1_000_000` and `0xff`; values above Int's range are rejected. */
	public static long parseInt(String text) {
		String digits = text.replace("_", "");
		if (digits.startsWith("0x") || digits.startsWith("0X")) {
			return Long.parseUnsignedLong(digits.substring(2), 16);
		}
		return Long.parseLong(digits);
	}

	@ValueConverter(rule = "STRING")
	public IValueConverter<String> STRING() {
		return new StringPieceConverter(1, 1);
	}

	@ValueConverter(rule = "STRING_START")
	public IValueConverter<String> STRING_START() {
		return new StringPieceConverter(1, 2);
	}

	@ValueConverter(rule = "STRING_MIDDLE")
	public IValueConverter<String> STRING_MIDDLE() {
		return new StringPieceConverter(1, 2);
	}

	@ValueConverter(rule = "STRING_END")
	public IValueConverter<String> STRING_END() {
		return new StringPieceConverter(1, 1);
	}

	/** A piece of a string literal: strips the delimiters and resolves escapes. */
	private static final class StringPieceConverter extends AbstractLexerBasedConverter<String> {
		private final int prefix;
		private final int suffix;

		StringPieceConverter(int prefix, int suffix) {
			this.prefix = prefix;
			this.suffix = suffix;
		}

		@Override
		public String toValue(String string, INode node) {
			if (string == null || string.length() < prefix + suffix) {
				throw new ValueConverterException("unterminated string", node, null);
			}
			return unescape(string.substring(prefix, string.length() - suffix), node);
		}

		@Override
		protected String toEscapedString(String value) {
			throw new UnsupportedOperationException("Quartz models are not serialized");
		}
	}

	/**
	 * Resolves `\n \t \\ \" \0 \e \#` in a string piece. A line break in the source is a
	 * newline whatever the file's line endings: `\r\n` becomes `\n`.
	 */
	public static String unescape(String raw, INode node) {
		StringBuilder out = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '\r' && i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
				continue;
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char e = ++i < raw.length() ? raw.charAt(i) : ' ';
			switch (e) {
				case 'n' -> out.append('\n');
				case 't' -> out.append('\t');
				case 'r' -> out.append('\r');
				case '0' -> out.append('\0');
				case 'e' -> out.append('\u001b');
				case '\\', '"', '#' -> out.append(e);
				case '\n', '\r' -> throw new ValueConverterException("unknown escape: \\ at the end of a line", node, null);
				default -> throw new ValueConverterException("unknown escape \\" + e, node, null);
			}
		}
		return out.toString();
	}
}
