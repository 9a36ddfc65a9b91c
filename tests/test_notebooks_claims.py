"""What a lesson says about time agrees with what its own run reads back.

A lesson states a timing comparison in one checked form, in any markdown cell (prose or
reference answer), with the benchmark methods' names in backticks:

    `first` is <relation> `second`

where <relation> is one of "faster than", "slower than", "not significantly different from",
"no slower than" (faster, or no significant difference) and "no faster than". The run reads the
comparison back with ``compareTimes(a, b)``, whose sentence in the executed notebook's outputs
says "a (score ± error unit) is faster than | slower than | not significantly different from
b (...)", by the two 99.9% intervals (``escapelab.bench.TimeComparison``).

For 07, 10 and 11, the lessons that time their code, and for any other notebook that states a
checked claim, the test reads the executed notebook (its copy in build/executed/ when that ran
the same code after the course library was last built, else it executes the notebook and keeps
the copy there; run with the others, this module comes after test_notebooks.py, whose copies it
reads), and fails
- when a claim's relation does not admit the run's verdict;
- when a claim names two benchmarks whose comparison the run does not read back;
- when a reference answer compares times in other words ("faster", "slower", "overlap",
  "significant", "percent", "%", ...) outside a checked claim or a "whether ..." clause, which
  leaves the verdict to the read-back;
- when 07, 10 or 11 reads no comparison back, or its reference answer states none.
``ClaimParserTest`` feeds the parser contradicting claims, among them what 10's and 11's reference
answers said before they were checked, to show that each of these fails.
"""
import glob
import os
import re
import unittest

import nbformat

from notebook_runs import EXECUTED, NOTEBOOKS, ROOT, execute, scratch_folder, texts

# The lessons whose runs compare times with compareTimes.
TIMED = ("07-concatenation", "10-generics", "11-hashmap-sizing")
REFERENCE_MARK = "**Reference answer.**"

NAME = r"[A-Za-z_$][\w$]*(?:\([^`()]*\))?"
RELATIONS = ("faster than", "slower than", "not significantly different from", "no slower than",
             "no faster than")
CLAIM = re.compile(r"`(?P<first>" + NAME + r")`\s+(?:(?:is|was)\s+)?(?P<relation>"
                   + "|".join(r.replace(" ", r"\s+") for r in RELATIONS)
                   + r")\s+`(?P<second>" + NAME + r")`")
LABEL = r"[A-Za-z_$][\w$]*(?:\([^()]*\))?"
READ_BACK = re.compile(r"(?P<first>" + LABEL + r") \([^()]*\) is (?P<verdict>faster than|slower than"
                       r"|not significantly different from) (?P<second>" + LABEL + r") \([^()]*\)")
VERDICTS = {"faster than": "faster", "slower than": "slower",
            "not significantly different from": "no significant difference"}
REVERSED = {"faster": "slower", "slower": "faster",
            "no significant difference": "no significant difference"}
ADMITS = {"faster than": {"faster"}, "slower than": {"slower"},
          "not significantly different from": {"no significant difference"},
          "no slower than": {"faster", "no significant difference"},
          "no faster than": {"slower", "no significant difference"}}
# Words that compare times; a reference answer may use them only inside a checked claim or a
# "whether ..." clause.
TIMING_WORDS = re.compile(r"\b(?:faster|slower|quicker|speed-?ups?|overlap\w*|significant\w*|percent"
                          r"|no difference|as fast)\b|%", re.IGNORECASE)
WHETHER = re.compile(r"\bwhether\b(?:[^,;:.]|\.(?=\S))*", re.IGNORECASE)


def claims(markdown):
    """Each checked claim in a markdown text: (first, relation, second, the words as written)."""
    return [(m.group("first"), " ".join(m.group("relation").split()), m.group("second"),
             " ".join(m.group(0).split()))
            for m in CLAIM.finditer(markdown)]


def read_backs(shown):
    """{(first label, second label): {verdicts}} from compareTimes sentences, both ways round."""
    found = {}
    for m in READ_BACK.finditer(shown):
        verdict = VERDICTS[m.group("verdict")]
        found.setdefault((m.group("first"), m.group("second")), set()).add(verdict)
        found.setdefault((m.group("second"), m.group("first")), set()).add(REVERSED[verdict])
    return found


def _names(name, label):
    """Whether a claim's name denotes a read-back's label: the whole label, or its method."""
    return name == label if "(" in name else name == label.split("(")[0]


def contradictions(markdown, shown):
    """What is wrong with the claims in markdown against the read-backs in shown: one line each."""
    found = read_backs(shown)
    problems = []
    for first, relation, second, words in claims(markdown):
        verdicts = set().union(*[v for (a, b), v in found.items() if _names(first, a) and _names(second, b)])
        if not verdicts:
            problems.append(f"'{words}': the run reads back no comparison of {first} with {second}")
        elif not verdicts <= ADMITS[relation]:
            problems.append(f"'{words}': the run reads back {first} "
                            + " and ".join(sorted(verdicts)) + f" against {second}")
    return problems


