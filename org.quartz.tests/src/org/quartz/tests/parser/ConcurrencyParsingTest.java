package org.quartz.tests.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.tests.QuartzInjectorProvider;

import com.google.inject.Inject;

/** The concurrency forms of reference section 7. */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class ConcurrencyParsingTest {

	@Inject
	private Parsing parsing;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "==>", textBlock = """
			t = go f(a, b)                   ==> (let t (go (call f a b)))
			t = go do -> work() end          ==> (let t (go (do (block (call work)))))
			t = spawn(fn)                    ==> (let t (call spawn fn))
			n = await t                      ==> (let n (await t))
			ok = send(ch, v)                 ==> (let ok (send ch v))
			v = recv(ch)                     ==> (let v (recv ch))
			ch.send(1)                       ==> (.call ch send 1)
			v = ch.recv()                    ==> (let v (.call ch recv))
			c = Counter.new()                ==> (let c (.call Counter new))
			c.increment(5)                   ==> (.call c increment 5)
			n = await c.get()                ==> (let n (await (.call c get)))
			go_scope do -> go f() end        ==> (call go_scope (do (block (go (call f)))))
			ok = go_scope_timeout(10) do -> work() end ==> (let ok (call go_scope_timeout 10 (do (block (call work)))))
			""")
	void forms(String source, String shape) {
		assertEquals(shape, parsing.shape(source));
	}

	@Test
	void selectWithEveryKindOfArm() {
		assertEquals("(let r (select"
				+ " (=> (as (recv jobs) j) (block (* j 2)))"
				+ " (=> (recv done) (block 1))"
				+ " (=> (send out 42) (block (call puts \"sent\") 0))"
				+ " (=> (timeout 100) (block (- 1)))"
				+ " (=> default (block (- 2)))))", parsing.shape("""
						r = select
						  recv(jobs) as j => j * 2
						  recv(done) => 1
						  send(out, 42) =>
						    puts("sent")
						    0
						  timeout(100) => -1
						  default => -2
						end
						"""));
	}

	@Test
	void selectWithoutArmsParses() {
		assertEquals("(let r (select))", parsing.shape("r = select\nend"));
		assertEquals("(let r (select))", parsing.shape("r = select end"));
	}

	@Test
	void receivingLoop() {
		assertEquals("(for v ch (block (call puts v)))", parsing.shape("for v in ch\n  puts(v)\nend"));
	}

	@Test
	void timeoutAndDefaultAreOrdinaryNamesOutsideSelect() {
		assertEquals("(let timeout (+ default 1))", parsing.shape("timeout = default + 1"));
	}
}
