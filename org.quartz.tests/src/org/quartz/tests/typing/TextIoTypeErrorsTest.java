package org.quartz.tests.typing;

import static org.quartz.lang.issues.QuartzIssueCodes.*;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.tests.QuartzInjectorProvider;
import org.quartz.tests.validation.Diagnostics;

import com.google.inject.Inject;

/**
 * The built-ins of reference §12 (text, StrBuf, files, standard input, channel method forms)
 * reject wrong arguments with the usual codes, at the offending argument or call.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(QuartzInjectorProvider.class)
class TextIoTypeErrorsTest {

	@Inject
	private Diagnostics diagnostics;

	/** One statement in main, after `b = strbuf_new()` and `ch: Channel<Int> = channel_new(1)`. */
	private void assertOnly(String statement, String code, int column) {
		String source = "def main()\n  b = strbuf_new()\n  ch: Channel<Int> = channel_new(1)\n  " + statement + "\nend\n";
		Diagnostics.assertOnlyError(diagnostics.of(source), code, 4, column);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "==>", textBlock = """
			x = chr("A")                        ==> 11
			x = ord(65)                         ==> 11
			x = 65.ord                          ==> 7
			x = str_from_bytes(["a"])           ==> 22
			x = str_from_bytes("ab")            ==> 22
			x = "a".ljust("3")                  ==> 17
			x = "a".rjust(3, 0)                 ==> 20
			x = str_center("a", 3, true)        ==> 26
			x = str_ljust(1, 3)                 ==> 17
			b.append(1)                         ==> 12
			b.append_byte("a")                  ==> 17
			strbuf_append(b, b)                 ==> 20
			x = b.size + "s"                    ==> 7
			n: Int = b.to_s                     ==> 12
			x = strbuf_size("text")             ==> 19
			x = file_read(1)                    ==> 17
			x = file_write("p", 3)              ==> 23
			x = file_append(3, "p")             ==> 19
			x = file_exists?(true)              ==> 20
			x = file_delete(["p"])              ==> 19
			x = dir_list(0)                     ==> 16
			x = env_get(1)                      ==> 15
			s: String = file_read("p")          ==> 15
			s: String = read_line()             ==> 15
			n: Int = read_all()                 ==> 12
			ok: Bool = file_delete("p")         ==> 14
			ch.send("x")                        ==> 11
			ch.try_send(true)                   ==> 15
			s: String = ch.recv                 ==> 15
			""")
	void wrongArgumentOrResultType(String statement, int column) {
		assertOnly(statement, TYPE_MISMATCH, column);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "==>", textBlock = """
			x = "a".ljust()                     ==> 7
			x = str_ljust("a")                  ==> 7
			x = "a".center(1, "b", "c")         ==> 7
			x = chr()                           ==> 7
			x = read_line(0)                    ==> 7
			x = file_write("p")                 ==> 7
			b.append("a", "b")                  ==> 3
			""")
	void wrongArgumentCount(String statement, int column) {
		assertOnly(statement, WRONG_ARGUMENT_COUNT, column);
	}

	@Test
	void unknownMethodOfAStrBuf() {
		assertOnly("b.push(\"x\")", UNKNOWN_MEMBER, 5);
	}

	/** `send`, `recv` are member names after `.`; on a struct without them they are unknown members. */
	@Test
	void sendAndRecvOnAStructAreUnknownMembers() {
		String source = """
				struct Mailbox
				  size: Int
				end
				def main()
				  m = Mailbox { size: 1 }
				  m.send(2)
				end
				""";
		Diagnostics.assertOnlyError(diagnostics.of(source), UNKNOWN_MEMBER, 6, 5);
		Diagnostics.assertOnlyError(diagnostics.of(source.replace("m.send(2)", "x = m.recv")), UNKNOWN_MEMBER, 6, 9);
	}

	@Test
	void aFieldCannotBeNamedSend() {
		Diagnostics.assertOnlyError(diagnostics.of("struct S\n  send: Int\nend\n"), SYNTAX_ERROR, 2, 3);
	}

	@Test
	void theNewBuiltInsTypeCheckInMethodForm() {
		Diagnostics.assertNoIssues(diagnostics.of("""
				def main()
				  b = strbuf_new()
				  b.append("é".rjust(3, "0") + "x".ljust(2) + "y".center(5, "*") + chr(65) + to_s("A".ord))
				  b.append_byte(10)
				  n: Int = b.size
				  s: String = b.to_s + str_from_bytes([104, 105])
				  ch: Channel<String> = channel_new(1)
				  ok: Bool = ch.send(s)
				  got: String = ch.recv
				  again: Option<String> = ch.try_recv
				  ch.close
				  r: Result<String, String> = file_read(got)
				  w: Result<Int, String> = file_write("p", "x")
				  d: Result<Bool, String> = file_delete("p")
				  e: Bool = file_exists?("p")
				  l: Result<Vec<String>, String> = dir_list(".")
				  line: Option<String> = read_line()
				  all: String = read_all()
				  home: Option<String> = env_get("HOME")
				end
				"""));
	}
}
