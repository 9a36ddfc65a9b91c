"""Notebook 02's checks follow the measurement: a typed dumpInt that boxes after all turns red."""
import copy
import os
import re
import tempfile
import unittest

import nbformat

from test_notebooks import EXECUTED, NOTEBOOKS, execute, texts


def verdicts(shown):
    """criterion -> (PASS|FAIL|OPEN, evidence), from the checklists' lines."""
    found = {}
    for line in shown.splitlines():
        match = re.match(r"\[(PASS|FAIL|OPEN)\] (.*?): (.*)", line)
        if match:
            found[match.group(2)] = (match.group(1), match.group(3))
    return found


def run_edited(nb, save_as):
    """Executes an edited copy of a notebook; keeps the executed copy in build/executed/."""
    execute(nb, tempfile.mkdtemp(prefix="submissions-"))
    os.makedirs(EXECUTED, exist_ok=True)
    nbformat.write(nb, os.path.join(EXECUTED, save_as))
    return "\n".join(texts(nb))


class Notebook02Test(unittest.TestCase):

    def test_notebook_02_turns_red_when_the_typed_dump_boxes(self):
        path = os.path.join(NOTEBOOKS, "02-boxing.ipynb")
        edited = copy.deepcopy(nbformat.read(path, as_version=4))
        cell = next(c for c in edited.cells if c.cell_type == "code" and c.source.startswith("%%jmh"))
        # The learner's edit: dumpInt keeps its int in the Object field, so javac boxes it.
        cell.source, count = re.subn(r"lastInt = v;", "last = v;", cell.source)
        self.assertEqual(1, count, "dumpInt's body changed; update this test")

        shown = run_edited(edited, "02-boxing-edited.ipynb")
        found = verdicts(shown)
        failed = {c for c, (v, _) in found.items() if v == "FAIL"}
        self.assertEqual({"the typed dumpInt allocates nothing at n = 128",
                          "the escape report finds no allocation site in dumpTyped"}, failed, shown)
        # The others stay as they were: all met but the learner's own analysis, which is open.
        self.assertEqual({"OPEN"}, {v for c, (v, _) in found.items() if c not in failed and v != "PASS"})
        self.assertGreaterEqual(len(found), 14)
        # dumpTyped now allocates one Integer per call: the bytes JOL gives an Integer here.
        integer = re.search(r"^Integer: (\d+) bytes", shown, re.MULTILINE)
        measured = re.search(r"measured ([0-9.]+) B/op",
                             found["the typed dumpInt allocates nothing at n = 128"][1])
        self.assertEqual(float(integer.group(1)), float(measured.group(1)))
        self.assertIn("box Integer: stays on the heap in dumpTyped",
                      found["the escape report finds no allocation site in dumpTyped"][1])


if __name__ == "__main__":
    unittest.main()
