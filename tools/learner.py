#!/usr/bin/env python3
"""Writes the learner copies of the notebooks: solutions become stubs, reference answers prompts.

    tools/learner.py DIR     write DIR/NN-name.ipynb for every notebook in notebooks/

The shipped notebooks are the reference; a copy differs only where a learner writes:
- in code cells, between `// BEGIN SOLUTION` and `// END SOLUTION`: each method there keeps its
  annotations and signature, and its body becomes a `throw` of "TODO: write <method>"; a region
  of comments becomes `// TODO`; a region of statements becomes the throw (behind `if (true)`
  when code follows it, which must not use what the region declares).
  The markers stay, to show where to write.
- in a markdown cell tagged `analysis`: the reference answer becomes an italic prompt, and the
  cell's metadata keeps a digest of each of its sentences, so that the analysis check can tell a
  pasted reference answer from the learner's own words (the course library reads them).
Outputs are cleared. A region that cannot be stubbed this way stops the tool with its place.
"""
import hashlib
import re
import sys
from pathlib import Path

from notebook_files import NOTEBOOKS, read, set_source, source, write

BEGIN = re.compile(r"^\s*// BEGIN SOLUTION\s*$")
END = re.compile(r"^\s*// END SOLUTION\s*$")
REFERENCE_MARK = "**Reference answer.**"
PROMPT = "_Write your answer here, in your own words; then save the notebook (Ctrl-S)._"
CONTROL = re.compile(r"^\s*(if|for|while|switch|try|catch|finally|else|do|synchronized|return)\b")
METHOD_NAME = re.compile(r"(\w+)\s*\(")
LOCAL = re.compile(r"^\s*(?:final\s+)?[\w.<>\[\], ?]+\s+(\w+)\s*(?:=|;)")
TYPE = re.compile(r"^(\w+\s+)*(class|interface|enum|record)\s")


class CannotStub(Exception):
    pass


def sentences(text):
    """The reference's sentences, normalized as escapelab.submit.Analysis normalizes them."""
    flat = re.sub(r"\s+", " ", re.sub(r"[*`_]", "", text.replace(REFERENCE_MARK, ""))).strip().lower()
    return [s for s in re.split(r"(?<=[.!?])\s+", flat) if s]


def digest(sentence):
    return hashlib.sha256(sentence.encode("utf-8")).hexdigest()


def braces(line):
    """Net change in brace depth on a line, ignoring strings, chars and comments."""
    depth, i, quote = 0, 0, None
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif line.startswith("//", i):
            break
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        i += 1
    return depth


def is_comment(line):
    s = line.strip()
    return s.startswith("//") or s.startswith("/*") or s.startswith("*")


def stub_methods(region, where, inside_stubbed_type=False):
    """Each method of a class-body region: annotations and signature kept, body a TODO throw."""
    out, i = [], 0
    while i < len(region):
        line = region[i]
        if not line.strip() or is_comment(line):
            if not line.strip():
                out.append(line)
            i += 1
            continue
        if line.strip().startswith("@"):
            out.append(line)
            i += 1
            continue
        header = [line]
        while not header[-1].rstrip().endswith(("{", ";")) and i + len(header) < len(region):
            header.append(region[i + len(header)])
        text = " ".join(h.strip() for h in header)
        if TYPE.match(text) and text.endswith("{"):
            i = stub_type(region, i, header, out, where)
            continue
        if text.endswith(";") and "(" not in text.split("=")[0] and inside_stubbed_type:
            i += len(header)  # a field of a stubbed type: the learner declares what it needs
            continue
        name = METHOD_NAME.search(text.split("(")[0] + "(")
        if not text.endswith("{") or "(" not in text or CONTROL.match(text) or name is None:
            raise CannotStub(f"{where}: '{line.strip()}' is not a method; put whole methods, "
                             "or the last statements of one, between the SOLUTION markers")
        indent = line[:len(line) - len(line.lstrip())]
        out += header
        out.append(f'{indent}    throw new UnsupportedOperationException("TODO: write {name.group(1)}");')
        out.append(f"{indent}}}")
        depth = sum(braces(h) for h in header)
        i += len(header)
        while depth > 0 and i < len(region):
            depth += braces(region[i])
            i += 1
        if depth != 0:
            raise CannotStub(f"{where}: a method between the SOLUTION markers does not end there")
    return out


