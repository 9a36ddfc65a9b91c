"""Notebook 11's checks follow the measurement: the exactly sized map sized like the hint turns red."""
import re
import unittest

from lesson_edits import assert_turns_red

# The checks these edits turn red read resizes and bytes per load, the same in every profile; the
# shipped LONG_TIMING run (about a minute) serves the prose's time comparison, which no check reads.
QUICKER = ("LONG_TIMING", "QUICK")


class Notebook11Test(unittest.TestCase):

    def test_notebook_11_turns_red_when_exact_sizing_takes_n_as_the_capacity(self):
        # The learner's slip: new HashMap<>(n) where n / 0.75 was meant.
        never = "exact sizing never resizes"
        less = "exact sizing allocates less than new HashMap<>(n) per load"
        smallest = ("exact sizing's table is the smallest that holds n entries at 0.75 (and newHashMap's where "
                    "the JDK has it)")
        shown, found = assert_turns_red(self, "11-hashmap-sizing", r"new HashMap<>\(\(int\) Math\.ceil\(n / 0\.75\)\)",
                                        "new HashMap<>(n)", {never, less, smallest}, profile=QUICKER)
        self.assertEqual(10, len(found))
        # It now resizes once, as new HashMap<>(n) does, and allocates what it allocates.
        self.assertIn("measured 1 resizes", found[never][1])
        # The bytes saved still match the tables the probe saw: the probe and JMH ran the same map.
        self.assertEqual("PASS", found["the bytes saved are the tables the probe saw allocated"][0])
        self.assertTrue(re.search(r"measured \d+ B/op, expected < \d+ B/op", found[less][1]), found[less][1])
        # Its table, a power of two at or above n, is half what n entries need at 0.75.
        self.assertIn("capacity 1048576 for 1000000 entries", found[smallest][1])

    def test_notebook_11_turns_red_when_exact_sizing_takes_no_hint_and_the_bytes_saved_stay_met(self):
        # The edit: exactMap is new HashMap<>() too. Nothing is saved, and the probe saw no table
        # bytes saved either: the check that compares the two stays met around 0.
        never = "exact sizing never resizes"
        less = "exact sizing allocates less than new HashMap<>(n) per load"
        smallest = ("exact sizing's table is the smallest that holds n entries at 0.75 (and newHashMap's where "
                    "the JDK has it)")
        saved = "the bytes saved are the tables the probe saw allocated"
        shown, found = assert_turns_red(self, "11-hashmap-sizing", r"new HashMap<>\(\(int\) Math\.ceil\(n / 0\.75\)\)",
                                        "new HashMap<>()", {never, less, smallest}, profile=QUICKER)
        self.assertEqual("PASS", found[saved][0], found[saved][1])


if __name__ == "__main__":
    unittest.main()
