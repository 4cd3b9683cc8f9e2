package org.quartz.lang.ide.symbols;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.quartz.lang.quartz.QuartzPackage;

/**
 * Xtext's symbol service (workspace symbols; definitions, references and rename are
 * {@link org.quartz.lang.ide.navigation.QuartzNavigation}'s), with the kinds of the
 * module-level declarations the workspace symbol search finds as the outline has them.
 */
public class QuartzSymbolService extends DocumentSymbolService {

	private static final QuartzPackage Q = QuartzPackage.eINSTANCE;

	@Override
	protected SymbolKind getSymbolKind(EClass type) {
		if (type == Q.getFunctionDecl()) {
			return SymbolKind.Function;
		}
		if (type == Q.getStructDecl()) {
			return SymbolKind.Struct;
		}
		if (type == Q.getEnumDecl()) {
			return SymbolKind.Enum;
		}
		if (type == Q.getVariant()) {
			return SymbolKind.EnumMember;
		}
		if (type == Q.getActorDecl()) {
			return SymbolKind.Class;
		}
		if (type == Q.getTraitDecl()) {
			return SymbolKind.Interface;
		}
		if (type == Q.getTypeAlias()) {
			return SymbolKind.TypeParameter;
		}
		if (type == Q.getConstDecl()) {
			return SymbolKind.Constant;
		}
		if (type == Q.getVarDecl()) {
			return SymbolKind.Variable;
		}
		return super.getSymbolKind(type);
	}
}
