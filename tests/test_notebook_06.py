"""Notebook 06's checks follow the measurement: a typed int accessor that returns an Object boxes
after all, and turns red."""
import re
import unittest

from lesson_edits import assert_turns_red


class Notebook06Test(unittest.TestCase):

    def test_notebook_06_turns_red_when_the_typed_int_accessor_returns_an_object(self):
        # The learner's edit: typedInt returns Object, so javac boxes the int getter's value.
        shown, found = assert_turns_red(self, "06-reflection", r"public int typedInt\(\)",
                                        "public Object typedInt()", {
            "the typed int accessor allocates nothing",
            "the escape report finds no allocation site in typedInt"})
        self.assertGreaterEqual(len(found), 11)
        # typedInt now allocates one Integer per call: the bytes JOL gives an Integer here.
        integer = re.search(r"Here an `Integer` is (\d+) bytes", shown)
        measured = re.search(r"measured ([0-9.]+) B/op", found["the typed int accessor allocates nothing"][1])
        self.assertEqual(float(integer.group(1)), float(measured.group(1)))
        self.assertIn("box Integer: stays on the heap in typedInt",
                      found["the escape report finds no allocation site in typedInt"][1])


if __name__ == "__main__":
    unittest.main()
