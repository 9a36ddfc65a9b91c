"""Reading one cell's messages from a kernel: the helper the kernel tests share."""

import queue
import time

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
