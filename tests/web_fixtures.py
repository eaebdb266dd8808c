"""A small hand-made ledger for the web, API, report and browser tests.

Figures are written by hand (not by the extractor), so these tests check what the dashboard
does with a ledger, not what the extractor finds. It holds: two sources over time for France
(a timeline), a misquote (one source, one year, two figures), a disagreement, a range, a
repatriation flight (an event, never averaged with totals), and a document whose text carries
HTML and script that must come out as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fighterflows.ledger import Ledger, NewDocument
from fighterflows.model import Document, Estimate, Flow, Kind, Population, Qualifier, Scope

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(2)>"
HOSTILE_SOURCE = "<b>Evil</b> & Co"
COURIER = "The Harbour Courier"
COURIER_URL = "https://courier.example/2017/soufan-returnees?x=1&y=2"


@dataclass(frozen=True)
class Fig:
    quote: str
    place: str
    flow: Flow
    value: float | None
    source: str | None
    as_of: str
    qualifier: Qualifier = Qualifier.EXACT
    low: float | None = None
    high: float | None = None
    population: Population = Population.TOTAL
    scope: Scope = Scope.CUMULATIVE


def make_document(
    name: str, published: str, sentences: list[str], figs: list[Fig], **cited: str
) -> NewDocument:
    """`cited`: what the document declares to cite it by (outlet, author, url, accessed)."""
    text = " ".join(sentences)
    doc = Document(
        id=name, text=text, published=published, title=name.replace("-", " ").title(), **cited
    )
    return NewDocument(doc, [anchor(doc, sentences, f) for f in figs], extractor="hand-1")


def anchor(doc: Document, sentences: list[str], f: Fig) -> Estimate:
    sentence = next(s for s in sentences if f.quote in s)
    start = doc.text.index(sentence) + sentence.index(f.quote)
    low = f.low if f.low is not None else f.value
    high = f.high if f.high is not None else f.value
    return Estimate(
        doc=doc.id,
        start=start,
        end=start + len(f.quote),
        quote=f.quote,
        sentence=sentence,
        place=f.place,
        place_text=f.place,
        flow=f.flow,
        population=f.population,
        population_text="fighters",
        kind=Kind.COUNT,
        value=f.value,
        low=low,
        high=high,
        qualifier=f.qualifier,
        source=f.source,
        as_of=f.as_of,
        scope=f.scope,
    )


D, R = Flow.DEPARTED, Flow.RETURNED

DOCUMENTS = [
    make_document(
        "2017-icsr-update",
        "2017-07-27",
        [
            "The ICSR estimates that 1,200 French fighters had travelled to Syria by mid-2017.",
            "Some 600 Germans had left, the ICSR says.",
        ],
        [
            Fig("1,200", "FRA", D, 1200, "ICSR", "2017-06"),
            Fig("600", "DEU", D, 600, "ICSR", "2017-06", Qualifier.APPROX),
        ],
    ),
    make_document(
        "2017-soufan-returnees",
        "2017-10-24",
        [
            "The Soufan Center counts 1,910 French departures and 271 French returnees.",
            "Germany saw 960 leave and 300 return, according to the Soufan Center.",
        ],
        [
            Fig("1,910", "FRA", D, 1910, "Soufan Center", "2017-10"),
            Fig("271", "FRA", R, 271, "Soufan Center", "2017-10"),
            Fig("960", "DEU", D, 960, "Soufan Center", "2017-10"),
            Fig("300", "DEU", R, 300, "Soufan Center", "2017-10"),
        ],
        outlet=COURIER,
        author="Jane Doe; John Roe",
        url=COURIER_URL,
        accessed="2024-03-01",
    ),
    make_document(
        "2017-wire-misquote",
        "2017-11-01",
        ["The Soufan Center put the number of French returnees at 400."],
        [Fig("400", "FRA", R, 400, "Soufan Center", "2017-11")],
    ),
    make_document(
        "2017-other-count",
        "2017-12-01",
        ["Another institute says 3,000 French nationals left for the conflict zone."],
        [Fig("3,000", "FRA", D, 3000, "Other Institute", "2017-12")],
    ),
    make_document(
        "2018-belgian-report",
        "2018-02-12",
        [
            "Belgian officials say 413 Belgians went to Syria.",
            "Between 120 and 130 have come back.",
        ],
        [
            Fig("413", "BEL", D, 413, "Belgian government", "2018-02"),
            Fig(
                "Between 120 and 130",
                "BEL",
                R,
                None,
                "Belgian government",
                "2018-02",
                Qualifier.RANGE,
                120,
                130,
            ),
        ],
    ),
    make_document(
        "2019-repatriation-flight",
        "2019-03-05",
        ["A flight brought 12 French children home from Syria on Tuesday, the ministry said."],
        [
            Fig(
                "12",
                "FRA",
                R,
                12,
                "French foreign ministry",
                "2019-03-05",
                population=Population.MINORS,
                scope=Scope.EVENT,
            )
        ],
    ),
    make_document(
        "hostile-page",
        "2018-05-01",
        [
            f"Officials said {HOSTILE_SCRIPT} that 50 {HOSTILE_IMG} Britons had returned.",
            "Nothing else here & that is <i>fine</i>.",
        ],
        [Fig("50", "GBR", R, 50, HOSTILE_SOURCE, "2018-05")],
        outlet=HOSTILE_SOURCE,
        author=HOSTILE_SCRIPT,
        url="javascript:alert(3)",
    ),
]


def fill_ledger(path: Path) -> str:
    """Write the hand-made ledger at `path`; returns the db argument for `create_app`."""
    ledger = Ledger.open(str(path))
    try:
        for new in DOCUMENTS:
            ledger.add_document(new)
    finally:
        ledger.close()
    return str(path)


def document_id(name: str) -> str:
    return next(d.document.content_hash for d in DOCUMENTS if d.document.id == name)


# -- a real server and a real browser ------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn serving the app on 127.0.0.1 in a thread, for as long as the fixture lives."""

    def __init__(self, db: str) -> None:
        import uvicorn

        from fighterflows.web.app import server_config

        self.port = free_port()
        self.server = uvicorn.Server(server_config(db, "127.0.0.1", self.port, "warning"))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        import threading
        import time

        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


