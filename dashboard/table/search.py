"""The search of the figures: by words in both languages, ranked, tolerant of a typo; pure pandas and rapidfuzz.

How a query is read:

- Latin words (letters and digits) match whole words of the figures' text or their beginnings: "hang" finds
  Hangzhou, "ai" does not find "China Daily" or "detail". Words of one or two characters and numbers match whole
  words only ("ai" finds AI, "9" finds 9 trillion but not 90). Every word must match (AND).
- Chinese has no spaces: a run of Chinese characters matches anywhere in the Chinese text (万亿 finds 超过9万亿元).
- Both languages are searched whatever the page's: indicator, place, label, sector, unit, the value as written
  (value_text, value_label, usd_text in English and Chinese), status, quote, note, source headline and publisher.
- Well-known abbreviations and their long forms are one word (SYNONYMS): GDP, gross domestic product and 地区生产总值
  find the same figures.
- A word of four letters or more that matches nothing finds the words one typo away (rapidfuzz's Levenshtein
  distance): "Hangzou" finds Hangzhou, and says so. When nothing is found the closest words are suggested.
- Ranked: a match in the indicator's name or the place first, then label, sector, unit, value or status, then the
  quote, then note and source; ties in data order.
- Bounded: the first MAX_CHARS characters and MAX_TERMS words are searched (the rest is said to be cut); the index,
  vocabulary included, is built once per data version (`build`), and a query costs a few milliseconds at 10,000
  figures.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

MAX_CHARS = 200  # characters of a query searched
MAX_TERMS = 12  # words (a synonym's long form counting as one) of a query searched
MIN_PREFIX = 3  # shorter words, and numbers, match whole words only
MIN_FUZZY = 4  # words this long or longer are found one typo away
SUGGESTIONS = 3  # closest words suggested when nothing matches

# The columns searched, by rank: a match in an earlier group ranks a figure higher.
TIERS = (
    ("indicator", "indicator_zh", "geography", "geography_zh"),
    ("label", "label_zh", "sector_label", "sector_label_zh", "unit_label", "unit_label_zh", "value_text",
     "value_text_zh", "value_label", "value_label_zh", "usd_text", "usd_text_zh", "status", "status_zh"),
    ("quote",),
    ("note", "note_zh", "source_title", "publisher", "publisher_zh", "figure_id"),
)
NONE = len(TIERS)  # the rank of no match

# Words that name the same thing: a query holding one of them searches for any of them. The first is how the
# interface writes it. Keep to well-known abbreviations of the data's indicators.
SYNONYMS = (
    ("GDP", "gross domestic product", "地区生产总值", "生产总值"),
    ("AI", "artificial intelligence", "人工智能"),
    ("R&D", "research and development", "研发"),
)

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
WORD = re.compile(r"[^\W_]+(?:[&'.][^\W_]+)*")  # a word, with its inner & ' . (R&D, Zhejiang's, 9.5)
SEPARATORS = re.compile(r"[&'.]")  # between the parts of a word (r and d; 9 and 5)
LATIN = re.compile(f"[^\\W_{HAN}]+(?:[&'.][^\\W_{HAN}]+)*")  # a word of a query, Chinese characters left out


def _fold(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").casefold()


def _words(text: str, forms: dict[str, str]) -> list[str]:
    """The words of a text, casefolded, and their parts, without Chinese characters (those are matched as runs).

    Each word's first spelling in the data goes into `forms` (Hangzhou for hangzhou), to suggest it as written.
    """
    found = set()
    for word in set(WORD.findall(HAN_RUN.sub(" ", text.replace("’", "'").replace("‘", "'")))):
        folded = word.casefold()
        forms.setdefault(folded, word)
        found.add(folded)
        if not folded.isalnum():
            found.update(p for p in SEPARATORS.split(folded) if p)
    return list(found)


@dataclass(frozen=True)
class Index:
    """The figures' words, built once per data version: a sorted vocabulary with, for each word, its figures."""

    ids: tuple[str, ...]  # figure ids, in data order
    vocab: tuple[str, ...]  # distinct words, sorted
    forms: dict[str, str]  # each word as the data first writes it (Hangzhou), to suggest
    starts: np.ndarray  # the figures of vocab[i] are rows[starts[i]:starts[i + 1]]
    rows: np.ndarray  # row positions
    ranks: np.ndarray  # the tier of the best match of the word in that row
    texts: tuple[str, ...]  # each tier's text, casefolded, all rows in one string: where Chinese runs are looked for
    offsets: np.ndarray  # where each row's text starts in those strings (one row a column, and the end)
    fuzzy: tuple[str, ...]  # the vocabulary's words of MIN_FUZZY letters or more, for typos and suggestions


