"""Whether each figure's quote stands in its captured article, verbatim and where its text fragment lands. No I/O."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from dashboard.text.citations import fragment_finds, fragment_text

YES, NO, NO_LINK = "yes", "no", "no link known"
UNVERIFIABLE = "not verifiable (quoted from a topic page's summary; the linked article was not captured)"
FOLDED, MISSING = "no (found only with case or quote marks folded)", "no (article missing)"
QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                             "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})


class QuoteCheck(NamedTuple):
    """One figure's verdicts: is its quote verbatim in the article, and would its text fragment find it."""

    figure_id: str
    source_id: str
    capture: str
    verbatim: str  # YES, NO, FOLDED or MISSING
    fragment: str  # YES, NO, NO_LINK, UNVERIFIABLE or MISSING

    @property
    def ok(self) -> bool:
        return self.verbatim == YES and self.fragment in (YES, NO_LINK, UNVERIFIABLE)

    def __str__(self) -> str:
        return f"{self.figure_id}: verbatim: {self.verbatim}; fragment: {self.fragment}"


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _loose(text: str) -> str:
    return _spaced(text).casefold().translate(QUOTE_MARKS)


def verbatim(article: str, quote: str) -> str:
    """YES if the quote stands in the article (spacing folded), FOLDED if only with case and quote marks folded, else NO."""
    if _spaced(quote) in _spaced(article):
        return YES
    return FOLDED if _loose(quote) in _loose(article) else NO


def fragment_lands(article: str, quote: str) -> bool:
    """Whether the quote's text fragment finds it: the first words matched run to the quote's own last words."""
    if not fragment_finds(article, quote):
        return False
    text = _spaced(article).casefold()
    start, end = (part.casefold() if part else None for part in fragment_text(quote))
    at = text.find(start)
    stop = at + len(start) if end is None else text.find(end, at + len(start)) + len(end)
    return text[at:stop] == _spaced(quote).casefold()


def check(frame: pd.DataFrame, captures: dict[str, str], texts: dict[str, str]) -> list[QuoteCheck]:
    """Check every figure of the tidy frame; `captures` maps a source id to its file, `texts` a file to its text."""
    found = []
    for row in frame.itertuples(index=False):
        capture = captures.get(row.source_id, "")
        article = texts.get(capture)
        if article is None:
            found.append(QuoteCheck(row.figure_id, row.source_id, capture, MISSING, MISSING))
            continue
        has_link = isinstance(row.url, str) and bool(row.url)
        if not has_link:
            fragment = NO_LINK
        elif row.quoted_from == "topic page summary":  # the link goes to a page we do not hold
            fragment = UNVERIFIABLE
        else:
            fragment = YES if fragment_lands(article, row.quote) else NO
        found.append(QuoteCheck(row.figure_id, row.source_id, capture, verbatim(article, row.quote), fragment))
    return found


def missing(checks: list[QuoteCheck], reasons: dict[str, str] | None = None) -> list[str]:
    """A line for each source whose article file is missing or unreadable, naming the source, the file and why."""
    pairs = dict.fromkeys((c.source_id, c.capture) for c in checks if c.verbatim == MISSING)
    why = reasons or {}
    return [f"source {sid}: article file {capture}: {why.get(capture, 'file not found')}" for sid, capture in sorted(pairs)]


def summary(checks: list[QuoteCheck]) -> str:
    """One line: how many quotes are verbatim and how many fragments find them."""
    def count(field: str, verdict: str) -> int:
        return sum(getattr(c, field) == verdict for c in checks)

    return (f"{len(checks)} figures: {count('verbatim', YES)} quotes verbatim, {count('verbatim', FOLDED)} found only "
            f"with case or quote marks folded, {count('verbatim', NO)} not found, {count('verbatim', MISSING)} without "
            f"their article; {count('fragment', YES)} text fragments find their quote, {count('fragment', NO)} do not, "
            f"{count('fragment', NO_LINK)} with no link known, "
            f"{count('fragment', UNVERIFIABLE)} not verifiable.")
