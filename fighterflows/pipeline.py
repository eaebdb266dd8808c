"""Ingest: plan units → scan them (read + prefilter) → extract what passed and is new → store →
settle copies and claims.

Reading is spread like extraction: every worker reads units of its own (parts of a JSONL file,
a few files) and judges each document with the prefilter; only the documents that pass travel,
through a spill file, to be extracted, and only those that pass are stored, with their text. A
document the prefilter rejects is counted in the run and leaves nothing else in the ledger.

Memory stays flat: a bounded window of units is in flight, stored in the order of the sources:
the batches of the oldest unit as they come back, those back together in one transaction, so a
document and its estimates are never stored apart: an interrupted ingest leaves whole documents
behind and a rerun picks up where it stopped (documents are keyed by the hash of their text).

Copies and claims are settled at the end, one ingest at a time and from everything stored by
then, so that two ingests at once end as one after the other would, in either order.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from fighterflows.dedup import NearDuplicates, Signed
from fighterflows.engines import Engine, Extracted, Inline, Pending, local_engine
from fighterflows.extract import VERSION
from fighterflows.ledger import DocumentRank, Ledger, NewDocument, RunRecord, RunStats
from fighterflows.model import ReadError
from fighterflows.prefilters import fingerprint, outdated
from fighterflows.read import ReadOptions
from fighterflows.scan import Scanned
from fighterflows.settle import Written, settle, signed
from fighterflows.units import PART_BYTES, Part, Stdin, Unit, plan


@dataclass(frozen=True, slots=True)
class IngestOptions:
    workers: int = 1
    read: ReadOptions = ReadOptions()
    command: str = "ingest"
    part_bytes: int = PART_BYTES  # a plain JSONL file is read in parts of this size


@dataclass(slots=True)
class IngestReport:
    run_id: int
    stats: RunStats = field(default_factory=RunStats)
    errors: list[ReadError] = field(default_factory=list)
    with_estimates: int = 0  # documents added that carry at least one estimate
    # earlier runs whose other prefilter skipped documents this one might keep
    outdated: list[RunRecord] = field(default_factory=list)
    repeated: int = 0  # skipped as duplicates within this ingest's own inputs
    bytes_read: int = 0  # of the input files whose units are stored (their size on disk)

    @property
    def failed(self) -> bool:
        return bool(self.errors)


Progress = Callable[[IngestReport], None]
WAIT = 0.05  # seconds at most between looks at the workers while the oldest unit is not back
STORE_TOGETHER = 64  # documents back before they are stored (unless they are the unit's last)


def ingest(
    ledger: Ledger,
    sources: Iterable[str],
    options: IngestOptions = IngestOptions(),
    progress: Progress | None = None,
    engine: contextlib.AbstractContextManager[Engine] | None = None,
) -> IngestReport:
    prefilter = fingerprint()
    earlier = outdated(ledger.runs(), prefilter)
    report = IngestReport(ledger.start_run(options.command, VERSION, prefilter), outdated=earlier)
    index = NearDuplicates(signed(row) for row in ledger.signatures())
    written = Written(report.run_id)
    with (
        engine or local_engine(options.workers) as work,
        tempfile.TemporaryDirectory(prefix="fighterflows-") as folder,
    ):
        # The folder must be reachable by the workers: true on this machine and on a Dask
        # cluster sharing a file system; point TMPDIR at a shared path otherwise.
        _Flow(ledger, work, folder, report, index, options, progress, written).run(sources)
    finish(ledger, report, written)
    return report


@dataclass(slots=True)
class _Step:
    """One unit in flight: scanned, then its new relevant documents extracted in batches."""

    unit: Unit | ReadError
    spill: str = ""
    scan: Pending | None = None
    batches: deque[Pending] | None = None  # None until the scan is back
    skipped: int = 0  # relevant documents the ledger already holds
    repeated: int = 0  # of those skipped, repeats within this ingest's own inputs


def _pending(step: _Step) -> Pending | None:
    """What `step` still waits for (its scan, or a batch), None when it is all back."""
    if step.scan is None:
        return None
    if step.batches is None:
        return step.scan
    return next((b for b in step.batches if not b.done()), None)


def _wait(pending: Pending, seconds: float) -> None:
    """Until `pending` is back or `seconds` have passed; its failure is raised when its result
    is taken, in order."""
    with contextlib.suppress(Exception):
        pending.result(timeout=seconds)


class _Flow:
    def __init__(
        self,
        ledger: Ledger,
        engine: Engine,
        folder: str,
        report: IngestReport,
        index: NearDuplicates,
        options: IngestOptions,
        progress: Progress | None,
        written: Written | None = None,
    ) -> None:
        self.ledger, self.engine, self.folder = ledger, engine, folder
        self.report, self.index, self.options, self.progress = report, index, options, progress
        self.written = written  # what it stored, kept for settling (not read back)
        self.records: dict[str, int] = {}  # records so far in each JSONL file read in parts

    def run(self, sources: Iterable[str]) -> None:
        steps: deque[_Step] = deque()
        for number, unit in enumerate(plan(sources, self.options.part_bytes)):
            steps.append(self._start(unit, number))
            self._dispatch_ready(steps)
            while len(steps) > self.engine.window:
                self._store_first(steps)
        while steps:
            self._store_first(steps)

    def _store_first(self, steps: deque[_Step]) -> None:
        """Store the oldest unit, its batches as they come back; meanwhile, keep the workers
        fed. A unit of thousands of relevant documents stored only once all of it was back
        left storing it to after the last worker finished (a serial tail of seconds)."""
        first = steps[0]
        while (pending := _pending(first)) is not None:
            self._dispatch_ready(steps)
            self._store_back(first)
            _wait(pending, WAIT)
        self._store(steps.popleft())

    def _store_back(self, step: _Step) -> None:
        """Store the batches of `step` that are back, up to the first still out, in one
        transaction: the order of the sources is kept. Batches of fewer than STORE_TOGETHER
        documents wait for more while any is still out: a commit rewrites the pages it
        touches, and storing 16 documents a transaction cost half as many CPU seconds again
        as 64 (the rest of a unit is stored as soon as the unit is all back)."""
        if not step.batches:
            return
        ready = 0
        while ready < len(step.batches) and step.batches[ready].done():
            ready += 1
        wanted = -(-STORE_TOGETHER // self.engine.batch)  # batches that make STORE_TOGETHER
        if ready < min(wanted, len(step.batches)):
            return
        back = [step.batches.popleft() for _ in range(ready)]
        self._add([x for batch in back for x in self.engine.collect(batch.result())])

    def _dispatch_ready(self, steps: deque[_Step]) -> None:
        for step in steps:
            if step.batches is None and step.scan is not None and step.scan.done():
                self._dispatch(step)

    def _start(self, unit: Unit | ReadError, number: int) -> _Step:
        if isinstance(unit, ReadError):
            return _Step(unit)
        spill = os.path.join(self.folder, f"{number:08d}.scan")
        # stdin belongs to this process: no worker can read it
        scanner = Inline() if isinstance(unit, Stdin) else self.engine
        return _Step(unit, spill, scanner.scan(unit, self.options.read, spill))

    def _dispatch(self, step: _Step) -> None:
        """Ask the ledger about the unit's relevant documents; extract those it lacks, or holds
        from a record that ranks after this one (the same text, published later)."""
        assert step.scan is not None
        scanned: Scanned = step.scan.result()
        best: dict[str, tuple[DocumentRank, int]] = {}
        for content_hash, offset, rank in scanned.relevant:
            if content_hash not in best or rank < best[content_hash][0]:
                best[content_hash] = (rank, offset)
        known = self.ledger.present(sorted(best))
        todo = sorted(o for h, (r, o) in best.items() if h not in known or r < known[h])
        step.skipped = len(scanned.relevant) - len(todo)
        step.repeated = self._repeats(scanned, best, known)
        size = self.engine.batch
        step.batches = deque(
            self.engine.extract(step.spill, todo[i : i + size], f"{step.spill}-{i}")
            for i in range(0, len(todo), size)
        )

    def _repeats(
        self,
        scanned: Scanned,
        best: dict[str, tuple[DocumentRank, int]],
        known: dict[str, DocumentRank],
    ) -> int:
        """Relevant documents skipped as repeats within this ingest's own inputs: every copy
        of a text an earlier unit of this run stored, all but the first of a new text; none
        of a text an earlier ingest stored (those are already in the ledger)."""
        copies = Counter(h for h, _, _ in scanned.relevant)
        by_run = self.ledger.stored_by([h for h in best if h in known])
        repeats = 0
        for h, n in copies.items():
            if h not in known or best[h][0] < known[h]:
                repeats += n - 1
            elif by_run.get(h) == self.report.run_id:
                repeats += n
        return repeats

    def _store(self, step: _Step) -> None:
        if isinstance(step.unit, ReadError):
            self._failed(step.unit)
            return
        assert step.scan is not None
        if step.batches is None:
            self._dispatch(step)
        assert step.batches is not None
        scanned: Scanned = step.scan.result()
        for error in scanned.errors:
            self._failed(error)
        s = self.report.stats
        s.documents_read += scanned.read
        s.documents_prefiltered += scanned.rejected
        s.documents_skipped += step.skipped
        self.report.repeated += step.repeated
        self.report.bytes_read += _size(step.unit)
        self._judge_file(step.unit, scanned)
        # what is left of the unit in one transaction: fewer commits, each a write of the log
        self._add([x for batch in step.batches for x in self.engine.collect(batch.result())])
        with contextlib.suppress(FileNotFoundError):
            os.remove(step.spill)
        if self.progress:
            self.progress(self.report)

    def _judge_file(self, unit: Unit, scanned: Scanned) -> None:
        """A JSONL file read in parts holds records: only its last part can tell."""
        if not isinstance(unit, Part):
            return
        self.records[unit.path] = self.records.get(unit.path, 0) + scanned.records
        if unit.last and self.records.pop(unit.path) == 0:
            self._failed(ReadError(unit.path, "file holds only blank lines"))

    def _failed(self, error: ReadError) -> None:
        self.report.errors.append(error)
        self.report.stats.failed += 1
        self.ledger.add_error(error.where, error.reason, self.report.run_id)

    def _add(self, results: list[Extracted]) -> None:
        """Store extracted documents: whole documents only, in one transaction."""
        news = [self._new(x) for x in results]
        stored: list[bool | None]
        try:
            stored = list(self.ledger.add_documents(news, self.report.run_id))
        except SQLAlchemyError:
            # One document the database refuses must not sink the batch: store the batch
            # again one document at a time.
            stored = [self._add_one(new) for new in news]
        # Found stored at the last moment: by another ingest running beside this one, or
        # (a repeat) by this one's own earlier batch of the same text
        again = [n.document.content_hash for n, a in zip(news, stored, strict=True) if a is False]
        late = self.ledger.stored_by(again)
        for x, new, added in zip(results, news, stored, strict=True):
            if added is not None:
                count_stored(x.found, added, self.report, late.get(x.document.content_hash))
            if added and self.written is not None:
                self.written.add(x.document, x.rows, new.copy_of)

    def _new(self, x: Extracted) -> NewDocument:
        """A document ready to store, marked as a copy of one stored or stored before it (the
        mark is settled at the end, from every document)."""
        copy_of = None
        if x.minhash:
            d = x.document
            mark = Signed(d.content_hash, x.minhash, d.id, d.published)
            copy_of = self.index.original_of(mark)
            self.index.add(mark)
        return NewDocument(x.document, (), VERSION, copy_of, x.minhash, rows=x.rows)

    def _add_one(self, new: NewDocument) -> bool | None:
        try:
            return self.ledger.add_document(new, self.report.run_id)
        except SQLAlchemyError as error:
            cause = getattr(error, "orig", None) or error
            reason = f"the database refused it: {str(cause).splitlines()[0]}"
            self._failed(ReadError(new.document.id, reason))
            return None


def count_stored(found: int, added: bool, r: IngestReport, stored_by: int | None = None) -> None:
    """Count a document handed to the ledger with the `found` estimates extracted from it;
    `stored_by` is the run that stored it first, when it was there already."""
    s = r.stats
    if not added:
        s.documents_skipped += 1
        r.repeated += stored_by == r.run_id
        return
    s.documents_added += 1
    s.estimates_added += found
    r.with_estimates += bool(found)


def finish(ledger: Ledger, report: IngestReport, written: Written | None = None) -> None:
    if not _settled(ledger, report):
        settle(ledger, written)
    report.stats.documents_copies = ledger.copies_in_run(report.run_id)
    ledger.finish_run(report.run_id, report.stats)


def _settled(ledger: Ledger, report: IngestReport) -> bool:
    """Whether copies and claims stand settled without this run: it stored nothing, every
    other run finished (each settled before it finished), and the last of them was made by a
    version that settles (one before recorded no prefilter, and marked copies as they came)."""
    if report.stats.documents_added:
        return False
    others = [r for r in ledger.runs() if r.id != report.run_id]
    if any(r.finished is None for r in others):
        return False
    last = max(others, key=lambda r: (r.finished or "", r.id), default=None)
    return last is None or last.prefilter is not None


def _size(unit: Unit) -> int:
    """The bytes on disk a unit reads (0 for stdin and URLs): what the progress bar counts."""
    if isinstance(unit, Part):
        return unit.end - unit.start
    if isinstance(unit, Stdin):
        return 0
    return sum(os.path.getsize(x) for x in unit.specs if os.path.isfile(x))
