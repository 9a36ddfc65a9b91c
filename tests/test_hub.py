"""A class on one server: three learners on the hub that `./course hub` serves, at the same time.

As root: the hub installed by its own command (Debian's JupyterHub, the course for every user, in
folders of the test's own), three system users made for the test, the hub on localhost. First one
learner runs task 12 alone (the lone run), then the three log in at the same time in three
headless Chromium sessions (playwright-core, tests/browser/hub_learner.js), each puts the solved
notebook in their own copy of the course and runs all cells. Each ends green with the lone run's
bytes per operation, each export lands in its learner's home only, no learner can read, change or
stop another's work, a waiting cell says whose runs are ahead of it, and `./course collect --homes`
lists all three. Users, the hub and every file are removed afterwards. Screenshots: build/hub/.
"""
import csv
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.request

from lanes import beside_others, switch
from notebook_runs import NOTEBOOKS, ROOT

BROWSER = os.path.join(ROOT, "tests", "browser")
SHOTS = os.path.join(ROOT, "build", "hub")
TASK = "12-carry-the-buffer"
TYPED = ("In my own words: fresh returns a new array to its caller, so the array escapes and stays on the heap.\n\n"
         "carried writes into the buffer the caller passes in, so the hot loop allocates nothing.")


def free_ports(count):
    """The first of `count` consecutive free ports on localhost (the hub, its API, the proxy's API)."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            first = s.getsockname()[1]
        if first + count >= 65535:
            continue
        try:
            for port in range(first, first + count):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
    raise RuntimeError("no free ports")


def run(*args, **kwargs):
    return subprocess.run(list(args), capture_output=True, text=True, **kwargs)


@unittest.skipIf(os.geteuid() != 0, "the hub test makes system users and runs JupyterHub: run it as root")
@unittest.skipIf(shutil.which("apt-get") is None, "the hub test needs Debian's jupyterhub: no apt-get here")
class HubTest(unittest.TestCase):
    LEARNERS = "abc"  # one letter a learner (tests/measure_hub.py takes more)

    @classmethod
    def setUpClass(cls):
        # The install runs beside the other lane; the learners alone (test_three_learners_at_once).
        cls.enterClassContext(beside_others())
        cls.started = time.monotonic()
        cls.tmp = tempfile.mkdtemp(prefix="hub-")
        os.chmod(cls.tmp, 0o755)  # learners read the course installed in here
        tag = str(os.getpid() % 100000)
        cls.group = "elhub" + tag
        cls.names = [f"el{tag}{x}" for x in cls.LEARNERS]
        cls.port = free_ports(3)
        cls.env = {**os.environ, "ESCAPELAB_SYSTEM": os.path.join(cls.tmp, "system"),
                   "ESCAPELAB_HUB_STATE": os.path.join(cls.tmp, "state"),
                   "ESCAPELAB_KERNELSPEC_PREFIX": os.path.join(cls.tmp, "prefix"),
                   "ESCAPELAB_HUB_GROUP": cls.group, "ESCAPELAB_HUB_IP": "127.0.0.1",
                   "ESCAPELAB_HUB_PORT": str(cls.port)}
        cls.hub = None
        cls.addClassCleanup(cls.remove_everything)
        installed = run(os.path.join(ROOT, "course"), "hub", "install", env=cls.env, timeout=900)
        if installed.returncode != 0:
            if run("dpkg-query", "-W", "-f=${Status}", "jupyterhub").stdout != "install ok installed":
                raise unittest.SkipTest("Debian's jupyterhub cannot be installed on this machine: "
                                        + (installed.stderr.strip().splitlines() or ["?"])[-1])
            raise AssertionError("./course hub install failed:\n" + installed.stderr[-3000:])
        added = run(os.path.join(ROOT, "course"), "hub", "add", *cls.names, env=cls.env, timeout=60)
        assert added.returncode == 0, added.stderr
        cls.passwords = dict(line.split() for line in added.stdout.splitlines())
        assert sorted(cls.passwords) == sorted(cls.names), added.stdout
        cls.log = open(os.path.join(cls.tmp, "hub.log"), "w+")
        cls.hub = subprocess.Popen([os.path.join(ROOT, "course"), "hub"], env=cls.env, stdout=cls.log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        cls.url = f"http://127.0.0.1:{cls.port}"
        deadline = time.monotonic() + 120
        while True:
            assert cls.hub.poll() is None, "the hub stopped:\n" + cls.hub_log()
            try:
                urllib.request.urlopen(cls.url + "/hub/login", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline, "the hub did not answer:\n" + cls.hub_log()
                time.sleep(0.5)
        cls.solved = os.path.join(cls.tmp, TASK + ".ipynb")
        shutil.copy(os.path.join(NOTEBOOKS, TASK + ".ipynb"), cls.solved)
        os.chmod(cls.solved, 0o644)
        os.makedirs(SHOTS, exist_ok=True)

    @classmethod
    def hub_log(cls):
        cls.log.seek(0)
        return cls.log.read()[-4000:]

    @classmethod
    def remove_everything(cls):
        if cls.hub is not None and cls.hub.poll() is None:
            os.killpg(cls.hub.pid, signal.SIGTERM)  # the hub stops the learners' servers as it ends
            try:
                cls.hub.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(cls.hub.pid, signal.SIGKILL)
                cls.hub.wait(10)
        for name in getattr(cls, "names", []):
            try:
                pwd.getpwnam(name)
            except KeyError:
                continue
            for pid in run("pgrep", "-u", name).stdout.split():  # what the learner's server left
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except ProcessLookupError:
                    pass
            run("userdel", "--remove", name)
        if getattr(cls, "group", None):
            run("groupdel", cls.group)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def learner_runs(self, names):
        """Each learner's browser session, all started at once, each running all cells once every
        learner is ready; name -> what their page showed."""
        together = tempfile.mkdtemp(dir=self.tmp, prefix="together-")
        sessions = {}
        for name in names:
            sessions[name] = subprocess.Popen(
                ["node", "hub_learner.js", self.url, name, self.passwords[name], self.solved,
                 os.path.join(SHOTS, f"{name[-1]}-{len(names)}.png"), TYPED, together, str(len(names))],
                cwd=BROWSER, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        shown = {}
        for name, session in sessions.items():
            out, err = session.communicate(timeout=600)
            self.assertEqual(0, session.returncode, f"{name}'s session failed:\n{err[-3000:]}\n{self.hub_log()}")
            shown[name] = json.loads(out.strip().splitlines()[-1])
        return shown

    def summary(self, name):
        home = pwd.getpwnam(name).pw_dir
        with open(os.path.join(home, "escapelab", "submissions", TASK, "summary.json"), encoding="utf-8") as f:
            return json.load(f)

    def bytes_per_op(self, name):
        """benchmark method -> B/op, to the byte, from the learner's export."""
        return {b["method"]: round(b["bytesPerOp"]) for b in self.summary(name)["benchmarks"]}

    def test_three_learners_at_once(self):
        # Alone: the learners' runs take turns in the queue with each other's only.
        switch("alone")
        self.assertTrue(os.path.isdir(os.path.join(BROWSER, "node_modules", "playwright-core")),
                        "playwright-core is missing: ./course test installs it (npm ci in tests/browser)")
        first = self.names[0]
        lone = self.learner_runs([first])[first]
        self.assertEqual([], lone["errors"])
        lone_bytes = self.bytes_per_op(first)
        self.assertIn("fresh", lone_bytes)

        shown = self.learner_runs(self.names[:3])
        for name, page in shown.items():
            with self.subTest(learner=name):
                self.assertEqual("java", page["kernel"])
                self.assertEqual([], page["errors"])
                self.assertTrue(page["checklists"], "no checklist shown")
                for checklist in page["checklists"]:
                    head = checklist.splitlines()[0]
                    met, total = head.split(": ")[-1].split(" criteria met")[0].split(" of ")
                    self.assertEqual(met, total, checklist)
                home = pwd.getpwnam(name).pw_dir
                self.assertIn(f"Exported to {home}/escapelab/submissions/{TASK}", page["lastOutput"])
                self.assertEqual(lone_bytes, self.bytes_per_op(name), "bytes per operation differ from the lone run")
                self.assert_own_space(name)
        waits = [line for page in shown.values() for line in page["waiting"]]
        self.assertTrue(any("ahead of this one in the machine's queue (another learner's" in w
                            or "(other learners')" in w for w in waits),
                        f"no cell waited behind another learner's run: {waits}")
        self.assert_collected()
        print(f"\n[hub] three learners at once: {', '.join('%.0f s' % p['seconds'] for p in shown.values())} "
              f"to green (alone: {lone['seconds']:.0f} s); waits shown: {waits}; "
              f"the whole test so far {time.monotonic() - self.started:.0f} s")

    def assert_own_space(self, name):
        """The learner's work is theirs: its files are owned by them, and no other learner reads,
        changes or stops it."""
        entry = pwd.getpwnam(name)
        export = os.path.join(entry.pw_dir, "escapelab", "submissions", TASK)
        for folder, _, files in os.walk(os.path.join(entry.pw_dir, "escapelab")):
            for file in files:
                self.assertEqual(entry.pw_uid, os.stat(os.path.join(folder, file)).st_uid, file)
        other = next(n for n in self.names if n != name)
        as_other = ["runuser", "-u", other, "--"]
        self.assertNotEqual(0, run(*as_other, "cat", os.path.join(export, "summary.json")).returncode,
                            f"{other} read {name}'s export")
        self.assertNotEqual(0, run(*as_other, "touch", os.path.join(entry.pw_dir, "escapelab", "x")).returncode,
                            f"{other} wrote into {name}'s course")
        kernels = run("pgrep", "-u", name, "-f", "escapelab.kernel.Main").stdout.split()
        self.assertTrue(kernels, f"{name}'s kernel is not running as {name}")
        self.assertNotEqual(0, run(*as_other, "kill", "-0", kernels[0]).returncode,
                            f"{other} may signal {name}'s kernel")

    def assert_collected(self):
        report = os.path.join(self.tmp, "report")
        collected = run(os.path.join(ROOT, "course"), "collect", "--homes", report, env=self.env, timeout=120)
        self.assertEqual(0, collected.returncode, collected.stderr)
        self.assertIn("3 task submissions from 3 learners, 0 not collected", collected.stdout)
        with open(os.path.join(report, "collection.csv"), encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(sorted(self.names), sorted(r["learner"] for r in rows))
        for r in rows:
            self.assertEqual(r["criteria_met"], r["criteria_total"], r)


if __name__ == "__main__":
    unittest.main()
