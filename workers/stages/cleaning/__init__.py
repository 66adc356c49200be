"""Building blocks of the clean stage; workers.stages.clean orchestrates them.

normalise  - text normalisation, line splitting, binary/garbage detection
vocabulary - stopwords and UI/boilerplate vocabulary (precompiled, frozen)
lines      - per-line features, classification and the densest-prose region
metadata   - title, dateline, byline, source, standfirst and caption rules
dates      - cheap date-line prefilter, fast formats, dateparser fallback
html       - trafilatura extraction (jusText fallback)
language   - py3langid, loaded lazily once
"""
