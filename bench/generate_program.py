#!/usr/bin/env python3
"""Writes a large, valid Quartz program to stdout: N functions of 12 lines each, using
structs, loops, strings, conditionals and calls, so every compiler phase has work."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
out = ["struct Pair", "  a: Int", "  b: Int", "end", ""]
for i in range(n):
    previous = f"f{i - 1}(x, p)" if i > 0 else "0"
    out += [
        f"def f{i}(x: Int, p: Pair): Int",
        "  var acc = x + p.a",
        f"  for k in 0..{i % 7 + 1}",
        f"    acc += k * {i % 13}",
        "  end",
        '  s = "v#{acc}"',
        "  if str_size(s) > 3",
        "    acc -= 1",
        "  end",
        f"  acc % 1000 + {previous} % 7",
        "end",
        "",
    ]
out += ["def main()", f'  puts("#{{f{n - 1}(1, Pair {{ a: 1, b: 2 }})}}")', "end"]
print("\n".join(out))
