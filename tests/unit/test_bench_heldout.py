"""The held-out bench's scoring (bench.heldout): shingle F1, author containment, thirds. No network."""

import pytest

from bench import heldout
from bench.heldout import author_found, third
from bench.metrics import shingle_f1

GOLD = "The council voted on Tuesday to close the old bridge for repairs until the spring."


def test_the_gold_itself_scores_one():
    assert shingle_f1(GOLD, GOLD) == (1.0, 1.0, 1.0)


def test_added_chrome_costs_precision_not_recall():
    precision, recall, f1 = shingle_f1(GOLD + " Share this story on social media. Subscribe now for more.", GOLD)
    assert recall == 1.0 and 0.4 < precision < 0.8 and precision < f1 < 1.0


def test_a_lost_sentence_costs_recall_not_precision():
    precision, recall, _ = shingle_f1("The council voted on Tuesday to close the old bridge", GOLD)
    assert precision == 1.0 and recall < 0.7


def test_an_empty_extraction_scores_zero():
    assert shingle_f1("", GOLD) == (0.0, 0.0, 0.0)


def test_case_and_punctuation_do_not_count():
    assert shingle_f1(GOLD.upper().replace(" ", "  ,"), GOLD)[2] == 1.0


@pytest.mark.parametrize("ours, gold, hit", [
    (["Jane Doe"], "By Jane Doe March 4, 2015 3:46 PM", 1.0),
    (["Jane Doe", "John Roe"], "By JANE DOE and John Roe", 1.0),
    (["Jane Doe"], ["Jane Doe", "Print"], 1.0),
    (["Jane Doe Games"], "Jane Doe", 0.0),
    ([], "Jane Doe", 0.0),
    (None, "Jane Doe", 0.0),
])
def test_author_found_in_the_gold_byline(ours, gold, hit):
    assert author_found(ours, gold) == hit


def test_thirds_split_the_pages_in_name_order():
    pages = [(f"p{i:02}", "", {}) for i in range(9)][::-1]
    held, dev = third(pages, "held"), third(pages, "dev")
    assert [name for name, _, _ in held] == ["p00", "p03", "p06"]
    assert len(dev) == 6 and not {p[0] for p in held} & {p[0] for p in dev}
    assert third(pages, None) == pages


ENGLISH = ("<html><body><p>The council voted on Tuesday to close the old bridge for repairs until the spring, "
           "and the mayor said the work would take longer than the engineers had first thought.</p></body></html>")


def _readability_page(root, name, size=16_000):
    folder = root / "test-pages" / name
    folder.mkdir(parents=True)
    (folder / "source.html").write_text(ENGLISH + " " * size)
    (folder / "expected.html").write_text(ENGLISH)
    (folder / "expected-metadata.json").write_text('{"byline": "Jane Doe"}')


def test_readability_new_keeps_only_the_pages_the_first_port_lacks(tmp_path, monkeypatch):
    import bench.heldout as heldout

    monkeypatch.setattr(heldout, "CACHE", tmp_path)
    for name in ("shared-page", "old-page"):
        _readability_page(tmp_path / "go-readability", name)
    for name in ("shared-page", "new-page"):
        _readability_page(tmp_path / "readeck-go-readability", name)
    _readability_page(tmp_path / "readeck-go-readability", "tiny-fixture", size=0)
    pages = heldout.load_readability_new()
    assert [(name, gold) for name, _, gold in pages] == [("new-page", {"body": heldout._visible(ENGLISH),
                                                                      "author": "Jane Doe"})]


def _cache_with_devset(tmp_path, monkeypatch, url: str) -> None:
    """heldout's cache in tmp_path, and a web-pages-en beside it holding one page of `url`."""
    import json

    import bench.devset as devset

    monkeypatch.setattr(heldout, "CACHE", tmp_path)
    monkeypatch.setattr(devset, "DEVSET", tmp_path / "devset")
    (tmp_path / "devset").mkdir()
    (tmp_path / "devset" / "gold.json").write_text(json.dumps({"page.html.gz": {"url": url}}))


def test_htmldate_set_leaves_out_web_pages_en_urls_and_undated_pages(tmp_path, monkeypatch):
    _cache_with_devset(tmp_path, monkeypatch, "https://a.example/x/")
    pages_dir = tmp_path / "go-htmldate" / "test-files" / "comparison"
    pages_dir.mkdir(parents=True)
    rows = []
    for url, name, date in (("https://a.example/x", "a.html", "2020-01-02"),
                            ("https://b.example/y", "b.html", "2021-03-04"),
                            ("https://c.example/z", "c.html", "")):
        (pages_dir / name).write_text(ENGLISH)
        rows.append(f'\t{{\n\t\tURL:       "{url}",\n\t\tFile:      "{name}",\n\t\tDate:      "{date}",\n\t}}')
    data = tmp_path / "go-htmldate" / "scripts" / "comparison" / "data-default.go"
    data.parent.mkdir(parents=True)
    data.write_text("var defaultComparisonData = []comparisonEntry{\n" + ",".join(rows) + "\n}\n")
    assert [(name, gold) for name, _, gold in heldout.load_htmldate()] == [("b.html", {"date": "2021-03-04"})]


