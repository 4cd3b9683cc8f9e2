package org.quartz.lang.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.IllegalNodeException;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.quartz.lang.issues.QuartzIssueCodes;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.FieldInit;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.StructLiteral;
import org.quartz.lang.quartz.VariantLiteral;
import org.quartz.lang.quartz.VariantPattern;

import com.google.inject.Inject;

/**
 * Messages for names that do not resolve (code QZ0101), by the kind of position: `undefined
 * name 'x'`, `unknown type 'Foo'`, `enum 'Shape' has no variant 'Box'`. A name that exists but
 * is of the wrong kind for its position — a function named as a type (QZ0108), an alias named
 * as a value (QZ0109) — is told as such, since scoping only offers the kinds a position accepts.
 * A variant or field name whose enum or struct is itself unknown gets no second diagnostic.
 */
public class QuartzLinkingMessages extends LinkingDiagnosticMessageProvider {

	private static final QuartzPackage Q = QuartzPackage.eINSTANCE;

	@Inject
	private IScopeProvider scopeProvider;

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		String name = linkText(context);
		EObject from = context.getContext();
		EReference reference = context.getReference();
		if (reference == Q.getNamedTypeRef_Type()) {
			return isVisible(from, Q.getNameRef_Ref(), name)
					? error("'" + name + "' is not a type", QuartzIssueCodes.NOT_A_TYPE)
					: error("unknown type '" + name + "'", QuartzIssueCodes.UNDEFINED_NAME);
		}
		if (reference == Q.getNameRef_Ref() || reference == Q.getCommandCall_Callee()) {
			if (isVisible(from, Q.getNamedTypeRef_Type(), name)) {
				return error("'" + name + "' is a type, not a value", QuartzIssueCodes.NOT_A_VALUE);
			}
			// `opt?` lexes as one name (names may end in '?'), not as '?' applied to `opt`.
			String operand = name.endsWith("?") ? name.substring(0, name.length() - 1) : "";
			return isVisible(from, Q.getNameRef_Ref(), operand)
					? error("undefined name '" + name + "'; to apply '?' to '" + operand + "', write (" + operand + ")?",
							QuartzIssueCodes.UNDEFINED_NAME)
					: error("undefined name '" + name + "'", QuartzIssueCodes.UNDEFINED_NAME);
		}
		String message = unresolvedMessage(from, reference, name);
		return message == null ? null : error(message, QuartzIssueCodes.UNDEFINED_NAME);
	}

	/** The message for a name of an enum, variant, struct or field; null when the name's qualifier is already unknown. */
	private static String unresolvedMessage(EObject from, EReference reference, String name) {
		if (reference == Q.getVariantLiteral_EnumType() || reference == Q.getVariantPattern_EnumType()) {
			return "unknown enum '" + name + "'";
		}
		if (reference == Q.getVariantLiteral_Variant() || reference == Q.getVariantPattern_Variant()) {
			EnumDecl qualifier = from instanceof VariantLiteral literal ? literal.getEnumType()
					: from instanceof VariantPattern pattern ? pattern.getEnumType() : null;
			if (qualifier == null) {
				return "unknown variant '" + name + "'";
			}
			return qualifier.eIsProxy() ? null : "enum '" + qualifier.getName() + "' has no variant '" + name + "'";
		}
		if (reference == Q.getStructLiteral_Struct()) {
			return "unknown struct '" + name + "'";
		}
		if (reference == Q.getFieldInit_Field() && from instanceof FieldInit init
				&& init.eContainer() instanceof StructLiteral literal) {
			StructDecl struct = literal.getStruct();
			return struct == null || struct.eIsProxy() ? null
					: "struct '" + struct.getName() + "' has no field '" + name + "'";
		}
		return "undefined name '" + name + "'";
	}

	private boolean isVisible(EObject context, EReference asReference, String name) {
		return !name.isEmpty()
				&& scopeProvider.getScope(context, asReference).getSingleElement(QualifiedName.create(name)) != null;
	}

	private static String linkText(ILinkingDiagnosticContext context) {
		try {
			return context.getLinkText();
		} catch (IllegalNodeException e) {
			return e.getNode().getText().trim();
		}
	}

	private static DiagnosticMessage error(String message, String code) {
		return new DiagnosticMessage(message, Severity.ERROR, code);
	}
}
