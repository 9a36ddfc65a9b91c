"""Notebook 08's checks follow the measurement: the pool taken out of the pooled step turns red."""
import copy
import os
import re
import unittest

import nbformat

from lesson_edits import failed, run_edited, verdicts
from test_notebooks import NOTEBOOKS


def edited_cell(name, pattern, replacement):
    """The notebook with one match of pattern replaced in the one code cell that has it; raises
    otherwise, so that a changed notebook makes the test say what to update. Notebook 08's code
    under test, the pool, is handed to the server in a plain cell, not in the %%jmh cell."""
    nb = copy.deepcopy(nbformat.read(os.path.join(NOTEBOOKS, name + ".ipynb"), as_version=4))
    cells = [c for c in nb.cells if c.cell_type == "code" and re.search(pattern, c.source)]
    if len(cells) != 1:
        raise AssertionError(f"{name}: {len(cells)} cells match {pattern!r}; update this test")
    cells[0].source, count = re.subn(pattern, replacement, cells[0].source)
    if count != 1:
        raise AssertionError(f"{name}: {count} matches of {pattern!r}; update this test")
    return nb


class Notebook08Test(unittest.TestCase):

    def test_notebook_08_turns_red_when_the_pool_is_taken_out_of_the_handler(self):
        # The edit: step 2's server gets no pool, so every request allocates its scratch buffer.
        less = "the pool saves at least half a body per request, and more than noise"
        jfr = "JFR blames the scratch buffer on borrow without a pool, and not with it"
        edited = edited_cell("08-pooling", r'measurePool\("pool", new Pooling\.ScratchBuffers\(Pooling\.NO_CAP\)\)',
                             'measurePool("pool", ScratchPool.none())')
        shown = run_edited(edited, "08-pooling-edited.ipynb")
        found = verdicts(shown)
        self.assertEqual({less, jfr}, failed(found), shown)
        self.assertEqual(set(), {v for c, (v, _) in found.items() if c not in {less, jfr}} - {"PASS", "OPEN"}, shown)
        self.assertEqual(10, len(found))
        # Without the pool step 2 allocates what step 1 does, its scratch buffer included.
        measured, limit = map(float, re.search(r"measured (\d+) B/request, expected < (\d+)", found[less][1]).groups())
        self.assertGreater(measured, limit, found[less][1])


if __name__ == "__main__":
    unittest.main()
