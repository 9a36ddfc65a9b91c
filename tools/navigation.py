#!/usr/bin/env python3
"""Writes every notebook's navigation line and the contents of 00-start-here, from one list.

    tools/navigation.py           rewrite what drifted
    tools/navigation.py --check   exit 1 and name the notebooks whose navigation drifted

The navigation line is the first cell's line that starts with a link (`[` or `[←`): previous
task, contents, next task. The contents are the rows between the two CONTENTS markers of
00-start-here. Titles come from each notebook's `# Task N — Title` heading; a notebook in the
list but not yet written is left out of both.
"""
import json
import re
import sys

from notebook_files import NOTEBOOKS, read, set_source, source, write

START = "00-start-here"
# The course in order: notebook file name (without .ipynb) and what it teaches.
TASKS = [
    ("01-first-escape", "an object that stays in its method is never allocated; one that is returned is"),
    ("02-boxing", "passing an int as Object boxes it, unless the Integer cache or escape analysis saves it"),
    ("03-lambda-capture", "a capturing lambda is an object; where it goes decides whether it is allocated"),
    ("04-retention", "a small view keeps a large array alive; a copy lets it go"),
    ("05-object-vs-primitive", "Long[] against long[]: boxes, pointers and memory per element"),
    ("06-reflection", "Method.invoke boxes and allocates varargs; typed calls and MethodHandles do not"),
    ("07-concatenation", "+= in a loop copies quadratically; a presized StringBuilder allocates once"),
    ("08-pooling", "when pooling a buffer pays in a real HTTP handler, and why a pool needs a size cap"),
    ("09-escape-hunt", "reading the escape report over a real package, and judging one surprise"),
    ("10-generics", "erasure compiles one method; the JIT specializes per call site by inlining"),
    ("11-hashmap-sizing", "sizing a HashMap for 1M entries: resizes, bytes and time, measured honestly"),
    ("12-carry-the-buffer", "an API that appends into the caller's buffer allocates nothing per call"),
    ("13-zero-alloc-parser", "a binary header parsed with VarHandles into a reused object, fuzzed"),
]
CONTENTS_BEGIN = "<!-- CONTENTS: written by tools/navigation.py -->"
CONTENTS_END = "<!-- /CONTENTS -->"
HEADING = re.compile(r"^#\s+Task\s+(\d+)\s+—\s+(.+?)\s*$", re.M)




def present():
    """The tasks written so far, each with its number and title read from its heading."""
    out = []
    for name, teaches in TASKS:
        if not (NOTEBOOKS / f"{name}.ipynb").exists():
            continue
        match = HEADING.search(source(read(NOTEBOOKS / f"{name}.ipynb")["cells"][0]))
        if not match:
            sys.exit(f"notebooks/{name}.ipynb: its first cell needs a '# Task N — Title' heading")
        out.append((name, int(match.group(1)), match.group(2).replace("`", ""), teaches))
    return out


def nav_line(tasks, i):
    links = []
    if i > 0:
        name, number, title, _ = tasks[i - 1]
        links.append(f"[← Task {number}: {title}]({name}.ipynb)")
    links.append(f"[Contents]({START}.ipynb)")
    if i + 1 < len(tasks):
        name, number, title, _ = tasks[i + 1]
        links.append(f"[Task {number}: {title} →]({name}.ipynb)")
    return " · ".join(links)


def with_nav(text, line):
    lines = text.split("\n")
    for j, old in enumerate(lines):
        if old.startswith("["):
            lines[j] = line
            return "\n".join(lines)
    # No navigation yet: after the heading and a blank line.
    return "\n".join(lines[:1] + ["", line] + lines[1:])


def contents(tasks):
    rows = ["| Task | What it teaches |", "|---|---|"]
    rows += [f"| [{number}. {title}]({name}.ipynb) | {teaches} |" for name, number, title, teaches in tasks]
    return "\n".join(rows)


def with_contents(text, table):
    begin, end = text.find(CONTENTS_BEGIN), text.find(CONTENTS_END)
    if begin < 0 or end < begin:
        sys.exit(f"notebooks/{START}.ipynb: no {CONTENTS_BEGIN} ... {CONTENTS_END} markers")
    return text[:begin + len(CONTENTS_BEGIN)] + "\n" + table + "\n" + text[end:]


def rewrite(name, edit):
    """Applies edit to the notebook's cells; returns whether anything changed (and saves it)."""
    path = NOTEBOOKS / f"{name}.ipynb"
    nb = read(path)
    before = json.dumps(nb)
    edit(nb["cells"])
    if json.dumps(nb) == before:
        return False
    if "--check" not in sys.argv:
        write(path, nb)
    return True


def main():
    tasks = present()
    drifted = []
    for i, (name, *_rest) in enumerate(tasks):
        line = nav_line(tasks, i)
        if rewrite(name, lambda cells: set_source(cells[0], with_nav(source(cells[0]), line))):
            drifted.append(name)
    if (NOTEBOOKS / f"{START}.ipynb").exists():
        table = contents(tasks)

        def edit(cells):
            for cell in cells:
                if CONTENTS_BEGIN in source(cell):
                    set_source(cell, with_contents(source(cell), table))

        if rewrite(START, edit):
            drifted.append(START)
    if "--check" in sys.argv and drifted:
        print("navigation out of date in: " + ", ".join(drifted) + " (run tools/navigation.py)")
        return 1
    for name in drifted:
        print(f"notebooks/{name}.ipynb: navigation written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
