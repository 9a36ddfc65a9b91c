#!/usr/bin/env python3
"""Collects a class's submissions into one HTML report and one CSV.

    tools/collect.py DIR     (or ./course collect DIR)
    tools/collect.py --homes DIR   on a class server: the learners' homes first (tools/homes.py)

DIR holds one entry per learner, named after them: a zip of their `submissions/` folder, or the
folder itself (either `NAME/submissions/NN-task/` or `NAME/NN-task/`). Each task folder is what
`submit(...)` exported; its `summary.json` says which criteria were met, failed or are open, the
benchmarks' figures, the VM and how much of the analysis is the learner's own.

The report, DIR/collection.html, is what an instructor reads after a workshop: a grid of learners
by tasks (met, failed, open, not submitted), each cell linking to that submission's README; the
criteria ranked by how many learners miss them; then each submission's details. DIR/collection.csv
holds one row per learner and task. A README inside a zip is copied to DIR/.collection/ so that the
report can link to it; nothing outside DIR is read or written. An entry that cannot be read is
listed with the reason, and the rest are collected.

`read_learner(name, path, root)` reads one learner's zip or folder: call it per learner to collect
submissions from elsewhere (such as home folders on a server), then `write_report(root, ...)`.
"""
import csv
import html
import json
import shutil
import sys
import zipfile
from collections import Counter
from pathlib import Path, PurePosixPath
from urllib.parse import quote

FORMAT = "escapelab-submission/1"
REPORT, TABLE, COPIES = "collection.html", "collection.csv", ".collection"
MAX_SUMMARY_BYTES = 1 << 20
MAX_README_BYTES = 4 << 20
# A cell of the grid: the state, its mark, its CSS class.
MET, FAILED, OPEN, MISSING, UNREADABLE = "met", "failed", "open", "not submitted", "unreadable"
MARKS = {MET: "✔", FAILED: "✘", OPEN: "○", MISSING: "—", UNREADABLE: "?"}


class Unreadable(Exception):
    """An entry or a task that cannot be collected; the message says why."""


def plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def safe_member(info):
    name = PurePosixPath(info.filename)
    if name.is_absolute() or ".." in name.parts or "\\" in info.filename or ":" in info.filename:
        raise Unreadable(f"refused: the zip holds a path outside its folder ({info.filename})")
    return [p for p in name.parts if p != "submissions"]


def task_files_in_zip(path):
    """task name -> {"summary": bytes | None | Unreadable, "readme": bytes | None}, from a zip."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise Unreadable(f"not a readable zip ({e})")
    with archive:
        tasks = {}
        for info in archive.infolist():
            parts = safe_member(info)
            if len(parts) < 2 or info.is_dir():
                continue
            task = tasks.setdefault(parts[0], {"summary": None, "readme": None})
            if parts[1:] == ["summary.json"]:
                task["summary"] = read_member(archive, info, MAX_SUMMARY_BYTES, "summary.json")
            elif parts[1:] == ["README.md"] and info.file_size <= MAX_README_BYTES:
                readme = read_member(archive, info, MAX_README_BYTES, "README.md")
                task["readme"] = None if isinstance(readme, Unreadable) else readme
        return tasks


def read_member(archive, info, limit, name):
    if info.file_size > limit:
        return Unreadable(f"{name} is too large" + (" to be a summary" if name == "summary.json" else ""))
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, RuntimeError) as e:
        return Unreadable(f"{name} cannot be read from the zip ({e})")


def task_files_in_folder(folder, root):
    """task name -> {"summary": ..., "readme": Path | None}, from a learner's folder inside root."""
    inner = folder / "submissions"
    base = inner if inner.is_dir() else folder
    tasks = {}
    for task in sorted(base.iterdir()):
        if not task.is_dir() or task.name.startswith("."):
            continue
        summary, readme = task / "summary.json", task / "README.md"
        for file in (summary, readme):
            if file.exists() and not file.resolve().is_relative_to(root):
                raise Unreadable(f"refused: {task.name}/{file.name} points outside the collected folder")
        if not summary.is_file() and not readme.is_file():
            continue
        tasks[task.name] = {
            "summary": None if not summary.is_file() else summary.read_bytes()
            if summary.stat().st_size <= MAX_SUMMARY_BYTES else Unreadable("summary.json is too large to be a summary"),
            "readme": readme if readme.is_file() else None,
        }
    return tasks


