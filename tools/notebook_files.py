"""How the course's tools read and write notebooks: the JSON as Jupyter saves it (one-space
indent, UTF-8, a final newline), so that a rewritten notebook differs only where it changed."""
import json
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def read(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def write(path, nb):
    Path(path).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def source(cell):
    """A cell's source as one string (nbformat allows a string or a list of lines)."""
    s = cell["source"]
    return s if isinstance(s, str) else "".join(s)


def set_source(cell, text):
    cell["source"] = text.splitlines(keepends=True)
