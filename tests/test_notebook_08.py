"""Notebook 08's checks follow the measurement: the pool taken out of the pooled step turns red."""
import re
import unittest

from lesson_edits import assert_turns_red


class Notebook08Test(unittest.TestCase):

    def test_notebook_08_turns_red_when_the_pool_is_taken_out_of_the_handler(self):
        # The edit: step 2's server gets no pool, so every request allocates its scratch buffer.
        less = "the pool saves at least half a body per request, and more than noise"
        jfr = "JFR blames the scratch buffer on borrow without a pool, and a tenth as often at most with it"
        shown, found = assert_turns_red(self, "08-pooling",
                                        r'measurePool\("pool", new Pooling\.ScratchBuffers\(Pooling\.NO_CAP\)\)',
                                        'measurePool("pool", noPool())', {less, jfr})
        # The five checks of the pool's saving, which the edit reaches; "the cap and bad input"
        # reads other steps and runs as shipped in test_notebooks.py.
        self.assertEqual(5, len(found))
        # Without the pool step 2 allocates what step 1 does, its scratch buffer included.
        measured, limit = map(float, re.search(r"measured (\d+) B/request, expected < (\d+)", found[less][1]).groups())
        self.assertGreater(measured, limit, found[less][1])


if __name__ == "__main__":
    unittest.main()
