"""Executes every notebook headless through the `java` kernel, as a learner's Run All would.

``ESCAPELAB_KERNEL`` names another kernelspec to run them on (``./course test`` runs them
again on ``java-newest``, the kernel on the newest JDK installed).

A notebook fails on any error output, on any failed acceptance check ("[FAIL]" in an output),
or when it shows no check at all. Executed copies go to build/executed/ (build/executed-<kernelspec>/) for inspection;
submissions are exported to a temporary folder, never over a learner's own. What one notebook's
checks do when its lesson is undone is in that notebook's test_notebook_NN.py.
"""
import glob
import os
import unittest

import nbformat

from notebook_runs import EXECUTED, NOTEBOOKS, execute, scratch_folder, texts


class NotebooksTest(unittest.TestCase):

    def run_notebook(self, path):
        nb = nbformat.read(path, as_version=4)
        submissions = scratch_folder("submissions-")
        seconds = execute(nb, submissions)
        os.makedirs(EXECUTED, exist_ok=True)
        nbformat.write(nb, os.path.join(EXECUTED, os.path.basename(path)))
        return nb, submissions, seconds

    def test_every_notebook_runs_and_meets_its_criteria(self):
        paths = sorted(glob.glob(os.path.join(NOTEBOOKS, "[0-9][0-9]-*.ipynb")))
        self.assertTrue(paths, "no notebooks found")
        for path in paths:
            name = os.path.basename(path)[:-len(".ipynb")]
            with self.subTest(notebook=name):
                nb, submissions, seconds = self.run_notebook(path)
                shown = "\n".join(texts(nb))
                print(f"{name}: executed in {seconds:.0f} s")
                self.assertIn("[PASS]", shown, "the notebook shows no acceptance check")
                failed = [line for line in shown.splitlines() if line.startswith("[FAIL]")]
                self.assertEqual([], failed)
                readme = os.path.join(submissions, name, "README.md")
                self.assertTrue(os.path.exists(readme), "the submission cell exported nothing")
                with open(readme, encoding="utf-8") as f:
                    text = f.read()
                for section in ("## Acceptance criteria", "## Analysis", "## Code", "## Benchmark output"):
                    self.assertIn(section, text)
                self.assertNotIn("**FAILED**", text, "the exported criteria show a failed one")


if __name__ == "__main__":
    unittest.main()
