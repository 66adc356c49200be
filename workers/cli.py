"""newsfeed broker | topics | worker | replay | verify | tail | enrich | status"""

from __future__ import annotations

import asyncio
import sys

import click
import orjson
from rich.console import Console

from workers import broker as local_broker
from workers.settings import Settings, SettingsError

DEFAULT_SEEDS = "seeds"


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as error:
        raise click.UsageError(str(error)) from None


def _require_broker(settings: Settings) -> None:
    if not local_broker.answers(settings.bootstrap):
        raise click.ClickException(
            f"no Kafka broker answers at {settings.bootstrap}: run `newsfeed broker start` "
            "or set KAFKA_BOOTSTRAP_SERVERS"
        )


class ConfigurationRefused(click.ClickException):
    """The deployment cannot be run as configured (exit code 2, as for invalid settings): a
    supervisor's restart will not mend it."""

    exit_code = 2


def _ensure_topics(settings: Settings) -> None:
    from workers.topics import TopicMismatch, ensure_topics

    try:
        created = asyncio.run(ensure_topics(settings))
    except TopicMismatch as error:
        raise ConfigurationRefused(str(error)) from None
    if created:
        click.echo(f"created topics: {', '.join(created)}", err=True)


@click.group()
def main() -> None:
    """Streaming news ingestion and enrichment on Kafka."""


@main.group()
def broker() -> None:
    """The local Apache Kafka broker (KRaft, jars from Maven Central)."""


@broker.command("start")
@click.option("--fresh", is_flag=True, help="Wipe the local broker's data (every topic, offset and changelog) first.")
def broker_start(fresh: bool) -> None:
    """Start the local broker, unless KAFKA_BOOTSTRAP_SERVERS names another that answers.

    Its data is kept across stop/start; --fresh starts from an empty log dir.
    """
    try:
        local_broker.start(_settings(), fresh=fresh)
    except local_broker.BrokerError as error:
        raise click.ClickException(str(error)) from None


@broker.command("stop")
def broker_stop() -> None:
    """Stop the broker `start` started; nothing else is touched."""
    local_broker.stop(_settings())


@broker.command("status")
def broker_status() -> None:
    """Whether the broker runs and answers; exit 1 when it does not answer."""
    state = local_broker.status(_settings())
    click.echo(orjson.dumps(state, option=orjson.OPT_INDENT_2).decode())
    sys.exit(0 if state["answers"] else 1)


@main.command()
def topics() -> None:
    """Create the pipeline's topics (the worker and replayer do this too)."""
    settings = _settings()
    _require_broker(settings)
    _ensure_topics(settings)


@main.command()
def worker() -> None:
    """Run the Faust worker: all four stage agents."""
    settings = _settings()
    _require_broker(settings)
    _ensure_topics(settings)
    from workers.app import create_app
    from workers.stages.entities import ModelMissing, require_model

    try:
        require_model(settings.spacy_model)
    except ModelMissing as error:
        raise click.ClickException(str(error)) from None
    from workers.observability import logging_config
    from workers.shutdown import GracefulWorker

    from workers.stages import clean, enrich

    clean.warm()  # the clean stage's lazy loads now, before the worker joins its group, not on the first article
    enrich.warm()  # and the story rules' place tables
    _commit_start_offsets(settings)
    app = create_app(settings)
    config = logging_config(settings)
    GracefulWorker(
        app, loglevel=settings.log_level.upper(), logging_config=config, quiet=config is not None,
        shutdown_seconds=settings.shutdown_seconds,
    ).execute_from_commandline()


def _commit_start_offsets(settings: Settings) -> None:
    """Give every input partition a committed offset before joining (see workers.offsets): every
    partition the broker has, also when a topic was given more than TOPIC_PARTITIONS."""
    from workers.observability import STAGE_INPUTS
    from workers.offsets import commit_start_offsets
    from workers.topics import broker_partition_counts, topic_specs

    specs = topic_specs(settings)
    counts = asyncio.run(broker_partition_counts(settings))
    partitions = [(specs[role].name, p) for role in STAGE_INPUTS.values()
                  for p in range(counts.get(specs[role].name, specs[role].partitions))]
    asyncio.run(commit_start_offsets(settings.bootstrap, settings.app_id, partitions))


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--rate", type=click.FloatRange(min=0, min_open=True), default=None, help="Messages per second (default: as fast as possible).")
@click.option("--repeat", type=click.IntRange(min=1), default=1, show_default=True, help="Send the whole set K times.")
@click.option("--new-ids", is_flag=True, help="Send the same content under fresh ids.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--synthesize", "synthesize_n", type=click.IntRange(min=1), default=None,
              help="Send N synthesized articles of --mix instead of PATHS (needs --expected).")
