"""API latency on a large ledger: p50 / p95 of the main routes over a real uvicorn server.

    python benchmarks/api.py                       # 100,000 estimates, 200 requests a route
    python benchmarks/api.py --estimates 10000 --requests 50

The ledger is generated (through the Ledger API): documents that each repeat a few of the
figures that a handful of sources published per country, flow, population and year, as wire
copies do. The server runs in this process on 127.0.0.1 (a free port) and is queried with
httpx, one request at a time; the first request builds the cached reconciliation, and its time
is reported apart. Goal: p95 < 50 ms on every route.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from web_fixtures import LiveServer  # noqa: E402

from fighterflows.ledger import Ledger, NewDocument  # noqa: E402
from fighterflows.model import Document, Estimate, Flow, Kind, Population, Qualifier  # noqa: E402

SOURCES = ["ICSR", "Soufan Center", "Europol", "UN Monitoring Team", "RAN", "Interior Ministry",
           "Egmont Institute", "CTC West Point"]
YEARS = [2014, 2015, 2016, 2017, 2018]
FLOWS = [Flow.DEPARTED, Flow.RETURNED]
POPULATIONS = [Population.TOTAL, Population.WOMEN]
PER_DOCUMENT = 50


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
                        value = max(1, round(base * scale * share * (0.6 + 0.1 * (year - 2014))
                                             * rng.uniform(0.93, 1.07)))
                        if rng.random() < 0.02:  # an outlier: something to disagree with
                            value *= 2
                        out.append((place, flow, population, source, year, value))
    return out


def documents(n_estimates: int, seed: int = 11) -> Iterator[NewDocument]:
    rng = random.Random(seed)
    stock = figures(rng)
    for i in range(n_estimates // PER_DOCUMENT):
        year = rng.choice(YEARS)
        chosen = [rng.choice(stock) for _ in range(PER_DOCUMENT)]
        sentences, spans = [], []
        at = 0
        for place, flow, population, source, y, value in chosen:
            quote = f"{value:,}"
            sentence = (f"{source} said {quote} {population.value} from {place} had "
                        f"{flow.value} by {y}.")
            start = at + sentence.index(quote)
            sentences.append(sentence)
            spans.append((start, quote, sentence, place, flow, population, source, y, value))
            at += len(sentence) + 1
        text = " ".join(sentences)
        doc = Document(id=f"gen-{i:05d}", text=text, published=f"{year}-06-01",
                       title=f"Generated report {i}")
        estimates = [
            Estimate(doc=doc.id, start=s, end=s + len(q), quote=q, sentence=sent, place=p,
                     place_text=p, flow=f, population=pop, population_text=pop.value,
                     kind=Kind.COUNT, value=float(v), low=float(v), high=float(v),
                     qualifier=Qualifier.APPROX, source=src, as_of=str(y))
            for s, q, sent, p, f, pop, src, y, v in spans
        ]
        yield NewDocument(doc, estimates, extractor="bench-1")


def build(path: Path, n_estimates: int) -> float:
    started = time.perf_counter()
    ledger = Ledger.open(str(path))
    for new in documents(n_estimates):
        ledger.add_document(new)
    counts = ledger.counts()
    ledger.close()
    print(f"ledger: {counts['documents']:,} documents, {counts['estimates']:,} estimates "
          f"in {time.perf_counter() - started:.1f} s", flush=True)
    return time.perf_counter() - started


def routes(client: httpx.Client) -> list[tuple[str, str]]:
    total = client.get("/api/documents?limit=1").json()["total"]
    some_doc = client.get(f"/api/documents?limit=1&offset={total // 2}").json()["documents"][0]
    middle = total * PER_DOCUMENT // 2
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
    ]


def measure(client: httpx.Client, url: str, n: int) -> tuple[float, float, int]:
    times = []
    size = 0
    for _ in range(n):
        t = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t) * 1000)
        r.raise_for_status()
        size = len(r.content)
    q = statistics.quantiles(times, n=20)
    return statistics.median(times), q[18], size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--estimates", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        build(db, args.estimates)
        server = LiveServer(str(db))
        server.start()
        try:
            with httpx.Client(base_url=server.url, timeout=120) as client:
                t = time.perf_counter()
                client.get("/api/table").raise_for_status()
                print(f"first request (reconciles the ledger): "
                      f"{(time.perf_counter() - t) * 1000:,.0f} ms")
                report(client, args.requests)
        finally:
            server.stop()


def report(client: httpx.Client, n: int) -> None:
    print(f"{'route':24} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>10}   ({n} requests each)")
    worst = 0.0
    for name, url in routes(client):
        p50, p95, size = measure(client, url, n)
        worst = max(worst, p95)
        print(f"{name:24} {p50:8.1f} {p95:8.1f} {size:10,}")
    print(f"worst p95: {worst:.1f} ms ({'meets' if worst < 50 else 'misses'} the 50 ms goal)")


if __name__ == "__main__":
    main()
