"""Per-paragraph NER cache: a paragraph seen before (in the same few words of context) is not
tagged again.

Real streams carry updated and syndicated versions of an article that are not duplicates but
share most paragraphs. spaCy's NER decides each token from a window of neighbouring tokens: in
en_core_web_sm the NER's own tok2vec is a MaxoutWindowEncoder of depth 4 and window 1 (4 tokens
each side, spaCy's `spacy.MaxoutWindowEncoder.v2` config of the model), and the transition
system reads the state's current tokens. So the entities of a paragraph depend only on the
paragraph and a few tokens on either side. The cache key is the paragraph's text together with
CONTEXT_TOKENS tokens on each side (the blank-line separator included), exactly as they appear
in the text (the clean stage has already normalised it: NFC, whitespace); the value is the
paragraph's entity spans as character offsets relative to the paragraph (offsets re-based on
the way out). Texts are the bodies and titles `entities.tag` passes to `nlp.pipe`; paragraphs are
separated by whitespace tokens holding a blank line.

On a batch: every text is tokenised (the tokenizer only, cheap), each paragraph looked up; runs
of consecutive missing paragraphs are parsed together with their context as one text, so an
article seen for the first time costs one parse of its own text (no overhead), and each parsed
paragraph is stored. Each text's Doc is then the tokenizer's Doc with the entities set from the
paragraphs' spans. Entity output is identical to `nlp.pipe` over the whole texts (tested on the
test corpus); an entity that would cross a paragraph break is never cached, and a span that
does not align with the text's tokens makes that text fall back to a full parse.

The cache is state: it is created by the caller (one per NER pool process) and passed in;
stages keep none of their own.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import numpy as np
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

# Tokens of context each side of a paragraph (the separator counts as one): the model's
# receptive field is 4 tokens each side; two more for the transition features and margin.
CONTEXT_TOKENS = 6
DEFAULT_PARAGRAPHS = 20_000

Spans = tuple[tuple[int, int, str], ...]


@dataclass
class ParagraphCache:
    """A bounded LRU of paragraph-in-context keys -> entity spans (start, end, label), offsets
    relative to the paragraph. `max_paragraphs` bounds memory (about 200 bytes per paragraph
    with a few entities); `hits` and `misses` count paragraph lookups."""

    max_paragraphs: int = DEFAULT_PARAGRAPHS
    hits: int = 0
    misses: int = 0
    _entries: OrderedDict = field(default_factory=OrderedDict, repr=False)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: bytes) -> Spans | None:
        """The model's spans stored under `key` (a paragraph's hash), made the most recently used, or
        None; counts a hit or a miss."""
        found = self._entries.get(key)
        if found is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return found

    def put(self, key: bytes, spans: Spans) -> None:
        """Stores `spans` under `key` as the most recently used, evicting the least recently used
        entries beyond max_paragraphs."""
        self._entries[key] = spans
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_paragraphs:
            self._entries.popitem(last=False)


@dataclass
class _Paragraph:
    start: int  # token range in the text's Doc
    end: int
    key: bytes
    char_start: int
    char_end: int
    spans: Spans | None = None


def paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the paragraphs of `doc`: between whitespace tokens holding a blank line."""
    ranges, start = [], 0
    for i in np.flatnonzero(doc.to_array(IS_SPACE)).tolist():
        if "\n\n" in doc[i].text:
            if i > start:
                ranges.append((start, i))
            start = i + 1
    if start < len(doc):
        ranges.append((start, len(doc)))
    return ranges


