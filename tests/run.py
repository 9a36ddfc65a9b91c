"""Runs the Jupyter-side tests (kernel protocol, notebooks) and prints one summary line.

Usage: python3 tests/run.py [pattern ...]   (default: every tests/test_*.py)

``ESCAPELAB_KERNEL`` names the kernelspec the kernel and notebook tests start (default
``java``); ``./course test`` runs them again on ``java-newest`` when a newer JDK is installed.
"""
import os
import sys
import time
import unittest


class TimedResult(unittest.TextTestResult):
    """Keeps each test's wall time, for the summary of the slowest."""

    def startTest(self, test):
        self._started = time.monotonic()
        super().startTest(test)

    def stopTest(self, test):
        self.timings = getattr(self, "timings", [])
        self.timings.append((time.monotonic() - self._started, test.id()))
        super().stopTest(test)


here = os.path.dirname(os.path.abspath(__file__))
patterns = sys.argv[1:] or ["test_*.py"]
suite = unittest.TestSuite(unittest.defaultTestLoader.discover(here, pattern=pattern, top_level_dir=here)
                           for pattern in patterns)
started = time.monotonic()
result = unittest.TextTestRunner(verbosity=2, resultclass=TimedResult).run(suite)
print("slowest tests:")
for seconds, test in sorted(getattr(result, "timings", []), reverse=True)[:25]:
    print(f"  {seconds:6.1f} s  {test}")
failed = len(result.failures) + len(result.errors)
skipped = len(result.skipped)
passed = result.testsRun - failed - skipped
kernel = os.environ.get("ESCAPELAB_KERNEL", "java")
print(f"jupyter ({kernel}): {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else "")
      + f" in {(time.monotonic() - started) / 60:.1f} min")
sys.exit(0 if failed == 0 and result.testsRun > 0 else 1)
