"""Language identification with py3langid; the model is loaded once, on first use."""

from __future__ import annotations

import functools

SAMPLE_CHARS = 240
MIN_CHARS = 40
MIN_WORDS = 6


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text, or None when it is too short to say."""
    sample = text[:SAMPLE_CHARS]
    if len(text) > SAMPLE_CHARS and " " in sample:
        sample = sample.rsplit(" ", 1)[0]
    if len(sample) < MIN_CHARS or len(sample.split()) < MIN_WORDS and sample.isascii():
        return None
    code, _prob = _identifier().classify(sample)
    return code if len(code) == 2 and code.isalpha() else None
