package org.quartz.lang;

import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.impl.EValidatorRegistryImpl;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.scoping.impl.AbstractDeclarativeScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;
import org.eclipse.xtext.scoping.impl.SimpleLocalScopeProvider;
import org.eclipse.xtext.validation.CompositeEValidator;
import org.eclipse.xtext.validation.IResourceValidator;
import org.quartz.lang.parser.QuartzSyntaxErrorMessages;
import org.quartz.lang.parser.QuartzValueConverters;
import org.quartz.lang.parser.antlr.QuartzLexer;
import org.quartz.lang.parser.antlr.lexer.InternalQuartzLexer;
import org.quartz.lang.scoping.QuartzGlobalScopeProvider;
import org.quartz.lang.scoping.QuartzImportUriResolver;
import org.quartz.lang.scoping.QuartzQualifiedNameProvider;
import org.quartz.lang.validation.QuartzLinkingMessages;
import org.quartz.lang.validation.QuartzResourceValidator;

import com.google.inject.Binder;
import com.google.inject.Provider;
import com.google.inject.name.Names;

/** Binds Quartz's own services over Xtext's defaults (binding only; logic lives in the bound classes). */
public class QuartzRuntimeModule extends AbstractQuartzRuntimeModule {

	@Override
	public Class<? extends Lexer> bindLexer() {
		return QuartzLexer.class;
	}

	@Override
	public Provider<? extends InternalQuartzLexer> provideInternalQuartzLexer() {
		return QuartzLexer::new;
	}

	@Override
	public void configureRuntimeLexer(Binder binder) {
		binder.bind(Lexer.class).annotatedWith(Names.named(LexerBindings.RUNTIME)).to(QuartzLexer.class);
	}

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return QuartzValueConverters.class;
	}

	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return QuartzGlobalScopeProvider.class;
	}

	@Override
	public void configureIScopeProviderDelegate(Binder binder) {
		binder.bind(IScopeProvider.class).annotatedWith(Names.named(AbstractDeclarativeScopeProvider.NAMED_DELEGATE))
				.to(SimpleLocalScopeProvider.class);
	}

	public Class<? extends ImportUriResolver> bindImportUriResolver() {
		return QuartzImportUriResolver.class;
	}

	/**
	 * Validators register in this registry; EMF's global one would make the first injector's
	 * validators check every later compilation in the JVM, whichever injector loaded it (tests
	 * and the Maven plugin may have several).
	 */
	@Override
	public EValidator.Registry bindEValidatorRegistry() {
		return new EValidatorRegistryImpl();
	}

	@Override
	public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
		return QuartzQualifiedNameProvider.class;
	}

	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return QuartzSyntaxErrorMessages.class;
	}

	public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
		return QuartzLinkingMessages.class;
	}

	public Class<? extends IResourceValidator> bindIResourceValidator() {
		return QuartzResourceValidator.class;
	}

	/**
	 * EMF's generic checks (containment, proxies, multiplicities) repeat what the linker and the
	 * parser already report, and finding each referenced object's resource walks up its
	 * containers: quadratic in nesting depth.
	 */
	public void configureUseEObjectValidator(Binder binder) {
		binder.bindConstant().annotatedWith(Names.named(CompositeEValidator.USE_EOBJECT_VALIDATOR)).to(false);
	}
}
