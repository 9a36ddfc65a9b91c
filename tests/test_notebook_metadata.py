"""A notebook opens unmodified: its saved metadata (kernelspec, language_info) is what its kernel
reports, in the shipped notebooks and in the learner copies made from them (tools/kernel_metadata.py
writes it; the browser test sees the same in JupyterLab and Notebook 7)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from kernel_messages import start_kernel
from notebook_runs import NOTEBOOKS, ROOT

TOOLS = os.path.join(ROOT, "tools")
sys.path.insert(0, TOOLS)
import kernel_metadata  # noqa: E402


class NotebookMetadataTest(unittest.TestCase):
    reports = {}

    def drifted(self, folder):
        """The notebooks in folder whose metadata differs, from kernels started as the tests start them."""
        return [path.name for path, _, _ in
                kernel_metadata.differing(folder, self.reports, start=lambda name: start_kernel(name, 120))]

    def assertAsReported(self, folder):
        self.assertEqual([], self.drifted(folder),
                         "metadata differs from what the kernel reports: run tools/kernel_metadata.py")

    def test_the_notebooks_say_what_their_kernel_reports(self):
        self.assertAsReported(NOTEBOOKS)

    def test_the_learner_copies_say_what_their_kernel_reports(self):
        folder = tempfile.mkdtemp(prefix="learner-")
        self.addCleanup(shutil.rmtree, folder)
        subprocess.run([sys.executable, os.path.join(TOOLS, "learner.py"), folder], check=True,
                       capture_output=True)
        self.assertAsReported(folder)

    def test_a_notebook_without_what_the_kernel_reports_is_named(self):
        folder = tempfile.mkdtemp(prefix="metadata-")
        self.addCleanup(shutil.rmtree, folder)
        for name in ("00-start-here.ipynb", "12-carry-the-buffer.ipynb"):
            shutil.copy(os.path.join(NOTEBOOKS, name), folder)
        path = os.path.join(folder, "12-carry-the-buffer.ipynb")
        with open(path, encoding="utf-8") as f:
            nb = json.load(f)
        del nb["metadata"]["language_info"]["version"]
        with open(path, "w", encoding="utf-8") as f:
            json.dump(nb, f)
        self.assertEqual(["12-carry-the-buffer.ipynb"], self.drifted(folder))


if __name__ == "__main__":
    unittest.main()
