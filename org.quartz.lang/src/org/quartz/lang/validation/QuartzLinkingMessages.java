package org.quartz.lang.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.IllegalNodeException;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.FieldInit;
import org.quartz.lang.quartz.QuartzPackage;
import org.quartz.lang.quartz.StructLiteral;
import org.quartz.lang.quartz.VariantLiteral;
import org.quartz.lang.quartz.VariantPattern;

import com.google.inject.Inject;

/**
 * Messages for names that do not resolve (code QZ0101), by the kind of position: `undefined
 * name 'x'`, `unknown type 'Foo'`, `enum 'Shape' has no variant 'Box'`. A name that exists but
 * is of the wrong kind for its position — a function named as a type (QZ0108), an alias named
 * as a value (QZ0109) — is told as such, since scoping only offers the kinds a position accepts.
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
			return isVisible(from, Q.getNamedTypeRef_Type(), name)
					? error("'" + name + "' is a type, not a value", QuartzIssueCodes.NOT_A_VALUE)
					: error("undefined name '" + name + "'", QuartzIssueCodes.UNDEFINED_NAME);
		}
		return error(unresolvedMessage(from, reference, name), QuartzIssueCodes.UNDEFINED_NAME);
	}

	private static String unresolvedMessage(EObject from, EReference reference, String name) {
		if (reference == Q.getVariantLiteral_EnumType() || reference == Q.getVariantPattern_EnumType()) {
			return "unknown enum '" + name + "'";
		}
		if (reference == Q.getVariantLiteral_Variant() || reference == Q.getVariantPattern_Variant()) {
			EnumDecl qualifier = from instanceof VariantLiteral literal ? literal.getEnumType()
					: from instanceof VariantPattern pattern ? pattern.getEnumType() : null;
			return qualifier != null && !qualifier.eIsProxy()
					? "enum '" + qualifier.getName() + "' has no variant '" + name + "'"
					: "unknown variant '" + name + "'";
		}
		if (reference == Q.getStructLiteral_Struct()) {
			return "unknown struct '" + name + "'";
		}
		if (reference == Q.getFieldInit_Field() && from instanceof FieldInit init
				&& init.eContainer() instanceof StructLiteral literal && literal.getStruct() != null
				&& !literal.getStruct().eIsProxy()) {
			return "struct '" + literal.getStruct().getName() + "' has no field '" + name + "'";
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
