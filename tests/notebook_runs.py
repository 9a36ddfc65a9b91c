"""What every test and script that runs the notebooks shares: where they are, the kernelspec they
run on, where executed copies go, and one way to run a notebook as a learner's Run All would. A
module of its own, not a test module, so that importing it loads no tests.

``ESCAPELAB_KERNEL`` names the kernelspec (default ``java``; ``./course test`` runs the kernel and
notebook tests again on ``java-newest``). Executed copies go to build/executed/, or to
build/executed-<kernelspec>/ on another kernelspec, so that the two rounds keep theirs apart.
"""
import atexit
import os
import re
import shutil
import subprocess
import tempfile
import time

import nbformat

from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

from kernel_messages import STARTS, found_its_port_taken
from lanes import beside_others, switch

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


class _Precompiler:
    """One JVM, for the whole test run, that compiles notebooks' %%jmh cells into the store the
    kernels read (escapelab.cell.PrecompileCells reading paths on its input), on the kernelspec's
    JDK and cells' class path: its javac is warm after the first notebook, where a fresh kernel's
    is cold for its first cell. A notebook it cannot compile is left to the kernel."""

    process = None

    @classmethod
    def compile(cls, nb):
        if cls.process is None:
            spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
            cls.process = subprocess.Popen(
                [spec.argv[0], "-cp", spec.env["IJAVA_CLASSPATH"], "escapelab.cell.PrecompileCells", "-"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            atexit.register(cls.process.kill)
        with tempfile.NamedTemporaryFile("w", suffix=".ipynb", encoding="utf-8") as f:
            nbformat.write(nb, f)
            f.flush()
            cls.process.stdin.write(f.name + "\n")
            cls.process.stdin.flush()
            return cls.process.stdout.readline().strip()


def precompile(nb):
    """Compiles nb's %%jmh cells ahead of its run, as ./course setup does the shipped notebooks':
    for an edited notebook, whose edited cell a fresh kernel's cold javac would compile."""
    try:
        return _Precompiler.compile(nb)
    except (OSError, KeyError, ValueError):
        return ""


def code_only(source):
    """A cell's code with its strings and comments left out."""
    return re.sub(r'"(?:\\.|[^"\\])*"|//[^\n]*|/\*.*?\*/', " ", source, flags=re.S)


def reads_time(nb):
    """Whether a checklist of nb reads a time comparison: it calls compareTimes, or names what a
    cell assigned from it. A note that states times is no check."""
    cells = [code_only(c.source) for c in nb.cells if c.cell_type == "code"]
    timed = set()
    for source in cells:
        timed |= set(re.findall(r"\b(\w+)\s*=\s*compareTimes\(", source))
    return any("checks(" in source and ("compareTimes(" in source or set(re.findall(r"\w+", source)) & timed)
               for source in cells)


class PortCheckingClient(NotebookClient):
    """nbclient's client, which starts a new kernel, on new ports, when the kernel found one of its
    ports taken (kernel_messages.PORT_TAKEN)."""

    async def async_start_new_kernel_client(self):
        for attempt in range(1, STARTS + 1):
            km = self.km
            try:
                return await super().async_start_new_kernel_client()
            except RuntimeError:
                if not found_its_port_taken(km) or attempt == STARTS:
                    raise
            self.km = self.create_kernel_manager()
            await self.async_start_new_kernel()


def execute(nb, submissions, path=NOTEBOOKS, **options):
    """Runs nb in place as Run All would, from the folder path, exporting to submissions (never
    over a learner's own); options go to nbclient (timeout, allow_errors). Returns the seconds.
    It runs beside the other lane's tests (lanes.py), but for the cells that run benchmarks in a
    notebook whose checks read time: those run alone."""
    os.environ["ESCAPELAB_SUBMISSIONS"] = submissions
    timed = reads_time(nb)

    def before(cell, **_):
        if timed and cell.cell_type == "code" and re.search(r"\bbench\(.*?\.run\(\)", code_only(cell.source), re.S):
            switch("alone")

    def after(**_):
        switch("beside")

    client = PortCheckingClient(nb, **{"timeout": 600, **options}, kernel_name=KERNEL_NAME,
                            resources={"metadata": {"path": path}}, on_cell_execute=before, on_cell_executed=after)
    with beside_others():
        started = time.monotonic()
        client.execute()
        return time.monotonic() - started