def build(frame: pd.DataFrame) -> Index:
    """The index of a frame with the English columns and their Chinese twins (the dataset's `frame`)."""
    n = len(frame)
    texts, offsets, words, rows, ranks, forms = [], [], [], [], [], {}
    for tier, columns in enumerate(TIERS):
        present = [frame[c].fillna("").astype(str).tolist() for c in columns if c in frame.columns]
        joined = [" \n ".join(values) for values in zip(*present, strict=True)] if present else [""] * n
        folded = [_fold(text) + "\0" for text in joined]  # no run crosses from one row into the next
        texts.append("".join(folded))
        offsets.append(np.cumsum([0] + [len(text) for text in folded]))
        for row, text in enumerate(joined):
            found = _words(text, forms)
            words += found
            rows += [row] * len(found)
            ranks += [tier] * len(found)
    table = pd.DataFrame({"word": words, "row": rows, "rank": ranks})
    table = table.groupby(["word", "row"], sort=True)["rank"].min().reset_index()
    vocab, starts = np.unique(table["word"].to_numpy(dtype=str), return_index=True)
    return Index(ids=tuple(frame["figure_id"].astype(str)), vocab=tuple(vocab.tolist()), forms=forms,
                 starts=np.append(starts, len(table)), rows=table["row"].to_numpy(dtype=np.int64),
                 ranks=table["rank"].to_numpy(dtype=np.int8), texts=tuple(texts), offsets=np.array(offsets).T,
                 fuzzy=tuple(w for w in vocab.tolist() if len(w) >= MIN_FUZZY and w.isalpha()))


@dataclass(frozen=True)
class Found:
    """What a query found: figure ids, best first; what was searched; near spellings used; suggestions."""

    ids: tuple[str, ...]
    terms: tuple[str, ...]  # the words searched, as typed (a synonym's long form as one)
    near: tuple[tuple[str, str], ...] = ()  # (word typed, word found one typo away)
    suggestions: tuple[str, ...] = ()  # whole queries to try instead, when nothing was found
    cut: bool = False  # the query was longer than MAX_CHARS characters or MAX_TERMS words


@dataclass(frozen=True)
class _Term:
    typed: str
    alternatives: tuple[tuple[str, ...], ...]  # any one alternative, all of whose atoms match


def _synonym_pattern() -> re.Pattern:
    phrases = sorted({_fold(p) for group in SYNONYMS for p in group}, key=len, reverse=True)
    return re.compile("|".join(re.escape(p) if HAN_RUN.fullmatch(p) else rf"(?<![^\W_]){re.escape(p)}(?![^\W_])"
                               for p in phrases), re.IGNORECASE)


SYNONYM = _synonym_pattern()
GROUPS = {_fold(p): group for group in SYNONYMS for p in group}


def _atoms(phrase: str) -> list[str]:
    """A phrase as its atoms, as written: Latin words and runs of Chinese characters, in order."""
    return [m.group() for m in re.finditer(f"[{HAN}]+|{LATIN.pattern}", phrase.replace("’", "'"))]


def _term(atom: str) -> _Term:
    return _Term(atom, ((_fold(atom),),))


def _terms(text: str) -> list[_Term]:
    """The query's terms: synonyms as one term of several alternatives, every other word or Chinese run as itself."""
    terms, at = [], 0
    for match in SYNONYM.finditer(text.replace("’", "'")):
        terms += [_term(a) for a in _atoms(text[at:match.start()])]
        group = GROUPS[_fold(match.group())]
        terms.append(_Term(match.group(), tuple(tuple(map(_fold, _atoms(p))) for p in group)))
        at = match.end()
    terms += [_term(a) for a in _atoms(text[at:])]
    unique = {}
    for term in terms:
        unique.setdefault(term.alternatives, term)
    return list(unique.values())


def _word_ranks(index: Index, word: str) -> np.ndarray | None:
    """The best rank of `word` (whole, or as a beginning) in each row; None when no word of the data matches."""
    vocab = index.vocab
    low = bisect.bisect_left(vocab, word)
    if len(word) < MIN_PREFIX or word.isdigit() or not word.isalnum():
        high = low + 1 if low < len(vocab) and vocab[low] == word else low
    else:
        high = bisect.bisect_left(vocab, word + "\U0010ffff", lo=low)
    if high == low:
        return None
    ranks = np.full(len(index.ids), NONE, dtype=np.int8)
    span = slice(index.starts[low], index.starts[high])
    np.minimum.at(ranks, index.rows[span], index.ranks[span])
    return ranks


