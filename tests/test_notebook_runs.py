"""Which notebooks run their benchmark cells alone in the tests: those whose checklist reads a time
comparison (notebook_runs.reads_time), since a time measured beside the other lane's runs could turn
a check red that a quiet machine keeps green."""
import glob
import os
import unittest

import nbformat

from notebook_runs import NOTEBOOKS, reads_time

COMPARED = 'var faster = compareTimes(run.result("a"), run.result("b"));'
NOTE = 'println(compareTimes(run.result("a"), run.result("b")));'


def notebook(*sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    return nb


class ReadsTimeTest(unittest.TestCase):

    def test_the_notebooks_whose_criteria_compare_times(self):
        # 07 (a builder against concatenation) and 10 (generic against typed) check a time
        # comparison; 08 and 11 state theirs in a note beside their checks.
        timed = {os.path.basename(path)[:2] for path in glob.glob(os.path.join(NOTEBOOKS, "[0-9][0-9]-*.ipynb"))
                 if reads_time(nbformat.read(path, as_version=4))}
        self.assertEqual({"07", "10"}, timed)

    def test_a_check_that_compares_times_itself(self):
        self.assertTrue(reads_time(notebook('checks(check("faster", compareTimes(a, b).faster()));')))

    def test_a_check_that_names_a_comparison_made_before(self):
        self.assertTrue(reads_time(notebook(COMPARED, 'checks(check("faster", faster.faster()));')))

    def test_a_comparison_shown_beside_the_checks_is_no_check(self):
        self.assertFalse(reads_time(notebook(COMPARED, NOTE, 'checks(check("no bytes", bytes == 0));')))

    def test_a_comparison_named_in_a_comment_or_a_string_is_no_check(self):
        self.assertFalse(reads_time(notebook(
            COMPARED, 'checks(check("faster, as compareTimes( shows", bytes == 0)); // see faster')))


if __name__ == "__main__":
    unittest.main()
