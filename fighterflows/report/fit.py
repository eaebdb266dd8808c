"""Tables that fit the terminal without cutting a number or a word of a vocabulary.

Numbers, codes, dates and flow words are never broken: their column is as wide as its widest
cell. Only free text (sources, quotes, details) wraps, between words. A table is printed, in
order of preference:
1. boxed, as wide as it needs to be;
2. compact (no box, two spaces between columns), when the box does not fit;
3. stacked, a block per row (its key columns as a heading, the other columns as `name value`
   items packed on lines), when no table fits: nothing is left out, nothing is cut.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table

WORD_CAP = 24  # a longer "word" of free text (an address, a file name) may fold, never a number
INDENT = "  "
SEPARATOR = " · "


class Layout(StrEnum):
    BOXED = "boxed"
    COMPACT = "compact"
    STACKED = "stacked"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    wraps: bool  # free text: may wrap between words
    numeric: bool
    least: int  # the narrowest it can be without breaking what must stay whole
    most: int  # its widest cell (or header)


def measure(name: str, cells: Sequence[str], wraps: bool, numeric: bool) -> Column:
    texts = [name, *cells]
    most = max(cell_len(t) for t in texts)
    if not wraps:
        return Column(name, wraps, numeric, most, most)
    longest_word = max((cell_len(w) for t in texts for w in t.split()), default=1)
    return Column(name, wraps, numeric, min(longest_word, WORD_CAP), most)


def overhead(layout: Layout, n: int) -> int:
    """The characters a layout adds around n columns of text."""
    return 3 * n + 1 if layout is Layout.BOXED else 2 * (n - 1)


def widths(columns: Sequence[Column], layout: Layout, width: int) -> list[int] | None:
    """Each column's width in `layout` within `width`, or None if it cannot fit. Free-text
    columns get the room left over: whole, those needing least first (so as few as can be
    wrap), then what remains a character at a time to the one furthest from its widest cell."""
    chosen = [c.least for c in columns]
    room = width - overhead(layout, len(columns)) - sum(chosen)
    if room < 0:
        return None
    free = sorted((c.most - c.least, i) for i, c in enumerate(columns) if c.wraps)
    for need, i in free:
        if need <= room:
            chosen[i] += need
            room -= need
    while room > 0:
        short = [
            (c.most - w, i)
            for i, (c, w) in enumerate(zip(columns, chosen, strict=True))
            if c.wraps and w < c.most
        ]
        if not short:
            break
        _, i = max(short)
        chosen[i] += 1
        room -= 1
    return chosen


def choose(columns: Sequence[Column], width: int) -> tuple[Layout, list[int]]:
    for layout in (Layout.BOXED, Layout.COMPACT):
        found = widths(columns, layout, width)
        if found is not None:
            return layout, found
    return Layout.STACKED, []


def print_fitted(
    rows: Sequence[Sequence[str]],
    columns: Sequence[Column],
    console: Console,
    title: str | None = None,
    key: int = 1,
) -> Layout:
    """Print `rows` (cells as text, in the order of `columns`) as the layout that fits the
    console's width; return which one it was."""
    layout, chosen = choose(columns, console.width)
    if layout is Layout.STACKED:
        _print_stacked(rows, columns, console, title, key)
        return layout
    table = Table(title=title, show_lines=False)
    if layout is Layout.COMPACT:
        table = Table(
            title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True
        )
    for c, w in zip(columns, chosen, strict=True):
        table.add_column(
            c.name,
            width=w,
            no_wrap=not c.wraps,
            overflow="fold",
            justify="right" if c.numeric else "left",
        )
    for row in rows:
        table.add_row(*row)
    console.print(table)
    return layout


def _print_stacked(
    rows: Sequence[Sequence[str]],
    columns: Sequence[Column],
    console: Console,
    title: str | None,
    key: int,
) -> None:
    lines: list[str] = [title, ""] if title else []
    for row in rows:
        heading = pack([(v, False) for v in row[:key] if v], console.width, indent="")
        lines.extend(heading)
        items = [
            (f"{c.name}: {v}", True) if _prose(c) else (f"{c.name} {v}", False)
            for c, v in zip(columns[key:], row[key:], strict=True)
            if v
        ]
        lines.extend(pack(items, console.width))
        lines.append("")
    for line in lines[:-1] if rows else lines:
        console.print(line, markup=False, highlight=False, soft_wrap=True)


def _prose(c: Column) -> bool:
    """Free text long enough to deserve lines of its own in a stacked row."""
    return c.wraps and c.most > WORD_CAP


def pack(items: Sequence[tuple[str, bool]], width: int, indent: str = INDENT) -> list[str]:
    """Items on lines of at most `width` (the first starting with `indent`, the others
    indented), joined by SEPARATOR. An item marked alone (free text) has lines of its own,
    wrapped between words; a word longer than the line stays whole."""
    lines: list[str] = []
    line = ""
    for item, alone in items:
        start = indent if not lines and not line else INDENT
        joined = f"{line}{SEPARATOR}{item}" if line else start + item
        if not alone and cell_len(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        line = ""
        start = indent if not lines else INDENT
        if not alone and cell_len(start + item) <= width:
            line = start + item
            continue
        lines.extend(
            textwrap.wrap(
                item,
                width=max(width, 20),
                initial_indent=start,
                subsequent_indent=start + INDENT,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    if line:
        lines.append(line)
    return lines
