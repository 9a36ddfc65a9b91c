"""Notebook 09's checks follow the measurement: the fixed method turned back into the stream turns red."""
import re
import unittest

from lesson_edits import assert_turns_red


class Notebook09Test(unittest.TestCase):

    def test_notebook_09_turns_red_when_the_loop_goes_back_to_the_stream(self):
        # The learner's edit: countAbove calls the stream instead of counting in a loop.
        after_allocates = "after (the loop) allocates nothing"
        no_site = "the escape report finds no allocation site in ReadingsBench.after"
        shown, found = assert_turns_red(self, "09-escape-hunt",
                                        r"(?s)// BEGIN SOLUTION.*?// END SOLUTION",
                                        "return countAboveStream(readings, limit);",
                                        {after_allocates, no_site})
        # The five checks of part 1, which the edit reaches; part 2's real packages run apart from it.
        self.assertEqual(5, len(found))
        # The stream's lambda is now compiled into after too, and after allocates what before does.
        self.assertIn("capturing lambda", found[no_site][1])
        before = re.search(r"measured (\d+) B/op", found["before (the stream) allocates on every call"][1])
        after = re.search(r"measured (\d+) B/op", found[after_allocates][1])
        self.assertIsNotNone(after, found[after_allocates][1])
        self.assertEqual(before.group(1), after.group(1), shown)


if __name__ == "__main__":
    unittest.main()
