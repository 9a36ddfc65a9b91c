"""Notebook 01 in a real browser: the course served by its own command (./course run), the
notebook driven through the Notebook UI in Debian's headless Chromium (playwright-core, no browser
download). The learner types an analysis and saves, runs all cells; the page shows the chart, the
results table and green checklists, and the export holds what was typed. The screenshot of the
whole notebook is kept in build/browser/."""
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.request

from notebook_runs import NOTEBOOKS, ROOT

BROWSER = os.path.join(ROOT, "tests", "browser")
SHOTS = os.path.join(ROOT, "build", "browser")
TYPED = ("Typed in the browser: valueReturn keeps its Point inside the method, so C2 removes it.\n\n"
         "pointerReturn hands its Point to the caller, so it is allocated on every call.")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class BrowserTest(unittest.TestCase):

    def setUp(self):
        self.assertTrue(os.path.isdir(os.path.join(BROWSER, "node_modules", "playwright-core")),
                        "playwright-core is missing: ./course test installs it (npm ci in tests/browser)")
        self.folder = tempfile.mkdtemp(prefix="served-")
        for name in os.listdir(NOTEBOOKS):
            if name.endswith(".ipynb"):
                shutil.copy(os.path.join(NOTEBOOKS, name), self.folder)
        self.submissions = tempfile.mkdtemp(prefix="submissions-")
        self.port, self.token = free_port(), secrets.token_hex(16)
        env = {**os.environ, "ESCAPELAB_PORT": str(self.port), "JUPYTER_TOKEN": self.token,
               "ESCAPELAB_SUBMISSIONS": self.submissions}
        self.log = tempfile.TemporaryFile()
        self.server = subprocess.Popen([os.path.join(ROOT, "course"), "run", self.folder], env=env,
                                       stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self.addCleanup(self.stop_server)
        self.wait_for_server()

    def wait_for_server(self):
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            self.assertIsNone(self.server.poll(), self.server_log())
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/status?token={self.token}", timeout=2)
                return
            except OSError:
                time.sleep(0.5)
        self.fail("the course's server did not answer: " + self.server_log())

    def server_log(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-3000:]

    def stop_server(self):
        if self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)
                self.server.wait()

    def test_notebook_01_runs_in_the_browser_and_exports_what_the_learner_typed(self):
        os.makedirs(SHOTS, exist_ok=True)
        screenshot = os.path.join(SHOTS, "notebook-01.png")
        url = f"http://127.0.0.1:{self.port}/notebooks/01-first-escape.ipynb?token={self.token}"
        done = subprocess.run(["node", os.path.join(BROWSER, "run_notebook.js"), url, screenshot, TYPED],
                              capture_output=True, text=True, timeout=1200)
        self.assertEqual(0, done.returncode, done.stderr + "\n" + self.server_log())
        shown = json.loads(done.stdout.strip().splitlines()[-1])

        self.assertEqual([], shown["errors"])
        self.assertGreaterEqual(shown["charts"], 1, "no chart image on the page")
        self.assertGreaterEqual(shown["tables"], 1, "no results table with B/op on the page")
        self.assertEqual(2, len(shown["checklists"]), shown["checklists"])
        for checklist in shown["checklists"]:
            met = re.search(r"(\d+) of (\d+) criteria met", checklist)
            self.assertIsNotNone(met, checklist)
            self.assertEqual(met.group(1), met.group(2), checklist)
        self.assertIn("Exported to", shown["lastOutput"])
        with open(screenshot, "rb") as f:
            self.assertEqual(b"\x89PNG", f.read(4))
        with open(os.path.join(self.submissions, "01-first-escape", "README.md"), encoding="utf-8") as f:
            readme = f.read()
        self.assertIn("Typed in the browser: valueReturn keeps its Point inside the method", readme)


if __name__ == "__main__":
    unittest.main()
