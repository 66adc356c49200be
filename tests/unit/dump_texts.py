"""Invented article lines that the plain-text dump tests build pages around (a dump's article run)."""

ARTICLE = [
    "The harbour board approved a plan on Monday to dredge the outer channel before the autumn storms arrive.",
    "Engineers said the channel had silted up faster than expected after two wet winters in a row.",
    "The work will cost about four million pounds and is expected to take eleven weeks to complete.",
]
LONGER = ARTICLE + [f"{ARTICLE[k]} The board's chair, Ann Roe, said so twice." for k in range(3)]
# a row of share buttons
SHARE_ROW = ["Share this:", "Facebook", "Twitter", "WhatsApp", "Email", "Copy link"]
# other stories' summaries under a "Related" heading: two sentences each, so not teaser-shaped lines
# (sections.mark leaves them), and longer together than the article above them
TEASER_SUMMARIES = [
    f"Teaser number {k}: the county council has published a long report on bus routes. It covers school "
    f"transport and the cost of rural services over the next decade, with many recommendations."
    for k in range(6)
]
