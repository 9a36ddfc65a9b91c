"""Notebook 05 turns red where its lesson is taken out: a typed path that boxes after all."""
import copy
import os
import re
import tempfile
import unittest

import nbformat

from test_notebook_04 import verdicts
from test_notebooks import EXECUTED, NOTEBOOKS, execute, texts

NOTEBOOK = os.path.join(NOTEBOOKS, "05-object-vs-primitive.ipynb")
TYPED_ZERO = "typed, filling and summing a long[], allocates nothing"


class Notebook05Test(unittest.TestCase):

    def test_turns_red_when_the_typed_path_keeps_boxes(self):
        nb = nbformat.read(NOTEBOOK, as_version=4)
        edited = copy.deepcopy(nb)
        cell = next(c for c in edited.cells if c.cell_type == "code" and c.source.startswith("%%jmh"))
        # The edit: typed() stores a boxed copy of each value in the Object[] as well.
        source, count = re.subn(r"(public long typed\(\) \{\s*for \(int i = 0; i < size; i\+\+\) \{\s*)"
                                r"longs\[i\] = first \+ i;",
                                r"\1anys[i] = longs[i] = first + i;", cell.source)
        self.assertEqual(1, count, "typed()'s fill changed; update this test")
        cell.source = source

        execute(edited, tempfile.mkdtemp(prefix="submissions-"))
        os.makedirs(EXECUTED, exist_ok=True)
        nbformat.write(edited, os.path.join(EXECUTED, "05-object-vs-primitive-edited.ipynb"))

        shown = verdicts(edited)
        self.assertEqual([TYPED_ZERO], [c for c, v in shown.items() if v == "FAIL"], shown)
        self.assertEqual(9, len([v for v in shown.values() if v == "PASS"]), shown)
        # The typed path now allocates a Long per element; its sum is still the same.
        line = next(t for t in "\n".join(texts(edited)).splitlines() if t.startswith("[FAIL] " + TYPED_ZERO))
        measured = float(re.search(r"measured ([0-9.]+) B/op", line).group(1))
        self.assertGreaterEqual(measured, 16 * 1000, line)
        self.assertEqual("PASS", shown["sumAny and sumTyped give identical results (every large-value fill)"])


if __name__ == "__main__":
    unittest.main()
