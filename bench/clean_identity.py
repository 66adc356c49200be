"""Clean output before and after a change: `clean()` on every corpus, written or compared.

    python -m bench.clean_identity --write FILE   # on the code before the change
    python -m bench.clean_identity --check FILE   # after: exit 1 when any record differs

Inputs: the web-pages-en dev set (../shared/devsets/web-pages-en) as HTML and as inscriptis text
dumps (bench.devset.dump), the gold seeds, tests/fixtures/pages (text and HTML), the article bodies of
tests/fixtures/{newswire,stories,entities} as plain text, and the real-world cases
(tests/fixtures/real_world, and ../shared/cases/real-world when it is there) as bytes, with and
without a `fetched_at`. A rejection is recorded as its code and message. For speed work, whose
output must not change; the cheap part is tests/unit/test_clean_speed.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from bench.devset import dump, load_devset
from bench.gold import SHARED
from workers.stages import clean as clean_stage
from workers.stages.errors import StageError

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
FETCHED_AT = "2021-03-14T12:00:00+00:00"


def _raw(doc_id: str, content, content_type: str = "text/plain", fetched_at: str | None = None) -> dict:
    return {"id": doc_id, "source": None, "content_type": content_type, "content": content,
            "fetched_at": fetched_at}


def _case_inputs(folder: Path, label: str) -> list[dict]:
    out = []
    for path in sorted(folder.glob("*/*")):
        name = f"{label}/{path.parent.name}/{path.name}"
        if path.suffix == ".jsonl":
            out += [{**json.loads(line), "id": f"{name}:{i}"}
                    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()) if line.strip()]
        elif path.suffix in (".txt", ".html"):
            ctype = "text/html" if path.suffix == ".html" else "text/plain"
            out.append(_raw(name, path.read_bytes(), ctype))
            out.append(_raw(f"{name}@fetched", path.read_bytes(), ctype, FETCHED_AT))
    return out


def inputs(devset: bool = True) -> list[dict]:
    """Raw records of every corpus, ids prefixed with their corpus."""
    out = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        out.append(_raw(f"seeds/{path.name}", path.read_text(encoding="utf-8")))
    for path in sorted((FIXTURES / "pages").glob("*")):
        if path.suffix in (".txt", ".html"):
            ctype = "text/html" if path.suffix == ".html" else "text/plain"
            out.append(_raw(f"pages/{path.name}", path.read_text(encoding="utf-8"), ctype))
    for folder in ("newswire", "stories", "entities"):
        for path in sorted((FIXTURES / folder).glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(doc, dict) and isinstance(doc.get("body"), str):
                text = f"{doc.get('title') or ''}\n\n{doc['body']}"
                out.append(_raw(f"{folder}/{path.name}", text))
    out += _case_inputs(FIXTURES / "real_world", "real_world")
    shared_cases = SHARED / "cases" / "real-world"
    if shared_cases.is_dir():
        out += _case_inputs(shared_cases, "shared_cases")
    for name, html, _ in load_devset() if devset else ():
        out.append(_raw(f"devset-html/{name}", html, "text/html"))
        out.append(_raw(f"devset-text/{name}", dump(html)))
    return out


def outputs(records: list[dict]) -> dict[str, object]:
    out: dict[str, object] = {}
    for raw in records:
        try:
            out[raw["id"]] = clean_stage.clean(raw)
        except StageError as error:
            out[raw["id"]] = {"rejected": error.code, "message": str(error)}
    return json.loads(json.dumps(out, sort_keys=True, default=str))


def identity_parser(description: str) -> argparse.ArgumentParser:
    """The options of an identity bench: --write FILE or --check FILE, --no-devset. Shared with
    `bench.entities_identity`."""
    parser = argparse.ArgumentParser(description=description)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path)
    mode.add_argument("--check", type=Path)
    parser.add_argument("--no-devset", action="store_true")
    return parser


def write_or_check(args: argparse.Namespace, after: dict, what: str) -> int:
    """Write `after` to --write (exit code 0), or compare it with the --check file."""
    if args.write:
        args.write.write_text(json.dumps(after, sort_keys=True), encoding="utf-8")
        return 0
    return report_differences(json.loads(args.check.read_text(encoding="utf-8")), after, what)


def main() -> int:
    args = identity_parser(__doc__.splitlines()[0]).parse_args()
    records = inputs(devset=not args.no_devset)
    started = time.process_time()
    after = outputs(records)
    print(f"cleaned {len(after)} inputs in {time.process_time() - started:.1f} CPU s")
    return write_or_check(args, after, "records")


def report_differences(before: dict, after: dict, what: str) -> int:
    """Print how many of the keyed outputs differ between `before` and `after` (the first 20 keys);
    the exit code: 1 when any differs, else 0. Shared with `bench.entities_identity`."""
    differ = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    print(f"compared {len(before)} {what}: {len(differ)} differ")
    for key in differ[:20]:
        print("   ", key)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