def reference_answer(nb):
    """The text after the reference mark in the cell tagged analysis, or ''."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "analysis" in cell.get("metadata", {}).get("tags", []):
            source = cell.source
            return source.split(REFERENCE_MARK, 1)[1] if REFERENCE_MARK in source else ""
    return ""


def unchecked_comparisons(answer):
    """The sentences of a reference answer that compare times outside a checked claim."""
    flagged = []
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join(answer.split())):
        rest = WHETHER.sub(" ", CLAIM.sub(" ", sentence))
        if TIMING_WORDS.search(rest):
            flagged.append(sentence)
    return flagged


def problems(nb):
    """Everything the test fails on in one executed notebook, one line each."""
    shown = "\n".join(texts(nb))
    markdown = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    found = contradictions(markdown, shown)
    found += [f"the reference answer compares times outside a checked claim: '{s}'"
              for s in unchecked_comparisons(reference_answer(nb))]
    return found


def _code(nb):
    """What a run's outputs depend on: the cells' kinds and the code cells' sources."""
    return [(c.cell_type, c.source if c.cell_type == "code" else None) for c in nb.cells]


def _library_built():
    jar = os.path.join(ROOT, "lib", "course", "target", "course.jar")
    return os.path.getmtime(jar) if os.path.exists(jar) else 0


_executed = {}


def executed(name):
    """The notebook as its run left it, with the words it has now: build/executed/'s copy if it
    ran this very code after the library was last built (its markdown then replaced by today's,
    which outputs do not depend on), else a new run, kept there for the next test."""
    if name in _executed:
        return _executed[name]
    current = nbformat.read(os.path.join(NOTEBOOKS, name + ".ipynb"), as_version=4)
    kept = os.path.join(EXECUTED, name + ".ipynb")
    if os.path.exists(kept) and os.path.getmtime(kept) > _library_built():
        nb = nbformat.read(kept, as_version=4)
        if _code(nb) == _code(current) and any(c.get("outputs") for c in nb.cells if c.cell_type == "code"):
            for kept_cell, cell in zip(nb.cells, current.cells):
                kept_cell.source = cell.source
            _executed[name] = nb
            return nb
    execute(current, scratch_folder("submissions-"))
    os.makedirs(EXECUTED, exist_ok=True)
    nbformat.write(current, kept)
    _executed[name] = current
    return current


def notebooks_with_claims():
    """The notebooks whose markdown states a checked claim, by name."""
    names = []
    for path in sorted(glob.glob(os.path.join(NOTEBOOKS, "[0-9][0-9]-*.ipynb"))):
        nb = nbformat.read(path, as_version=4)
        if claims("\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")):
            names.append(os.path.basename(path)[:-len(".ipynb")])
    return names


# Read-backs as notebook 11's run printed them in the run issue 21 quotes, and one under load.
QUIET_11 = ("Time: exact(n=1000000) (8.89 ± 1.53 ms/op) is faster than noHint(n=1000000) (13.8 ± 1.87 "
            "ms/op): the 99.9% intervals do not overlap. hinted(n=1000000) (13.6 ± 1.9 ms/op) is not "
            "significantly different from noHint(n=1000000) (13.8 ± 1.87 ms/op): the 99.9% intervals "
            "overlap. exact(n=1000000) (8.89 ± 1.53 ms/op) is faster than hinted(n=1000000) (13.6 ± 1.9 "
            "ms/op): the 99.9% intervals do not overlap.")
LOADED_11 = ("Time: exact(n=1000000) (28.5 ± 71.9 ms/op) is not significantly different from "
             "noHint(n=1000000) (17.1 ± 1.25 ms/op): the 99.9% intervals overlap.")


