"""Notebook 07's checks follow the measurement: a presized builder made unsized turns red."""
import re
import unittest

from lesson_edits import assert_turns_red


class Notebook07Test(unittest.TestCase):

    def test_notebook_07_turns_red_when_the_presized_builder_loses_its_size(self):
        # The learner's edit: presized builds its StringBuilder without the estimated size.
        presized = "the presized builder allocates less than the unsized one at 100 parts"
        shown, found = assert_turns_red(self, "07-concatenation", r"new StringBuilder\(estimatedSize\)",
                                        "new StringBuilder()", {presized})
        self.assertEqual(9, len(found))
        # presized now allocates what builder does: the same code, the same bytes.
        measured, limit = re.search(r"measured (\d+) B/op, expected < (\d+) B/op", found[presized][1]).groups()
        self.assertGreater(int(measured), int(limit), found[presized][1])


if __name__ == "__main__":
    unittest.main()
