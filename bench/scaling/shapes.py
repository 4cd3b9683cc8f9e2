#!/usr/bin/env python3
"""Writes a Quartz program of one shape and size to stdout, for bench/scaling/run.sh.

usage: shapes.py SHAPE N
  lines      a valid program of about N lines (bench/generate_program.py, N/12 functions)
  chain      "a".to_s.to_s ... with N method calls
  bindings   N bindings in one block, each using the one before
  errors     N lines, each with a syntax error
  unclosed   N lines, each opening a parenthesis it never closes
  nested     Some(Some(...)) nested N deep
  prefix     not not ... true: N prefix operators
  blocks     if inside if, N deep, each reading a binding of the function
  lambdas    N lambdas opened and never closed (a fuzzer finding)
"""
import os
import subprocess
import sys

shape, n = sys.argv[1], int(sys.argv[2])
here = os.path.dirname(os.path.abspath(__file__))
if shape == "lines":
    generator = os.path.join(here, "..", "generate_program.py")
    sys.stdout.write(subprocess.run([sys.executable, generator, str(max(1, n // 12))], check=True,
                                    capture_output=True, text=True).stdout)
elif shape == "chain":
    print('def main()\n  puts("a"' + ".to_s" * n + ")\nend")
elif shape == "bindings":
    body = ["  x0 = 1"] + [f"  x{i} = x{i - 1} + 1" for i in range(1, n)]
    print("def main()\n" + "\n".join(body) + f'\n  puts("#{{x{n - 1}}}")\nend')
elif shape == "errors":
    print("\n".join(f"v{i} = * {i}" for i in range(n)))
elif shape == "unclosed":
    print("def main()\n" + "\n".join(f"  puts(({i} +" for i in range(n)) + "\nend")
elif shape == "nested":
    print("def main()\n  x = " + "Some(" * n + "1" + ")" * n + "\n  puts(\"done\")\nend")
elif shape == "prefix":
    print("def main()\n  x = " + "not " * n + "true\n  puts(x.to_s)\nend")
elif shape == "blocks":
    print("def main()\n  x = 1\n" + "  if x > 0\n" * n + "  puts(x.to_s)\n" + "  end\n" * n + "end")
elif shape == "lambdas":
    print("def main()\n" + "  f do ->\n" * n + "end")
else:
    sys.exit(f"unknown shape {shape}")