def test_robustness_counts_records_dead_letters_and_crashes(tmp_path, monkeypatch):
    import bench.heldout as heldout
    from workers.stages import clean as clean_stage

    monkeypatch.setattr(heldout, "CACHE", tmp_path)
    (tmp_path / "set" / "pages").mkdir(parents=True)
    (tmp_path / "set" / "pages" / "article.html").write_text(ENGLISH)
    (tmp_path / "set" / "pages" / "chrome.html").write_text("<html><body><nav>Home | About</nav></body></html>")
    (tmp_path / "set" / "pages" / "notes.txt").write_text("not a page")
    result = heldout.robustness()
    assert result["pages"] == 2 and result["ok"] == 1 and result["empty_after_clean"] == 1
    assert result["empty_but_trafilatura"] == 0
    assert result["crashes"] == []

    def broken(record):
        raise ValueError("a bug")

    monkeypatch.setattr(clean_stage, "clean", broken)
    crashed = heldout.robustness()
    assert [file for file, _ in crashed["crashes"]] == ["set/pages/article.html", "set/pages/chrome.html"]


def test_versus_lists_pages_by_the_gap_between_trafilatura_and_ours(capsys):
    pairs = {"a": {"ours-html": 0.90, "trafilatura": 0.95}, "b": {"ours-html": 0.99, "trafilatura": 0.80},
             "c": {"ours-html": 0.95, "trafilatura": 0.955}, "d": {"ours-html": 0.70, "trafilatura": 0.90}}
    heldout._print_versus(pairs)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[1].split()[0] for line in lines] == ["d", "a", "b"]  # c is within VERSUS_MARGIN
    assert lines[0].split()[0] == "trafilatura" and lines[2].split()[0] == "ours-html"


GERMAN = ("Der Stadtrat hat am Dienstag beschlossen, die alte Brücke bis zum Frühjahr für Reparaturen zu "
          "sperren, und der Bürgermeister sagte, die Arbeiten würden länger dauern als gedacht.")


def test_multilingual_set_keeps_pages_whose_gold_is_not_english_and_not_in_web_pages_en(tmp_path, monkeypatch):
    _cache_with_devset(tmp_path, monkeypatch, "https://s.example/de/")
    pages_dir = tmp_path / "go-trafilatura" / "test-files" / "comparison"
    pages_dir.mkdir(parents=True)
    for name in ("de.html", "en.html", "shared.html"):
        (pages_dir / name).write_text(f"<html><body><p>{GERMAN}</p></body></html>")
    german = '[]string{"' + GERMAN[:80] + '"}, Without: []string{"' + GERMAN[80:] + '"}'
    data = tmp_path / "go-trafilatura" / "scripts" / "comparison" / "data.go"
    data.parent.mkdir(parents=True)
    data.write_text("var comparisonData = map[string]ComparisonEntry{\n"
                    f'"https://d.example/de": {{File: "de.html", With: {german}, Title: "Brücke gesperrt",'
                    ' Authors: []string{"Anna Beispiel", "Max Muster"}, Date: "2020-01-02"},\n'
                    f'"https://e.example/en": {{File: "en.html", With: []string{{"{ENGLISH[15:120]}"}}}},\n'
                    f'"https://s.example/de": {{File: "shared.html", With: {german}}},\n'
                    f'"https://m.example/de": {{File: "missing.html", With: {german}}},\n}}\n')
    pages = heldout.load_multilingual()
    assert [name for name, _, _ in pages] == ["de.html"]
    gold = pages[0][2]
    assert gold == {"url": "https://d.example/de", "with": [GERMAN[:80]], "without": [GERMAN[80:]], "language": "de",
                    "title": "Brücke gesperrt", "author": "Anna Beispiel; Max Muster", "date": "2020-01-02"}
    assert GERMAN in pages[0][1]


def test_language_means_group_the_languages_outside_the_top_ones_as_other():
    import bench.heldout as heldout

    rows = [(f"de{i}", "de", "ours-html", {"with": 1.0, "date": None}) for i in range(3)]
    rows += [("fi0", "fi", "ours-html", {"with": 0.0, "date": 1.0})]
    means = heldout.language_means(rows)
    assert "de" in heldout.TOP_LANGUAGES and "fi" not in heldout.TOP_LANGUAGES
    assert means["de"]["ours-html"] == {"with": 1.0}
    assert means["other"]["ours-html"] == {"with": 0.0, "date": 1.0}
    assert means["all"]["ours-html"]["with"] == pytest.approx(3 / 4) and "fi" not in means
