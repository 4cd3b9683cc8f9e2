package org.quartz.lang.parser;

import java.util.Map;
import java.util.Set;

import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.MissingTokenException;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.antlr.runtime.UnwantedTokenException;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Action;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.parser.antlr.internal.InternalQuartzParser;
import org.quartz.lang.quartz.QuartzPackage;

/**
 * Syntax errors in the user's terms: {@code unexpected '*'; expected expression} instead of
 * ANTLR's "no viable alternative at input". Every syntax error has code QZ0001; a literal the
 * value converters reject (an integer out of range, an unknown escape) has QZ0002.
 */
public class QuartzSyntaxErrorMessages extends SyntaxErrorMessageProvider {

	/** What the parser was reading, by grammar rule, for rules whose name is not self-explaining. */
	private static final Map<String, String> RULE_DESCRIPTIONS = Map.ofEntries(
			Map.entry("Module", "declaration or statement"),
			Map.entry("TopLevel", "declaration or statement"),
			Map.entry("Statement", "statement"),
			Map.entry("Block", "statement"),
			Map.entry("ExpressionStatement", "statement"),
			Map.entry("TypeRef", "type"),
			Map.entry("NamedTypeRef", "type"),
			Map.entry("FnTypeRef", "type"),
			Map.entry("Pattern", "pattern"),
			Map.entry("PrimaryPattern", "pattern"),
			Map.entry("VariantPattern", "pattern"),
			Map.entry("SelectArm", "'recv', 'send', 'timeout' or 'default'"),
			Map.entry("ModulePath", "module path"),
			Map.entry("ValidID", "name"),
			Map.entry("MemberName", "name"),
			Map.entry("Param", "parameter"),
			Map.entry("LambdaParam", "parameter"),
			Map.entry("Field", "field"),
			Map.entry("Variant", "variant"),
			Map.entry("Declaration", "declaration"),
			Map.entry("AssignOp", "assignment operator"));

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		return new SyntaxErrorMessage(message(context), QuartzIssueCodes.SYNTAX_ERROR);
	}

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
		return new SyntaxErrorMessage(context.getValueConverterException().getMessage(), QuartzIssueCodes.INVALID_LITERAL);
	}

	private String message(IParserErrorContext context) {
		RecognitionException e = context.getRecognitionException();
		if (e == null) {
			return context.getDefaultMessage();
		}
		Token found = e instanceof UnwantedTokenException unwanted ? unwanted.getUnexpectedToken() : e.token;
		if (isUnterminatedString(found)) {
			return "unterminated string";
		}
		if (isBracket(found)) {
			return "brackets nested more than " + NewlineFilter.MAX_NESTING + " deep";
		}
		if (isBlockKeyword(found)) {
			return "blocks nested more than " + NewlineFilter.MAX_NESTING + " deep";
		}
		if (isKeyword(found) && "name".equals(expectation(context.getCurrentNode()))) {
			return "'" + found.getText() + "' is a reserved word and cannot be used as a name";
		}
		Token before = e.input instanceof TokenStream tokens ? tokens.LT(-1) : null;
		if (isKeyword(before) && found != null && found.getText() != null && NAME_FOLLOWERS.contains(found.getText())) {
			return "'" + before.getText() + "' is a reserved word and cannot be used as a name";
		}
		if (e instanceof UnwantedTokenException) {
			return "unexpected " + describe(found);
		}
		if (e instanceof MissingTokenException missing) {
			return "expected " + tokenName(missing.expecting, context) + " before " + describe(found);
		}
		if (e instanceof MismatchedTokenException mismatched) {
			String expected = mismatched.expecting == InternalQuartzParser.End && continuesLine(e, found)
					? "end of line"
					: tokenName(mismatched.expecting, context);
			return "unexpected " + describe(found) + "; expected " + expected;
		}
		String expected = expectation(context.getCurrentNode());
		return expected == null ? "unexpected " + describe(found) : "unexpected " + describe(found) + "; expected " + expected;
	}

	/**
	 * Whether the unexpected token follows a complete statement on the same line: the parser
	 * then wants the block's `end`, but what is missing is a line break (or an operator).
	 */
	private static boolean continuesLine(RecognitionException e, Token found) {
		if (!(e.input instanceof TokenStream tokens) || found == null || found.getType() == Token.EOF) {
			return false;
		}
		Token previous = tokens.LT(-1);
		return previous != null && previous.getLine() == found.getLine();
	}

	/** Tokens that follow a name being declared or assigned, never a keyword. */
	private static final Set<String> NAME_FOLLOWERS = Set.of("=", "+=", "-=", "*=", "/=", "%=", ":");

	/** A bracket the NewlineFilter turned into an unknown character: nested too deep. */
	private static boolean isBracket(Token token) {
		return token != null && token.getType() == InternalQuartzParser.RULE_ANY_OTHER
				&& ("(".equals(token.getText()) || "[".equals(token.getText()) || "{".equals(token.getText()));
	}

	/** A block keyword the NewlineFilter turned into an unknown character: nested too deep. */
	private static boolean isBlockKeyword(Token token) {
		return token != null && token.getType() == InternalQuartzParser.RULE_ANY_OTHER
				&& NewlineFilter.OPENS_BLOCK.contains(token.getText());
	}

	/** A reserved word: a token spelled like a name that the lexer typed as a keyword. */
	private static boolean isKeyword(Token token) {
		return token != null && token.getType() != InternalQuartzParser.RULE_ID && token.getText() != null
				&& token.getText().matches("[a-z_]+");
	}

	private static boolean isUnterminatedString(Token token) {
		return token != null && token.getType() == InternalQuartzParser.RULE_ANY_OTHER && token.getText() != null
				&& token.getText().startsWith("\"");
	}

	/** The token as the user wrote it. */
	private static String describe(Token token) {
		if (token == null || token.getType() == Token.EOF) {
			return "end of file";
		}
		int type = token.getType();
		if (type == InternalQuartzParser.RULE_NL || type == InternalQuartzParser.RULE_ARM) {
			return ";".equals(token.getText()) ? "';'" : "end of line";
		}
		String text = token.getText();
		if (type == InternalQuartzParser.RULE_ANY_OTHER) {
			return "character '" + text + "'";
		}
		if (text.length() > 24) {
			text = text.substring(0, 20) + "...";
		}
		return "'" + text + "'";
	}

	/** A token type as the user would name it: a keyword or punctuation in quotes, else its kind. */
	private static String tokenName(int type, IParserErrorContext context) {
		switch (type) {
			case Token.EOF:
				return "end of file";
			case InternalQuartzParser.RULE_ID:
				return "name";
			case InternalQuartzParser.RULE_INT:
				return "integer";
			case InternalQuartzParser.RULE_STRING:
				return "string";
			case InternalQuartzParser.RULE_NL:
			case InternalQuartzParser.RULE_ARM:
				return "end of line";
			default:
				String[] names = context.getTokenNames();
				return type >= 0 && type < names.length ? names[type] : "more input";
		}
	}

	/** What the rule being parsed expects next, from the grammar element of the current node. */
	private static String expectation(INode node) {
		for (INode n = node; n != null; n = n.getParent()) {
			EObject element = n.getGrammarElement();
			EClassifier produced = null;
			String ruleName = null;
			if (element instanceof RuleCall call) {
				AbstractRule rule = call.getRule();
				ruleName = rule.getName();
				produced = rule.getType() == null ? null : rule.getType().getClassifier();
			} else if (element instanceof AbstractRule rule) {
				ruleName = rule.getName();
				produced = rule.getType() == null ? null : rule.getType().getClassifier();
			} else if (element instanceof Action action) {
				ruleName = GrammarUtil.containingRule(action).getName();
			}
			if (ruleName == null) {
				continue;
			}
			String description = RULE_DESCRIPTIONS.get(ruleName);
			if (description != null) {
				return description;
			}
			if (produced instanceof EClass eClass && QuartzPackage.Literals.EXPRESSION.isSuperTypeOf(eClass)) {
				return "expression";
			}
			return null;
		}
		return null;
	}
}
