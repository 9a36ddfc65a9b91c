"""What the red tests share: a notebook's benchmark cell edited the way a learner might undo the
lesson, the edited notebook executed, and the checks' verdicts read from what it shows."""
import copy
import os
import re
import tempfile

import nbformat

from notebook_runs import EXECUTED, NOTEBOOKS, execute, texts


def edited_notebook(name, pattern, replacement):
    """The notebook with one match of pattern replaced in the one code cell that has it (the
    %%jmh cell, or a plain cell where the code under test is handed to a server); raises
    otherwise, so that a changed notebook makes the test say what to update."""
    nb = copy.deepcopy(nbformat.read(os.path.join(NOTEBOOKS, name + ".ipynb"), as_version=4))
    cells = [c for c in nb.cells if c.cell_type == "code" and re.search(pattern, c.source)]
    if len(cells) != 1:
        raise AssertionError(f"{name}: {len(cells)} code cells match {pattern!r}; update this test")
    cells[0].source, count = re.subn(pattern, replacement, cells[0].source)
    if count != 1:
        raise AssertionError(f"{name}: {count} matches of {pattern!r}; update this test")
    return nb


def run_edited(nb, save_as, **options):
    """Executes an edited notebook, keeps it in build/executed/, and returns what it shows;
    options go to execute (the folder it runs from, nbclient's options)."""
    execute(nb, tempfile.mkdtemp(prefix="submissions-"), **options)
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


def assert_turns_red(test, name, pattern, replacement, expected_red):
    """Edits the notebook's code under test, runs it, and asserts that exactly expected_red fail
    while every other check stays as the shipped notebook has it: met, but for the learner's
    own analysis, which is open. Returns what the edited notebook showed and its verdicts."""
    edited = edited_notebook(name, pattern, replacement)
    shown = run_edited(edited, name + "-edited.ipynb")
    found = verdicts(shown)
    red = failed(found)
    test.assertEqual(set(expected_red), red, shown)
    test.assertEqual(set(), {v for c, (v, _) in found.items() if c not in red} - {"PASS", "OPEN"}, shown)
    return shown, found
