"""Start-up and trivial-cell latency of the Java kernel, next to Debian's Python kernel.

Usage: /usr/bin/python3 lib/kernel/bench/latency.py [--runs N] [--cells N] [--warmup N] [--settle S]
                                                    [kernel ...]
(kernels default to: java python3; run ./course setup first so that 'java' is installed.)

Each run starts every kernel in turn (interleaved, so that both see the same machine load) and
measures, per kernel:
  ready       start_kernel() until the first kernel_info_reply, as jupyter_client's wait_for_ready
  first cell  execute_request of `1 + 1` until its execute_reply, right after ready
  cell        the same for --cells more `1 + 1` cells after --warmup untimed ones; its median
  settled     the same for --cells more cells after the kernel was left idle --settle seconds,
              as a learner reading a notebook's prose leaves it (the Java kernel warms its
              compiler meanwhile); 0 leaves it out
Every timed cell's execute_result must be "2", or the run fails.

The targets are a median trivial cell of at most 30 ms and ready within 1.5 s; the script says
which of the figures meet them.
"""
import argparse
import os
import queue
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

CELL = "1 + 1"
TIMEOUT = 60
TARGET_CELL = 0.030
TARGET_READY = 1.5


def wait_for(client_get, parent_id, msg_type, deadline):
    """The reply of type msg_type to parent_id from one channel, skipping anything else."""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no {msg_type} within {TIMEOUT} s")
        msg = client_get(timeout=left)
        if msg["parent_header"].get("msg_id") == parent_id and msg["msg_type"] == msg_type:
            return msg


def result_of(client, msg_id, timeout=TIMEOUT):
    """The text/plain execute_result of a cell, read from IOPub until the kernel is idle."""
    deadline = time.monotonic() + timeout
    result = None
    while True:
        msg = client.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"].get("text/plain")
        elif msg["msg_type"] == "error":
            result = "error: " + msg["content"]["ename"]
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return result


def timed_cell(client, first=False):
    """Seconds from execute_request to execute_reply of one trivial cell; checks its result.

    The first cell's IOPub messages may be lost: a subscription made while the kernel starts
    can take effect after the kernel answers kernel_info (ZeroMQ's slow joiner). So its result
    is checked only if it arrives.
    """
    start = time.perf_counter()
    msg_id = client.execute(CELL)
    reply = wait_for(client.get_shell_msg, msg_id, "execute_reply", time.monotonic() + TIMEOUT)
    elapsed = time.perf_counter() - start
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"{CELL} failed: {reply['content']}")
    try:
        result = result_of(client, msg_id, timeout=2 if first else TIMEOUT)
    except queue.Empty:
        if first:
            return elapsed
        raise
    if result != "2" and not (first and result is None):
        raise RuntimeError(f"{CELL} gave {result!r}, not '2'")
    return elapsed


def measure(kernel_name, cells, warmup, settle):
    """One start of the kernel: (ready, first cell, [cell times], [settled cell times])."""
    manager = KernelManager(kernel_name=kernel_name)
    start = time.perf_counter()
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    try:
        msg_id = client.kernel_info()
        wait_for(client.get_shell_msg, msg_id, "kernel_info_reply", time.monotonic() + TIMEOUT)
        ready = time.perf_counter() - start
        first = timed_cell(client, first=True)
        for _ in range(warmup):
            timed_cell(client)
        timed = [timed_cell(client) for _ in range(cells)]
        if settle <= 0:
            return ready, first, timed, []
        time.sleep(settle)
        return ready, first, timed, [timed_cell(client) for _ in range(cells)]
    finally:
        client.stop_channels()
        manager.shutdown_kernel()


def ms(seconds):
    return f"{seconds * 1000:7.1f} ms"


def summary(label, values):
    return (f"  {label:<11} median {ms(statistics.median(values))}   "
            f"min {ms(min(values))}   max {ms(max(values))}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="kernel starts per kernel (default 5)")
    parser.add_argument("--cells", type=int, default=30, help="timed cells per start (default 30)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed cells before them (default 5)")
    parser.add_argument("--settle", type=float, default=10,
                        help="idle seconds before the settled cells (default 10; 0: none)")
    parser.add_argument("kernels", nargs="*", default=["java", "python3"])
    args = parser.parse_args()
    # ipykernel's debugger otherwise warns about frozen modules on every start.
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

    results = {name: {"ready": [], "first": [], "cell": [], "run medians": [], "settled": [],
                      "settled medians": []} for name in args.kernels}
    for run in range(args.runs):
        for name in args.kernels:
            ready, first, cells, settled = measure(name, args.cells, args.warmup, args.settle)
            figures = results[name]
            figures["ready"].append(ready)
            figures["first"].append(first)
            figures["cell"].extend(cells)
            figures["run medians"].append(statistics.median(cells))
            line = (f"run {run + 1} {name:<8} ready {ms(ready)}  first cell {ms(first)}  "
                    f"cell median {ms(statistics.median(cells))}")
            if settled:
                figures["settled"].extend(settled)
                figures["settled medians"].append(statistics.median(settled))
                line += f"  settled median {ms(statistics.median(settled))}"
            print(line, flush=True)

    settled_note = f", and {args.cells} more after {args.settle:g} s idle" if args.settle > 0 else ""
    print(f"\n{args.runs} starts per kernel; {args.cells} timed `{CELL}` cells per start after "
          f"{args.warmup} warm-up cells{settled_note}; {os.cpu_count()} CPUs; load average "
          + " ".join(f"{load:.2f}" for load in os.getloadavg()))
    keys = ("ready", "first", "cell", "settled") if args.settle > 0 else ("ready", "first", "cell")
    for name, figures in results.items():
        print(name)
        print(summary("ready", figures["ready"]))
        print(summary("first cell", figures["first"]))
        print(summary("cell", figures["cell"]))
        print(per_start(figures["run medians"]))
        if args.settle > 0:
            print(summary("settled", figures["settled"]))
            print(per_start(figures["settled medians"]))
    if len(args.kernels) == 2:
        ours, theirs = (results[name] for name in args.kernels)
        print(f"ratio {args.kernels[0]}/{args.kernels[1]}")
        for key in keys:
            ratio = statistics.median(ours[key]) / statistics.median(theirs[key])
            print(f"  {key:<11} {ratio:5.1f}x")
    ours = results[args.kernels[0]]
    print(f"targets for {args.kernels[0]} (medians over all starts)")
    print(verdict("ready", ours["ready"], TARGET_READY))
    print(verdict("cell", ours["cell"], TARGET_CELL, "right after start"))
    if args.settle > 0:
        print(verdict("settled", ours["settled"], TARGET_CELL, f"after {args.settle:g} s idle"))


def per_start(medians):
    return f"  {'':<11} per-start medians {min(medians) * 1000:.1f}–{max(medians) * 1000:.1f} ms"


def verdict(label, values, target, when=""):
    median = statistics.median(values)
    met = "met" if median <= target else "NOT met"
    when = f" ({when})" if when else ""
    return f"  {label:<11} {ms(median)} against at most {ms(target).strip()}: {met}{when}"


if __name__ == "__main__":
    sys.exit(main())
