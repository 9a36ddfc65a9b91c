#!/usr/bin/env python3
"""Writes into every notebook's metadata what its kernel reports of itself, so that opening a
notebook does not mark it modified: JupyterLab, Notebook 7 and the classic Notebook copy the
kernel's `language_info` (from its kernel_info reply) and the kernelspec's name, display name and
language into the notebook's metadata, and a notebook whose saved metadata differs is modified
before the learner has typed anything.

    tools/kernel_metadata.py [DIR]          rewrite the notebooks in DIR (default notebooks/)
    tools/kernel_metadata.py --check [DIR]  exit 1 and name the notebooks that differ

It starts each kernelspec the notebooks name once, with Jupyter's own client. Learner copies
(tools/learner.py) keep the metadata of the notebooks they are made from.
"""
import sys
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel

from notebook_files import NOTEBOOKS, read, write


def start_kernel(kernel_name):
    """Jupyter's own start: the kernel's manager and a client with its channels open, ready."""
    return start_new_kernel(startup_timeout=120, kernel_name=kernel_name)


def reported(kernel_name, start=start_kernel):
    """The metadata a front end writes for kernelspec `kernel_name`: kernelspec and language_info.
    `start(kernel_name)` starts the kernel, as start_kernel does."""
    spec = KernelSpecManager().get_kernel_spec(kernel_name)
    km, client = start(kernel_name)
    try:
        msg_id = client.kernel_info()
        while True:
            reply = client.get_shell_msg(timeout=60)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        # Sorted as Jupyter sorts a notebook's keys when it saves one.
        language_info = dict(sorted(reply["content"]["language_info"].items()))
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)
    return {"kernelspec": {"display_name": spec.display_name, "language": spec.language, "name": kernel_name},
            "language_info": language_info}


def differing(folder, reports=None, start=start_kernel):
    """(path, notebook, the metadata it should have) for each notebook in `folder` whose metadata
    differs from what its kernel reports; `reports` caches the reports by kernelspec name, and
    `start` starts a kernel (see reported)."""
    reports = {} if reports is None else reports
    found = []
    for path in sorted(Path(folder).glob("*.ipynb")):
        nb = read(path)
        name = nb["metadata"]["kernelspec"]["name"]
        if name not in reports:
            reports[name] = reported(name, start)
        want = {**nb["metadata"], **reports[name]}
        if nb["metadata"] != want:
            found.append((path, nb, want))
    return found


def main(args):
    check = "--check" in args
    folders = [a for a in args if a != "--check"] or [NOTEBOOKS]
    drifted = [d for folder in folders for d in differing(folder)]
    for path, nb, want in drifted:
        if check:
            print(f"{path.name}: its metadata differs from what its kernel reports", file=sys.stderr)
        else:
            nb["metadata"] = want
            write(path, nb)
            print(f"{path.name}: metadata as its kernel reports it", file=sys.stderr)
    return 1 if check and drifted else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
