"""Start-up and trivial-cell latency of the Java kernel, next to Debian's Python kernel.

Usage: /usr/bin/python3 lib/kernel/bench/latency.py [--runs N] [--cells N] [--warmup N] [kernel ...]
(kernels default to: java python3; run ./course setup first so that 'java' is installed.)

Each run starts every kernel in turn (interleaved, so that both see the same machine load) and
measures, per kernel:
  ready       start_kernel() until the first kernel_info_reply, as jupyter_client's wait_for_ready
  first cell  execute_request of `1 + 1` until its execute_reply, right after ready
  cell        the same for --cells more `1 + 1` cells after --warmup untimed ones; its median
Every timed cell's execute_result must be "2", or the run fails.
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


def measure(kernel_name, cells, warmup):
    """One start of the kernel: (ready, first cell, [cell times])."""
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
        return ready, first, [timed_cell(client) for _ in range(cells)]
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
    parser.add_argument("kernels", nargs="*", default=["java", "python3"])
    args = parser.parse_args()
    # ipykernel's debugger otherwise warns about frozen modules on every start.
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

    results = {name: {"ready": [], "first": [], "cell": [], "run medians": []} for name in args.kernels}
    for run in range(args.runs):
        for name in args.kernels:
            ready, first, cells = measure(name, args.cells, args.warmup)
            figures = results[name]
            figures["ready"].append(ready)
            figures["first"].append(first)
            figures["cell"].extend(cells)
            figures["run medians"].append(statistics.median(cells))
            print(f"run {run + 1} {name:<8} ready {ms(ready)}  first cell {ms(first)}  "
                  f"cell median {ms(statistics.median(cells))}", flush=True)

    print(f"\n{args.runs} starts per kernel; {args.cells} timed `{CELL}` cells per start after "
          f"{args.warmup} warm-up cells; {os.cpu_count()} CPUs; load average "
          + " ".join(f"{load:.2f}" for load in os.getloadavg()))
    for name, figures in results.items():
        print(name)
        print(summary("ready", figures["ready"]))
        print(summary("first cell", figures["first"]))
        print(summary("cell", figures["cell"]))
        print(f"  {'':<11} per-start medians {min(figures['run medians']) * 1000:.1f}"
              f"–{max(figures['run medians']) * 1000:.1f} ms")
    if len(args.kernels) == 2:
        ours, theirs = (results[name] for name in args.kernels)
        print(f"ratio {args.kernels[0]}/{args.kernels[1]}")
        for key in ("ready", "first", "cell"):
            ratio = statistics.median(ours[key]) / statistics.median(theirs[key])
            print(f"  {key:<11} {ratio:5.1f}x")


if __name__ == "__main__":
    sys.exit(main())
