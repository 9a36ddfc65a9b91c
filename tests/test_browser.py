"""The course in a real browser: served by its own command (./course run), driven in Debian's
headless Chromium (playwright-core, no browser download) as a learner would.

Where ./course run serves JupyterLab 4: it opens on the start-here notebook, unmodified and with no
prompt that needs the internet; task 12 (the quickest task) is driven through JupyterLab (the
learner types an analysis and saves, Run -> Run All Cells; the page shows the progress updated in
place, the chart, the results table and green checklists, and the export holds what was typed),
then the start-here notebook through Notebook 7's single-document view. Where JupyterLab cannot
be installed, those tests say so and the same task runs in the classic Notebook instead. One server
serves every test. Screenshots are kept in build/browser/."""
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import urllib.request

from lanes import alone
from notebook_runs import NOTEBOOKS, ROOT

BROWSER = os.path.join(ROOT, "tests", "browser")
SHOTS = os.path.join(ROOT, "build", "browser")
TASK = "12-carry-the-buffer"
TYPED = ("Typed in the browser: fresh returns a new array whose length is known only at run time, "
         "so it is allocated on every call.\n\n"
         "carried writes into the caller's buffer, so the hot loop allocates nothing.")


class BrowserTest(unittest.TestCase):
    server = None

    @classmethod
    def setUpClass(cls):
        # Alone: a learner's cells must end within the page's waits.
        cls.enterClassContext(alone())
        if not os.path.isdir(os.path.join(BROWSER, "node_modules", "playwright-core")):
            raise AssertionError("playwright-core is missing: ./course test installs it (npm ci in tests/browser)")
        cls.folder = tempfile.mkdtemp(prefix="served-")
        for name in os.listdir(NOTEBOOKS):
            if name.endswith(".ipynb"):
                shutil.copy(os.path.join(NOTEBOOKS, name), cls.folder)
        cls.submissions = tempfile.mkdtemp(prefix="submissions-")
        # A learner's first visit: no saved JupyterLab settings or workspaces. The application is
        # exposed to the page so the driver can read the notebook's model.
        cls.config = tempfile.mkdtemp(prefix="jupyter-config-")
        with open(os.path.join(cls.config, "jupyter_server_config.json"), "w") as f:
            json.dump({"LabApp": {"expose_app_in_browser": True},
                       "JupyterNotebookApp": {"expose_app_in_browser": True}}, f)
        env = {**os.environ, "ESCAPELAB_PORT": "8890", "ESCAPELAB_SUBMISSIONS": cls.submissions,
               "JUPYTER_CONFIG_DIR": cls.config}
        env.pop("JUPYTER_TOKEN", None)
        cls.log = tempfile.TemporaryFile()
        cls.server = subprocess.Popen([os.path.join(ROOT, "course"), "run", cls.folder], env=env,
                                      stdout=cls.log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            cls.url, cls.ui = cls.wait_for_server()
        except BaseException:
            cls.tearDownClass()
            raise
        os.makedirs(SHOTS, exist_ok=True)

    @classmethod
    def wait_for_server(cls):
        """The URL ./course run said to open, once the server answers there, and which UI it named."""
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if cls.server.poll() is not None:
                raise AssertionError("./course run stopped: " + cls.server_log())
            said = re.search(r"serving \S+ in (JupyterLab|the classic Notebook) ([\d.]+).*\n\[course\]\s+(http://\S+)",
                             cls.server_log())
            if said:
                try:
                    urllib.request.urlopen(said.group(3), timeout=2)
                    return said.group(3), said.group(1)
                except OSError:
                    pass
            time.sleep(0.5)
        raise AssertionError("the course's server did not answer at the URL it printed: " + cls.server_log())

    @classmethod
    def server_log(cls):
        cls.log.seek(0)
        return cls.log.read().decode(errors="replace")[-3000:]

    @classmethod
    def tearDownClass(cls):
        if cls.server is not None and cls.server.poll() is None:
            os.killpg(cls.server.pid, signal.SIGTERM)
            try:
                cls.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(cls.server.pid, signal.SIGKILL)
                cls.server.wait()
        for folder in (cls.folder, cls.submissions, cls.config):
            shutil.rmtree(folder, ignore_errors=True)

    def drive(self, script, *args):
        started = time.monotonic()
        done = subprocess.run(["node", os.path.join(BROWSER, script), *args],
                              capture_output=True, text=True, timeout=1200)
        self.assertEqual(0, done.returncode, done.stderr + "\n" + self.server_log())
        print(f"\n  {script} {args[0]}: {time.monotonic() - started:.0f} s", flush=True)
        return json.loads(done.stdout.strip().splitlines()[-1])

    def page(self, path):
        """The server's URL for `path`, with the token of the URL it printed."""
        return re.sub(r"(http://[^/]+)/[^?]*", lambda m: m.group(1) + path, self.url)

    def needs(self, ui):
        if self.ui != ui:
            self.skipTest(f"./course run serves {self.ui} here, not {ui}: " + (
                "pip could not install JupyterLab (no package index), so the classic Notebook test runs instead"
                if ui == "JupyterLab" else "the classic Notebook serves only where JupyterLab cannot be installed"))

    def assertRanGreen(self, shown, checklists):
        self.assertEqual([], shown["errors"])
        self.assertEqual(shown["code"], shown["ran"], "not every code cell ran")
        self.assertEqual(checklists, len(shown["checklists"]), shown["checklists"])
        for checklist in shown["checklists"]:
            met = re.search(r"(\d+) of (\d+) criteria met", checklist)
            self.assertIsNotNone(met, checklist)
            self.assertEqual(met.group(1), met.group(2), checklist)
        self.assertIn("Exported to", shown["lastOutput"])

    def assertUnmodifiedOnOpen(self, opened, name):
        self.assertTrue(opened["path"].endswith(name), opened)
        self.assertFalse(opened["dirty"], f"{name} is marked modified as soon as it opens")
        self.assertFalse(opened["newsPrompt"], "JupyterLab asks to fetch Jupyter's news from the internet")

    def assertExported(self, typed):
        with open(os.path.join(self.submissions, TASK, "README.md"), encoding="utf-8") as f:
            self.assertIn(typed, f.read())

    def test_jupyterlab_opens_on_start_here_and_runs_a_task_end_to_end(self):
        self.needs("JupyterLab")
        self.assertIn("/lab/tree/00-start-here.ipynb?token=", self.url)
        shown = self.drive("run_jupyterlab.js", "lab", self.url, TASK + ".ipynb", SHOTS, TYPED)

        self.assertUnmodifiedOnOpen(shown["start"], "00-start-here.ipynb")
        self.assertUnmodifiedOnOpen(shown["task"], TASK + ".ipynb")
        self.assertRanGreen(shown, 2)
        # Each benchmark run's progress: updated in place several times, one line left per cell, done.
        self.assertGreaterEqual(shown["updates"], 2, "the progress line was not updated in place")
        self.assertGreaterEqual(len(shown["progress"]), 1, "no progress line on the page")
        for lines in shown["progress"]:
            self.assertEqual(1, len(lines), lines)
            self.assertTrue(lines[0].startswith("✓ JMH done"), lines)
        self.assertGreaterEqual(shown["charts"], 1, "no chart image on the page")
        self.assertGreaterEqual(shown["tables"], 1, "no results table with B/op on the page")
        self.assertExported(TYPED.split("\n")[0])
        for shot in ("lab-start.png", "lab-chart.png", "lab-checks.png"):
            with open(os.path.join(SHOTS, shot), "rb") as f:
                self.assertEqual(b"\x89PNG", f.read(4), shot)

    def test_notebook_7_single_document_view_runs_start_here(self):
        self.needs("JupyterLab")
        shown = self.drive("run_jupyterlab.js", "notebook7", self.page("/notebooks/00-start-here.ipynb"), SHOTS)

        self.assertUnmodifiedOnOpen(shown["start"], "00-start-here.ipynb")
        self.assertRanGreen(shown, 1)
        self.assertGreaterEqual(shown["updates"], 2, "the progress line was not updated in place")

    def test_classic_notebook_runs_a_task_where_no_jupyterlab_is_installed(self):
        self.needs("the classic Notebook")
        screenshot = os.path.join(SHOTS, "classic.png")
        shown = self.drive("run_notebook.js", self.page(f"/notebooks/{TASK}.ipynb"), screenshot, TYPED)

        self.assertRanGreen(shown, 2)
        self.assertGreaterEqual(shown["charts"], 1, "no chart image on the page")
        self.assertGreaterEqual(shown["tables"], 1, "no results table with B/op on the page")
        with open(screenshot, "rb") as f:
            self.assertEqual(b"\x89PNG", f.read(4))
        self.assertExported(TYPED.split("\n")[0])


if __name__ == "__main__":
    unittest.main()
