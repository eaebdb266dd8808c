"""The package's import rules, read from the source with ast: the extractor is reached only
through its public entry points, places are a bottom-level owner, and the report and the web
app do not import each other in a cycle."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import fighterflows
from fighterflows import extract

PACKAGE = Path(fighterflows.__file__).parent
EXTRACT = "fighterflows.extract"
# The number grammar is a public API of its own (`python -m fighterflows.extract.numbers`).
PUBLIC_MODULES = {EXTRACT, f"{EXTRACT}.numbers"}


def imports(path: Path) -> Iterator[tuple[int, str, str | None]]:
    """(line, module, name) for every import in the file, at any depth (imports inside
    functions count); `name` is None for `import x.y`. The package imports absolutely, so a
    relative import is an error here: the rules below could not read it."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                raise AssertionError(f"{path}:{node.lineno}: a relative import")
            for alias in node.names:
                yield node.lineno, node.module or "", alias.name


def package_files(*, inside: str | None = None) -> list[Path]:
    root = PACKAGE / inside if inside else PACKAGE
    return sorted(root.rglob("*.py"))


def forbidden_extract_import(module: str, name: str | None) -> str | None:
    """What is wrong with importing `name` from `module` outside the extractor, or None."""
    target = module if name is None else f"{module}.{name}"
    if module == "fighterflows" and name == "extract":
        return None
    if not (module == EXTRACT or module.startswith(EXTRACT + ".")):
        return None
    if module == EXTRACT and name is not None:
        if name in extract.__all__ or f"{EXTRACT}.{name}" in PUBLIC_MODULES:
            return None
        return f"{target} is not one of the extractor's entry points {extract.__all__}"
    if module in PUBLIC_MODULES:
        return None
    return f"{module} is inside the extractor"


def test_the_rule_reads_a_forbidden_import() -> None:
    assert forbidden_extract_import("fighterflows.extract.places", "find_places")
    assert forbidden_extract_import("fighterflows.extract.mentions.sources", "canonical")
    assert forbidden_extract_import("fighterflows.extract.numbers.lexicon", "data")
    assert forbidden_extract_import("fighterflows.extract", "sources")
    assert forbidden_extract_import("fighterflows.extract", "stated_only")
    assert forbidden_extract_import("fighterflows.extract.text.sentences", None)
    assert forbidden_extract_import("fighterflows.extract", "extract_document") is None
    assert forbidden_extract_import("fighterflows.extract.numbers", "find_numbers") is None
    assert forbidden_extract_import("fighterflows.extract", "numbers") is None
    assert forbidden_extract_import("fighterflows.places", "find_places") is None


def test_nothing_outside_the_extractor_imports_its_insides() -> None:
    wrong = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {why}"
        for path in package_files()
        if "extract" not in path.relative_to(PACKAGE).parts[:1]
        for line, module, name in imports(path)
        if (why := forbidden_extract_import(module, name))
    ]
    assert wrong == []


def test_the_extractors_entry_points_exist() -> None:
    for name in extract.__all__:
        assert callable(getattr(extract, name)) or name == "VERSION"


def first_party(path: Path) -> set[str]:
    return {
        (module if name is None else f"{module}.{name}")
        for _, module, name in imports(path)
        if module.startswith("fighterflows")
    }


@pytest.mark.parametrize("owner", ["places.py", "trie.py", "yamldata.py", "initials.py"])
def test_places_are_a_bottom_level_owner(owner: str) -> None:
    """Places (and the regex builders and the data reader they use) import nothing of the
    package but each other: every stage may use them, and they reach back into none."""
    allowed = {
        "fighterflows.trie.APOSTROPHES",
        "fighterflows.trie.HYPHENS",
        "fighterflows.trie.trie_pattern",
        "fighterflows.yamldata.parse",
    }
    assert first_party(PACKAGE / owner) <= allowed


def folder_imports(folder: str) -> set[str]:
    """The first-level parts of the package that the files of `folder` import."""
    out = set()
    for path in package_files(inside=folder):
        for target in first_party(path):
            parts = target.split(".")
            if len(parts) > 1 and parts[1] != folder:
                out.add(parts[1])
    return out


def test_report_and_web_import_each_other_in_one_direction_only() -> None:
    """The web app owns the HTML look (the dashboard and the self-contained report) and builds
    on the report's records (JSON shapes, tables, exports, citations); never the other way."""
    assert "report" in folder_imports("web")
    assert "web" not in folder_imports("report")


def test_the_ledger_reaches_no_later_stage() -> None:
    """The ledger stores reviews (their model), and nothing of a stage after it: claims and
    pages come to it through the fields it stores."""
    later = {
        "reconcile",
        "consensus",
        "conflicts",
        "report",
        "web",
        "pipeline",
        "settle",
        "analysis",
        "extract",
    }
    assert not folder_imports("ledger") & later
    reviews = {
        t
        for p in package_files(inside="ledger")
        for t in first_party(p)
        if t.startswith("fighterflows.review")
    }
    assert {t.rsplit(".", 1)[0] for t in reviews} == {"fighterflows.review.model"}


# The extractor's stages, in the order a sentence goes through them: each imports only the
# ones before it (docs/design.md).
STAGES = ["numbers", "text", "mentions", "assembly", "document"]


def stage_of(module: str) -> str | None:
    """The stage a module of the extractor is in ("fighterflows.extract.mentions.dates" →
    "mentions"); None for the package's own entry points and anything outside it."""
    parts = module.split(".")
    if parts[:2] != ["fighterflows", "extract"] or len(parts) < 3:
        return None
    return parts[2] if parts[2] in STAGES else None


def test_the_extractor_is_in_its_stages() -> None:
    folders = {p.name for p in (PACKAGE / "extract").iterdir() if p.is_dir()}
    assert folders - {"__pycache__"} == set(STAGES)
    loose = {p.name for p in (PACKAGE / "extract").glob("*.py")}
    assert loose == {"__init__.py", "__main__.py"}


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_imports_only_the_stages_before_it(stage: str) -> None:
    earlier = set(STAGES[: STAGES.index(stage) + 1])
    later = {
        f"{path.relative_to(PACKAGE)}:{line} imports {module}"
        for path in package_files(inside=f"extract/{stage}")
        for line, module, name in imports(path)
        for target in [module if name is None else f"{module}.{name}"]
        if (other := stage_of(target) or stage_of(module)) is not None and other not in earlier
    }
    assert later == set()


# What a Dask worker's tasks name (scale.py): a worker imports their modules, so they stay
# clear of the ledger's database layers and of the pipeline (a second of every worker's start).
WORKER_MODULES = ["fighterflows.scan", "fighterflows.batches"]
NOT_ON_WORKERS = ("fighterflows.ledger", "fighterflows.pipeline", "sqlalchemy", "alembic")


def test_a_dask_workers_tasks_import_nothing_of_the_ledger() -> None:
    code = (
        "import json, sys\n"
        + "".join(f"import {m}\n" for m in WORKER_MODULES)
        + "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PACKAGE.parent,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    loaded = json.loads(out)
    assert "fighterflows.extract" in loaded  # the tasks' own work is there
    assert [m for m in loaded if m.startswith(NOT_ON_WORKERS)] == []
