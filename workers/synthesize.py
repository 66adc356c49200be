"""Synthesized article mixes with the outcome each article must get, for load tests.

`newsfeed replay --synthesize N --mix unique=0.5,near=0.2,exact=0.2,bad=0.1 --expected FILE`
streams N raw messages built from a corpus of real articles and writes, line by line, what the
pipeline must do with each (`newsfeed verify FILE` checks it afterwards):

- unique: paragraphs re-assembled from sentences of different corpus articles, people renamed
  and numbers changed. It is run through the project's own clean and dedupe stages while it is
  generated (the same `clean.clean` and `dedupe.dedupe` the worker runs, with the same
  threshold), and drawn again if it nearly duplicates any earlier synthesized article.
- near: a recent unique article with one light edit of the kinds `make bench-dedupe` scores
  (other page chrome, a paragraph dropped, a sentence added, words changed), kept only when the
  dedupe stage finds it a duplicate of that original and of no other article.
- exact: a recent unique article re-sent under a new id.
- bad: one of the rejection kinds the README lists, in turn (see BAD_KINDS).

Ordering: a copy (near or exact) is sent with its original's id as the Kafka key, so it lands on
the original's partition of articles.raw and reaches the (single-partition) dedupe stage after
the original; `duplicate_of` is therefore determined. Memory is bounded by construction: the
dedupe index used for the checks forgets uniques older than the last `window` checks (about
3 KB each with id and content hash), copies are drawn from the last `recent` originals, and nothing else is kept per record.
"""

from __future__ import annotations

import base64
import random
import re
from collections import deque
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Iterable, Iterator

import orjson

from workers.records import MAX_VALUE_BYTES, raw_record
from workers.stages import clean, dedupe
from workers.stages.dedupe import DedupeIndex
from workers.stages.errors import StageError

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = (ROOT / "seeds", ROOT / "tests" / "fixtures" / "entities", ROOT / "tests" / "fixtures" / "stories")
KINDS = ("unique", "near", "exact", "bad")
NEAR_EDITS = ("chrome", "drop_paragraph", "add_sentence", "change_words")
# Rejection kinds and the code the pipeline must give them (README, "Rejection codes"). The
# oversized article is costly to build and clean, so it comes once every TOO_LARGE_EVERY bad
# records (first as the 6th), the others in turn.
BAD_KINDS = {
    "not_json": "not_json",
    "binary_message": "undecodable",
    "wrong_types": "schema_violation",
    "binary_content": "not_text",
    "only_chrome": "empty_after_clean",
    "too_large": "too_large",
}
TOO_LARGE_EVERY = 25
MAX_ATTEMPTS = 50

# Page chrome around the article (one variant per page; a near copy may get another).
CHROME = (
    (("Home", "World", "Politics", "Business", "Sport"), ("Advertisement", "Share this article", "Most read")),
    (("Menu", "Search", "Sign in", "Subscribe"), ("Related stories", "Follow us on Twitter", "Copyright 2026")),
    (("News", "Video", "Live", "Weather"), ("Advertisement", "Comments", "Terms of use", "Privacy policy")),
    (("Skip to content", "Latest", "Opinion", "Markets"), ("Sign up for our newsletter", "Advertisement")),
)
FIRST_NAMES = tuple(
    """Amara Bruno Chloe Dmitri Elena Farid Greta Hamid Ines Jonas Kavya Lars Maren Nikos Olga Pablo
    Qadira Rafael Sanna Tobias Ulrike Viktor Wanjiru Xavier Yusuf Zofia Aiko Bilal Carmen Diego
    Esther Femi Goran Hana Ivo Jana Kemal Leila Mateo Nadia Oskar Priya Rosa Stefan Tamar Uma""".split()
)
SURNAMES = tuple(
    """Abara Brandt Castellano Dimitriou Eriksen Fonseca Gallagher Haddad Ivanova Jaramillo Kowalczyk
    Lindgren Mbeki Novak Okonkwo Petrov Quintero Rahimi Sorensen Takahashi Urquhart Valdivia Weiss
    Xu Yilmaz Zelenko Achebe Bianchi Carvalho Delacroix Engel Ferrante Grabowski Horvat Ibsen Janssen
    Kaur Lombardi Moreau Nakamura Ortega Pereira Rossi Schreiber Tanaka Uribe Vasquez Whitfield""".split()
)
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d\u2019)]))\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"\b[a-z]{5,}\b")