def _han_ranks(index: Index, run: str) -> np.ndarray:
    """The best rank of a run of Chinese characters in each row: found anywhere in the row's text."""
    ranks = np.full(len(index.ids), NONE, dtype=np.int8)
    for tier in range(len(TIERS) - 1, -1, -1):  # the best tier written last
        text, starts, hits = index.texts[tier], index.offsets[:, tier], []
        at = text.find(run)
        while at >= 0:  # once a row is found, go on from the next row
            row = int(np.searchsorted(starts, at, side="right")) - 1
            hits.append(row)
            at = text.find(run, starts[row + 1])
        ranks[hits] = tier
    return ranks


def _near(index: Index, word: str) -> list[str]:
    """Words of the data one typo (an edit) away from `word`, closest first."""
    if len(word) < MIN_FUZZY or not word.isalpha():
        return []
    found = process.extract(word, index.fuzzy, scorer=Levenshtein.distance, score_cutoff=1, limit=5)
    return [choice for choice, _, _ in sorted(found, key=lambda f: (f[1], f[2]))]


def _closest(index: Index, word: str) -> list[str]:
    """The words of the data that look most like `word`, to suggest: most alike, then most used, first."""
    if len(word) < MIN_PREFIX or not word.isalpha():
        return []
    found = process.extract(word, index.fuzzy, scorer=fuzz.ratio, score_cutoff=70, limit=10)

    def used(choice: str) -> int:
        at = bisect.bisect_left(index.vocab, choice)
        return int(index.starts[at + 1] - index.starts[at])

    return [choice for choice, _, _ in sorted(found, key=lambda f: (-f[1], -used(f[0]), f[0]))][:SUGGESTIONS]


def find(index: Index, text: str) -> Found:
    """The figures `text` finds, best first (see the module's docstring)."""
    cut = len(text) > MAX_CHARS
    terms = _terms(text[:MAX_CHARS])
    if len(terms) > MAX_TERMS:
        terms, cut = terms[:MAX_TERMS], True
    if not terms:
        return Found(ids=index.ids, terms=(), cut=cut)
    n, near, missing = len(index.ids), [], []
    best, total = np.zeros(n, dtype=np.int8), np.zeros(n, dtype=np.int16)
    for term in terms:
        ranks = np.full(n, NONE, dtype=np.int8)
        for atoms in term.alternatives:
            alternative = np.zeros(n, dtype=np.int8)
            for atom in atoms:
                if HAN_RUN.fullmatch(atom):
                    found = _han_ranks(index, atom)
                else:
                    found = _word_ranks(index, atom)
                    if found is None and len(term.alternatives) == 1:
                        for word in _near(index, atom):
                            more = _word_ranks(index, word)
                            found = more if found is None else np.minimum(found, more)
                            near.append((term.typed, index.forms.get(word, word)))
                if found is None:
                    alternative[:] = NONE
                    break
                alternative = np.maximum(alternative, found)
            ranks = np.minimum(ranks, alternative)
        if (ranks == NONE).all():
            missing.append(term)
        best, total = np.maximum(best, ranks), total + ranks
    hits = np.flatnonzero(best < NONE)
    order = hits[np.lexsort((hits, total[hits], best[hits]))]
    ids = tuple(index.ids[i] for i in order)
    typed = tuple(term.typed for term in terms)
    suggestions = () if ids else _suggest(index, text[:MAX_CHARS], missing)
    return Found(ids=ids, terms=typed, near=tuple(dict.fromkeys(near)), suggestions=suggestions, cut=cut)


def _suggest(index: Index, text: str, missing: list[_Term]) -> tuple[str, ...]:
    """Queries to try: the words that found nothing replaced by the closest words of the data."""
    suggestions = []
    for term in missing:
        for word in _closest(index, _fold(term.typed)):
            form = index.forms.get(word, word)
            suggestions.append(re.sub(re.escape(term.typed), lambda _m, f=form: f, text, count=1, flags=re.I))
    return tuple(dict.fromkeys(suggestions))[:SUGGESTIONS]


def search(frame: pd.DataFrame, text: str) -> pd.DataFrame:
    """The rows of `frame` that `text` finds, best first (an index built for this call: for tests and scripts)."""
    found = find(build(frame), text)
    return frame.set_index("figure_id", drop=False).loc[list(found.ids)].reset_index(drop=True)
