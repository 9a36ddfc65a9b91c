"""Learner copies (tools/learner.py): every notebook's copy keeps the prose and hides the
solutions; two copies, executed, are red as handed out and green with the solutions put back.
Also: the navigation that tools/navigation.py writes has not drifted."""
import copy
import os
import re
import subprocess
import sys
import unittest

import nbformat

from kernel_messages import start_kernel
from lanes import beside_others
from lesson_edits import run_edited, sliced, verdicts
from notebook_runs import KERNEL_NAME, NOTEBOOKS, ROOT, scratch_folder

TOOLS = os.path.join(ROOT, "tools")
REGION = re.compile(r"// BEGIN SOLUTION\n(.*?)// END SOLUTION", re.S)
REFERENCE_MARK = "**Reference answer.**"
OWN_WORDS = ("In my run the method that keeps its object local allocated nothing at all.\n\n"
             "The other one hands its object to the caller, so that object exists on the heap.\n")


def write_learner_copies():
    folder = scratch_folder("learner-")
    subprocess.run([sys.executable, os.path.join(TOOLS, "learner.py"), folder], check=True,
                   capture_output=True, text=True)
    return folder


def reference(name):
    return nbformat.read(os.path.join(NOTEBOOKS, name + ".ipynb"), as_version=4)


def solution_lines(source):
    """The lines a learner writes: inside the regions, but for signatures, annotations, braces."""
    for region in REGION.findall(source):
        for line in region.splitlines():
            s = line.strip()
            if s and s not in "{}" and not s.startswith("@") and not s.endswith("{"):
                yield s


def is_analysis(cell):
    return cell.cell_type == "markdown" and "analysis" in cell.metadata.get("tags", [])


class LearnerCopiesTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.folder = write_learner_copies()

    def test_stubs_keep_the_cell_compilable_or_say_what_to_mark(self):
        sys.path.insert(0, TOOLS)
        import learner
        method = "    int f(int size) {\n%s\n        return size;\n    }"
        middle = method % "        // BEGIN SOLUTION\n        size += 1;\n        // END SOLUTION"
        self.assertIn('if (true) throw new UnsupportedOperationException("TODO', learner.stub_code(middle, "t"))
        declares = method % "        // BEGIN SOLUTION\n        int n = size;\n        // END SOLUTION\n        size = n;"
        with self.assertRaisesRegex(learner.CannotStub, "uses n, declared between them"):
            learner.stub_code(declares, "t")
        field = "    // BEGIN SOLUTION\n    static int kept = 3;\n    // END SOLUTION"
        with self.assertRaisesRegex(learner.CannotStub, "is not a method"):
            learner.stub_code(field, "t")

    def test_navigation_is_up_to_date(self):
        done = subprocess.run([sys.executable, os.path.join(TOOLS, "navigation.py"), "--check"],
                              capture_output=True, text=True)
        self.assertEqual(0, done.returncode, done.stdout + done.stderr)

    def test_every_copy_is_valid_keeps_the_prose_and_holds_no_solution(self):
        names = sorted(f[:-len(".ipynb")] for f in os.listdir(NOTEBOOKS) if re.match(r"\d\d-.*\.ipynb$", f))
        self.assertEqual(names, sorted(f[:-len(".ipynb")] for f in os.listdir(self.folder)))
        for name in names:
            with self.subTest(notebook=name):
                shipped = reference(name)
                learner = nbformat.read(os.path.join(self.folder, name + ".ipynb"), as_version=4)
                nbformat.validate(learner)
                self.assertEqual(len(shipped.cells), len(learner.cells))
                for ref, copied in zip(shipped.cells, learner.cells):
                    if ref.cell_type == "markdown" and not is_analysis(ref):
                        self.assertEqual(ref.source, copied.source)
                    elif is_analysis(ref) and REFERENCE_MARK in ref.source:
                        self.assertNotIn(REFERENCE_MARK, copied.source)
                        answer = ref.source.split(REFERENCE_MARK, 1)[1].split(".")[0]
                        self.assertNotIn(answer.strip(), copied.source)
                        self.assertTrue(copied.metadata["escapelab"]["reference_sentences"])
                    elif ref.cell_type == "code":
                        self.assertEqual(REGION.sub("", ref.source), REGION.sub("", copied.source))
                        given = REGION.sub("", ref.source)
                        for line in solution_lines(ref.source):
                            if line not in given:
                                self.assertNotIn(line, copied.source)
                        if "// BEGIN SOLUTION" in ref.source:
                            self.assertIn("TODO", copied.source)

    def run_copy(self, name, nb):
        """Saves nb as the learner's file (the analysis check reads it) and executes it there."""
        path = os.path.join(self.folder, name + ".ipynb")
        nbformat.write(nb, path)
        shown = run_edited(nb, name + "-learner.ipynb", path=self.folder, allow_errors=True)
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
        return shown, errors

    def assert_red_then_green(self, name):
        learner = nbformat.read(os.path.join(self.folder, name + ".ipynb"), as_version=4)
        shipped = reference(name)
        # As handed out: the stubs say what to write, and no check of a stubbed method is met
        # (checks of the scaffolding the copy hands out may be: its benchmarks still run).
        # Only the cells the stubs can reach: the rest runs as shipped in test_notebooks.py.
        stubbed = next(i for i, (ref, cell) in enumerate(zip(shipped.cells, learner.cells))
                       if ref.cell_type == "code" and ref.source != cell.source)
        shown, errors = self.run_copy(name, sliced(copy.deepcopy(learner), stubbed))
        told = shown + "".join(e.evalue + "".join(e.traceback) for e in errors)
        stubs = set(re.findall(r"TODO: write (\w+)", told))
        self.assertTrue(stubs, [e.evalue for e in errors])
        found = verdicts(shown)
        for criterion, (verdict, evidence) in found.items():
            if any(re.search(rf"\b{stub}\b", criterion + " " + evidence) for stub in stubs):
                self.assertNotEqual("PASS", verdict, criterion)
        # The solutions put back and an analysis of the learner's own: every check met.
        solved = copy.deepcopy(learner)
        for ref, cell in zip(shipped.cells, solved.cells):
            if ref.cell_type == "code":
                cell.source = ref.source
            elif is_analysis(ref) and REFERENCE_MARK in ref.source:
                cell.source = OWN_WORDS
        shown, errors = self.run_copy(name, sliced(solved, stubbed))
        self.assertEqual([], [e.evalue for e in errors])
        found = verdicts(shown)
        self.assertTrue(found)
        self.assertEqual({"PASS"}, {v for v, _ in found.values()}, shown)

    def test_the_analysis_check_refuses_the_prompt_and_the_pasted_reference_answer(self):
        name = "01-first-escape"
        shipped, learner = reference(name), nbformat.read(os.path.join(self.folder, name + ".ipynb"), as_version=4)
        analysis = next(i for i, c in enumerate(shipped.cells) if is_analysis(c) and REFERENCE_MARK in c.source)
        self.enterContext(beside_others())
        km, kc = start_kernel(KERNEL_NAME, 120)
        try:
            def check_with(text):
                cell = copy.deepcopy(learner)
                if text is not None:
                    cell.cells[analysis].source = text
                path = os.path.join(self.folder, "analysis-" + name + ".ipynb")
                nbformat.write(cell, path)
                shown = []
                kc.execute_interactive(f'analysisCheck("{path}")', timeout=60, output_hook=shown.append)
                return "".join(m["content"]["data"]["text/plain"] for m in shown if m["msg_type"] == "execute_result")

            untouched = check_with(None)
            self.assertTrue(untouched.startswith("[FAIL]"), untouched)
            self.assertIn("measured 0 sentences of your own", untouched)
            pasted = check_with(shipped.cells[analysis].source.split(REFERENCE_MARK, 1)[1].strip())
            self.assertTrue(pasted.startswith("[FAIL]"), pasted)
            self.assertIn("reference answer's sentences", pasted)
            own = check_with(OWN_WORDS)
            self.assertTrue(own.startswith("[PASS]"), own)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def test_the_copy_of_notebook_01_is_red_then_green_with_the_solution(self):
        self.assert_red_then_green("01-first-escape")

    def test_the_copy_of_notebook_04_is_red_then_green_with_the_solution(self):
        self.assert_red_then_green("04-retention")


if __name__ == "__main__":
    unittest.main()