@dataclass(frozen=True)
class CorpusArticle:
    """An article of the corpus: its title, its paragraphs as lists of sentences, its people."""

    title: str | None
    paragraphs: tuple[tuple[str, ...], ...]
    persons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Page:
    """A synthesized page: what is rendered into the raw message."""

    title: str
    paragraphs: tuple[str, ...]
    chrome: int


@dataclass(frozen=True)
class Synthesized:
    """One message for articles.raw and the outcome the pipeline must give it."""

    key: bytes
    value: bytes
    expected: dict


@dataclass
class Counts:
    """What a synthesized mix holds: articles per kind (unique, near, exact, bad), uniques drawn again
    because they came out too close to another, and near copies that fell back to a simpler edit."""

    by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    redrawn_uniques: int = 0
    near_fallbacks: int = 0


def parse_mix(text: str) -> dict[str, float]:
    """'unique=0.5,near=0.2,exact=0.2,bad=0.1' -> shares summing to 1 (normalised).

    ValueError on an unknown kind, a negative or unparsable share, or all shares zero."""
    shares = dict.fromkeys(KINDS, 0.0)
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, value = part.partition("=")
        name = name.strip()
        if name not in shares:
            raise ValueError(f"unknown kind {name!r} in --mix (kinds: {', '.join(KINDS)})")
        try:
            share = float(value)
        except ValueError:
            raise ValueError(f"share of {name!r} is not a number: {value!r}") from None
        if share < 0:
            raise ValueError(f"share of {name!r} is negative")
        shares[name] = share
    total = sum(shares.values())
    if total <= 0:
        raise ValueError("--mix gives every kind a zero share")
    return {name: round(share / total, 12) for name, share in shares.items()}  # 0.5, not 0.5000000000000001


def schedule(mix: dict[str, float]) -> Iterator[str]:
    """An endless sequence of kinds whose running counts stay within one of `mix` (largest
    deficit first), so any prefix of N records has the mix's proportions, rounded."""
    counts = dict.fromkeys(mix, 0)
    position = 0
    while True:
        position += 1
        kind = max(mix, key=lambda k: (mix[k] * position - counts[k], mix[k]))
        counts[kind] += 1
        yield kind


# -- the corpus ----------------------------------------------------------------------------------


def sentences(paragraph: str) -> tuple[str, ...]:
    """The non-empty sentences of a paragraph, split after . ! ? and a space, stripped."""
    return tuple(s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip())


def _article(title: str | None, body: str, persons: Iterable[str] = ()) -> CorpusArticle | None:
    paragraphs = tuple(sentences(p) for p in body.split("\n\n") if p.strip())
    paragraphs = tuple(p for p in paragraphs if p)
    if not paragraphs:
        return None
    return CorpusArticle(title or None, paragraphs, tuple(sorted(set(persons), key=len, reverse=True)))


def _from_json(data: object) -> Iterator[CorpusArticle]:
    """An article fixture ({title, body, entities: {PERSON: [...]}}) or a collection of them."""
    if isinstance(data, dict) and isinstance(data.get("articles"), dict):
        for item in data["articles"].values():
            yield from _from_json(item)
    elif isinstance(data, dict) and isinstance(data.get("body"), str):
        entities = data.get("entities")
        persons = entities.get("PERSON", []) if isinstance(entities, dict) else []
        article = _article(data.get("title"), data["body"], [p for p in persons if isinstance(p, str)])
        if article:
            yield article


def _from_page(article_id: str, content: str, content_type: str) -> Iterator[CorpusArticle]:
    try:
        record = clean.clean(raw_record(article_id, content, content_type=content_type))
    except StageError:
        return
    article = _article(record.get("title"), record["body"])
    if article:
        yield article


def _from_file(path: Path) -> Iterator[CorpusArticle]:
    suffix = path.suffix.lower()
    if suffix == ".json":
        yield from _from_json(orjson.loads(path.read_bytes()))
    elif suffix in (".jsonl", ".ndjson"):
        with path.open("rb") as handle:
            for line in filter(None, (raw.strip() for raw in handle)):
                record = orjson.loads(line)
                if isinstance(record, dict) and isinstance(record.get("content"), str):
                    yield from _from_page(str(record.get("id")), record["content"], record.get("content_type", "text/plain"))
                else:
                    yield from _from_json(record)
    elif suffix in (".txt", ".html", ".htm"):
        content_type = "text/plain" if suffix == ".txt" else "text/html"
        yield from _from_page(path.stem, path.read_text(encoding="utf-8", errors="replace"), content_type)