def read_summary(raw):
    """The parts of a summary the report shows; raises Unreadable with the reason."""
    if raw is None:
        raise Unreadable("no summary.json: exported by an older course, or copied in part")
    if isinstance(raw, Unreadable):
        raise raw
    try:
        summary = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise Unreadable(f"summary.json is not JSON ({e})")
    if not isinstance(summary, dict) or summary.get("format") != FORMAT:
        raise Unreadable(f"summary.json is not a course submission (format is not {FORMAT})")
    criteria = [c for c in summary.get("criteria", []) if isinstance(c, dict)]
    benchmarks = [b for b in summary.get("benchmarks", []) if isinstance(b, dict)]
    analysis = summary.get("analysis") if isinstance(summary.get("analysis"), dict) else {}
    return {
        "vm": str(summary.get("vm", "")),
        "met": sum(1 for c in criteria if c.get("verdict") == "PASS"),
        "total": len(criteria),
        "failed": [str(c.get("criterion")) for c in criteria if c.get("verdict") == "FAIL"],
        "open": [str(c.get("criterion")) for c in criteria if c.get("verdict") not in ("PASS", "FAIL")],
        "benchmarks": [benchmark_label(b) for b in benchmarks],
        "analysis": own_analysis(analysis),
    }


def figure(value, digits=1):
    return "?" if not isinstance(value, (int, float)) else f"{value:.{digits}f}".rstrip("0").rstrip(".")


def benchmark_label(b):
    params = b.get("params") if isinstance(b.get("params"), dict) else {}
    where = ", ".join(f"{k}={v}" for k, v in params.items())
    variant = "" if b.get("variant") in (None, "", "default") else b.get("variant")
    name = f"{b.get('method')}" + (f"({where})" if where else "") + (f" [{variant}]" if variant else "")
    return f"{name}: {figure(b.get('score'), 2)} {b.get('unit', '')}, {figure(b.get('bytesPerOp'))} B/op"


def own_analysis(analysis):
    """What the analysis cells hold, in words: the task has none, only the reference answer, ..."""
    if analysis.get("cells") == 0:
        return "no analysis cell"
    if analysis.get("copiedReference"):
        return "reference answer pasted"
    lines, sentences = analysis.get("ownLines", 0), analysis.get("ownSentences")
    if lines == 0:
        return "only the reference answer" if analysis.get("referenceAnswer") else "not written"
    if isinstance(sentences, int):  # exports before sentences were counted have lines only
        return plural(sentences, "sentence") + ("" if sentences >= 2 else " (too short)")
    return plural(lines, "line") if isinstance(lines, int) else "not written"


def state(row):
    if row["failed"]:
        return FAILED
    if row["open"] or row["met"] < row["total"] or not row["total"]:
        return OPEN
    return MET


def readme_link(root, learner, task, readme):
    """The README's path relative to root; a README read from a zip is copied under root/.collection."""
    if readme is None:
        return ""
    if isinstance(readme, Path):
        return readme.relative_to(root).as_posix() if readme.resolve().is_relative_to(root) else ""
    copy = root / COPIES / learner / task / "README.md"
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(readme)
    return copy.relative_to(root).as_posix()


