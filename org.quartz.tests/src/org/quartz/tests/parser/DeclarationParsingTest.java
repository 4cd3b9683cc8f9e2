package org.quartz.tests.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.lang.quartz.ActorDecl;
import org.quartz.lang.quartz.ConstDecl;
import org.quartz.lang.quartz.EnumDecl;
import org.quartz.lang.quartz.FnTypeRef;
import org.quartz.lang.quartz.FunctionDecl;
import org.quartz.lang.quartz.Import;
import org.quartz.lang.quartz.Module;
import org.quartz.lang.quartz.NamedElement;
import org.quartz.lang.quartz.ReturnStmt;
import org.quartz.lang.quartz.StructDecl;
import org.quartz.lang.quartz.TopLevel;
import org.quartz.lang.quartz.TypeAlias;
import org.quartz.lang.quartz.Variant;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

/** Top-level declarations (reference section 2) parse into their model classes. */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class DeclarationParsingTest {

	@Inject
	private Parsing parsing;

	@Test
	void imports() {
		Module module = parsing.parse("import qspec/runner\nimport * from quake\n");
		Import plain = (Import) module.getElements().get(0);
		Import star = (Import) module.getElements().get(1);
		assertEquals("qspec/runner", plain.getImportURI());
		assertFalse(plain.isStar());
		assertEquals("quake", star.getImportURI());
		assertTrue(star.isStar());
	}

	@Test
	void blockFunction() {
		FunctionDecl add = parsing.single("""
				def add(a: Int, b: Int): Int
				  return a + b
				end
				""", FunctionDecl.class);
		assertEquals("add", add.getName());
		assertEquals(List.of("a", "b"), add.getParams().stream().map(NamedElement::getName).toList());
		assertEquals("Int", Parsing.typeText(add.getParams().get(0).getType()));
		assertEquals("Int", Parsing.typeText(add.getReturnType()));
		assertInstanceOf(ReturnStmt.class, add.getBody().getStatements().get(0));
		assertNull(add.getExpression());
	}

	@Test
	void expressionFunction() {
		FunctionDecl twice = parsing.single("def twice(x: Int): Int = x * 2", FunctionDecl.class);
		assertEquals("(* x 2)", Parsing.shape(twice.getExpression()));
		assertNull(twice.getBody());
	}

	@Test
	void functionWithoutResultType() {
		FunctionDecl main = parsing.single("def main()\n  puts(\"hello, world\")\nend", FunctionDecl.class);
		assertNull(main.getReturnType());
		assertTrue(main.getParams().isEmpty());
		assertEquals("(block (call puts \"hello, world\"))", Parsing.shape(main.getBody()));
	}

	@Test
	void externFunction() {
		FunctionDecl abs = parsing.single("extern \"C\" def abs(x: Int): Int", FunctionDecl.class);
		assertTrue(abs.isExtern());
		assertEquals("C", abs.getAbi());
		assertNull(abs.getBody());
	}

	@Test
	void constant() {
		ConstDecl limit = parsing.single("const LIMIT = 100", ConstDecl.class);
		assertEquals("LIMIT", limit.getName());
		assertEquals("100", Parsing.shape(limit.getValue()));
	}

	@Test
	void struct() {
		StructDecl point = parsing.single("struct Point\n  x: Int\n  y: Int\nend", StructDecl.class);
		assertEquals(List.of("x", "y"), point.getFields().stream().map(NamedElement::getName).toList());
	}

	@Test
	void genericStruct() {
		StructDecl pair = parsing.single("struct Pair<A, B>\n  first: A\n  second: B\nend", StructDecl.class);
		assertEquals(List.of("A", "B"), pair.getTypeParams().stream().map(NamedElement::getName).toList());
		assertEquals("A", Parsing.typeText(pair.getFields().get(0).getType()));
	}

	@Test
	void structFieldsWithGenericAndFunctionTypes() {
		StructDecl table = parsing.single("""
				struct Table
				  rows: Map<String, Vec<Int>>
				  check: Fn(Int, Int): Bool
				  done: Fn()
				end
				""", StructDecl.class);
		assertEquals(3, table.getFields().size());
		assertEquals("Map<String, Vec<Int>>", Parsing.typeText(table.getFields().get(0).getType()));
		FnTypeRef check = (FnTypeRef) table.getFields().get(1).getType();
		assertEquals(2, check.getParamTypes().size());
		assertEquals("Bool", Parsing.typeText(check.getReturnType()));
		assertNull(((FnTypeRef) table.getFields().get(2).getType()).getReturnType());
	}

	@Test
	void enumWithPositionalNamedAndNoPayloads() {
		EnumDecl shape = parsing.single("""
				enum Shape
				  Circle(r: Int)
				  Rect(w: Int, h: Int)
				  Pair(Int, String)
				  Empty
				end
				""", EnumDecl.class);
		List<Variant> variants = shape.getVariants();
		assertEquals(List.of("Circle", "Rect", "Pair", "Empty"), variants.stream().map(NamedElement::getName).toList());
		assertEquals("r", variants.get(0).getFields().get(0).getName());
		assertNull(variants.get(2).getFields().get(0).getName());
		assertEquals("String", Parsing.typeText(variants.get(2).getFields().get(1).getType()));
		assertTrue(variants.get(3).getFields().isEmpty());
	}

	@Test
	void typeAlias() {
		TypeAlias celsius = parsing.single("type Celsius = Int", TypeAlias.class);
		assertEquals("Int", Parsing.typeText(celsius.getType()));
	}

	@Test
	void actor() {
		ActorDecl counter = parsing.single("""
				actor Counter
				  var count: Int = 0
				  def increment(by: Int)
				    count = count + by
				  end
				  def get(): Int = count
				end
				""", ActorDecl.class);
		assertEquals("count", counter.getFields().get(0).getName());
		assertEquals("0", Parsing.shape(counter.getFields().get(0).getValue()));
		assertEquals(List.of("increment", "get"), counter.getMethods().stream().map(NamedElement::getName).toList());
	}

	@Test
	void scriptMixesDeclarationsAndStatements() {
		List<TopLevel> elements = parsing.parse("""
				import qspec/runner
				def sq(x: Int): Int = x * x
				puts("#{sq(3)}")
				""").getElements();
		assertEquals(List.of("Import", "FunctionDecl", "Call"), elements.stream().map(e -> e.eClass().getName()).toList());
	}
}
