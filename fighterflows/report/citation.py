"""A document's citation in three forms: a line of text, BibTeX and CSL-JSON (what Zotero,
Pandoc and reference managers import).

Everything comes from what the document declares (see `fighterflows.ledger.Citation`); a field
it does not declare is left out, never invented. A document without a title is named by its
file name or record id. A local path is not an address a reader can follow, so only a web
address is cited.
"""

from __future__ import annotations

import calendar
import functools
import json
import re
import unicodedata
from enum import StrEnum
from typing import Any

from fighterflows.ledger import Citation, StoredEstimate
from fighterflows.read.citing import AUTHORS_SEPARATOR, is_web_address


class CiteFormat(StrEnum):
    TEXT = "text"
    BIBTEX = "bibtex"
    CSL = "csl"


def cite(c: Citation, fmt: CiteFormat) -> str:
    if fmt is CiteFormat.BIBTEX:
        return bibtex(c)
    if fmt is CiteFormat.CSL:
        return csl_file(csl(c))
    return text(c)


def csl_file(item: dict[str, Any]) -> str:
    """A CSL-JSON file of one item (a list, as reference managers import it): a field a line."""
    fields = ",\n".join(
        f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in item.items()
    )
    return "[\n  {\n" + fields + "\n  }\n]"


@functools.lru_cache(maxsize=4096)
def citation_json(c: Citation) -> dict[str, Any]:
    """The citation as the API and the pages carry it: every form at once. Made once for a
    document (many claims cite the same one): the dict is shared, callers must not change it."""
    return {
        "document_id": c.document_id,
        "text": text(c),
        "bibtex": bibtex(c),
        "csl": csl(c),
    }


def statement_order(s: StoredEstimate) -> tuple[bool, str, str]:
    """The order a claim's statements are shown and cited in: originals before syndicated
    copies, the earliest first. A claim is cited by its first document."""
    return (s.copy_of is not None, s.estimate.as_of or "", s.estimate.doc)


def authors_of(c: Citation) -> list[str]:
    return [a.strip() for a in (c.author or "").split(AUTHORS_SEPARATOR) if a.strip()]


def title_of(c: Citation) -> str:
    return c.title or c.name


# -- text -------------------------------------------------------------------------------------


def text(c: Citation) -> str:
    """'Jane Doe. "Headline." The Outlet, 25 October 2017. https://… (accessed 3 March 2024).'"""
    parts: list[str] = []
    names = authors_of(c)
    if names:
        parts.append(_end(_joined(names)))
    parts.append(f'"{_end(title_of(c))}"')
    where = ", ".join(x for x in (c.outlet, spoken_date(c.published)) if x)
    if where:
        parts.append(_end(where))
    url = web_url(c)
    if url:
        parts.append(url + (f" (accessed {spoken_date(c.accessed)})." if c.accessed else ""))
    return " ".join(parts)


def web_url(c: Citation) -> str | None:
    """The address to cite: a web address only (the readers keep no other, but a ledger may
    have been written by other hands)."""
    return c.url if is_web_address(c.url) else None


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _end(phrase: str) -> str:
    return phrase if phrase.endswith((".", "?", "!")) else phrase + "."


def spoken_date(iso: str | None) -> str | None:
    """'2017-10-25' → '25 October 2017'; '2017-10' → 'October 2017'; '2017' stays."""
    parts = _date_parts(iso)
    if not parts:
        return iso
    if len(parts) == 1:
        return str(parts[0])
    month = calendar.month_name[parts[1]]
    return f"{parts[2]} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def _date_parts(iso: str | None) -> list[int]:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso or "")
    if not match:
        return []
    parts = [int(g) for g in match.groups() if g is not None]
    return parts if len(parts) < 2 or 1 <= parts[1] <= 12 else parts[:1]


# -- BibTeX -----------------------------------------------------------------------------------

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex_escape(value: str) -> str:
    """Text safe inside a BibTeX field: braces balanced, LaTeX's special characters literal."""
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in value)


def _bibtex_url(url: str) -> str:
    # A URL field is read verbatim except for braces (and a backslash before them).
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def bibtex(c: Citation) -> str:
    """A @misc entry (every BibTeX style knows it) with biblatex's date and urldate."""
    fields: list[tuple[str, str]] = [("title", "{" + bibtex_escape(title_of(c)) + "}")]
    names = authors_of(c)
    if names:
        fields.append(("author", " and ".join(bibtex_escape(n) for n in names)))
    if c.outlet:
        fields.append(("howpublished", bibtex_escape(c.outlet)))
    parts = _date_parts(c.published)
    if parts:
        fields.append(("year", str(parts[0])))
    if len(parts) > 1:
        fields.append(("month", _MONTHS[parts[1] - 1]))
    if parts:
        fields.append(("date", "-".join(f"{p:02d}" for p in parts)))
    url = web_url(c)
    if url:
        fields.append(("url", _bibtex_url(url)))
    if url and _date_parts(c.accessed):
        fields.append(("urldate", str(c.accessed)))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    return f"@misc{{{citation_key(c)},\n{body}\n}}"


def citation_key(c: Citation) -> str:
    """'doe2017thousands', 'harbourcourier2017thousands': ASCII letters and digits only."""
    names = authors_of(c)
    who = names[0].split()[-1] if names else (c.outlet or "")
    who = _ascii(re.sub(r"^the\s+", "", who, flags=re.IGNORECASE))
    year = str(_date_parts(c.published)[0]) if _date_parts(c.published) else ""
    words = [w for w in (_ascii(w) for w in title_of(c).split()) if re.search("[a-z]", w)]
    first = next((w for w in words if len(w) > 3), words[0] if words else "")
    key = f"{who}{year}{first}"[:48]
    return key if re.match(r"[a-z]", key) else f"document{c.document_id[:8]}{key}"[:48]


def _ascii(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", plain.lower())


# -- CSL-JSON ---------------------------------------------------------------------------------


def csl_type(c: Citation) -> str:
    if c.paged:
        return "report"
    if web_url(c):
        return "webpage"
    return "article" if c.outlet else "document"


def csl(c: Citation) -> dict[str, Any]:
    """One CSL-JSON item (a file of them is a JSON list)."""
    kind = csl_type(c)
    item: dict[str, Any] = {"id": citation_key(c), "type": kind, "title": title_of(c)}
    names = authors_of(c)
    if names:
        item["author"] = [{"literal": n} for n in names]
    if c.outlet:
        item["publisher" if kind == "report" else "container-title"] = c.outlet
    if _date_parts(c.published):
        item["issued"] = {"date-parts": [_date_parts(c.published)]}
    url = web_url(c)
    if url:
        item["URL"] = url
    if url and _date_parts(c.accessed):
        item["accessed"] = {"date-parts": [_date_parts(c.accessed)]}
    return item