def read_learner(learner, path, root):
    """(rows, problems) of one learner's zip or submissions folder at path, inside root."""
    rows, problems = [], []
    try:
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            raise Unreadable("refused: a link to outside the collected folder")
        if path.is_file() and path.suffix == ".zip":
            tasks = task_files_in_zip(path)
        elif path.is_dir():
            tasks = task_files_in_folder(path, root)
        else:
            raise Unreadable("neither a zip nor a folder of submissions")
        if not tasks:
            raise Unreadable("no submission inside (no task folder exported by submit(...))")
    except Unreadable as e:
        return rows, [(learner, "", str(e))]
    for task, files in sorted(tasks.items()):
        try:
            row = {"learner": learner, "task": task, **read_summary(files["summary"])}
        except Unreadable as e:
            problems.append((learner, task, str(e)))
            continue
        row["readme"] = readme_link(root, learner, task, files["readme"])
        rows.append(row)
    return rows, problems


def collect(root):
    """(rows, problems): one row per learner and task; problems list what could not be read."""
    rows, problems = [], []
    copies = root / COPIES
    if copies.is_symlink():
        raise Unreadable(f"refused: {COPIES} in the collected folder is a link; remove it")
    if copies.is_dir():
        shutil.rmtree(copies)  # READMEs copied from zips by an earlier collection
    for entry in sorted(root.iterdir()):
        if entry.name in (REPORT, TABLE) or entry.name.startswith("."):
            continue
        learner = entry.stem if entry.suffix == ".zip" else entry.name
        found, missing = read_learner(learner, entry, root)
        rows += found
        problems += missing
    return rows, problems


def struggles(rows):
    """[(task, criterion, learners who missed it, learners who submitted the task)], most missed first."""
    submitted = Counter(r["task"] for r in rows)
    missed = Counter((r["task"], c) for r in rows for c in dict.fromkeys(r["failed"] + r["open"]))
    return sorted(((t, c, n, submitted[t]) for (t, c), n in missed.items()), key=lambda x: (-x[2], x[0], x[1]))


def write_csv(path, rows, problems):
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["learner", "task", "state", "criteria_met", "criteria_total", "failed_criteria",
                      "open_criteria", "analysis", "readme", "vm", "benchmarks", "problem"])
        for r in rows:
            out.writerow([r["learner"], r["task"], state(r), r["met"], r["total"], " | ".join(r["failed"]),
                          " | ".join(r["open"]), r["analysis"], r["readme"], r["vm"], " | ".join(r["benchmarks"]), ""])
        for learner, task, reason in problems:
            out.writerow([learner, task, UNREADABLE, "", "", "", "", "", "", "", "", reason])


def grid(rows, problems, learners, tasks):
    e = html.escape
    cells = {(r["learner"], r["task"]): r for r in rows}
    reasons = {(l, t): reason for l, t, reason in problems}
    parts = ["<table class='grid'><tr><th>Learner</th>" + "".join(f"<th>{e(t)}</th>" for t in tasks) + "</tr>"]
    for learner in learners:
        parts.append(f"<tr><th>{e(learner)}</th>")
        for task in tasks:
            r = cells.get((learner, task))
            if r is None:
                why = reasons.get((learner, task)) or reasons.get((learner, ""))
                kind = UNREADABLE if why else MISSING
                parts.append(f"<td class='{kind.replace(' ', '-')}' title='{e(why or kind)}'>{MARKS[kind]} {kind}</td>")
                continue
            kind = state(r)
            text = f"{MARKS[kind]} {r['met']} of {r['total']}" + (f", {len(r['open'])} open" if r["open"] else "")
            link = f"<a href='{e(quote(r['readme']))}'>{text}</a>" if r["readme"] else text
            missed = "; ".join(r["failed"] + r["open"])
            parts.append(f"<td class='{kind}' title='{e(missed or 'every criterion met')}'>{link}</td>")
        parts.append("</tr>")
    parts.append("</table>")
    return parts


