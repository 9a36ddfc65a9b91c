"""Starting a kernel and reading one cell's messages: the helpers the kernel tests share."""

import queue
import time

from jupyter_client import KernelManager
from jupyter_client.kernelspec import NoSuchKernel

POLL = 0.02


def collect_cell(kc, msg_id, timeout):
    """The cell's reply, when it reached the client (monotonic), and its iopub messages up to
    idle as (arrival time, message) pairs, execute_input and status left out.

    Raises AssertionError when the reply or the idle status does not come within ``timeout`` s.
    """
    outputs, reply, arrived, idle = [], None, None, False
    deadline = time.monotonic() + timeout
    while not (idle and reply is not None):
        if time.monotonic() > deadline:
            raise AssertionError(f"no reply/idle within {timeout}s; outputs so far: {[m for _, m in outputs]}")
        try:
            msg = kc.get_iopub_msg(timeout=POLL)
            if msg["parent_header"].get("msg_id") == msg_id:
                if msg["msg_type"] == "status":
                    idle = idle or msg["content"]["execution_state"] == "idle"
                elif msg["msg_type"] != "execute_input":
                    outputs.append((time.monotonic(), msg))
        except queue.Empty:
            pass
        if reply is None:
            try:
                msg = kc.get_shell_msg(timeout=POLL)
                if msg["parent_header"].get("msg_id") == msg_id:
                    reply, arrived = msg["content"], time.monotonic()
            except queue.Empty:
                pass
    return reply, arrived, outputs


# The kernel's exit status when another process took one of its ports between the client's pick
# and the kernel's bind (escapelab.kernel.Main.PORT_TAKEN). Jupyter's server then starts the
# kernel again on the same ports (jupyter_client keeps a kernel's ports across its restarts), which
# works once the other process has let go; the tests start a new kernel, on new ports.
PORT_TAKEN = 75
STARTS = 3


def start_kernel(name, timeout, **start):
    """A started kernel of the named kernelspec and a client with its channels open, ready.

    ``start`` goes to ``KernelManager.start_kernel`` (env, cwd, stderr, ...).
    """
    for attempt in range(1, STARTS + 1):
        try:
            km = KernelManager(kernel_name=name)
        except NoSuchKernel as e:
            raise RuntimeError(f"install the '{name}' kernelspec first: ./course setup") from e
        km.start_kernel(**start)
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=timeout)
            return km, kc
        except RuntimeError:
            taken = found_its_port_taken(km)
            stop_kernel(km, kc)
            if not taken or attempt == STARTS:
                raise


def found_its_port_taken(km):
    """Whether the kernel ended because a port of its connection file was taken."""
    process = km.provisioner.process if km.provisioner else None
    return process is not None and process.poll() == PORT_TAKEN


def stop_kernel(km, kc):
    """Closes the client's channels and shuts the kernel down; either may be None."""
    if kc is not None:
        kc.stop_channels()
    if km is not None:
        km.shutdown_kernel()
