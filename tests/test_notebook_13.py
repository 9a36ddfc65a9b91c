"""Notebook 13's checks follow the measurement: a parser that allocates its result per call turns red."""
import re
import unittest

from lesson_edits import assert_turns_red


class Notebook13Test(unittest.TestCase):

    def test_notebook_13_turns_red_when_the_parse_allocates_its_header_per_call(self):
        # The learner's edit: reusedHeader parses into a new Header each call instead of its own.
        jmh = "reusedHeader allocates nothing (JMH)"
        report = "the escape report finds no allocation site in reusedHeader"
        shown, found = assert_turns_red(self, "13-zero-alloc-parser", r"return parse\(packet, header\);",
                                        "return parse(packet, new Header());", {jmh, report})
        self.assertEqual(10, len(found))
        # Both say the same: one Header per call, its size as JOL measured it.
        size = int(re.search(r"Header: (\d+) bytes", shown).group(1))
        measured = float(re.search(r"measured (\d+(?:\.\d+)?) B/op", found[jmh][1]).group(1))
        self.assertAlmostEqual(size, measured, delta=size * 0.1, msg=found[jmh][1])
        self.assertIn("new Header: stays on the heap in reusedHeader", found[report][1])


if __name__ == "__main__":
    unittest.main()
