"""What the red tests share: a notebook's benchmark cell edited the way a learner might undo the
lesson, the cells that edit can change executed, and the checks' verdicts read from what it shows.

A red test runs only what its edit can reach: the checklists that read, directly or through
other cells, a name the edited cell defines, and every earlier cell that names what those need.
What the edit cannot reach (a chart, a note, a report on another JDK) would show the same as in
the shipped notebook, which test_notebooks.py runs whole."""
import copy
import os
import re
from unittest import mock

import nbformat

from notebook_runs import (EXECUTED, NOTEBOOKS, code_only, execute, kernel_java_home, precompile, scratch_folder,
                           texts)


def edited_notebook(name, pattern, replacement):
    """The notebook with one match of pattern replaced in the one code cell that has it (the
    %%jmh cell, or a plain cell where the code under test is handed to a server); raises
    otherwise, so that a changed notebook makes the test say what to update."""
    nb = copy.deepcopy(nbformat.read(os.path.join(NOTEBOOKS, name + ".ipynb"), as_version=4))
    cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and re.search(pattern, c.source)]
    if len(cells) != 1:
        raise AssertionError(f"{name}: {len(cells)} code cells match {pattern!r}; update this test")
    cell = nb.cells[cells[0]]
    cell.source, count = re.subn(pattern, replacement, cell.source)
    if count != 1:
        raise AssertionError(f"{name}: {count} matches of {pattern!r}; update this test")
    nb.metadata["edited_cell"] = cells[0]
    return nb


JAVA_WORDS = set("""abstract assert boolean break byte case catch char class const continue default do double
else enum extends final finally float for goto if implements import instanceof int interface long native new
package private protected public return short static strictfp super switch synchronized this throw throws
transient try void volatile while var record true false null""".split())


def _names(source):
    """The identifiers a cell's code mentions, strings and comments left out."""
    return set(re.findall(r"\b[A-Za-z_]\w*\b", code_only(source))) - JAVA_WORDS


def _defined(source):
    """The names a cell declares or assigns at its top level: classes, records, variables."""
    names = set(re.findall(r"\b(?:class|record|interface|enum)\s+([A-Za-z_]\w*)", source))
    names |= set(re.findall(r"(?m)^[\w<>\[\], .?]*?\b([A-Za-z_]\w*)\s*=[^=]", source))
    return names - JAVA_WORDS


def sliced(nb, edited):
    """The notebook with only the code cells the edit of cell index edited can change the checks
    of, and what they need (markdown kept, for reading the executed copy)."""
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    # Only names some cell defines link cells: the course's functions and the JDK's are everywhere.
    defined = set().union(*(_defined(nb.cells[i].source) for i in code))
    changed, reach = {edited}, set(_defined(nb.cells[edited].source))
    for i in code:
        if i > edited and _names(nb.cells[i].source) & reach:
            changed.add(i)
            reach |= _defined(nb.cells[i].source)
    keep = {i for i in changed if "checks(" in nb.cells[i].source}
    if not keep:
        return copy.deepcopy(nb)
    needed = set()
    for i in keep:
        needed |= _names(nb.cells[i].source) & defined
    for i in reversed(code):
        if i not in keep and i < max(keep) and (_names(nb.cells[i].source) & needed or i == edited):
            keep.add(i)
            needed |= _names(nb.cells[i].source) & defined
    out = copy.deepcopy(nb)
    out.cells = [c for i, c in enumerate(nb.cells) if c.cell_type != "code" or i in keep]
    return out


def run_edited(nb, save_as, **options):
    """Executes an edited notebook, keeps it in build/executed/, and returns what it shows;
    options go to execute (the folder it runs from, nbclient's options). The kernel sees only
    its own JDK: a notebook's runs on a newer one feed notes and charts, never a check."""
    precompile(nb)
    with mock.patch.dict(os.environ, {"ESCAPELAB_JDKS": kernel_java_home()}):
        execute(nb, scratch_folder("submissions-"), **options)
    os.makedirs(EXECUTED, exist_ok=True)
    nbformat.write(nb, os.path.join(EXECUTED, save_as))
    return "\n".join(texts(nb))


def verdicts(shown):
    """criterion -> (PASS|FAIL|OPEN, evidence), from the checklists' lines."""
    found = {}
    for line in shown.splitlines():
        match = re.match(r"\[(PASS|FAIL|OPEN)\] (.*?): (.*)", line)
        if match:
            found[match.group(2)] = (match.group(1), match.group(3))
    return found


def failed(found):
    """The criteria that failed."""
    return {c for c, (v, _) in found.items() if v == "FAIL"}


def with_profile(nb, shipped, instead):
    """The notebook with the run that names profile shipped given profile instead: for a red test
    whose edit reaches only checks of bytes or of the escape report, which are the same in every
    profile (each fixes the heap), where the shipped profile measures long for a time comparison
    the edit cannot change (test_notebooks.py runs it as shipped)."""
    runs = [c for c in nb.cells if c.cell_type == "code" and f".profile({shipped})" in c.source]
    if len(runs) != 1:
        raise AssertionError(f"{len(runs)} code cells run .profile({shipped}); update this test")
    runs[0].source = runs[0].source.replace(f".profile({shipped})", f".profile({instead})")
    return nb


def assert_turns_red(test, name, pattern, replacement, expected_red, profile=None):
    """Edits the notebook's code under test, runs it, and asserts that exactly expected_red fail
    while every other check stays as the shipped notebook has it: met, but for the learner's
    own analysis, which is open. profile=(shipped, instead) swaps a run's profile (with_profile).
    Returns what the edited notebook showed and its verdicts."""
    edited = edited_notebook(name, pattern, replacement)
    slice_ = sliced(edited, edited.metadata.pop("edited_cell"))
    if profile:
        with_profile(slice_, *profile)
    shown = run_edited(slice_, name + "-edited.ipynb")
    found = verdicts(shown)
    red = failed(found)
    test.assertEqual(set(expected_red), red, shown)
    test.assertEqual(set(), {v for c, (v, _) in found.items() if c not in red} - {"PASS", "OPEN"}, shown)
    return shown, found
