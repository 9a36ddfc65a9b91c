"""Notebook 02's checks follow the measurement: a typed dumpInt that boxes after all turns red."""
import re
import unittest

from lesson_edits import assert_turns_red


class Notebook02Test(unittest.TestCase):

    def test_notebook_02_turns_red_when_the_typed_dump_boxes(self):
        # The learner's edit: dumpInt keeps its int in the Object field, so javac boxes it.
        shown, found = assert_turns_red(self, "02-boxing", r"lastInt = v;", "last = v;", {
            "the typed dumpInt allocates nothing at n = 128",
            "the escape report finds no allocation site in dumpTyped"})
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
