"""Times each notebook end to end and compares the quick profile's verdicts with the thorough one's.

Usage: python3 tests/measure_notebooks.py [--thorough] [NAME ...]
Prints, per notebook, the wall time of Run All in each profile and every check's verdict, and
keeps the executed notebooks in build/executed/;
with --thorough, says whether the two profiles reach the same verdicts. Not part of the test
run: the thorough profile takes minutes per notebook.
"""
import glob
import os
import re
import sys

import nbformat

from notebook_runs import NOTEBOOKS, ROOT, execute, scratch_folder


def run(path, profile):
    nb = nbformat.read(path, as_version=4)
    os.environ["ESCAPELAB_PROFILE"] = profile
    seconds = execute(nb, scratch_folder("submissions-"), timeout=1800)
    executed = os.path.join(ROOT, "build", "executed")
    os.makedirs(executed, exist_ok=True)
    nbformat.write(nb, os.path.join(executed, f"{os.path.basename(path)[:-len('.ipynb')]}-{profile}.ipynb"))
    verdicts = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            for line in out.get("data", {}).get("text/plain", "").splitlines():
                match = re.match(r"\[(PASS|FAIL|OPEN)\] (.*?): (.*)", line)
                if match:
                    verdicts[match.group(2)] = (match.group(1), match.group(3))
    return seconds, verdicts


def main(args):
    thorough = "--thorough" in args
    names = [a for a in args if not a.startswith("--")]
    paths = sorted(glob.glob(os.path.join(NOTEBOOKS, "[0-9][0-9]-*.ipynb")))
    if names:
        paths = [p for p in paths if any(os.path.basename(p).startswith(n) for n in names)]
    agree = True
    for path in paths:
        name = os.path.basename(path)[:-len(".ipynb")]
        profiles = ["quick", "thorough"] if thorough else ["quick"]
        results = {p: run(path, p) for p in profiles}
        for profile, (seconds, verdicts) in results.items():
            print(f"{name} [{profile}]: Run All in {seconds:.1f} s")
            for criterion, (verdict, measured) in verdicts.items():
                print(f"    {verdict}  {criterion}: {measured}")
        if thorough:
            quick = {c: v for c, (v, _) in results["quick"][1].items()}
            slow = {c: v for c, (v, _) in results["thorough"][1].items()}
            same = quick == slow
            agree &= same
            print(f"{name}: quick and thorough verdicts {'agree' if same else 'DIFFER'}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
