"""Measures the memory a learner's session needs: runs notebooks headless and samples, every
100 ms, the resident memory (RSS) of the kernel's JVM, of each JVM it forks (JMH's benchmark forks
at -Xmx1g, the escape report's forks) and of the whole process tree. The figures size a learner's
server on JupyterHub (deploy/jupyterhub/README.md).

Usage: python3 tests/measure_memory.py [NN ...]   (default: 01, the notebook with every kind of fork)
"""
import glob
import os
import sys
import threading
import time

import nbformat

from notebook_runs import NOTEBOOKS, execute, scratch_folder

PAGE = os.sysconf("SC_PAGE_SIZE")


def processes():
    """pid -> (ppid, rss bytes, command line) for every process readable now."""
    found = {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(stat[:-4] + "statm") as f:
                rss = int(f.read().split()[1]) * PAGE
            with open(stat[:-4] + "cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
            found[int(stat.split("/")[2])] = (int(fields[1]), rss, cmd)
        except (OSError, IndexError, ValueError):
            continue
    return found


class Sampler(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.kernel = self.fork = self.total = 0
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            procs = processes()
            kernels = [p for p, (_, _, cmd) in procs.items() if "escapelab.kernel.Main" in cmd]
            for kernel in kernels:
                tree, frontier = {kernel}, [kernel]
                while frontier:
                    parent = frontier.pop()
                    children = [p for p, (pp, _, _) in procs.items() if pp == parent]
                    tree.update(children)
                    frontier += children
                self.kernel = max(self.kernel, procs[kernel][1])
                forks = [procs[p][1] for p in tree if p != kernel and "java" in procs[p][2]]
                self.fork = max([self.fork] + forks)
                self.total = max(self.total, sum(procs[p][1] for p in tree))
            time.sleep(0.1)


def mib(n):
    return f"{n / 2**20:.0f} MiB"


def main(names):
    for name in names:
        path = glob.glob(os.path.join(NOTEBOOKS, name + "*.ipynb"))[0]
        nb = nbformat.read(path, as_version=4)
        sampler = Sampler()
        sampler.start()
        seconds = execute(nb, scratch_folder("submissions-"), timeout=900)
        sampler.done.set()
        sampler.join()
        print(f"{os.path.basename(path)}: {seconds:.0f} s; peak RSS: kernel {mib(sampler.kernel)}, "
              f"largest fork {mib(sampler.fork)}, kernel and forks together {mib(sampler.total)}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["01"])
