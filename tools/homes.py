"""Gathers the learners' submissions on a class server from their homes, for tools/collect.py.

    ./course collect --homes DIR    (as root: learners' homes are private)

Each learner's exports are in ~/escapelab/submissions/NN-task/ (`./course hub` sets that up).
Only each task's summary.json and README.md are read, never through a link (a learner cannot
make root read another file), and written to DIR/NAME/NN-task/; the homes are not changed.
Learners are the members of the hub's group (ESCAPELAB_HUB_GROUP, default escapelab-learners),
else every user whose home holds escapelab/submissions.
"""
import grp
import os
import pwd
import stat
from pathlib import Path

GROUP = os.environ.get("ESCAPELAB_HUB_GROUP", "escapelab-learners")
FILES = ("summary.json", "README.md")
MAX_BYTES = 1 << 20


def learners():
    """name -> home, for the class's learners."""
    try:
        members = set(grp.getgrnam(GROUP).gr_mem)
    except KeyError:
        members = None
    return {u.pw_name: Path(u.pw_dir) for u in pwd.getpwall()
            if (u.pw_name in members if members is not None else (Path(u.pw_dir) / "escapelab").is_dir())}


def read_plain(path):
    """The bytes of a regular file that is not a link, or None."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        return f.read(MAX_BYTES + 1)


def real_dir(path):
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def gather(out):
    """Writes each learner's task summaries under out/NAME/; returns the learners' names."""
    names = []
    for name, home in sorted(learners().items()):
        submissions = home / "escapelab" / "submissions"
        if not all(real_dir(p) for p in (home / "escapelab", submissions)):
            continue
        names.append(name)
        mine = out / name
        mine.mkdir(parents=True, exist_ok=True)
        for task in sorted(os.listdir(submissions)):
            if task.startswith(".") or not real_dir(submissions / task):
                continue
            for file in FILES:
                data = read_plain(submissions / task / file)
                if data is not None:
                    (mine / task).mkdir(exist_ok=True)
                    (mine / task / file).write_bytes(data)
    return names
