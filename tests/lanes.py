"""How the Jupyter tests run in two lanes (``./course test`` runs two test processes side by side)
without reading each other's load as their own.

A test that only checks bytes per operation or C2's verdicts runs beside the other lane: JMH's
runs still take turns (the course's run queue), and what runs beside them costs time, never
bytes. A test that reads time (a notebook whose checklist compares times), that times the
kernel's replies, or that serves a whole class (the hub, a browser) runs alone: it takes the
lanes' lock for itself, and the other lane waits at its next step.

The lock is two files in build/: a turnstile, which a step that runs alone holds while it waits,
so that the other lane cannot keep it out by starting one shared step after another; and the
lock proper, shared by the steps that run beside the other lane, whole for one that runs alone.
"""
import contextlib
import fcntl
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_FOLDER = os.path.join(ROOT, "build")

# What this process holds: None, "beside" or "alone", and the two files it holds them by.
_held = None
_files = []


def _open(name):
    os.makedirs(_FOLDER, exist_ok=True)
    return open(os.path.join(_FOLDER, name), "a")


def _acquire(kind):
    global _held
    turnstile, lock = _open("lanes.turnstile"), _open("lanes.lock")
    fcntl.flock(turnstile, fcntl.LOCK_EX)
    fcntl.flock(lock, fcntl.LOCK_SH if kind == "beside" else fcntl.LOCK_EX)
    if kind == "beside":
        fcntl.flock(turnstile, fcntl.LOCK_UN)
    _files[:] = [turnstile, lock]
    _held = kind


def _release():
    global _held
    for f in _files:
        f.close()  # which unlocks it
    _files.clear()
    _held = None


@contextlib.contextmanager
def _hold(kind):
    if _held == "alone" or _held == kind:
        yield
        return
    if _held is not None:
        raise AssertionError("a step that runs alone cannot start inside one that runs beside the other lane")
    _acquire(kind)
    try:
        yield
    finally:
        _release()


def alone():
    """A step with nothing of the other lane beside it."""
    return _hold("alone")


def beside_others():
    """A step that may run beside the other lane's."""
    return _hold("beside")


def switch(kind):
    """Inside a step, holds the lock as kind ("alone" or "beside") from here on: a notebook that
    runs beside the other lane but for its timing runs."""
    if _held is not None and _held != kind:
        _release()
        _acquire(kind)
