"""Notebook 03's checks follow the measurement: a lambda called locally but also stored turns red."""
import re
import unittest

from lesson_edits import assert_turns_red


class Notebook03Test(unittest.TestCase):

    def test_notebook_03_turns_red_when_the_local_lambda_is_stored(self):
        # The learner's edit: calledLocally also keeps its lambda in the static field.
        shown, found = assert_turns_red(self, "03-lambda-capture", r"(IntSupplier sum = \(\) -> x \+ y;)",
                                        r"\1\n        hook = sum;", {
            "created and called locally, no allocation",
            "the escape report shows capturing lambda scalar-replaced in calledLocally"})
        self.assertGreaterEqual(len(found), 15)
        # calledLocally now allocates one lambda object per call: the bytes JOL gives it here.
        size = re.search(r"^Capture lambda: (\d+) bytes", shown, re.MULTILINE)
        measured = re.search(r"measured ([0-9.]+) B/op", found["created and called locally, no allocation"][1])
        self.assertEqual(float(size.group(1)), float(measured.group(1)))
        self.assertIn("capturing lambda: stays on the heap in calledLocally",
                      found["the escape report shows capturing lambda scalar-replaced in calledLocally"][1])


if __name__ == "__main__":
    unittest.main()
