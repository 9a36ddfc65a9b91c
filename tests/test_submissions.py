"""What an export is good for outside the notebook. It is a Maven project that reproduces the
notebook's B/op; and ./course collect reads a class of them: a real export, a partial learner, a
broken zip, a zip that reaches outside its folder are all listed, with reasons, and nothing is
written outside the folder collected. The report is a grid of learners by tasks (met, failed,
open, not submitted) linking each README, and ranks the criteria by how many learners miss them."""
import json
import csv
import html.parser
import os
import shutil
import subprocess
import sys
import unittest
import urllib.parse
import zipfile

import nbformat

from lanes import alone, beside_others
from notebook_runs import NOTEBOOKS, ROOT, execute, scratch_folder

COLLECT = os.path.join(ROOT, "tools", "collect.py")


class HtmlText(html.parser.HTMLParser):
    """The report's text and tables, parsed as a browser would (a malformed report fails to parse):
    each table a list of rows, each row a list of (text, link) cells."""

    def __init__(self):
        super().__init__()
        self.text, self.tables = [], 0
        self.grids, self.cell = [], None

    def handle_starttag(self, tag, attrs):
        self.tables += tag == "table"
        if tag == "table":
            self.grids.append([])
        elif tag == "tr":
            self.grids[-1].append([])
        elif tag in ("td", "th"):
            self.cell = ["", ""]
        elif tag == "a" and self.cell is not None:
            self.cell[1] = dict(attrs).get("href", "")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.grids[-1][-1].append((self.cell[0].strip(), self.cell[1]))
            self.cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self.cell is not None:
            self.cell[0] += data


class SubmissionsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        # A real export: the start-here notebook, run as a learner would.
        cls.exported = scratch_folder("submissions-")
        nb = nbformat.read(os.path.join(NOTEBOOKS, "00-start-here.ipynb"), as_version=4)
        execute(nb, cls.exported)
        cls.submitted = next(c for c in nb.cells if c.cell_type == "code" and c.source.startswith("submit("))

    def test_submit_says_how_many_criteria_the_export_meets(self):
        shown = "".join(o.get("data", {}).get("text/plain", "") for o in self.submitted.outputs)
        self.assertRegex(shown, r"^✓ Exported to \S+00-start-here with (\d+) of \1 criteria met\nFiles: README.md")
        # The start-here notebook has no analysis cell: no warning about one, whenever it was saved.
        self.assertNotIn("analysis", shown)

    def test_a_class_with_a_broken_and_a_partial_learner_is_listed_whole(self):
        outside = scratch_folder("outside-")
        root = scratch_folder("class-")
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
        self.assertEqual(3, page.tables)  # the grid, per learner and task, not collected: nothing missed
        for learner in ("ada", "bob", "cy", "eve"):
            self.assertIn(learner, text)
        self.assertIn("4 learners, 2 task submissions read, 3 problems.", text)
        self.assertEqual("no analysis cell", by[("ada", "00-start-here")]["analysis"])
        self.assertEqual("ada/submissions/00-start-here/README.md", by[("ada", "00-start-here")]["readme"])
        readme = os.path.join(root, by[("bob", "00-start-here")]["readme"])
        with open(readme, encoding="utf-8") as f:
            self.assertTrue(f.read().startswith("# Submission: 00-start-here"), readme)

    def test_an_export_builds_with_maven_and_reproduces_the_notebooks_bytes_per_op(self):
        project = os.path.join(scratch_folder("project-"), "00-start-here")
        shutil.copytree(os.path.join(self.exported, "00-start-here"), project)
        with open(os.path.join(project, "summary.json"), encoding="utf-8") as f:
            notebook = {b["method"]: b["bytesPerOp"] for b in json.load(f)["benchmarks"]}
        with open(os.path.join(project, "README.md"), encoding="utf-8") as f:
            self.assertIn("mvn -q package && java -jar target/benchmarks.jar -prof gc", f.read())

        with beside_others():
            subprocess.run(["mvn", "-q", "-B", "package"], cwd=project, check=True, capture_output=True)
        # The README's command, with the quick profile's iterations to keep the test short. Alone:
        # JMH refuses to start while another run holds its lock, where the course's runs wait.
        with alone():
            subprocess.run(["java", "-jar", "target/benchmarks.jar", "-prof", "gc", "-f", "1", "-wi", "2",
                            "-w", "300ms", "-i", "3", "-r", "300ms", "-rf", "json", "-rff", "result.json"],
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


def summary(criteria, analysis):
    """A summary.json as submit(...) writes it: criteria as (criterion, verdict)."""
    return json.dumps({"format": "escapelab-submission/1", "task": "t", "vm": "OpenJDK 17", "benchmarks": [],
                       "criteria": [{"checklist": "Task", "criterion": c, "verdict": v} for c, v in criteria],
                       "analysis": analysis})


POINT, WORDS = "pointerReturn allocates a Point", "you explain it in your own words"
OWN = {"cells": 1, "ownLines": 1, "ownSentences": 3, "referenceAnswer": True, "copiedReference": False}


class CollectionTest(unittest.TestCase):
    """The report an instructor reads, on a class made of summaries: every state of a criterion and
    of an analysis, a learner's folder and a learner's zip."""

    def collect(self, learners):
        root = scratch_folder("class-")
        for learner, tasks in learners.items():
            for task, (criteria, analysis) in tasks.items():
                files = {"summary.json": summary(criteria, analysis), "README.md": f"# Submission: {task} by {learner}\n"}
                if learner.endswith(".zip"):
                    with zipfile.ZipFile(os.path.join(root, learner), "a") as z:
                        for name, text in files.items():
                            z.writestr(f"submissions/{task}/{name}", text)
                    continue
                os.makedirs(os.path.join(root, learner, "submissions", task))
                for name, text in files.items():
                    with open(os.path.join(root, learner, "submissions", task, name), "w", encoding="utf-8") as f:
                        f.write(text)
        done = subprocess.run([sys.executable, COLLECT, root], capture_output=True, text=True)
        self.assertEqual(0, done.returncode, done.stderr)
        with open(os.path.join(root, "collection.csv"), encoding="utf-8") as f:
            rows = {(r["learner"], r["task"]): r for r in csv.DictReader(f)}
        page = HtmlText()
        with open(os.path.join(root, "collection.html"), encoding="utf-8") as f:
            page.feed(f.read())
        return root, done.stdout, rows, page

    def test_the_grid_the_ranking_and_the_csv_tell_each_state_apart(self):
        root, _, rows, page = self.collect({
            "ada": {"01-first-escape": ([("valueReturn allocates nothing", "PASS"), (POINT, "PASS"), (WORDS, "OPEN")],
                                        {**OWN, "ownLines": 0, "ownSentences": 0}),
                    "00-start-here": ([("noObject allocates nothing", "PASS")], {"cells": 0, "ownLines": 0})},
            "bob.zip": {"01-first-escape": ([("valueReturn allocates nothing", "PASS"), (POINT, "FAIL"), (WORDS, "PASS")],
                                            OWN)},
            "cy": {"01-first-escape": ([("valueReturn allocates nothing", "PASS"), (POINT, "FAIL"), (WORDS, "FAIL")],
                                       {**OWN, "ownLines": 0, "copiedReference": True})},
            "dan": {"01-first-escape": ([("valueReturn allocates nothing", "PASS"), (POINT, "PASS"), (WORDS, "FAIL")],
                                        {**OWN, "ownLines": 0, "referenceAnswer": False})},
        })
        grid, ranking = page.grids[0], page.grids[1]
        self.assertEqual(["Learner", "00-start-here", "01-first-escape"], [text for text, _ in grid[0]])
        cells = {row[0][0]: row[1:] for row in grid[1:]}
        self.assertEqual(["ada", "bob", "cy", "dan"], list(cells))
        self.assertEqual(("✔ 1 of 1", "ada/submissions/00-start-here/README.md"), cells["ada"][0])
        self.assertEqual(("○ 2 of 3, 1 open", "ada/submissions/01-first-escape/README.md"), cells["ada"][1])
        self.assertEqual(("— not submitted", ""), cells["bob"][0])
        self.assertEqual(("✘ 2 of 3", ".collection/bob/01-first-escape/README.md"), cells["bob"][1])
        self.assertEqual("✘ 1 of 3", cells["cy"][1][0])
        for text, link in [c for row in cells.values() for c in row if c[1]]:
            with open(os.path.join(root, link), encoding="utf-8") as f:
                self.assertTrue(f.read().startswith("# Submission: "), link)
        # Most missed first: the analysis by three of four (one open, two failed), then the Point by two.
        self.assertEqual([(WORDS, "01-first-escape", "3 of 4"), (POINT, "01-first-escape", "2 of 4")],
                         [tuple(text for text, _ in row) for row in ranking[1:]])

        self.assertEqual(("open", "", WORDS), (rows[("ada", "01-first-escape")]["state"],
                                               rows[("ada", "01-first-escape")]["failed_criteria"],
                                               rows[("ada", "01-first-escape")]["open_criteria"]))
        self.assertEqual(("failed", POINT), (rows[("bob", "01-first-escape")]["state"],
                                             rows[("bob", "01-first-escape")]["failed_criteria"]))
        self.assertEqual(f"{POINT} | {WORDS}", rows[("cy", "01-first-escape")]["failed_criteria"])
        analysis = {key: row["analysis"] for key, row in rows.items()}
        self.assertEqual({("ada", "00-start-here"): "no analysis cell",
                          ("ada", "01-first-escape"): "only the reference answer",
                          ("bob", "01-first-escape"): "3 sentences",
                          ("cy", "01-first-escape"): "reference answer pasted",
                          ("dan", "01-first-escape"): "not written"}, analysis)

    def test_one_learner_is_one(self):
        root, out, rows, page = self.collect({"ada lovelace": {"01-first-escape": ([(WORDS, "PASS")], OWN)}})
        link = page.grids[0][1][1][1]
        self.assertEqual("ada%20lovelace/submissions/01-first-escape/README.md", link)
        self.assertTrue(os.path.isfile(os.path.join(root, urllib.parse.unquote(link))))
        self.assertEqual("met", rows[("ada lovelace", "01-first-escape")]["state"])
        self.assertIn("1 learner, 1 task submission read, 0 problems.", " ".join(page.text))
        self.assertTrue(out.startswith("1 task submission from 1 learner, 0 not collected"), out)
        self.assertEqual("Every submitted criterion is met.", next(t for t in page.text if t.startswith("Every")))


if __name__ == "__main__":
    unittest.main()
