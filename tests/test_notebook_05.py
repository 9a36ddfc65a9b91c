"""Notebook 05 turns red where its lesson is taken out: a typed path that boxes after all."""
import re
import unittest

from lesson_edits import assert_turns_red

TYPED_ZERO = "typed, filling and summing a long[], allocates nothing"


class Notebook05Test(unittest.TestCase):

    def test_turns_red_when_the_typed_path_keeps_boxes(self):
        # The edit: typed() stores a boxed copy of each value in the Object[] as well.
        _, found = assert_turns_red(self, "05-object-vs-primitive",
                                    r"(public long typed\(\) \{\s*for \(int i = 0; i < size; i\+\+\) \{\s*)"
                                    r"longs\[i\] = first \+ i;",
                                    r"\1anys[i] = longs[i] = first + i;", {TYPED_ZERO})
        self.assertEqual(9, len([v for v, _ in found.values() if v == "PASS"]), found)
        # The typed path now allocates a Long per element; its sum is still the same.
        measured = float(re.search(r"measured ([0-9.]+) B/op", found[TYPED_ZERO][1]).group(1))
        self.assertGreaterEqual(measured, 16 * 1000, found[TYPED_ZERO][1])
        self.assertEqual("PASS", found["sumAny and sumTyped give identical results (every large-value fill)"][0])


if __name__ == "__main__":
    unittest.main()
