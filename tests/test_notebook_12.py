"""Notebook 12's checks follow the measurement: the carried encode allocating its result turns red."""
import re
import unittest

from lesson_edits import assert_turns_red


class Notebook12Test(unittest.TestCase):

    def test_notebook_12_turns_red_when_the_carried_encode_allocates_its_result(self):
        # The learner's edit: the carried encode builds a new array per call and copies it into
        # dst. The bytes and the contract stay right; only the allocation comes back.
        carried = "carried allocates about 0 B/op in the hot loop of 100K iterations"
        shown, found = assert_turns_red(
            self, "12-carry-the-buffer", r"(?s)// BEGIN SOLUTION.*?// END SOLUTION",
            "byte[] out = encode(values); System.arraycopy(out, 0, dst, off, out.length); "
            "return off + out.length;",
            {carried})
        self.assertEqual(7, len(found))
        # carried now allocates what fresh does: one array per iteration.
        measured = re.search(r"measured (\d+) B/op", found[carried][1])
        self.assertIsNotNone(measured, found[carried][1])
        self.assertGreaterEqual(int(measured.group(1)), 16, found[carried][1])


if __name__ == "__main__":
    unittest.main()
