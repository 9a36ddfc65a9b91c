#!/usr/bin/env python3
"""Collects a class's submissions into one HTML report and one CSV.

    tools/collect.py DIR     (or ./course collect DIR)
    tools/collect.py --homes DIR   on a class server: the learners' homes first (tools/homes.py)

DIR holds one entry per learner, named after them: a zip of their `submissions/` folder, or the
folder itself (either `NAME/submissions/NN-task/` or `NAME/NN-task/`). Each task folder is what
`submit(...)` exported; its `summary.json` says which criteria were met, the benchmarks' figures,
the VM and whether the analysis is the learner's own. The report goes to DIR/collection.html and
DIR/collection.csv; nothing outside DIR is read or written. An entry that cannot be read is listed
with the reason, and the rest are collected.
"""
import csv
import html
import json
import sys
import zipfile
from collections import Counter
from pathlib import Path, PurePosixPath

FORMAT = "escapelab-submission/1"
REPORT, TABLE = "collection.html", "collection.csv"
MAX_SUMMARY_BYTES = 1 << 20


class Unreadable(Exception):
    """An entry or a task that cannot be collected; the message says why."""


def task_files_in_zip(path):
    """task name -> summary.json bytes (or None when the task has no summary), from a zip."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise Unreadable(f"not a readable zip ({e})")
    with archive:
        tasks = {}
        for info in archive.infolist():
            name = PurePosixPath(info.filename)
            if name.is_absolute() or ".." in name.parts or "\\" in info.filename or ":" in info.filename:
                raise Unreadable(f"refused: the zip holds a path outside its folder ({info.filename})")
            parts = [p for p in name.parts if p != "submissions"]
            if len(parts) >= 1 and not info.is_dir():
                task = parts[0] if len(parts) > 1 else None
                if task is None:
                    continue
                tasks.setdefault(task, None)
                if parts[1:] == ["summary.json"]:
                    if info.file_size > MAX_SUMMARY_BYTES:
                        tasks[task] = Unreadable("summary.json is too large to be a summary")
                    else:
                        try:
                            tasks[task] = archive.read(info)
                        except (zipfile.BadZipFile, OSError, RuntimeError) as e:
                            tasks[task] = Unreadable(f"summary.json cannot be read from the zip ({e})")
        return tasks


def task_files_in_folder(folder, root):
    """task name -> summary.json bytes (or None), from a learner's folder inside root."""
    inner = folder / "submissions"
    base = inner if inner.is_dir() else folder
    tasks = {}
    for task in sorted(base.iterdir()):
        if not task.is_dir() or task.name.startswith("."):
            continue
        summary = task / "summary.json"
        if not summary.resolve().is_relative_to(root):
            raise Unreadable(f"refused: {task.name}/summary.json points outside the collected folder")
        if summary.is_file():
            tasks[task.name] = (summary.read_bytes() if summary.stat().st_size <= MAX_SUMMARY_BYTES
                                else Unreadable("summary.json is too large to be a summary"))
        elif (task / "README.md").is_file():
            tasks[task.name] = None
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
    if analysis.get("copiedReference"):
        return "reference answer pasted"
    lines = analysis.get("ownLines", 0)
    return f"{lines} lines" if isinstance(lines, int) and lines >= 2 else "missing"


def collect(root):
    """(rows, problems): one row per learner and task; problems list what could not be read."""
    rows, problems = [], []
    for entry in sorted(root.iterdir()):
        if entry.name in (REPORT, TABLE) or entry.name.startswith("."):
            continue
        learner = entry.stem if entry.suffix == ".zip" else entry.name
        try:
            if entry.is_symlink() and not entry.resolve().is_relative_to(root):
                raise Unreadable("refused: a link to outside the collected folder")
            if entry.is_file() and entry.suffix == ".zip":
                tasks = task_files_in_zip(entry)
            elif entry.is_dir():
                tasks = task_files_in_folder(entry, root)
            else:
                raise Unreadable("neither a zip nor a folder of submissions")
            if not tasks:
                raise Unreadable("no submission inside (no task folder exported by submit(...))")
        except Unreadable as e:
            problems.append((learner, "", str(e)))
            continue
        for task, raw in sorted(tasks.items()):
            try:
                rows.append({"learner": learner, "task": task, **read_summary(raw)})
            except Unreadable as e:
                problems.append((learner, task, str(e)))
    return rows, problems


def write_csv(path, rows, problems):
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["learner", "task", "criteria_met", "criteria_total", "failed_criteria", "analysis",
                      "vm", "benchmarks", "problem"])
        for r in rows:
            out.writerow([r["learner"], r["task"], r["met"], r["total"], " | ".join(r["failed"]), r["analysis"],
                          r["vm"], " | ".join(r["benchmarks"]), ""])
        for learner, task, reason in problems:
            out.writerow([learner, task, "", "", "", "", "", "", reason])


def write_html(path, rows, problems):
    e = html.escape
    learners = sorted({r["learner"] for r in rows} | {p[0] for p in problems})
    by_task = {}
    for r in rows:
        by_task.setdefault(r["task"], []).append(r)
    failing = Counter({t: sum(1 for r in rs if r["met"] < r["total"]) for t, rs in by_task.items()})
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>Submissions</title><style>",
             "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}",
             "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}",
             ".ok{background:#e6f4ea}.bad{background:#fce8e6}.small{font-size:85%}</style></head><body>",
             f"<h1>Submissions</h1><p>{len(learners)} learners, {len(rows)} task submissions read, "
             f"{len(problems)} problems.</p>",
             "<h2>Class overview</h2><table><tr><th>Task</th><th>Submitted</th><th>All criteria met</th>"
             "<th>Not all met</th></tr>"]
    for task, count in sorted(failing.items(), key=lambda kv: (-kv[1], kv[0])):
        n = len(by_task[task])
        parts.append(f"<tr><td>{e(task)}</td><td>{n}</td><td>{n - count}</td>"
                     f"<td class='{'bad' if count else 'ok'}'>{count}</td></tr>")
    parts.append("</table><h2>Per learner and task</h2><table><tr><th>Learner</th><th>Task</th>"
                 "<th>Criteria met</th><th>Analysis</th><th>Benchmarks</th><th>VM</th></tr>")
    for r in rows:
        met = "ok" if r["met"] == r["total"] and r["total"] else "bad"
        failed = "".join(f"<br><span class='small'>✘ {e(c)}</span>" for c in r["failed"])
        parts.append(f"<tr><td>{e(r['learner'])}</td><td>{e(r['task'])}</td>"
                     f"<td class='{met}'>{r['met']} of {r['total']}{failed}</td><td>{e(r['analysis'])}</td>"
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
    rows, problems = collect(root)
    write_csv(root / TABLE, rows, problems)
    write_html(root / REPORT, rows, problems)
    print(f"{len(rows)} task submissions from {len({r['learner'] for r in rows})} learners, "
          f"{len(problems)} not collected: {root / REPORT}, {root / TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
