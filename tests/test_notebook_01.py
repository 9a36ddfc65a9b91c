"""Notebook 01's checks follow the measurement: a valueReturn that keeps its Point turns red. And
its newer-JDK cell says it skipped, rather than failing, where no newer JDK is installed."""
import os
import re
import unittest

import nbformat

from kernel_messages import start_kernel
from lanes import beside_others
from lesson_edits import assert_turns_red
from notebook_runs import KERNEL_NAME, NOTEBOOKS, kernel_java_home


class Notebook01Test(unittest.TestCase):

    def test_notebook_01_turns_red_when_value_return_keeps_its_point(self):
        # The learner's edit: valueReturn stores its Point in a static field declared beside x and y.
        jmh = "valueReturn allocates nothing (its Point is scalar-replaced)"
        # The by-hand run measures valueReturn too. Its criterion has a colon in it
        # ("JMH by hand agrees: valueReturn allocates nothing"); verdicts() reads up to the first.
        by_hand = "JMH by hand agrees"
        report = "the escape report shows new Point scalar-replaced in valueReturn"
        _, found = assert_turns_red(self, "01-first-escape",
                                    r"(?s)(int x = 3, y = 4;)(.*?Point p = new Point\(x, y\);)",
                                    r"\1\n    static Point kept;\2\n        kept = p;", {jmh, by_hand, report})
        # valueReturn now allocates its Point on every call.
        measured = re.search(r"measured ([0-9.]+) B/op", found[jmh][1])
        self.assertIsNotNone(measured, found[jmh][1])
        self.assertGreaterEqual(float(measured.group(1)), 16, found[jmh][1])
        # C2's own log agrees: the escape report turns red on the same edit.
        self.assertIn("new Point: stays on the heap in valueReturn", found[report][1])

    def test_notebook_01_skips_the_newer_jdk_cleanly_when_none_is_installed(self):
        nb = nbformat.read(os.path.join(NOTEBOOKS, "01-first-escape.ipynb"), as_version=4)
        code = [c.source for c in nb.cells if c.cell_type == "code"]
        benchmark = next(c for c in code if c.startswith("%%jmh"))
        newer = next(c for c in code if "newerJdk(" in c)
        # Only the running JDK is installed, as far as the course can see.
        self.enterContext(beside_others())
        km, kc = start_kernel(KERNEL_NAME, 120, env={**os.environ, "ESCAPELAB_JDKS": kernel_java_home()})
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
