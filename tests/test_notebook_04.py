"""Notebook 04 turns red where its lesson is taken out: a copy that is a view after all."""
import copy
import os
import re
import tempfile
import unittest

import nbformat

from test_notebooks import EXECUTED, NOTEBOOKS, execute, texts

NOTEBOOK = os.path.join(NOTEBOOKS, "04-retention.ipynb")


def verdicts(nb):
    """Each check's criterion and its verdict (PASS, FAIL or OPEN), from the shown outputs."""
    found = {}
    for line in "\n".join(texts(nb)).splitlines():
        match = re.match(r"\[(PASS|FAIL|OPEN)\] (.*?): ", line)
        if match:
            found[match.group(2)] = match.group(1)
    return found


class Notebook04Test(unittest.TestCase):

    def test_turns_red_when_the_copy_is_a_view_too(self):
        nb = nbformat.read(NOTEBOOK, as_version=4)
        edited = copy.deepcopy(nb)
        cell = next(c for c in edited.cells if c.cell_type == "code" and c.source.startswith("%%jmh"))
        # The edit: firstHundredCopy returns a view of the array it read, like firstHundredView.
        source, count = re.subn(r"return ByteBuffer\.wrap\(Arrays\.copyOfRange\(data, 0, 100\)\);",
                                "return ByteBuffer.wrap(data, 0, 100);", cell.source)
        self.assertEqual(1, count, "firstHundredCopy's return changed; update this test")
        cell.source = source

        execute(edited, tempfile.mkdtemp(prefix="submissions-"))
        os.makedirs(EXECUTED, exist_ok=True)
        nbformat.write(edited, os.path.join(EXECUTED, "04-retention-edited.ipynb"))

        shown = verdicts(edited)
        failed = sorted(c for c, v in shown.items() if v == "FAIL")
        self.assertEqual(["a copy retains about 100 bytes, no more than a buffer over byte[100] (JOL)",
                          "keeping copies keeps the heap flat (less than half of what one view retains)"],
                         failed, shown)
        # The rest stand as they were: the views still grow the heap, both still read the file.
        self.assertEqual("PASS", shown["keeping views grows the heap (at least half of what JOL counts they retain)"])
        self.assertEqual("PASS", shown["a comment in the leaking code documents the leak"])
        self.assertEqual("PASS", shown["copy allocates the same per call as view, within 1% (JMH)"])
        self.assertEqual(7, len([v for v in shown.values() if v != "OPEN"]), shown)
        # The copy's footprint is now the whole file.
        line = next(t for t in "\n".join(texts(edited)).splitlines()
                    if t.startswith("[FAIL] a copy retains about 100 bytes"))
        retained = int(re.search(r"measured (\d+) bytes", line).group(1))
        self.assertGreaterEqual(retained, 50 << 20, line)


if __name__ == "__main__":
    unittest.main()
