"""newsfeed broker | topics | worker | replay | tail | enrich"""

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


def _ensure_topics(settings: Settings) -> None:
    from workers.topics import ensure_topics

    created = asyncio.run(ensure_topics(settings))
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
    from faust import Worker

    from workers.app import create_app
    from workers.stages.entities import ModelMissing, require_model

    try:
        require_model(settings.spacy_model)
    except ModelMissing as error:
        raise click.ClickException(str(error)) from None
    _commit_start_offsets(settings)
    app = create_app(settings)
    Worker(app, loglevel=settings.log_level.upper()).execute_from_commandline()


def _commit_start_offsets(settings: Settings) -> None:
    """Give every input partition a committed offset before joining (see workers.offsets)."""
    from workers.offsets import commit_start_offsets
    from workers.topics import topic_specs

    specs = topic_specs(settings)
    partitions = [(specs[role].name, p) for role in ("raw", "clean", "unique", "tagged") for p in range(specs[role].partitions)]
    asyncio.run(commit_start_offsets(settings.bootstrap, settings.app_id, partitions))


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--rate", type=click.FloatRange(min=0, min_open=True), default=None, help="Messages per second (default: as fast as possible).")
@click.option("--repeat", type=click.IntRange(min=1), default=1, show_default=True, help="Send the whole set K times.")
@click.option("--new-ids", is_flag=True, help="Send the same content under fresh ids.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def replay(paths: tuple[str, ...], rate: float | None, repeat: int, new_ids: bool, quiet: bool) -> None:
    """Publish article files (.txt, .html, .jsonl) or JSON lines from `-` to the raw topic."""
    from workers.replay import collect, publish

    settings = _settings()
    try:
        messages = collect(paths or (DEFAULT_SEEDS,))
    except (FileNotFoundError, OSError) as error:
        raise click.ClickException(str(error)) from None
    if not messages:
        raise click.ClickException("nothing to replay: no files or lines found")
    _require_broker(settings)
    _ensure_topics(settings)
    summary = asyncio.run(publish(settings, messages, rate=rate, repeat=repeat, new_ids=new_ids, show_progress=not quiet))
    click.echo(f"sent {summary.sent}, failed {summary.failed}, {summary.seconds:.2f} s", err=True)
    sys.exit(1 if summary.failed else 0)


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
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["jsonl", "pretty"]), default="jsonl", show_default=True)
def enrich(paths: tuple[str, ...], output_format: str) -> None:
    """Run the four stages on files or JSON lines (`-`) without Kafka: one record per input."""
    from workers.pipeline import LocalPipeline
    from workers.replay import collect
    from workers.stages.entities import ModelMissing
    from workers.tail import render

    try:
        messages = collect(paths)
        pipeline = LocalPipeline(_settings())
    except (FileNotFoundError, OSError, ModelMissing) as error:
        raise click.ClickException(str(error)) from None
    console = Console()
    for record in pipeline.run(message.value for message in messages):
        if output_format == "jsonl":
            sys.stdout.buffer.write(orjson.dumps(record) + b"\n")
        else:
            render(console, orjson.dumps(record))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
