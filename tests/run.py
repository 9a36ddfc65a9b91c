"""Runs the Jupyter-side tests (kernel protocol, notebooks) and prints one summary line.

Usage: python3 tests/run.py [--queue DIR] [pattern ...]   (default: every tests/test_*.py)

``ESCAPELAB_KERNEL`` names the kernelspec the kernel and notebook tests start (default
``java``); ``./course test`` runs them again on ``java-newest`` when a newer JDK is installed.

With ``--queue DIR``, the test modules the patterns match are a queue that every process given
that DIR shares: each takes the next module none has taken, the longest first, until none is
left, so that two processes side by side (./course test's two lanes) end about together. The
first process to come fills DIR; a run that finds it empty has nothing left to do.
"""
import glob
import os
import shutil
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


# The modules that take longest, first: a queue's two lanes then end about together.
LONGEST_FIRST = ["test_notebooks", "test_hub", "test_learner_copies", "test_notebook_07", "test_browser",
                 "test_notebook_02", "test_notebook_06", "test_notebook_11", "test_notebook_04"]


# Modules that read what another wrote, run by the process that ran it, right after it.
AFTER = {"test_notebooks_claims": "test_notebooks"}


def fill_queue(folder, modules):
    """Makes folder hold one file per module, in the order they are to be taken, unless another
    process made it first (the folder appears whole or not at all)."""
    filling = folder + f".{os.getpid()}"
    os.makedirs(filling)
    ordered = sorted(modules, key=lambda m: (LONGEST_FIRST.index(m) if m in LONGEST_FIRST else len(LONGEST_FIRST), m))
    items = [[m] + [after for after, before in AFTER.items() if before == m and after in modules]
             for m in ordered if AFTER.get(m) not in modules]
    for number, item in enumerate(items):
        open(os.path.join(filling, f"{number:03d}-{'+'.join(item)}"), "w").close()
    try:
        os.rename(filling, folder)
    except OSError:  # another process filled it
        shutil.rmtree(filling)


def take(folder):
    """The next modules of the queue (one, or one and those that follow it), taken by this
    process alone; None when none is left."""
    for entry in sorted(os.listdir(folder)):
        if ".taken-" not in entry:
            try:
                os.rename(os.path.join(folder, entry), os.path.join(folder, f"{entry}.taken-{os.getpid()}"))
            except FileNotFoundError:  # another process took it
                continue
            return entry.split("-", 1)[1].split("+")
    return None


class QueuedSuite(unittest.TestSuite):
    """The modules of a queue, each run once the one before has ended, as this process takes them."""

    def __init__(self, folder):
        super().__init__()
        self.folder = folder

    def run(self, result, debug=False):
        while (modules := take(self.folder)) is not None:
            for module in modules:
                print(f"-- {module} (from the queue)", flush=True)
                unittest.TestSuite(unittest.defaultTestLoader.loadTestsFromName(module)).run(result)
        return result


here = os.path.dirname(os.path.abspath(__file__))
arguments = sys.argv[1:]
queue = None
if arguments[:1] == ["--queue"]:
    queue, arguments = os.path.abspath(arguments[1]), arguments[2:]
patterns = arguments or ["test_*.py"]
if queue:
    fill_queue(queue, sorted({os.path.basename(path)[:-len(".py")] for pattern in patterns
                              for path in glob.glob(os.path.join(here, pattern))}))
    suite = QueuedSuite(queue)
else:
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
# A queue's process may find every module taken; on its own, a run of no test is a mistake.
sys.exit(0 if failed == 0 and (result.testsRun > 0 or queue) else 1)
