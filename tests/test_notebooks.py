"""Executes every notebook headless through the `java` kernel, as a learner's Run All would.

``ESCAPELAB_KERNEL`` names another kernelspec to run them on (``./course test`` runs them
again on ``java-newest``, the kernel on the newest JDK installed).

A notebook fails on any error output, on any failed acceptance check ("[FAIL]" in an output),
or when it shows no check at all. Executed copies go to build/executed/ (build/executed-<kernelspec>/) for inspection;
submissions are exported to a temporary folder, never over a learner's own.
"""
import copy
import glob
import os
import re
import tempfile
import time
import unittest

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOKS = os.path.join(ROOT, "notebooks")
KERNEL_NAME = os.environ.get("ESCAPELAB_KERNEL", "java")
EXECUTED = os.path.join(ROOT, "build", "executed" if KERNEL_NAME == "java" else "executed-" + KERNEL_NAME)


def kernel_java_home():
    """The home of the JDK the kernelspec runs the kernel on (its argv starts with that `java`)."""
    java = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    return os.path.dirname(os.path.dirname(os.path.realpath(java)))


def texts(nb):
    """Every text a notebook's outputs show: streams, text/plain of results and displays."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                yield out.get("text", "")
            else:
                data = out.get("data", {})
                if "text/plain" in data:
                    yield data["text/plain"]


def execute(nb, submissions, path=NOTEBOOKS, **options):
    """Runs nb in place as Run All would, from the folder path, exporting to submissions (never
    over a learner's own); options go to nbclient (timeout, allow_errors). Returns the seconds."""
    os.environ["ESCAPELAB_SUBMISSIONS"] = submissions
    client = NotebookClient(nb, **{"timeout": 600, **options}, kernel_name=KERNEL_NAME,
                            resources={"metadata": {"path": path}})
    started = time.monotonic()
    client.execute()
    return time.monotonic() - started


class NotebooksTest(unittest.TestCase):

    def run_notebook(self, path, nb=None, save_as=None):
        nb = nb or nbformat.read(path, as_version=4)
        submissions = tempfile.mkdtemp(prefix="submissions-")
        seconds = execute(nb, submissions)
        os.makedirs(EXECUTED, exist_ok=True)
        nbformat.write(nb, os.path.join(EXECUTED, save_as or os.path.basename(path)))
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

    def test_notebook_01_turns_red_when_value_return_keeps_its_point(self):
        path = os.path.join(NOTEBOOKS, "01-first-escape.ipynb")
        nb = nbformat.read(path, as_version=4)
        edited = copy.deepcopy(nb)
        cell = next(c for c in edited.cells if c.cell_type == "code" and c.source.startswith("%%jmh"))
        # The learner's edit: valueReturn stores its Point in a static field.
        source, count = re.subn(r"(Point p = new Point\(x, y\);)", r"\1\n        kept = p;", cell.source, count=1)
        self.assertEqual(1, count, "valueReturn's body changed; update this test")
        cell.source = source.replace("int x = 3, y = 4;", "int x = 3, y = 4;\n    static Point kept;", 1)

        nb, _, _ = self.run_notebook(path, edited, save_as="01-first-escape-edited.ipynb")

        shown = "\n".join(texts(nb))
        red = [line for line in shown.splitlines() if line.startswith("[FAIL] valueReturn allocates nothing")]
        self.assertEqual(1, len(red), shown)
        measured = re.search(r"measured ([0-9.]+) B/op", red[0])
        self.assertIsNotNone(measured, red[0])
        self.assertGreaterEqual(float(measured.group(1)), 16)
        # C2's own log agrees: the escape report turns red on the same edit.
        report = [line for line in shown.splitlines()
                  if line.startswith("[FAIL] the escape report shows new Point scalar-replaced in valueReturn")]
        self.assertEqual(1, len(report), shown)
        self.assertIn("new Point: stays on the heap in valueReturn", report[0])

    def test_notebook_01_skips_the_newer_jdk_cleanly_when_none_is_installed(self):
        nb = nbformat.read(os.path.join(NOTEBOOKS, "01-first-escape.ipynb"), as_version=4)
        code = [c.source for c in nb.cells if c.cell_type == "code"]
        benchmark = next(c for c in code if c.startswith("%%jmh"))
        newer = next(c for c in code if "newerJdk(" in c)
        # Only the running JDK is installed, as far as the course can see.
        km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=120,
                                  env={**os.environ, "ESCAPELAB_JDKS": kernel_java_home()})
        try:
            shown = []
            for source in (benchmark, newer):
                reply = kc.execute_interactive(source, timeout=120, output_hook=shown.append)
                self.assertEqual("ok", reply["content"]["status"], shown)
            results = [m["content"]["data"]["text/plain"] for m in shown if m["msg_type"] == "execute_result"]
            self.assertRegex(results[-1], r"^\"?No JDK newer than \d+ is installed here: skipped\.")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    unittest.main()
