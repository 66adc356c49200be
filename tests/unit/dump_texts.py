"""Invented article lines that the plain-text dump tests build pages around (a dump's article run)."""

ARTICLE = [
    "The harbour board approved a plan on Monday to dredge the outer channel before the autumn storms arrive.",
    "Engineers said the channel had silted up faster than expected after two wet winters in a row.",
    "The work will cost about four million pounds and is expected to take eleven weeks to complete.",
]
LONGER = ARTICLE + [f"{ARTICLE[k]} The board's chair, Ann Roe, said so twice." for k in range(3)]
