"""Are bytes per operation exact when two benchmark runs go side by side on this machine's cores
(two forks and their compiler threads competing)? Runs each notebook named (default: 01 02 03 05
12) alone, then twice at the same moment in two kernels that do not queue (each its own queue,
JMH's lock ignored), and compares every benchmark's B/op in the three exports (summary.json), to the byte.
While it measures it holds JMH's machine-wide lock, so that other benchmark runs on the machine
wait as they would for any run instead of adding to the load.

    /usr/bin/python3 tests/measure_side_by_side.py [NN ...]
"""
import fcntl
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from jupyter_client.kernelspec import KernelSpecManager

from notebook_runs import NOTEBOOKS, ROOT

RUN_ONE = """
import sys, nbformat
sys.path.insert(0, {tests!r})
import notebook_runs
nb = nbformat.read(sys.argv[1], as_version=4)
print(round(notebook_runs.execute(nb, sys.argv[2], allow_errors=True)))
"""


def side_kernel(data):
    """A copy of the java kernelspec whose kernel ignores JMH's lock."""
    spec = KernelSpecManager().get_kernel_spec(os.environ.get("ESCAPELAB_KERNEL", "java"))
    argv = list(spec.argv)
    argv.insert(1, "-Djmh.ignoreLock=true")
    folder = os.path.join(data, "kernels", "java-side")
    os.makedirs(folder)
    with open(os.path.join(folder, "kernel.json"), "w") as f:
        json.dump({"argv": argv, "display_name": "side", "language": "java", "env": spec.env,
                   "interrupt_mode": "message"}, f)


def start(notebook, work, name):
    env = {**os.environ, "ESCAPELAB_KERNEL": "java-side", "JUPYTER_PATH": os.path.join(work, "data"),
           "ESCAPELAB_QUEUE": os.path.join(work, "queue-" + name)}
    out = os.path.join(work, "submissions-" + name)
    os.makedirs(out)
    return out, subprocess.Popen([sys.executable, "-c", RUN_ONE.format(tests=os.path.dirname(__file__)),
                                  notebook, out], env=env, stdout=subprocess.PIPE, text=True)


def bytes_per_op(submissions):
    found = {}
    for summary in glob.glob(os.path.join(submissions, "*", "summary.json")):
        with open(summary) as f:
            for b in json.load(f).get("benchmarks", []):
                key = b["method"] + "".join(f" {k}={v}" for k, v in sorted((b.get("params") or {}).items()))
                found[key] = b.get("bytesPerOp")
    return found


def figure(value):
    return "missing" if value is None else f"{value:.3f}"


def main(numbers):
    work = tempfile.mkdtemp(prefix="side-by-side-")
    side_kernel(os.path.join(work, "data"))
    lock = open(os.path.join(tempfile.gettempdir(), "jmh.lock"), "a")
    print("waiting for JMH's lock (other benchmark runs on this machine)...", flush=True)
    fcntl.lockf(lock, fcntl.LOCK_EX)
    try:
        for number in numbers:
            notebook = glob.glob(os.path.join(NOTEBOOKS, number + "-*.ipynb"))[0]
            lone_dir, lone = start(notebook, work, number + "-lone")
            lone_s = lone.communicate()[0].strip()
            a_dir, a = start(notebook, work, number + "-a")
            b_dir, b = start(notebook, work, number + "-b")
            a_s, b_s = a.communicate()[0].strip(), b.communicate()[0].strip()
            alone, left, right = bytes_per_op(lone_dir), bytes_per_op(a_dir), bytes_per_op(b_dir)
            for key in sorted(alone):
                # To the byte: the fractions are JMH's averaging over a run, never two runs alike.
                figures = [alone[key], left.get(key), right.get(key)]
                same = None not in figures and len({round(f) for f in figures}) == 1
                print(f"{os.path.basename(notebook)[:2]} | {key} | alone {figure(alone[key])} | side by side "
                      f"{figure(left.get(key))}, {figure(right.get(key))} | {'same' if same else 'DIFFERENT'}",
                      flush=True)
            print(f"{os.path.basename(notebook)[:2]}: alone {lone_s} s, side by side {a_s} s and {b_s} s", flush=True)
    finally:
        fcntl.lockf(lock, fcntl.LOCK_UN)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:] or ["01", "02", "03", "05", "12"])