@click.option("--mix", default="unique=0.5,near=0.2,exact=0.2,bad=0.1", show_default=True,
              help="Shares of unique, near, exact and bad records for --synthesize.")
@click.option("--seed", type=click.IntRange(min=0), default=None, help="Seed for --synthesize (default: random; printed).")
@click.option("--corpus", multiple=True, help="Corpus file or folder for --synthesize (repeatable; default: seeds and fixtures).")
@click.option("--expected", "expected_path", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the outcome each synthesized id must get here (one JSON line per id).")
def replay(paths: tuple[str, ...], rate: float | None, repeat: int, new_ids: bool, quiet: bool,
           synthesize_n: int | None, mix: str, seed: int | None, corpus: tuple[str, ...], expected_path: str | None) -> None:
    """Publish article files (.txt, .html, .json, .jsonl) or `-` (stdin) to the raw topic.

    Files and stdin are read as `newsfeed enrich --help` says (a .json holding raw records is
    those records; `-` is JSON lines, one JSON document, or one page).

    Streams its input; a file that cannot be sent (too large, unreadable, not text) is listed as
    failed and the rest are sent; the exit code is 1 when anything failed."""
    from workers.replay import Summary, check_paths, publish, replay_items, skipped_subfolders

    settings = _settings()
    if synthesize_n is not None:
        if paths or repeat > 1 or new_ids:
            raise click.UsageError("--synthesize makes its own records: no PATHS, --repeat or --new-ids with it")
        _replay_synthesized(settings, synthesize_n, mix, seed, corpus, expected_path, rate)
        return
    paths = list(paths or (DEFAULT_SEEDS,))
    try:
        check_paths(paths)
    except FileNotFoundError as error:
        raise click.ClickException(str(error)) from None
    for note in skipped_subfolders(paths):
        click.echo(f"note: {note}", err=True)
    _require_broker(settings)
    _ensure_topics(settings)
    summary = Summary()
    items = replay_items(paths, repeat=repeat, new_ids=new_ids, max_bytes=settings.max_message_bytes, summary=summary)
    summary = asyncio.run(publish(settings, items, rate=rate, show_progress=not quiet, summary=summary))
    for line in summary.lines():
        click.echo(line, err=True)
    if summary.sent + summary.failed == 0:
        raise click.ClickException("nothing to replay: no files or lines found")
    sys.exit(1 if summary.failed else 0)


def _replay_synthesized(settings: Settings, n: int, mix: str, seed: int | None, corpus: tuple[str, ...],
                        expected_path: str | None, rate: float | None) -> None:
    """`replay --synthesize`: stream N synthesized records, writing the expected file as it goes."""
    import random

    from workers.pipeline import dedupe_index
    from workers.synthesize import Synthesizer, load_corpus, parse_mix, publish_stream, write_expected

    if not expected_path:
        raise click.UsageError("--synthesize needs --expected FILE (what `newsfeed verify` checks)")
    try:
        shares = parse_mix(mix)
        articles = load_corpus(corpus or None)
    except (ValueError, FileNotFoundError, OSError) as error:
        raise click.ClickException(str(error)) from None
    seed = random.SystemRandom().randrange(2**32) if seed is None else seed
    synthesizer = Synthesizer(articles, seed, dedupe_index(settings))
    _require_broker(settings)
    _ensure_topics(settings)
    meta = {"prefix": synthesizer.prefix, "seed": seed, "n": n, "mix": shares, "topic": settings.topics.raw}
    with open(expected_path, "wb") as out:
        items = write_expected(synthesizer.records(n, shares), out, meta)
        sent, failed, seconds = asyncio.run(publish_stream(settings, items, rate=rate))
    counts = synthesizer.counts
    click.echo(f"seed {seed}: sent {sent}, failed {failed}, {seconds:.2f} s; "
               + ", ".join(f"{k} {v}" for k, v in counts.by_kind.items())
               + f"; uniques redrawn {counts.redrawn_uniques}, near copies sent exact {counts.near_fallbacks}", err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("expected_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              help="Give up after S seconds without a new record of this run.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
def verify(expected_file: str, timeout: float, as_json: bool) -> None:
    """Check that every id of EXPECTED_FILE (from `replay --synthesize`) got exactly its expected
    outcome on the enriched, duplicates and rejected topics; exit 1 when any is lost or wrong."""
    from workers.verify import verify as run_verify

    settings = _settings()
    _require_broker(settings)
    try:
        _meta, report = run_verify(settings, expected_file, timeout=timeout)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    counts = {k: getattr(report, k) for k in ("expected", "ok", "lost", "wrong", "double", "unexpected", "redelivered")}
    if as_json:
        click.echo(orjson.dumps({**counts, "passed": report.passed, "stats": report.stats, "examples": report.examples}).decode())
    else:
        click.echo(" ".join(f"{k} {v}" for k, v in counts.items()))
        for kind, stat in report.stats.items():
            latency = stat["latency_ms"]
            click.echo(f"{kind}: {stat['count']} at {stat['per_second']}/s, latency p50 {latency['p50']:.0f} ms, "
                       f"p99 {latency['p99']:.0f} ms")
        for kind, examples in report.examples.items():
            click.echo(f"{kind}: " + "; ".join(examples))
        click.echo("PASS" if report.passed else "FAIL")
    sys.exit(0 if report.passed else 1)


@main.command()
@click.argument("topic", default="enriched")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--from-beginning", is_flag=True, help="Start at the oldest message, not the next one.")
@click.option("--max", "limit", type=click.IntRange(min=1), default=None, help="Stop after N records.")
@click.option("--timeout", type=click.FloatRange(min=0), default=None, help="Stop after S seconds.")
def tail(topic: str, as_json: bool, from_beginning: bool, limit: int | None, timeout: float | None) -> None:
    """Print records of TOPIC (a role such as enriched, duplicates, rejected, or a topic name)."""
    from workers.tail import run

    settings = _settings()
    name = getattr(settings.topics, topic, topic)
    _require_broker(settings)
    _ensure_topics(settings)
    count = run(settings, name, as_json=as_json, from_beginning=from_beginning, limit=limit, timeout=timeout,
                console=Console(stderr=False))
    click.echo(f"{count} record(s) from {name}", err=True)
    if limit is not None and count < limit:
        sys.exit(1)


@main.command()
@click.option("--once", is_flag=True, help="Print one snapshot and exit (default: a live view).")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of tables (for scripts; implies one snapshot per refresh).")
@click.option("--web-port", type=click.IntRange(min=1, max=65535), default=None, help="A worker's web port: show its readiness.")
@click.option("--web-host", default="127.0.0.1", show_default=True, help="That worker's host.")
@click.option("--interval", type=click.FloatRange(min=0.5), default=2.0, show_default=True, help="Seconds between refreshes.")
def status(once: bool, as_json: bool, web_port: int | None, web_host: str, interval: float) -> None:
    """The pipeline from the broker: end offsets, consumer lag per stage, msg/s, outcomes, dead letters."""
    import time

    from rich.live import Live

    from workers.status import render, snapshot

    settings = _settings()
    _require_broker(settings)
    readyz = f"http://{web_host}:{web_port}/readyz" if web_port else None

    def take() -> dict:
        try:
            return asyncio.run(snapshot(settings, readyz))
        except Exception as error:  # noqa: BLE001 - the broker went away between refreshes
            raise click.ClickException(f"status not read from {settings.bootstrap}: {error!r}") from None

    if as_json or once:
        while True:
            state = take()
            if as_json:
                sys.stdout.buffer.write(orjson.dumps(state, option=orjson.OPT_INDENT_2) + b"\n")
                sys.stdout.flush()
            else:
                Console().print(render(state))
            if once:
                return
            time.sleep(interval)
    try:
        with Live(render(take()), refresh_per_second=4, screen=False) as live:
            while True:
                time.sleep(interval)
                live.update(render(take()))
    except KeyboardInterrupt:
        return


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["jsonl", "pretty"]), default="jsonl", show_default=True,
              help="jsonl: one JSON record per line; pretty: each record laid out for reading")
def enrich(paths: tuple[str, ...], output_format: str) -> None:
    """Run the four stages on files or JSON lines (`-`) without Kafka: one record per article.

    \b
    PATHS: files (.txt, .html, .json, ...), folders (every file in them; subfolders are not read:
    a note says so), or `-` for stdin.
    What a file holds decides how it is read, not only its name:
    - .jsonl / .ndjson: raw records, one JSON object per line ({"id", "content", "fetched_at"?,
      ...}, as on articles.raw: relative dates such as "3 hours ago" resolve against fetched_at);
    - a JSON object with a `content` member (a .json file, or any file whose text is one) is that
      raw record; its id is its `id`, else the file name without the extension;
    - a JSON array of such objects is one record per element (no `id`: NAME-1, NAME-2, ...);
    - a .json file that is not JSON, or whose object has no `content`, is a rejected record
      naming the file and what is missing (it is never read as a page);
    - any other file is one article: its id is the file name without the extension (when two
      files of one call share it, the later is NAME-EXT, then FOLDER-NAME, then NAME-2), and it is
      HTML when it is named .html, .htm or .xhtml, or its text starts as markup. A .gz (or other
      compressed file) is not unpacked: rejected as not_text, unpack it first.
    `-` is JSON lines when its first line is a JSON object, one JSON document when it is pretty-
    printed ("{" alone on the first line, or "["), else one page with the id `stdin`.
    All inputs of one call are one stream: a later input that repeats an earlier one comes out as a
    duplicate record. To check inputs on their own (a case folder, say), give one file per call.

    \b
    Output, in input order: the enriched record, a duplicate record (duplicate_of, reason), or a
    rejected record (error.code, error.message); the README's "Records" section lists the fields.
    Exit code 0, also when a record is rejected (an empty file is one); 1 when a path is missing, a
    folder holds no file, stdin is empty, or the model is missing.
    """
    from workers.replay import Failure
    from workers.tail import render

    items, pipeline = _enrich_inputs(paths)
    console = Console()
    outputs = pipeline.run(item.value for item in items if not isinstance(item, Failure))
    for item in items:
        record = _enrich_output(item, outputs)
        if output_format == "jsonl":
            sys.stdout.buffer.write(orjson.dumps(record) + b"\n")
        else:
            render(console, orjson.dumps(record))
    sys.stdout.flush()


def _enrich_inputs(paths: tuple[str, ...]):
    """The inputs of `newsfeed enrich` (replay.collect's items, Failure for a file not read as text,
    in order) and the LocalPipeline to run them; notes on skipped subfolders go to stderr.
    Raises click.ClickException when a path is missing, nothing holds an article or the model is missing."""
    from workers.pipeline import LocalPipeline
    from workers.replay import check_paths, collect, skipped_subfolders
    from workers.stages.entities import ModelMissing

    try:
        check_paths(paths)
        for note in skipped_subfolders(paths):
            click.echo(f"note: {note}", err=True)
        items = collect(paths, max_bytes=_settings().max_message_bytes)
        if not items:
            raise click.ClickException(f"nothing to enrich: {_named(paths)} held no article")
        return items, LocalPipeline(_settings())
    except (FileNotFoundError, OSError, ModelMissing) as error:
        raise click.ClickException(str(error)) from None


def _enrich_output(item, outputs) -> dict:
    """The record `newsfeed enrich` prints for one input `item`: a rejected record (stage "read") for a
    Failure, else the pipeline's next output from `outputs`, a decode rejection naming the input's place
    ("lines.jsonl:3": a dead letter read from a file has no Kafka origin)."""
    from workers.records import rejected_record
    from workers.replay import Failure

    if isinstance(item, Failure):
        return rejected_record("read", item.code, f"{item.origin}: {item.reason}", item.payload, item.key,
                               payload_limit=_settings().max_message_bytes // 6)
    record = next(outputs)
    if record.get("status") == "rejected" and record["error"]["stage"] == "decode":
        record["error"]["message"] = f"{item.origin}: {record['error']['message']}"
    return record


def _named(paths: tuple[str, ...]) -> str:
    """PATHS for a message: `stdin` for `-`, the rest as given."""
    return ", ".join("stdin" if name == "-" else name for name in paths)


if __name__ == "__main__":
    main()