def load_corpus(paths: Iterable[str | Path] | None = None) -> list[CorpusArticle]:
    """Articles from files and folders: article JSON fixtures, raw JSON lines, page dumps (.txt)
    and HTML, the last two through the clean stage. Default: seeds/ and the article fixtures of
    tests/fixtures/ (the folders that exist). ValueError when nothing usable is found;
    FileNotFoundError for a path that does not exist."""
    chosen = [Path(p) for p in paths] if paths else [p for p in DEFAULT_CORPUS if p.exists()]
    articles: list[CorpusArticle] = []
    for path in chosen:
        if not path.exists():
            raise FileNotFoundError(f"no such corpus file or folder: {path}")
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
        for file in files:
            articles.extend(_from_file(file))
    if sum(len(p) for a in articles for p in a.paragraphs) < 20:
        raise ValueError("the corpus has too few sentences to synthesize articles (need 20 or more)")
    return articles


# -- building pages ------------------------------------------------------------------------------


class Renamer:
    """People renamed consistently within one synthesized article; digits changed."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.names: dict[str, str] = {}

    def _new_name(self, person: str) -> str:
        if person not in self.names:
            given, surname = self.rng.choice(FIRST_NAMES), self.rng.choice(SURNAMES)
            self.names[person] = f"{given} {surname}"
            last = person.split()[-1]
            if last != person:
                self.names.setdefault(last, surname)
        return self.names[person]

    def apply(self, sentence: str, persons: tuple[str, ...]) -> str:
        """`sentence` with each of `persons` (full name, then surname alone) and each number replaced."""
        for person in persons:
            if person in sentence:
                sentence = re.sub(rf"\b{re.escape(person)}\b", self._new_name(person), sentence)
            last = person.split()[-1]
            if last != person and re.search(rf"\b{re.escape(last)}\b", sentence):
                self._new_name(person)
                sentence = re.sub(rf"\b{re.escape(last)}\b", self.names[last], sentence)
        return _DIGITS.sub(lambda m: str(self.rng.randrange(10 ** (len(m.group()) - 1), 10 ** len(m.group()))), sentence)


def render(page: Page) -> str:
    """The page dump: chrome lines, the title, one line per paragraph, chrome lines."""
    top, bottom = CHROME[page.chrome]
    return "\n".join((*top, page.title, *page.paragraphs, *bottom))


class Synthesizer:
    """Generates the mix; keeps a bounded dedupe index and a ring of recent originals.

    corpus: articles to draw sentences from; seed: makes a run reproducible (ids too), so a
    second run with the same seed into the same pipeline is all duplicates of the first;
    index: a DedupeIndex configured as the worker's (threshold, num_perm); window: how many of
    the latest checks (articles run through clean and dedupe) the index remembers the uniques
    of (older ones are forgotten: memory stays bounded); recent: originals that copies are
    drawn from.
    """

    def __init__(self, corpus: list[CorpusArticle], seed: int, index: DedupeIndex | None = None,
                 window: int = 10_000, recent: int = 256):
        self.corpus = corpus
        self.seed = seed
        self.rng = random.Random(seed)
        self.prefix = f"syn-{seed:x}-"
        self.index = index or DedupeIndex()
        self.window = window
        self.originals: deque[tuple[str, Page]] = deque(maxlen=recent)
        self.counts = Counts()
        self.position = 0
        self.clock = 0.0
        self.bad_seen = 0
        self.vocabulary = sorted({w for a in corpus for p in a.paragraphs for s in p for w in _WORD.findall(s)})
        self.titled = [a for a in corpus if a.title] or corpus

    def records(self, n: int, mix: dict[str, float]) -> Iterator[Synthesized]:
        """`n` messages of `mix` (see parse_mix); a copy when no original exists yet is a unique."""
        for _, kind in zip(range(n), schedule(mix)):
            article_id = f"{self.prefix}{self.position:07d}"
            self.position += 1
            if kind in ("near", "exact") and not self.originals:
                kind = "unique"
            item = getattr(self, f"_{kind}")(article_id)
            self.counts.by_kind[item.expected["kind"]] += 1
            yield item

    # kinds ------------------------------------------------------------------------------------

    def _compose(self) -> Page:
        renamer = Renamer(self.rng)
        source = self.rng.choice(self.titled)
        title = renamer.apply(source.title or "News in brief", source.persons)
        paragraphs = []
        for _ in range(self.rng.randint(3, 7)):
            picked = [self._sentence(renamer) for _ in range(self.rng.randint(1, 3))]
            paragraphs.append(" ".join(picked))
        return Page(title, tuple(paragraphs), self.rng.randrange(len(CHROME)))

    def _sentence(self, renamer: Renamer) -> str:
        article = self.rng.choice(self.corpus)
        paragraph = self.rng.choice(article.paragraphs)
        return renamer.apply(self.rng.choice(paragraph), article.persons)

    def _message(self, article_id: str, page: Page, key: str, expected: dict) -> Synthesized:
        record = raw_record(article_id, render(page))
        return Synthesized(key.encode("utf-8"), orjson.dumps(record), {"id": article_id, **expected})

    def _outcome(self, article_id: str, page: Page) -> dict | None:
        """What clean + dedupe do with `page` now (a unique is remembered), or None when clean rejects it."""
        try:
            cleaned = clean.clean(raw_record(article_id, render(page)))
        except StageError:
            return None
        self.clock += 1.0
        return dedupe.dedupe(cleaned, self.index, self.clock)

    def _unique(self, article_id: str) -> Synthesized:
        for _ in range(MAX_ATTEMPTS):
            page = self._compose()
            outcome = self._outcome(article_id, page)
            if outcome is not None and outcome["status"] == "unique":
                self.originals.append((article_id, page))
                self.index.expire(self.clock - self.window)
                return self._message(article_id, page, article_id, {"kind": "unique", "outcome": "enriched"})
            self.counts.redrawn_uniques += 1
        raise RuntimeError(f"no unique article in {MAX_ATTEMPTS} attempts: the corpus is too small or too repetitive")

    def _exact(self, article_id: str, original: tuple[str, Page] | None = None) -> Synthesized:
        original_id, page = original or self.rng.choice(self.originals)
        return self._message(article_id, page, original_id, {
            "kind": "exact", "outcome": "duplicate", "duplicate_of": original_id, "reason": "same_content",
        })

    def _near(self, article_id: str) -> Synthesized:
        original_id, page = original = self.rng.choice(self.originals)
        for edit in self.rng.sample(NEAR_EDITS, len(NEAR_EDITS)):
            edited = getattr(self, f"_edit_{edit}")(page)
            reason = self._duplicate_only_of(article_id, edited, original_id) if edited else None
            if reason:
                return self._message(article_id, edited, original_id, {
                    "kind": "near", "edit": edit, "outcome": "duplicate", "duplicate_of": original_id, "reason": reason,
                })
        self.counts.near_fallbacks += 1  # no light edit stayed a near duplicate of it alone
        return self._exact(article_id, original)

    def _duplicate_only_of(self, article_id: str, page: Page, original_id: str) -> str | None:
        """The dedupe reason when `page` duplicates `original_id` and nothing else remembered
        (so arrival order between other articles cannot change its duplicate_of); else None."""
        outcome = self._outcome(article_id, page)
        if outcome is None or outcome["status"] != "duplicate" or outcome["duplicate_of"] != original_id:
            if outcome is not None and outcome["status"] == "unique":
                self.index.forget(article_id)
            return None
        entry = self.index.entry(original_id)
        self.index.forget(original_id)
        try:
            alone = self._outcome(article_id, page)
            if alone is not None and alone["status"] == "unique":
                self.index.forget(article_id)
        finally:
            self.index.load(entry)
        return outcome["reason"] if alone is not None and alone["status"] == "unique" else None

    # near edits (a light change each; None when the page is too short for it) ----------------------

    def _edit_chrome(self, page: Page) -> Page:
        return replace(page, chrome=(page.chrome + 1 + self.rng.randrange(len(CHROME) - 1)) % len(CHROME))

    def _edit_drop_paragraph(self, page: Page) -> Page | None:
        if len(page.paragraphs) < 4:
            return None
        drop = self.rng.randrange(1, len(page.paragraphs))
        return replace(page, paragraphs=page.paragraphs[:drop] + page.paragraphs[drop + 1:])

    def _edit_add_sentence(self, page: Page) -> Page:
        at = self.rng.randrange(len(page.paragraphs))
        extra = self._sentence(Renamer(self.rng))
        paragraphs = list(page.paragraphs)
        paragraphs[at] = f"{paragraphs[at]} {extra}"
        return replace(page, paragraphs=tuple(paragraphs))

    def _edit_change_words(self, page: Page) -> Page | None:
        paragraphs = list(page.paragraphs)
        for _ in range(3):
            at = self.rng.randrange(len(paragraphs))
            words = list(_WORD.finditer(paragraphs[at]))
            if not words or not self.vocabulary:
                continue
            hit = self.rng.choice(words)
            text = paragraphs[at]
            paragraphs[at] = text[: hit.start()] + self.rng.choice(self.vocabulary) + text[hit.end():]
        return replace(page, paragraphs=tuple(paragraphs))

    # bad input ---------------------------------------------------------------------------------

    def _bad(self, article_id: str) -> Synthesized:
        self.bad_seen += 1
        ordinary = [k for k in BAD_KINDS if k != "too_large"]
        if self.bad_seen % TOO_LARGE_EVERY == len(ordinary) + 1:
            kind = "too_large"
        else:
            kind = ordinary[(self.bad_seen - 1) % len(ordinary)]
        value = getattr(self, f"_bad_{kind}")(article_id)
        return Synthesized(article_id.encode("utf-8"), value, {
            "id": article_id, "kind": "bad", "bad": kind, "outcome": "rejected", "code": BAD_KINDS[kind],
        })

    def _bad_not_json(self, article_id: str) -> bytes:
        return f'{{"id": "{article_id}", "content": unquoted text, "content_type"'.encode("utf-8")

    def _bad_binary_message(self, article_id: str) -> bytes:
        return b"\xff\xfe\x00\x9c" + article_id.encode("ascii") + bytes(self.rng.randrange(256) for _ in range(64))

    def _bad_wrong_types(self, article_id: str) -> bytes:
        record = raw_record(article_id, "text")
        return orjson.dumps({**record, "content": self.rng.randrange(10**6), "schema_version": "1"})

    def _bad_binary_content(self, article_id: str) -> bytes:
        noise = "".join(chr(self.rng.choice((0, 1, 2, 3, 7, 8, 14, 27))) + "\ufffd" for _ in range(200))
        return orjson.dumps(raw_record(article_id, noise))

    def _bad_only_chrome(self, article_id: str) -> bytes:
        top, bottom = CHROME[self.rng.randrange(len(CHROME))]
        return orjson.dumps(raw_record(article_id, "\n".join((*top, *bottom))))

    def _bad_too_large(self, article_id: str) -> bytes:
        """Distinct prose paragraphs of numbered sentences, each under PARAGRAPH_CHARS (so the clean
        stage neither drops one as repeated nor splits it as a flattened page, and few enough lines
        for its line cap) until the raw record is just under MAX_VALUE_BYTES: its clean
        record (body plus paragraphs) is then about twice that, over the limit."""
        renamer, paragraphs, size = Renamer(self.rng), [], 0
        while size < MAX_VALUE_BYTES * 0.98:
            n, parts, length = len(paragraphs), [], 0
            while True:
                sentence = f"In note {n}-{len(parts)} of the record, {self._sentence(renamer)}"
                if parts and length + len(sentence) + 1 > PARAGRAPH_CHARS:
                    break
                parts.append(sentence[:PARAGRAPH_CHARS])
                length += len(sentence) + 1
            paragraph = " ".join(parts)
            paragraphs.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 8
        return orjson.dumps(raw_record(article_id, "A long record\n" + "\n".join(paragraphs)))


PARAGRAPH_CHARS = 990  # under the clean stage's long-line threshold (clean/blocks.py)


def id_in_payload(payload: str, prefix: str) -> str | None:
    """The synthesized id inside a (rejected) payload whose record has no readable id."""
    match = re.search(re.escape(prefix) + r"\d{7}", payload)
    return match.group() if match else None


def payload_text(record: dict) -> str:
    """A rejected record's payload as text (base64 payloads decoded, undecodable bytes replaced)."""
    payload = record.get("payload") or ""
    if record.get("payload_encoding") == "base64":
        return base64.b64decode(payload).decode("utf-8", errors="replace")
    return payload


def write_expected(items: Iterable[Synthesized], out: IO[bytes], meta: dict) -> Iterator[Synthesized]:
    """Pass `items` through, writing a header line (`meta`), then each item's expected outcome
    as one JSON line before the item is yielded (so a message is never sent unrecorded)."""
    out.write(orjson.dumps({"meta": meta}) + b"\n")
    for item in items:
        out.write(orjson.dumps(item.expected) + b"\n")
        yield item
    out.flush()


async def publish_stream(settings, messages: Iterable[Synthesized], *, rate: float | None = None) -> tuple[int, int, float]:
    """Send `messages` (consumed lazily) to the raw topic through replay's bounded sender
    (`workers.replay.publish`: at most MAX_IN_FLIGHT unacknowledged, at `rate` messages/s or flat
    out). Returns (sent, failed, seconds); memory does not grow with the number of messages."""
    from workers.replay import Message, publish

    items = (Message(key=m.key.decode("utf-8"), value=m.value, origin=f"synthesized:{m.key.decode('utf-8')}") for m in messages)
    summary = await publish(settings, items, rate=rate, show_progress=False)
    return summary.sent, summary.failed, summary.seconds

