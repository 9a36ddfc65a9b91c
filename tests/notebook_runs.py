"""What every test and script that runs the notebooks shares: where they are, the kernelspec they
run on, where executed copies go, and one way to run a notebook as a learner's Run All would. A
module of its own, not a test module, so that importing it loads no tests.

``ESCAPELAB_KERNEL`` names the kernelspec (default ``java``; ``./course test`` runs the kernel and
notebook tests again on ``java-newest``). Executed copies go to build/executed/, or to
build/executed-<kernelspec>/ on another kernelspec, so that the two rounds keep theirs apart.
"""
import atexit
import os
import shutil
import tempfile
import time

from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOKS = os.path.join(ROOT, "notebooks")
KERNEL_NAME = os.environ.get("ESCAPELAB_KERNEL", "java")
EXECUTED = os.path.join(ROOT, "build", "executed" if KERNEL_NAME == "java" else "executed-" + KERNEL_NAME)


def scratch_folder(prefix):
    """A new temporary folder, removed when the tests end: they leave nothing in the temp folder."""
    folder = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


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