def stub_type(region, i, header, out, where):
    """A class or record between the markers: its header kept, its members stubbed."""
    depth, j = sum(braces(h) for h in header), i + len(header)
    start = j
    while depth > 0 and j < len(region):
        depth += braces(region[j])
        j += 1
    if depth != 0:
        raise CannotStub(f"{where}: a type between the SOLUTION markers does not end there")
    out += header
    out += stub_methods(region[start:j - 1], where, inside_stubbed_type=True)
    out.append(region[j - 1])
    return j


def in_type_body(before):
    """Whether the code before a region leaves it among a type's members (or at top level)."""
    blocks, header = [], ""
    for line in before:
        if is_comment(line):
            continue
        header += " " + line.strip()
        for _ in range(max(0, braces(line))):
            blocks.append(bool(re.search(r"\b(class|interface|enum|record)\b", header)))
        del blocks[len(blocks) - min(len(blocks), max(0, -braces(line))):]
        if braces(line) or line.strip().endswith(";"):
            header = ""
    return not blocks or blocks[-1]


def stub_region(region, after, rest, where, among_members):
    code = [line for line in region if line.strip() and not is_comment(line)]
    indent = next((l[:len(l) - len(l.lstrip())] for l in region if l.strip()), "")
    if not code:
        return [f"{indent}// TODO"]
    if among_members:
        return stub_methods(region, where)
    if after.strip() == "}":
        return [f'{indent}throw new UnsupportedOperationException("TODO: write the rest of this method");']
    declared = {m.group(1) for line in code for m in [LOCAL.match(line)] if m and not CONTROL.match(line)}
    used_later = sorted(name for name in declared if re.search(rf"\b{name}\b", rest))
    if used_later:
        raise CannotStub(f"{where}: the code after the SOLUTION markers uses {', '.join(used_later)}, declared "
                         "between them; mark the whole method, or declare it outside the markers")
    # `if (true)` keeps the code after it reachable, so the stub compiles and throws when run.
    return [f'{indent}if (true) throw new UnsupportedOperationException("TODO: write this part of the method");']


def rest_of_block(lines):
    """The lines after a region up to the end of the block it sits in (its method's closing brace)."""
    depth = 0
    for n, line in enumerate(lines):
        depth += braces(line)
        if depth < 0:
            return lines[:n]
    return lines


def stub_code(text, where):
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        out.append(lines[i])
        if not BEGIN.match(lines[i]):
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines)) if END.match(lines[j])), None)
        if end is None:
            raise CannotStub(f"{where}: BEGIN SOLUTION without END SOLUTION")
        after = next((l for l in lines[end + 1:] if l.strip()), "")
        rest = "\n".join(rest_of_block(lines[end + 1:]))
        out += stub_region(lines[i + 1:end], after, rest, f"{where}, line {i + 2}", in_type_body(lines[:i]))
        out.append(lines[end])
        i = end + 1
    return "\n".join(out)


def learner_copy(nb, name):
    for n, cell in enumerate(nb["cells"]):
        text = source(cell)
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
            if "// BEGIN SOLUTION" in text:
                set_source(cell, stub_code(text, f"{name}, cell {n + 1}"))
        elif "analysis" in cell.get("metadata", {}).get("tags", []) and REFERENCE_MARK in text:
            before, reference = text.split(REFERENCE_MARK, 1)
            set_source(cell, before + PROMPT)
            cell["metadata"]["escapelab"] = {"reference_sentences": [digest(s) for s in sentences(reference)]}
    return nb


def main(argv):
    if len(argv) != 2:
        print("usage: tools/learner.py DIR", file=sys.stderr)
        return 2
    target = Path(argv[1])
    if target.resolve() == NOTEBOOKS.resolve():
        print("the learner copies go elsewhere: notebooks/ holds the reference", file=sys.stderr)
        return 2
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        nb = read(path)
        try:
            copy = learner_copy(nb, path.name)
        except CannotStub as e:
            print(f"cannot write the learner copy: {e}", file=sys.stderr)
            return 1
        write(target / path.name, copy)
    print(f"learner copies written to {target}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
