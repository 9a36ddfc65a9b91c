"""Runs the Jupyter-side tests (kernel protocol, notebooks) and prints one summary line.

Usage: python3 tests/run.py [pattern ...]   (default: every tests/test_*.py)

``ESCAPELAB_KERNEL`` names the kernelspec the kernel and notebook tests start (default
``java``); ``./course test`` runs them again on ``java-newest`` when a newer JDK is installed.
"""
import os
import sys
import unittest

here = os.path.dirname(os.path.abspath(__file__))
patterns = sys.argv[1:] or ["test_*.py"]
suite = unittest.TestSuite(unittest.defaultTestLoader.discover(here, pattern=pattern, top_level_dir=here)
                           for pattern in patterns)
result = unittest.TextTestRunner(verbosity=2).run(suite)
failed = len(result.failures) + len(result.errors)
skipped = len(result.skipped)
passed = result.testsRun - failed - skipped
kernel = os.environ.get("ESCAPELAB_KERNEL", "java")
print(f"jupyter ({kernel}): {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(0 if failed == 0 and result.testsRun > 0 else 1)
