#!/usr/bin/env python3
"""Move cases of tests/spec/pending/events.txt that now pass into tests/spec/events.txt,
at the end of the section of the same name."""
import re, subprocess, sys
# usage: scripts/spec-promote.py [REPO] (after ninja -C build)
root = sys.argv[1] if len(sys.argv) > 1 else "."
pend = f"{root}/tests/spec/pending/events.txt"; main = f"{root}/tests/spec/events.txt"
out = subprocess.run([f"{root}/build/tests/spec_runner", "--data", f"{root}/data", pend],
                     capture_output=True, text=True).stdout
failing = {int(m.group(1)) for m in re.finditer(r"^FAIL - [^:]+:(\d+) ", out, re.M)}
lines = open(pend).read().split("\n")
SEP = "# " + "-" * 75
def parse(lines):
    """-> list of (section, start, end) for cases; start is the 1-based line of ===."""
    cases, section, i = [], None, 0
    while i < len(lines):
        if lines[i].startswith(SEP) and i + 2 < len(lines) and lines[i + 2].startswith(SEP):
            section = lines[i + 1][2:]; i += 3; continue
        if lines[i].startswith("=== "):
            j = i + 1
            while j < len(lines) and not lines[j].startswith("=== ") and not lines[j].startswith(SEP):
                j += 1
            cases.append((section, i, j)); i = j; continue
        i += 1
    return cases
moved, keep = {}, [True] * len(lines)
for sec, a, b in parse(lines):
    if a + 1 not in failing:
        body = [l for l in lines[a:b] if not l.startswith("# dyad now:")]
        while body and body[-1] == "": body.pop()
        moved.setdefault(sec, []).append(body)
        for k in range(a, b): keep[k] = False
if not moved:
    print("nothing to promote"); sys.exit(0)
mlines = open(main).read().split("\n")
for sec, bodies in moved.items():
    mc = [c for c in parse(mlines) if c[0] == sec]
    if not mc:
        print(f"no section {sec!r} in events.txt", file=sys.stderr); sys.exit(1)
    end = mc[-1][2]
    while mlines[end - 1] == "": end -= 1
    ins = []
    for body in bodies: ins += [""] + body
    mlines[end:end] = ins
    print(f"{sec}: {len(bodies)} case(s)")
open(main, "w").write("\n".join(mlines))
open(pend, "w").write("\n".join(l for k, l in enumerate(lines) if keep[k]))
