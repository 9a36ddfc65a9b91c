"""Notebook 04 turns red where its lesson is taken out: a copy that is a view after all."""
import re
import unittest

from lesson_edits import assert_turns_red


class Notebook04Test(unittest.TestCase):

    def test_turns_red_when_the_copy_is_a_view_too(self):
        # The edit: firstHundredCopy returns a view of the array it read, like firstHundredView.
        shown, found = assert_turns_red(
            self, "04-retention", r"return ByteBuffer\.wrap\(Arrays\.copyOfRange\(data, 0, 100\)\);",
            "return ByteBuffer.wrap(data, 0, 100);", {
                "a copy retains about 100 bytes, no more than a buffer over byte[100] (JOL)",
                "keeping copies keeps the heap flat (less than half the file in all)"})
        # The rest stand as they were: the views still grow the heap, both still read the file.
        for criterion in ("keeping views grows the heap (at least half the file per view kept)",
                          "a comment in the leaking code documents the leak",
                          "copy allocates the same per call as view, within 1% (JMH)"):
            self.assertEqual("PASS", found[criterion][0], criterion)
        self.assertEqual(7, len([v for v, _ in found.values() if v != "OPEN"]), shown)
        # The copy's footprint is now the whole file.
        evidence = found["a copy retains about 100 bytes, no more than a buffer over byte[100] (JOL)"][1]
        retained = int(re.search(r"measured (\d+) bytes", evidence).group(1))
        self.assertGreaterEqual(retained, 50 << 20, evidence)

    def test_turns_red_when_the_view_is_a_copy_too_and_only_the_views_checks_do(self):
        # The edit: firstHundredView copies the view's 100 bytes into a buffer of its own. The views' checks go red; the
        # copies' heap stays flat, measured against the file rather than a view that now keeps 176 B.
        shown, found = assert_turns_red(
            self, "04-retention", r"return ByteBuffer\.wrap\(data, 0, 100\);",
            "return ByteBuffer.allocate(100).put(ByteBuffer.wrap(data, 0, 100)).flip();", {
                "keeping views grows the heap (at least half the file per view kept)",
                "a view retains the whole file (JOL)"})
        for criterion in ("keeping copies keeps the heap flat (less than half the file in all)",
                          "a copy retains about 100 bytes, no more than a buffer over byte[100] (JOL)",
                          "copy allocates the same per call as view, within 1% (JMH)"):
            self.assertEqual("PASS", found[criterion][0], criterion)


if __name__ == "__main__":
    unittest.main()
