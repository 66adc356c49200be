"""Kinds a new-user trial (T9) saw on unseen real pages, each as rows of invented text: a short date or a
CMS placeholder in a declared author field, a role alone as the author, a domain whose dot became a space,
a share row glued into one word, newsletter and feedback calls, a standfirst that is the lead under its
dateline."""

import pytest

from workers.stages.clean import lines as ln
from workers.stages.clean import metadata as md
from workers.stages.clean import bylines as clean_bylines
from workers.stages.clean import paragraphs as clean_paragraphs

ARTICLE = ("The harbour board voted on Tuesday to dredge the northern channel before the winter storms, "
           "a project the port has delayed for three years.")


@pytest.mark.parametrize("declared, names", [
    ("EXAMPLENEWS COM; Dec 6", []),          # a domain without its dot, then a date element
    ("Jane Doe; Sept. 14", ["Jane Doe"]),     # the date ends the list, the name stays
    ("Jane Doe; Mar 3", ["Jane Doe"]),
    ("Editor", []),                           # a role alone names no one
    ("Senior Correspondent", []),
    ("admin", []),                            # a CMS account's placeholder
    ("Guest Author", []),
    ("Unknown", []),
    ("Jane Doe", ["Jane Doe"]),
    ("Dec Mills", ["Dec Mills"]),             # a given name that is also a month's short form, with no day
    ("Jane Doe, Editor", ["Jane Doe"]),
])
def test_declared_author_fields(declared, names):
    assert md.authors(declared, declared=True) == names


@pytest.mark.parametrize("byline, names", [
    ("By Editor", []),
    ("By Jane Doe and Editor", ["Jane Doe"]),
    ("By EXAMPLENEWS COM", []),
    ("By Unknown", []),                          # a blog host's placeholder in a shown byline, as declared
    ("By webmaster", []),
    ("By Jane Unwin", ["Jane Unwin"]),
    ("by Taboola", []),                          # a recommendation widget's credit, not a writer
    ("By Outbrain", []),
    ("By Jane Tabor", ["Jane Tabor"]),
])
def test_bylines_with_a_role_or_a_domain(byline, names):
    assert md.authors(byline) == names


@pytest.mark.parametrize("line, reason", [
    ("FacebookTwitterLinkedinEMail", "ui_vocabulary"),
    ("ShareTweetEmail", "ui_vocabulary"),
    ("Be the first to know", "promo"),
    ("Be the first to hear about new releases.", "promo"),
    ("We'd love to get your feedback at desk@example.com", "promo"),
    ("Send your feedback to tips@example.org", "promo"),
    ("Goodwill", None),                          # one capitalised word that is no icon row
    ("McDonaldsWendys", None),                   # glued words that are not interface words
    ("Be the first country to ban it, the minister said.", None),
    ("Residents can send feedback to the council until May.", None),  # no address: article text
    ("(With inputs from agencies)", "credits"),  # a wire-input credit closing the story
    ("With PTI inputs", "credits"),
    ("With inputs from residents, the council drew up a new plan for the harbour.", None),
])
def test_interface_and_promo_rows(line, reason):
    classified = ln.classify([ARTICLE, line])[1]
    assert classified.reason == reason
    assert (classified.kind == "boilerplate") == (reason is not None)


@pytest.mark.parametrize("description, shown", [
    ("PORTVILLE (Reuters) - " + ARTICLE, False),       # the lead under its dateline
    ("PORTVILLE, Ore. (AP) — " + ARTICLE[:90] + "…", False),  # cut short by the page
    (ARTICLE, False),
    ("Dredging the channel will cost the port twice what it planned, the board heard.", True),
])
def test_a_shown_standfirst_is_not_the_lead_again(description, shown):
    article = {"paragraphs": [ARTICLE, "The work starts in March."], "title": "Port to dredge channel"}
    assert (clean_paragraphs.shown_standfirst(description, article) == description) is shown


@pytest.mark.parametrize("credit, names", [
    ("(Reporting by Ana Lind; Editing by Tom Roe)", ["Ana Lind"]),
    ("(Reporting by Ana Lind in Oslo and Piet de Vries in The Hague; Writing by Tom Roe)", ["Ana Lind", "Piet de Vries"]),
    ("Reporting by Ana Lind", ["Ana Lind"]),
    ("Reporting by Ana Lind and Kofi Mensah; Editing by Tom Roe", ["Ana Lind", "Kofi Mensah"]),
    ("(Additional reporting by Ana Lind)", []),   # help, not the byline
    ("(Editing by Tom Roe)", []),
    ("Reporting by staff", []),
])
def test_a_closing_reporting_credit_names_the_reporters(credit, names):
    lines = ln.classify([ARTICLE, credit])
    assert clean_bylines.reporting_credit(lines) == names


@pytest.mark.parametrize("byline, authors", [
    ("By Reuters", ["Ana Lind"]),             # the agency's name alone: its reporter
    (None, ["Ana Lind"]),
    ("By Jane Doe", ["Jane Doe"]),            # a person's byline stands
])
def test_the_credit_replaces_only_an_agency_byline(byline, authors):
    from workers.stages import clean as stage

    text = "\n\n".join(filter(None, ["Port to dredge channel", byline, ARTICLE,
                                     "The work starts in March, the board said in a statement.",
                                     "(Reporting by Ana Lind; Editing by Tom Roe)"]))
    record = stage.clean({"id": "credit", "content": text, "content_type": "text/plain"})
    assert record["authors"] == authors
    assert "Reporting by" not in record["body"]