class ClaimParserTest(unittest.TestCase):
    """The parser on its own: claims, read-backs, and the contradictions it must catch."""

    def test_a_claim_is_read_in_its_checked_form(self):
        text = ("So `exact` is no slower than `noHint`; and `maxAnyType` is slower than\n"
                "`maxIntTyped`, while `presized` was not significantly different from `builder(parts=100)`.")
        self.assertEqual([("exact", "no slower than", "noHint"), ("maxAnyType", "slower than", "maxIntTyped"),
                          ("presized", "not significantly different from", "builder(parts=100)")],
                         [c[:3] for c in claims(text)])
        # Not a claim: a name that is no method, or no relation between the two names.
        self.assertEqual([], claims("`builder` faster than `+=` by far; `exact` beats `noHint`."))

    def test_the_read_back_is_read_with_its_parameters_and_both_ways_round(self):
        found = read_backs(QUIET_11)
        self.assertEqual({"faster"}, found[("exact(n=1000000)", "noHint(n=1000000)")])
        self.assertEqual({"slower"}, found[("noHint(n=1000000)", "exact(n=1000000)")])
        self.assertEqual({"no significant difference"}, found[("hinted(n=1000000)", "noHint(n=1000000)")])
        ten = ("- `maxAnyType`: 43 B/op more than `maxInt`; 9.5× its time: maxAnyType (34.7 ± 13.2 ns/op) "
               "is slower than maxIntTyped (3.64 ± 3.61 ns/op): the 99.9% intervals do not overlap.")
        self.assertEqual({"slower"}, read_backs(ten)[("maxAnyType", "maxIntTyped")])

    def test_a_claim_the_run_contradicts_fails(self):
        # What 11's reference answer said before: no difference, where the quiet run says faster.
        said = "`exact` is not significantly different from `noHint`"
        self.assertEqual(["'" + said + "': the run reads back exact faster against noHint"],
                         contradictions(said, QUIET_11))
        self.assertEqual(1, len(contradictions("`noHint` is faster than `exact`", QUIET_11)))
        self.assertEqual(1, len(contradictions("`exact` is faster than `noHint`", LOADED_11)))
        self.assertEqual(1, len(contradictions("`hinted` is slower than `noHint`", QUIET_11)))

    def test_a_claim_the_run_admits_passes_on_a_quiet_run_and_a_loaded_one(self):
        said = "`exact` is no slower than `noHint`, and `exact` is no slower than `hinted`."
        self.assertEqual([], contradictions(said, QUIET_11))
        self.assertEqual(["'`exact` is no slower than `hinted`': the run reads back no comparison of exact "
                          "with hinted"], contradictions(said, LOADED_11))
        self.assertEqual([], contradictions("`noHint` is no faster than `exact`", QUIET_11))
        self.assertEqual([], contradictions("`exact(n=1000000)` is faster than `noHint`", QUIET_11))

    def test_a_claim_the_run_does_not_read_back_fails(self):
        self.assertEqual(1, len(contradictions("`builder` is faster than `concat`", QUIET_11)))

    def test_a_reference_answer_that_compares_times_in_other_words_fails(self):
        # 11's and 10's reference answers before their claims were checked.
        eleven = ("Time is another matter: the million `Node` objects and their garbage collection dominate "
                  "every load, so the difference is a few percent at most and the 99.9% intervals of a "
                  "careful run overlap or barely separate, and that is the honest verdict to write down.")
        ten = ("At the call site that sees three types, C2 knows only `Comparable`, the profile of "
               "`compareTo` is megamorphic, the call is not inlined, the boxes escape into it, and the "
               "call is several times slower: that is what inlining was buying at the typed sites.")
        seven = ("In time, the timing run's intervals decide whether that is measurably faster, and on a "
                 "loaded machine they may well overlap.")
        for answer in (eleven, ten, seven):
            self.assertEqual([answer], unchecked_comparisons(answer))
        checked = ("Time is read from the intervals: `exact` is no slower than `noHint`; whether it is "
                   "faster beyond the 99.9% intervals, and by what factor, the note says. The entries "
                   "cost more than the table.")
        self.assertEqual([], unchecked_comparisons(checked))

    def test_a_notebook_whose_prose_the_run_contradicts_fails(self):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_markdown_cell("**Expect:** `exact` is faster than `noHint`."),
                    nbformat.v4.new_code_cell("note(...)", outputs=[
                        nbformat.v4.new_output("stream", name="stdout", text=LOADED_11)]),
                    nbformat.v4.new_markdown_cell("**Reference answer.** It was a few percent faster.",
                                                  metadata={"tags": ["analysis"]})]
        self.assertEqual(2, len(problems(nb)), problems(nb))
        nb.cells[0].source = "**Expect:** `exact` is no slower than `noHint`."
        nb.cells[2].source = "**Reference answer.** Whether it is faster, the note says."
        self.assertEqual([], problems(nb))


class LessonClaimsTest(unittest.TestCase):
    """The shipped notebooks against their own runs."""

    def test_every_timing_claim_agrees_with_its_own_run(self):
        names = sorted(set(TIMED) | set(notebooks_with_claims()))
        for name in names:
            with self.subTest(notebook=name):
                nb = executed(name)
                self.assertEqual([], problems(nb))
                if name in TIMED:
                    self.assertTrue(read_backs("\n".join(texts(nb))), "the run reads no comparison back")
                    self.assertTrue(claims(reference_answer(nb)), "the reference answer states no checked claim")

    def test_no_reference_answer_compares_times_outside_a_checked_claim(self):
        # Needs no run: the words alone.
        for path in sorted(glob.glob(os.path.join(NOTEBOOKS, "[0-9][0-9]-*.ipynb"))):
            with self.subTest(notebook=os.path.basename(path)):
                self.assertEqual([], unchecked_comparisons(reference_answer(nbformat.read(path, as_version=4))))


if __name__ == "__main__":
    unittest.main()