def _window(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range of [start, end) with CONTEXT_TOKENS each side, widened to whole
    whitespace-delimited chunks (so the window's text tokenises into the same tokens)."""
    left, right = max(0, start - CONTEXT_TOKENS), min(len(doc), end + CONTEXT_TOKENS)
    while left > 0 and not doc[left - 1].whitespace_:
        left -= 1
    while right < len(doc) and not doc[right - 1].whitespace_:
        right += 1
    return left, right


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def _keyed(doc: Doc, start: int, end: int) -> _Paragraph:
    left, right = _window(doc, start, end)
    w_start, w_end = _chars(doc, left, right)
    p_start, p_end = _chars(doc, start, end)
    text = doc.text[w_start:w_end]
    digest = hashlib.blake2b(f"{p_start - w_start}:{p_end - w_start}:{text}".encode("utf-8", "surrogatepass"),
                             digest_size=16).digest()
    return _Paragraph(start, end, digest, p_start, p_end)


def _plan(docs: list[Doc], cache: ParagraphCache) -> tuple[list[list[_Paragraph]], list[tuple[int, int, int]]]:
    """Paragraphs of each doc with cached spans filled in, and the runs to parse: (doc index,
    first paragraph, last paragraph + 1). A paragraph already in an earlier run of this batch
    is not parsed twice."""
    planned, runs, claimed = [], [], {}
    for d, doc in enumerate(docs):
        found = [_keyed(doc, a, b) for a, b in paragraphs(doc)]
        run_start = None
        for i, paragraph in enumerate(found):
            paragraph.spans = cache.get(paragraph.key)
            missing = paragraph.spans is None and paragraph.key not in claimed
            if missing:
                claimed[paragraph.key] = (d, i)
                run_start = i if run_start is None else run_start
            elif run_start is not None:
                runs.append((d, run_start, i))
                run_start = None
        if run_start is not None:
            runs.append((d, run_start, len(found)))
        planned.append(found)
    return planned, runs


def _store(doc: Doc, parsed: Doc, offset: int, found: list[_Paragraph], cache: ParagraphCache) -> bool:
    """Give each paragraph of the run its spans from `parsed` (the run's window, starting at
    char `offset` of `doc`) and cache them; False when an entity crosses a paragraph break."""
    ents = [(e.start_char + offset, e.end_char + offset, e.label_) for e in parsed.ents]
    for paragraph in found:
        inside = [(s, e, label) for s, e, label in ents if s >= paragraph.char_start and e <= paragraph.char_end]
        paragraph.spans = tuple((s - paragraph.char_start, e - paragraph.char_start, label) for s, e, label in inside)
    first, last = found[0].char_start, found[-1].char_end
    covered = sum(len(p.spans) for p in found)
    if covered != sum(1 for s, e, _ in ents if s < last and e > first):
        return False
    for paragraph in found:
        cache.put(paragraph.key, paragraph.spans)
    return True


def _compose(nlp: Language, text: str, doc: Doc, found: list[_Paragraph]) -> Doc:
    spans = []
    for paragraph in found:
        for start, end, label in paragraph.spans or ():
            span = doc.char_span(paragraph.char_start + start, paragraph.char_start + end, label=label)
            if span is None:
                return nlp(text)
            spans.append(span)
    doc.set_ents(spans, default="outside")
    return doc


# A text over the model's `max_length` (spaCy refuses it, E088: about 1 GB of working memory per
# 100,000 characters for a full pipeline) is tagged in pieces of at most this many characters,
# cut after a line break, and the pieces' Docs joined back (`Doc.from_docs`, offsets re-based).
LONG_TEXT_PIECE_CHARS = 100_000


def pieces(text: str, size: int = LONG_TEXT_PIECE_CHARS) -> list[str]:
    """`text` cut into pieces of at most `size` characters whose concatenation is `text`: after the
    last line break of each piece, else after its last space, else at `size`."""
    out, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = window.rfind("\n") + 1 or window.rfind(" ") + 1 or size
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out


def _long(nlp: Language, text: str) -> Doc:
    """The Doc of a text over `nlp.max_length`, tagged piece by piece (see `pieces`)."""
    size = min(LONG_TEXT_PIECE_CHARS, nlp.max_length)
    return Doc.from_docs(list(nlp.pipe(pieces(text, size))), ensure_whitespace=False)


def pipe(nlp: Language, texts: Iterable[str], cache: ParagraphCache | None = None) -> Iterator[Doc]:
    """`nlp.pipe(texts)` with the entities of paragraphs seen before taken from `cache` (see
    the module docstring); without a cache, exactly `nlp.pipe(texts)`. A text over the model's
    `max_length` is tagged in pieces (`_long`) instead of failing."""
    texts = list(texts)
    long = {i for i, text in enumerate(texts) if len(text) > nlp.max_length}
    if not long:
        yield from _pipe(nlp, texts, cache)
        return
    short = _pipe(nlp, [text for i, text in enumerate(texts) if i not in long], cache)
    for i, text in enumerate(texts):
        yield _long(nlp, text) if i in long else next(short)


def _pipe(nlp: Language, texts: list[str], cache: ParagraphCache | None) -> Iterator[Doc]:
    if cache is None:
        yield from nlp.pipe(texts)
        return
    docs = [nlp.make_doc(text) for text in texts]
    planned, runs = _plan(docs, cache)
    windows = []
    for d, first, last in runs:
        found = planned[d][first:last]
        left, _ = _window(docs[d], found[0].start, found[0].end)
        _, right = _window(docs[d], found[-1].start, found[-1].end)
        windows.append(_chars(docs[d], left, right))
    whole: dict[int, Doc] = {}
    broken: set[int] = set()
    inputs = []
    for (d, first, last), (w_start, w_end) in zip(runs, windows):
        entire = w_start == 0 and w_end == len(texts[d]) and first == 0 and last == len(planned[d])
        # nlp.pipe takes Docs as they are: the tokens are not made twice
        inputs.append(docs[d] if entire else docs[d].char_span(w_start, w_end).as_doc())
    for (d, first, last), (w_start, _), parsed in zip(runs, windows, nlp.pipe(inputs)):
        if parsed is docs[d]:
            whole[d] = parsed  # the whole text in one run: tagged in place, as nlp.pipe would
        if not _store(docs[d], parsed, w_start, planned[d][first:last], cache):
            broken.add(d)
    for d, text in enumerate(texts):
        if d in whole:
            yield whole[d]
        elif d in broken or any(p.spans is None for p in planned[d]):
            yield nlp(text) if d in broken else _resolve(nlp, text, docs[d], planned, d, cache)
        else:
            yield _compose(nlp, text, docs[d], planned[d])


def _resolve(nlp: Language, text: str, doc: Doc, planned: list[list[_Paragraph]], d: int, cache: ParagraphCache) -> Doc:
    """A text whose paragraphs were parsed in another text's run of this batch: their spans
    are in the cache now (or, evicted or uncacheable, the text is parsed whole)."""
    for paragraph in planned[d]:
        if paragraph.spans is None:
            paragraph.spans = cache._entries.get(paragraph.key)
            if paragraph.spans is None:
                return nlp(text)
    return _compose(nlp, text, doc, planned[d])
