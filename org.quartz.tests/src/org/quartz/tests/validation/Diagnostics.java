package org.quartz.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.typing.TypeChecker;

import com.google.inject.Inject;

/**
 * Runs Quartz source through parsing, linking and validation as the compiler does, and checks
 * the diagnostics by code and position (never by wording). Inject it into a test.
 */
public class Diagnostics {

	@Inject
	private ParseHelper<Module> parseHelper;

	@Inject
	private ValidationTestHelper validationHelper;

	@Inject
	private TypeChecker types;

	public Module parse(String source) {
		try {
			return parseHelper.parse(source);
		} catch (Exception e) {
			throw new AssertionError("cannot parse", e);
		}
	}

	/** The inferred type of the first binding named {@code name} in a program without diagnostics. */
	public String bindingType(String source, String name) {
		Module module = parse(source);
		assertNoIssues(of(module));
		return bindingType(module, name);
	}

	/** The inferred type of the first binding named {@code name} in {@code root}. */
	public String bindingType(EObject root, String name) {
		for (EObject element : (Iterable<EObject>) root::eAllContents) {
			if (element instanceof NamedElement named && name.equals(named.getName())) {
				return types.typeOf(element).toString();
			}
		}
		throw new AssertionError("no binding " + name);
	}

	/** All diagnostics of the source. */
	public List<Issue> of(String source) {
		return validationHelper.validate(parse(source));
	}

	public List<Issue> of(Module module) {
		return validationHelper.validate(module);
	}

	/**
	 * Asserts that the source has exactly one error with {@code code}, on an {@code eClass}
	 * element, starting at {@code line} and {@code column} (1-based); returns all its issues.
	 */
	public List<Issue> assertError(String source, EClass eClass, String code, int line, int column) {
		Module module = parse(source);
		validationHelper.assertError(module, eClass, code);
		List<Issue> issues = of(module);
		assertErrorAt(issues, code, line, column);
		return issues;
	}

	/** Asserts that exactly one of the issues is an error with {@code code}, at that line and column. */
	public static Issue assertErrorAt(List<Issue> issues, String code, int line, int column) {
		List<Issue> withCode = issues.stream().filter(issue -> code.equals(issue.getCode())).toList();
		if (withCode.size() != 1) {
			fail("expected one " + code + " error, got: " + describe(issues));
		}
		Issue issue = withCode.get(0);
		assertEquals(Severity.ERROR, issue.getSeverity(), describe(issues));
		assertEquals(line + ":" + column, issue.getLineNumber() + ":" + issue.getColumn(), describe(issues));
		return issue;
	}

	/** Asserts that the issues are exactly one error, with {@code code} at that line and column. */
	public static void assertOnlyError(List<Issue> issues, String code, int line, int column) {
		assertEquals(1, issues.size(), () -> "expected exactly one diagnostic, got: " + describe(issues));
		assertErrorAt(issues, code, line, column);
	}

	public static void assertNoIssues(List<Issue> issues) {
		assertTrue(issues.isEmpty(), () -> "expected no diagnostics, got: " + describe(issues));
	}

	/** Asserts that no issue has {@code code}. */
	public static void assertNoError(List<Issue> issues, String code) {
		assertTrue(issues.stream().noneMatch(issue -> code.equals(issue.getCode())),
				() -> "expected no " + code + ", got: " + describe(issues));
	}

	public static String describe(List<Issue> issues) {
		return issues.isEmpty() ? "none"
				: issues.stream()
						.map(issue -> issue.getLineNumber() + ":" + issue.getColumn() + " " + issue.getCode() + " "
								+ issue.getMessage())
						.collect(Collectors.joining("; ", "[", "]"));
	}
}
