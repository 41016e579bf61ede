"""docs/methods.md: every section the kit cites exists, the numbering holds, no file points elsewhere.

In the kit's sources a "§" always means a section of docs/methods.md (cite other documents'
sections in words, e.g. "section 5 of the paper").
"""
import re
import subprocess

import pytest

from conftest import ROOT

METHODS = ROOT / "docs" / "methods.md"
CITING = ("helpers", "course", "tests", "benchmarks", "docs", "README.md")
TEXT_SUFFIXES = {".py", ".md", ".yml", ".yaml", ".txt", ".ipynb", ".toml", ".cfg", ".ini", ".html",
                 ".css", ".js", ".json", ".csv", ".tsv", ".sh", ".rst", ""}
SKIP_DIRS = {".git", ".venv", "build", "node_modules", "__pycache__", ".pytest_cache", ".hypothesis",
             ".ipynb_checkpoints", "test-artifacts"}
MAX_BYTES = 5_000_000

HEADING = re.compile(r"^(?:## (\d+)\.|### (\d+\.\d+)) \S", re.MULTILINE)
# "§3.2", "§ 3.2", ranges "§3.7–3.8" (both ends checked), lists "§1–§3" (each § found on its own)
CITATION = re.compile(r"§\s*(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?")
# mentions of design files that live outside the repository (no literal copy in this file)
OUTSIDE = re.compile(r"(?i:\b(?:domain|design)\.md\b)|\.\./shared|/work/share[d]|\bDOMAIN\s*§")


def _headings() -> list[str]:
    return [top or sub for top, sub in HEADING.findall(METHODS.read_text(encoding="utf-8"))]


def _repository_files():
    """Tracked files (git), or every file outside build and tool folders when git is unavailable."""
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        names = [n for n in out.stdout.decode("utf-8").split("\0") if n]
        if names:
            return [ROOT / n for n in names if (ROOT / n).is_file()]
    except (OSError, subprocess.CalledProcessError):
        pass
    return [p for p in ROOT.rglob("*") if p.is_file()
            and not any(part in SKIP_DIRS or part.endswith(".egg-info") for part in p.relative_to(ROOT).parts)]


def _text(path):
    """The file's text, or None for binary and very large files."""
    if path.stat().st_size > MAX_BYTES:
        return None
    data = path.read_bytes()
    if b"\0" in data[:8192]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _citing_files():
    for path in _repository_files():
        rel = path.relative_to(ROOT)
        if rel.parts[0] in CITING and path.suffix in TEXT_SUFFIXES:
            text = _text(path)
            if text is not None:
                yield rel, text


def test_the_reference_keeps_the_cited_numbering():
    headings = _headings()
    tops = [h for h in headings if "." not in h]
    assert tops == [str(n) for n in range(10)], tops
    expected_subsections = {"1": 4, "2": 10, "3": 9, "4": 10, "8": 9}
    for top in tops:
        subs = [h for h in headings if h.startswith(f"{top}.")]
        assert subs == [f"{top}.{k}" for k in range(1, expected_subsections.get(top, 0) + 1)], (top, subs)
    assert len(headings) == len(set(headings))


def test_every_cited_section_exists():
    known = set(_headings())
    missing = []
    for rel, text in _citing_files():
        for number, line in enumerate(text.splitlines(), start=1):
            for match in CITATION.finditer(line):
                for section in filter(None, match.groups()):
                    if section not in known:
                        missing.append(f"{rel}:{number}: §{section}")
    assert not missing, "sections cited but not in docs/methods.md:\n" + "\n".join(missing)


def test_citations_are_found_at_all():
    cited = {section for _, text in _citing_files() for m in CITATION.finditer(text) for section in m.groups()
             if section}
    assert {"0", "1.1", "2.4", "3.7", "4.7", "5", "8.1", "8.8"} <= cited


@pytest.mark.parametrize("line, sections", [
    ("docs/methods.md §3.7–3.8; FHL 2005", ["3.7", "3.8"]),
    ("docs/methods.md §1–§3", ["1", "3"]),
    ("(docs/methods.md §2.9.)", ["2.9"]),
    ("docs/methods.md §1.3 a–c", ["1.3"]),
])
def test_citation_pattern(line, sections):
    assert [s for m in CITATION.finditer(line) for s in m.groups() if s] == sections


def test_no_file_points_at_design_documents_outside_the_repository():
    found = []
    for path in _repository_files():
        text = _text(path)
        if text is None:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert not found, "cite docs/methods.md instead:\n" + "\n".join(found)
