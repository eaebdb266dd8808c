"""API latency on a large ledger: p50 / p95 of the main routes over a real uvicorn server.

    python benchmarks/api.py                       # 100,000 estimates, 200 requests a route
    python benchmarks/api.py --estimates 10000 --requests 50
    python benchmarks/api.py --documents 20000 --per-document 5 --clients 8

The ledger is generated (through the Ledger API): documents that each repeat a few of the
figures that a handful of sources published per country, flow, population and year, as wire
copies do. The server runs as `fighterflows.web.app.serve` does, in a process of its own on
127.0.0.1 (a free port), and is queried with httpx by `--clients` threads at once (each with its
own connection); the first request builds the cached reconciliation, and its time is reported
apart. Goal: p95 < 50 ms on every route one client at a time, < 100 ms with 8 at once.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # this checkout, not an installed copy

from web_fixtures import free_port  # noqa: E402

from fighterflows.ledger import Ledger, NewDocument  # noqa: E402
from fighterflows.model import Document, Estimate, Flow, Kind, Population, Qualifier  # noqa: E402

SOURCES = [
    "ICSR",
    "Soufan Center",
    "Europol",
    "UN Monitoring Team",
    "RAN",
    "Interior Ministry",
    "Egmont Institute",
    "CTC West Point",
]
YEARS = [2014, 2015, 2016, 2017, 2018]
FLOWS = [Flow.DEPARTED, Flow.RETURNED]
POPULATIONS = [Population.TOTAL, Population.WOMEN]
PER_DOCUMENT = 50
WRITE_BATCH = 500  # documents a transaction while the ledger is built


def places() -> list[str]:
    return sorted(str(c.alpha_3) for c in pycountry.countries)[:150]


def figures(rng: random.Random) -> list[tuple[str, Flow, Population, str, int, int]]:
    """What each source said about each key each year: the stock documents quote from."""
    out = []
    for place in places():
        base = rng.randint(5, 5000)
        for flow in FLOWS:
            scale = 1.0 if flow == Flow.DEPARTED else 0.3
            for population in POPULATIONS:
                share = 1.0 if population == Population.TOTAL else 0.15
                for source in rng.sample(SOURCES, 4):
                    for year in YEARS:
                        value = max(
                            1,
                            round(
                                base
                                * scale
                                * share
                                * (0.6 + 0.1 * (year - 2014))
                                * rng.uniform(0.93, 1.07)
                            ),
                        )
                        if rng.random() < 0.02:  # an outlier: something to disagree with
                            value *= 2
                        out.append((place, flow, population, source, year, value))
    return out


def documents(n_documents: int, per_document: int, seed: int = 11) -> Iterator[NewDocument]:
    rng = random.Random(seed)
    stock = figures(rng)
    for i in range(n_documents):
        year = rng.choice(YEARS)
        chosen = [rng.choice(stock) for _ in range(per_document)]
        sentences, spans = [], []
        at = 0
        for place, flow, population, source, y, value in chosen:
            quote = f"{value:,}"
            sentence = (
                f"{source} said {quote} {population.value} from {place} had {flow.value} by {y}."
            )
            start = at + sentence.index(quote)
            sentences.append(sentence)
            spans.append((start, quote, sentence, place, flow, population, source, y, value))
            at += len(sentence) + 1
        text = " ".join(sentences)
        doc = Document(
            id=f"gen-{i:05d}", text=text, published=f"{year}-06-01", title=f"Generated report {i}"
        )
        estimates = [
            Estimate(
                doc=doc.id,
                start=s,
                end=s + len(q),
                quote=q,
                sentence=sent,
                place=p,
                place_text=p,
                flow=f,
                population=pop,
                population_text=pop.value,
                kind=Kind.COUNT,
                value=float(v),
                low=float(v),
                high=float(v),
                qualifier=Qualifier.APPROX,
                source=src,
                as_of=str(y),
            )
            for s, q, sent, p, f, pop, src, y, v in spans
        ]
        yield NewDocument(doc, estimates, extractor="bench-1")


def build(path: Path, n_documents: int, per_document: int) -> float:
    started = time.perf_counter()
    ledger = Ledger.open(str(path))
    batch: list[NewDocument] = []
    for new in documents(n_documents, per_document):
        batch.append(new)
        if len(batch) == WRITE_BATCH:
            ledger.add_documents(batch)
            batch = []
    ledger.add_documents(batch)
    counts = ledger.counts()
    ledger.close()
    print(
        f"ledger: {counts['documents']:,} documents, {counts['estimates']:,} estimates "
        f"in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return time.perf_counter() - started


Route = tuple[str, str | list[str]]


def routes(client: httpx.Client, per_document: int) -> list[Route]:
    total = client.get("/api/documents?limit=1").json()["total"]
    some_doc = client.get(f"/api/documents?limit=1&offset={total // 2}").json()["documents"][0]
    middle = total * per_document // 2
    return [
        ("table", "/api/table"),
        ("table, filtered", "/api/table?place=FRA&flow=returned"),
        ("table.csv", "/api/table.csv"),
        ("conflicts (page)", "/api/conflicts"),
        ("place", "/api/places/FRA"),
        ("estimates (page)", f"/api/estimates?limit=100&offset={middle}"),
        ("estimates, filtered", "/api/estimates?place=FRA&flow=departed&limit=100"),
        ("documents (page)", f"/api/documents?limit=100&offset={total // 2}"),
        ("document", f"/api/documents/{some_doc['id']}"),
        ("search", "/api/search?q=fra"),
        ("page: overview", "/"),
        ("page: place", "/place/FRA"),
        ("page: place GBR", "/place/GBR"),
        ("page: document", f"/documents/{some_doc['id']}"),
        # every request a page not asked for before: nothing kept helps (see web/cache.py)
        (
            "page: place, each new",
            [f"/place/{p}?limit={n}" for p in places() for n in range(100, 110)],
        ),
    ]


def measure(base: str, url: str | list[str], n: int, clients: int) -> tuple[float, float, int]:
    """`n` requests for `url` (or for each of a list in turn) shared by `clients` threads
    sending at once, each on a connection of its own: (p50 ms, p95 ms, answer bytes)."""
    urls = iter([url] * n if isinstance(url, str) else url * (n // len(url) + 1))
    lock = threading.Lock()

    def one_client(count: int) -> tuple[list[float], int]:
        times, size = [], 0
        with httpx.Client(base_url=base, timeout=120) as client:
            for _ in range(count):
                with lock:
                    asked = next(urls)
                t = time.perf_counter()
                r = client.get(asked)
                times.append((time.perf_counter() - t) * 1000)
                r.raise_for_status()
                size = len(r.content)
        return times, size

    shares = [n // clients + (k < n % clients) for k in range(clients)]
    with ThreadPoolExecutor(clients) as pool:
        done = list(pool.map(one_client, shares))
    times = [t for part, _ in done for t in part]
    q = statistics.quantiles(times, n=20)
    return statistics.median(times), q[18], done[0][1]


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`serve` in a process of its own, as a user runs it: the clients' threads do not share
    its interpreter."""
    port = free_port()
    code = f"from fighterflows.web.app import serve; serve({str(db)!r}, '127.0.0.1', {port})"
    server = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(base + "/favicon.ico", timeout=5)
            return server, base
        except httpx.TransportError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start") from None
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--estimates",
        type=int,
        default=100_000,
        help="estimates in the ledger (ignored with --documents)",
    )
    parser.add_argument(
        "--documents",
        type=int,
        default=None,
        help="documents in the ledger (each with --per-document estimates)",
    )
    parser.add_argument("--per-document", type=int, default=PER_DOCUMENT)
    parser.add_argument("--requests", type=int, default=200, help="requests a route")
    parser.add_argument("--clients", type=int, default=1, help="clients sending at once")
    args = parser.parse_args()
    n_documents = args.documents or args.estimates // args.per_document
    goal = 50 if args.clients == 1 else 100
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        build(db, n_documents, args.per_document)
        server, base = start_server(db)
        try:
            with httpx.Client(base_url=base, timeout=600) as client:
                t = time.perf_counter()
                client.get("/api/table").raise_for_status()
                print(
                    f"first request (reconciles the ledger): "
                    f"{(time.perf_counter() - t) * 1000:,.0f} ms"
                )
                chosen = routes(client, args.per_document)
            report(base, chosen, args.requests, args.clients, goal)
        finally:
            server.terminate()
            server.wait(timeout=30)


def report(base: str, chosen: list[Route], n: int, clients: int, goal: int) -> None:
    print(
        f"{'route':24} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>10}   "
        f"({n} requests each, {clients} client(s) at once)"
    )
    worst = 0.0
    for name, url in chosen:
        p50, p95, size = measure(base, url, n, clients)
        worst = max(worst, p95)
        print(f"{name:24} {p50:8.1f} {p95:8.1f} {size:10,}", flush=True)
    verdict = "meets" if worst < goal else "misses"
    print(f"worst p95: {worst:.1f} ms ({verdict} the {goal} ms goal)")


if __name__ == "__main__":
    main()
