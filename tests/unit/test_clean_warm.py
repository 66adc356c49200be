"""clean.warm() loads what the stage otherwise loads on its first article (issue 10: the worker pays
the lazy imports when it starts, not on its first record): after warm(), cleaning an HTML page, a text
dump and non-UTF-8 bytes imports none of the heavy packages, and dateparser has every locale the stage
lets it try loaded (a first unread date otherwise loads and compiles the rest: 70-170 ms). Run in a fresh
interpreter, so that what other tests imported does not hide a lazy import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from workers.stages.clean.dates import DATE_LANGUAGES

REPO = Path(__file__).resolve().parents[2]
# the packages the stage imports lazily (dates, language, html, voting, decoding), each costly to import
HEAVY = ("dateparser", "py3langid", "numpy", "trafilatura", "htmldate", "readability", "justext", "lxml",
         "charset_normalizer")

_SCRIPT = """
import json, sys
from pathlib import Path
from workers.stages import clean
heavy = {heavy!r}
clean.warm()
from dateparser.languages.loader import LocaleDataLoader
locales = sorted(LocaleDataLoader._loaded_locales)
warmed = sorted(m for m in heavy if m in sys.modules)
before = set(sys.modules)
page = sorted(Path("tests/fixtures/pages").glob("*.html"))[0].read_text(encoding="utf-8")
dump = sorted(Path("seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
for raw in ({{"content": page, "content_type": "text/html"}}, {{"content": dump, "content_type": "text/plain"}},
            {{"content": ("Caf\\u00e9 na\\u00efve fa\\u00e7ade. Published 3 March 2024. " * 20).encode("cp1252"),
              "content_type": "text/plain"}},
            {{"content": "Archives\\nNovember 2020\\n3. M\\u00e4rz 2024\\n" + dump, "content_type": "text/plain"}}):
    clean.clean({{"id": "x", "source": None, "fetched_at": "2024-03-05T10:00:00Z", **raw}})
later = sorted(m for m in set(sys.modules) - before if m.split(".")[0] in heavy)
print(json.dumps({{"warmed": warmed, "later": later, "locales": locales,
                  "later_locales": sorted(set(LocaleDataLoader._loaded_locales) - set(locales))}}))
"""


def test_warm_loads_every_lazy_import_the_first_articles_need():
    out = subprocess.run([sys.executable, "-c", _SCRIPT.format(heavy=HEAVY)], cwd=REPO, capture_output=True,
                         text=True, timeout=120, check=True)
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found["later"] == [], f"imported on the first articles, not by warm(): {found['later']}"
    assert set(found["warmed"]) == set(HEAVY)  # each one is a lazy import warm() does load
    assert set(found["locales"]) == set(DATE_LANGUAGES)
    assert found["later_locales"] == []
