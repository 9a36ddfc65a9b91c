"""Notebook 10's checks follow the measurement: the mixed call site made monomorphic turns red."""
import unittest

from lesson_edits import assert_turns_red


class Notebook10Test(unittest.TestCase):

    def test_notebook_10_turns_red_when_the_mixed_call_site_sees_one_type(self):
        # The edit: maxAnyType boxes Integers only, so compareTo's profile sees one class,
        # C2 inlines it, and the boxes no longer escape into a virtual call. The run keeps its
        # TIMING profile: maxAnyType stays slower than maxInt, and only two forks of five
        # iterations tell so, where the quick profile's three iterations may not.
        allocates_more = "the mixed call site allocates more than the Integer one (its boxes escape)"
        not_inlined = "at the mixed call site C2 did not inline compareTo (escape report)"
        shown, found = assert_turns_red(self, "10-generics", r"turn = turn == 2 \? 0 : turn \+ 1;",
                                        "turn = 0;", {allocates_more, not_inlined})
        self.assertEqual(10, len(found))
        self.assertIn("no call to compareTo is named", found[not_inlined][1])


if __name__ == "__main__":
    unittest.main()
