"""Notebook 07's checks follow the measurement: a presized builder made unsized turns red."""
import unittest

from lesson_edits import edited_notebook, failed, run_edited, verdicts


class Notebook07Test(unittest.TestCase):

    def test_notebook_07_turns_red_when_the_presized_builder_loses_its_size(self):
        # The learner's edit: presized builds its StringBuilder without the estimated size.
        edited = edited_notebook("07-concatenation", r"new StringBuilder\(estimatedSize\)",
                                 "new StringBuilder()")

        shown = run_edited(edited, "07-concatenation-edited.ipynb")
        found = verdicts(shown)
        red = failed(found)
        presized = "the presized builder allocates less than the unsized one at 100 parts"
        self.assertEqual({presized}, red, shown)
        # The others stay as they were: all met but the learner's own analysis, which is open.
        self.assertEqual({"OPEN"}, {v for c, (v, _) in found.items() if c not in red and v != "PASS"})
        self.assertEqual(9, len(found))
        # presized now allocates what builder does: the same code, the same bytes.
        self.assertRegex(found[presized][1], r"measured (\d+) B/op, expected < \1 B/op")


if __name__ == "__main__":
    unittest.main()