# -- a large ledger: what a news corpus of thousands of documents gives ----------------------

LARGE_SOURCES = (
    "ICSR",
    "Soufan Center",
    "Europol",
    "UN Monitoring Team",
    "RAN",
    "Interior Ministry",
    "Egmont Institute",
    "CTC West Point",
)


def large_documents(n: int, per_document: int = 4, seed: int = 11) -> list[NewDocument]:
    """`n` documents, each repeating `per_document` of the figures that four of the sources
    gave for each of 150 countries, flow, population and year, as wire copies do (a figure now
    and then doubled: something to disagree with)."""
    import random

    import pycountry

    rng = random.Random(seed)
    stock = []
    for place in sorted(str(c.alpha_3) for c in pycountry.countries)[:150]:
        base = rng.randint(5, 5000)
        for flow, scale in ((D, 1.0), (R, 0.3)):
            for population, share in ((Population.TOTAL, 1.0), (Population.WOMEN, 0.15)):
                for source in rng.sample(LARGE_SOURCES, 4):
                    for year in range(2014, 2019):
                        value = max(1, round(base * scale * share * (0.6 + 0.1 * (year - 2014))))
                        value *= 2 if rng.random() < 0.02 else 1
                        stock.append((place, flow, population, source, year, value))
    out = []
    for i in range(n):
        doc_id, published = f"wire-{i:05d}", f"{rng.randint(2014, 2018)}-06-01"
        sentences, estimates, at = [], [], 0
        for place, flow, population, source, year, value in (
            rng.choice(stock) for _ in range(per_document)
        ):
            quote = f"{value:,}"
            sentence = f"{source} said {quote} {population.value} from {place} had {flow.value}."
            start = at + sentence.index(quote)  # the figure is the sentence's only number
            estimates.append(
                Estimate(
                    doc=doc_id,
                    start=start,
                    end=start + len(quote),
                    quote=quote,
                    sentence=sentence,
                    place=place,
                    place_text=place,
                    flow=flow,
                    population=population,
                    population_text=population.value,
                    kind=Kind.COUNT,
                    value=float(value),
                    low=value,
                    high=value,
                    qualifier=Qualifier.APPROX,
                    source=source,
                    as_of=str(year),
                )
            )
            sentences.append(sentence)
            at += len(sentence) + 1
        doc = Document(id=doc_id, text=" ".join(sentences), published=published)
        out.append(NewDocument(doc, estimates, extractor="hand-1"))
    return out


def fill_large_ledger(path: Path, n: int = 5000) -> str:
    ledger = Ledger.open(str(path))
    try:
        for new in large_documents(n):
            ledger.add_document(new)
    finally:
        ledger.close()
    return str(path)
