"""What an export is good for outside the notebook. It is a Maven project that reproduces the
notebook's B/op; and ./course collect reads a class of them: a real export, a partial learner, a
broken zip, a zip that reaches outside its folder are all listed, with reasons, and nothing is
written outside the folder collected."""
import json
import csv
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

import nbformat

from notebook_runs import NOTEBOOKS, ROOT, execute

COLLECT = os.path.join(ROOT, "tools", "collect.py")


class HtmlText(html.parser.HTMLParser):
    """The report's text, parsed as a browser would (a malformed report fails to parse)."""

    def __init__(self):
        super().__init__()
        self.text, self.tables = [], 0

    def handle_starttag(self, tag, attrs):
        self.tables += tag == "table"

    def handle_data(self, data):
        self.text.append(data)


class SubmissionsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        # A real export: the start-here notebook, run as a learner would.
        cls.exported = tempfile.mkdtemp(prefix="submissions-")
        nb = nbformat.read(os.path.join(NOTEBOOKS, "00-start-here.ipynb"), as_version=4)
        execute(nb, cls.exported)

    def test_a_class_with_a_broken_and_a_partial_learner_is_listed_whole(self):
        outside = tempfile.mkdtemp(prefix="outside-")
        root = tempfile.mkdtemp(prefix="class-")
        task = os.path.join(self.exported, "00-start-here")
        self.assertTrue(os.path.exists(os.path.join(task, "summary.json")), os.listdir(task))
        # ada: her submissions/ folder, as exported.
        shutil.copytree(task, os.path.join(root, "ada", "submissions", "00-start-here"))
        # bob: a zip with the same task and one copied in part (a README, no summary).
        with zipfile.ZipFile(os.path.join(root, "bob.zip"), "w") as z:
            for name in os.listdir(task):
                if os.path.isfile(os.path.join(task, name)):
                    z.write(os.path.join(task, name), f"submissions/00-start-here/{name}")
            z.writestr("submissions/01-first-escape/README.md", "# Submission: 01-first-escape\n")
        # cy: a zip that is not one.
        with open(os.path.join(root, "cy.zip"), "wb") as f:
            f.write(b"PK\x03\x04 this is not a whole zip")
        # eve: a zip whose entry climbs out of the folder.
        with zipfile.ZipFile(os.path.join(root, "eve.zip"), "w") as z:
            z.writestr("../" + os.path.basename(outside) + "/planted.txt", "x")
            z.writestr("submissions/00-start-here/summary.json", "{}")
        before = sorted(os.listdir(outside)), sorted(os.listdir(os.path.dirname(root)))

        done = subprocess.run([sys.executable, COLLECT, root], capture_output=True, text=True)

        self.assertEqual(0, done.returncode, done.stderr)
        self.assertEqual(before, (sorted(os.listdir(outside)), sorted(os.listdir(os.path.dirname(root)))))
        with open(os.path.join(root, "collection.csv"), encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        by = {(r["learner"], r["task"]): r for r in rows}
        for learner in ("ada", "bob"):
            row = by[(learner, "00-start-here")]
            self.assertEqual(("2", "2", ""), (row["criteria_met"], row["criteria_total"], row["problem"]))
            self.assertIn("anArray", row["benchmarks"])
            self.assertRegex(row["benchmarks"], r"noObject: [0-9.]+ ns/op, 0 B/op")
            self.assertIn("OpenJDK", row["vm"])
        self.assertIn("no summary.json", by[("bob", "01-first-escape")]["problem"])
        self.assertIn("not a readable zip", by[("cy", "")]["problem"])
        self.assertIn("refused: the zip holds a path outside its folder", by[("eve", "")]["problem"])
        page = HtmlText()
        with open(os.path.join(root, "collection.html"), encoding="utf-8") as f:
            page.feed(f.read())
        text = " ".join(page.text)
        self.assertEqual(3, page.tables)
        for learner in ("ada", "bob", "cy", "eve"):
            self.assertIn(learner, text)
        self.assertIn("4 learners, 2 task submissions read, 3 problems.", text)

    def test_an_export_builds_with_maven_and_reproduces_the_notebooks_bytes_per_op(self):
        project = os.path.join(tempfile.mkdtemp(prefix="project-"), "00-start-here")
        shutil.copytree(os.path.join(self.exported, "00-start-here"), project)
        with open(os.path.join(project, "summary.json"), encoding="utf-8") as f:
            notebook = {b["method"]: b["bytesPerOp"] for b in json.load(f)["benchmarks"]}
        with open(os.path.join(project, "README.md"), encoding="utf-8") as f:
            self.assertIn("mvn -q package && java -jar target/benchmarks.jar -prof gc", f.read())

        subprocess.run(["mvn", "-q", "-B", "package"], cwd=project, check=True, capture_output=True)
        # The README's command, with the quick profile's iterations to keep the test short.
        subprocess.run(["java", "-jar", "target/benchmarks.jar", "-prof", "gc", "-f", "1", "-wi", "2", "-w", "300ms",
                        "-i", "3", "-r", "300ms", "-rf", "json", "-rff", "result.json"],
                       cwd=project, check=True, capture_output=True)

        with open(os.path.join(project, "result.json"), encoding="utf-8") as f:
            results = json.load(f)
        jar = {r["benchmark"].rsplit(".", 1)[1]: r["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score", 0.0)
               for r in results}
        self.assertEqual(set(notebook), set(jar))
        self.assertGreaterEqual(notebook["anArray"], 16)
        self.assertAlmostEqual(notebook["anArray"], jar["anArray"], delta=0.05 * notebook["anArray"])
        self.assertLess(jar["noObject"], 1)
        self.assertLess(notebook["noObject"], 1)

    def test_a_missing_folder_is_a_clear_message(self):
        done = subprocess.run([sys.executable, COLLECT, os.path.join(ROOT, "no-such-class")],
                              capture_output=True, text=True)
        self.assertEqual(2, done.returncode)
        self.assertIn("is not a folder", done.stderr)


if __name__ == "__main__":
    unittest.main()