def write_html(path, rows, problems):
    e = html.escape
    learners = sorted({r["learner"] for r in rows} | {p[0] for p in problems})
    tasks = sorted({r["task"] for r in rows} | {p[1] for p in problems if p[1]})
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>Submissions</title><style>",
             "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}",
             "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}",
             ".met{background:#e6f4ea}.failed{background:#fce8e6}.open{background:#fef7e0}",
             ".not-submitted{color:#888}.unreadable{background:#eee}.small{font-size:85%}</style></head><body>",
             f"<h1>Submissions</h1><p>{plural(len(learners), 'learner')}, {plural(len(rows), 'task submission')} "
             f"read, {plural(len(problems), 'problem')}.</p>",
             "<h2>Learners by task</h2><p class='small'>✔ every criterion met, ✘ a criterion failed, ○ a criterion "
             "open (such as an analysis not yet written), — not submitted, ? not readable (see below). "
             "Each cell links to the submission's README.</p>"]
    parts += grid(rows, problems, learners, tasks)
    parts.append("<h2>Where the class struggles</h2>")
    ranked = struggles(rows)
    if ranked:
        parts.append("<table><tr><th>Criterion</th><th>Task</th><th>Learners who missed it (of those who submitted the task)</th></tr>")
        parts += [f"<tr><td>{e(c)}</td><td>{e(t)}</td><td>{n} of {m}</td></tr>" for t, c, n, m in ranked]
        parts.append("</table>")
    else:
        parts.append("<p>Every submitted criterion is met.</p>")
    parts.append("<h2>Per learner and task</h2><table><tr><th>Learner</th><th>Task</th>"
                 "<th>Criteria met</th><th>Analysis</th><th>Benchmarks</th><th>VM</th></tr>")
    for r in sorted(rows, key=lambda r: (r["learner"], r["task"])):
        missed = "".join(f"<br><span class='small'>✘ {e(c)}</span>" for c in r["failed"])
        missed += "".join(f"<br><span class='small'>○ {e(c)}</span>" for c in r["open"])
        task = f"<a href='{e(quote(r['readme']))}'>{e(r['task'])}</a>" if r["readme"] else e(r["task"])
        parts.append(f"<tr><td>{e(r['learner'])}</td><td>{task}</td>"
                     f"<td class='{state(r)}'>{r['met']} of {r['total']}{missed}</td><td>{e(r['analysis'])}</td>"
                     f"<td class='small'>{'<br>'.join(e(b) for b in r['benchmarks'])}</td>"
                     f"<td class='small'>{e(r['vm'])}</td></tr>")
    parts.append("</table><h2>Not collected</h2>")
    if problems:
        parts.append("<table><tr><th>Learner</th><th>Task</th><th>Reason</th></tr>")
        parts += [f"<tr><td>{e(l)}</td><td>{e(t)}</td><td>{e(reason)}</td></tr>" for l, t, reason in problems]
        parts.append("</table>")
    else:
        parts.append("<p>Everything was read.</p>")
    parts.append("</body></html>")
    Path(path).write_text("\n".join(parts), encoding="utf-8")


def write_report(root, rows, problems):
    write_csv(root / TABLE, rows, problems)
    write_html(root / REPORT, rows, problems)


def main(argv):
    if len(argv) == 3 and argv[1] == "--homes":  # a class server's learners, from their homes
        import homes
        Path(argv[2]).mkdir(parents=True, exist_ok=True)
        homes.gather(Path(argv[2]).resolve())
        argv = [argv[0], argv[2]]
    if len(argv) != 2:
        print("usage: ./course collect DIR   (DIR: one zip or folder of submissions per learner)", file=sys.stderr)
        return 2
    root = Path(argv[1]).resolve()
    if not root.is_dir():
        print(f"{argv[1]} is not a folder: pass the folder holding the learners' submissions", file=sys.stderr)
        return 2
    try:
        rows, problems = collect(root)
    except Unreadable as e:
        print(e, file=sys.stderr)
        return 2
    write_report(root, rows, problems)
    print(f"{plural(len(rows), 'task submission')} from {plural(len({r['learner'] for r in rows}), 'learner')}, "
          f"{len(problems)} not collected: {root / REPORT}, {root / TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
