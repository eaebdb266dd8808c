"""The review routes of `serve --edit`: a page per figure, and the form POSTs that confirm,
reject, correct, add and undo. Mounted only under --edit; every route needs the right to write
(editing.require_editor) and every POST a good CSRF token (editing.checked_form)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from fighterflows.ledger import AmbiguousId, Ledger
from fighterflows.report.serialize import estimate_json
from fighterflows.review import actions
from fighterflows.review.book import review_book
from fighterflows.review.fields import FIELDS, parse_changes
from fighterflows.review.model import ReviewError
from fighterflows.review.targets import find_target, resolve_id
from fighterflows.web import views
from fighterflows.web.editing import (
    EditSettings,
    checked_form,
    local_path,
    require_editor,
)
from fighterflows.web.pages import render
from fighterflows.web.params import NO_NUL, state
from fighterflows.web.state import LedgerState

router = APIRouter(prefix="/review", include_in_schema=False, default_response_class=HTMLResponse)
Editor = Annotated[EditSettings, Depends(require_editor)]
St = Annotated[LedgerState, Depends(state)]
Ident = Annotated[str, Path(max_length=64, pattern=NO_NUL)]


def label(name: str) -> str:
    return name.replace("_", " ")


@router.get("/{estimate_id}")
def review_page(
    request: Request, st: St, _: Editor, estimate_id: Ident, back: str | None = None
) -> Response:
    book = review_book(st.ledger)
    try:
        target = find_target(st.ledger, book, estimate_id)
    except (ReviewError, AmbiguousId) as error:
        raise HTTPException(404, str(error)) from None
    s = target.stored
    default = f"/documents/{s.document_id}#e-{s.id}"
    review = None
    if target.review is not None:
        r = target.review.review
        review = {
            "verdict": r.verdict.value,
            "by": r.by,
            "at": r.at,
            "why": r.why,
            "status": book.status(target.review).value,
            "original": r.original.to_json() if r.original else None,
        }
    return render(
        request,
        "review.html",
        f"/api/estimates/{s.id}",
        figure=estimate_json(s),
        statement=views.statement(s),
        review=review,
        choices=views.REVIEW_CHOICES,
        back=local_path(back, default),
    )


Act = Callable[[Ledger, dict[str, str], str], actions.Outcome]


async def _write(request: Request, st: LedgerState, settings: EditSettings, act: Act) -> Response:
    fields = await checked_form(request, settings)
    ledger = st.ledger
    by = fields.get("by", "").strip() or actions.who()
    try:
        outcome = act(ledger, fields, by)
    except (ReviewError, AmbiguousId) as error:
        raise HTTPException(422, str(error)) from None
    st.changed()
    anchor = f"#e-{outcome.figure_id}" if outcome.figure_id else ""
    default = f"/documents/{outcome.document_id}{anchor}" if outcome.document_id else "/"
    back = local_path(fields.get("back"), default)
    if back.startswith("/documents/") and "#" not in back:
        back += anchor  # a document page marks each figure: land on the one just reviewed
    return RedirectResponse(back, 303)


@router.post("/{estimate_id}/confirm")
async def confirm(request: Request, st: St, settings: Editor, estimate_id: Ident) -> Response:
    return await _write(
        request,
        st,
        settings,
        lambda ledger, f, by: actions.confirm(ledger, estimate_id, by, f.get("note")),
    )


@router.post("/{estimate_id}/reject")
async def reject(request: Request, st: St, settings: Editor, estimate_id: Ident) -> Response:
    return await _write(
        request,
        st,
        settings,
        lambda ledger, f, by: actions.reject(ledger, estimate_id, by, f.get("why"), label),
    )


@router.post("/{estimate_id}/correct")
async def correct(request: Request, st: St, settings: Editor, estimate_id: Ident) -> Response:
    def act(ledger: Ledger, f: dict[str, str], by: str) -> actions.Outcome:
        changes = parse_changes({k: f.get(k) for k in FIELDS}, label)
        return actions.correct(ledger, estimate_id, changes, by, f.get("why"), label)

    return await _write(request, st, settings, act)


@router.post("/{ident}/undo")
async def undo(request: Request, st: St, settings: Editor, ident: Ident) -> Response:
    """Take back a review, named by its own id or by the figure's."""

    def act(ledger: Ledger, f: dict[str, str], by: str) -> actions.Outcome:
        book = review_book(ledger)
        r = next((x for x in book.reviews if x.key == ident), None)
        if r is None:
            found = resolve_id(ledger, ident)
            r = book.review_of(found) if found else None
        if r is None:
            raise ReviewError(f"{ident!r}: no review to undo")
        return actions.remove(ledger, r.key)

    return await _write(request, st, settings, act)


@router.post("/add")
async def add(request: Request, st: St, settings: Editor) -> Response:
    def act(ledger: Ledger, f: dict[str, str], by: str) -> actions.Outcome:
        occurrence = (f.get("occurrence") or "").strip()
        if occurrence and not occurrence.isdigit():
            raise ReviewError(f"occurrence: {occurrence!r} is not a whole number")
        changes = parse_changes({k: f.get(k) for k in FIELDS}, label)
        return actions.add(
            ledger,
            f.get("document", ""),
            f.get("quote", ""),
            int(occurrence) if occurrence else None,
            changes,
            by,
            f.get("why"),
            label,
        )

    return await _write(request, st, settings, act)
