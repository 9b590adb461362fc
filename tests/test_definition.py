"""The `definition` check: a quote that counts something other than its indicator does is flagged, naming what
differs and the indicator it would fit; what a quote does not say never disagrees."""

import pytest
from conftest import TODAY, write

import tracker
from tracker import check

HEAD = """\
version: 1
indicators:
  court-cases:
    title: Criminal cases for AWOL, desertion and refusal received by Russian military courts since mobilisation
    unit: cases
    kind: cumulative
    since: 2022-09-21
    country: RU
    producer: Mediazona
    measure: court-cases
    articles: [332, 337, 338]
  awol-sentences:
    title: Sentences under Article 337 (AWOL) per week
    unit: sentences
    kind: rate
    per: week
    country: RU
    measure: sentences
    articles: [337]
  refusal-sentences:
    title: Sentences for AWOL, desertion and disobeying orders per week
    unit: sentences
    kind: rate
    per: week
    country: RU
    measure: sentences
    articles: [332, 337, 338]
  undefined:
    title: Cases without a definition
    unit: cases
    kind: cumulative
    since: 2022-09-21
sources:
  mz: {publisher: Mediazona, published: 2024-06-18, language: en}
  ru: {publisher: Some Outlet, published: 2024-06-18, language: ru}
figures:
"""


def flagged(tmp_path, figure: str):
    ledger = tracker.load(write(tmp_path, HEAD + figure), today=TODAY)
    return [f for f in check(ledger) if f.code == "definition"]


@pytest.mark.parametrize("figure,words", [
    ("  - {id: f, indicator: court-cases, value: 10025, as_of: 2024-06, source: mz, quote: 'Military courts in "
     "Ukraine have received 10,025 criminal cases since mobilisation.'}\n", "counts Ukraine where court-cases "
     "counts Russia"),
    ("  - {id: f, indicator: court-cases, value: 10025, as_of: 2024-06, source: mz, quote: 'Russian military courts "
     "have tried 10,025 soldiers since mobilisation.'}\n", "counts people where court-cases counts cases received "
     "by courts"),
    ("  - {id: f, indicator: awol-sentences, value: 100, period: 2024, source: mz, quote: 'Russian courts pass 100 "
     "sentences for desertion every week.'}\n", "counts desertion where awol-sentences counts AWOL"),
    ("  - {id: f, indicator: court-cases, value: 10025, as_of: 2024-06, source: mz, quote: 'Russian military courts "
     "have received 10,025 criminal cases since the full-scale invasion.'}\n", "counts from 2022-02-24 where "
     "court-cases counts from 2022-09-21"),
    ("  - {id: f, indicator: court-cases, value: 10025, as_of: 2024-06, source: ru, quote: 'С начала мобилизации в "
     "суды поступило 10 025 дел по статье 407 УК Украины.'}\n", "counts Ukraine"),
])
def test_a_quote_that_counts_something_else_is_flagged(tmp_path, figure, words):
    (flag,) = flagged(tmp_path, figure)
    assert flag.figures == ("f",) and flag.severity == "warning" and words in flag.message


def test_the_flag_names_the_indicator_the_quote_would_fit(tmp_path):
    (flag,) = flagged(tmp_path, "  - {id: f, indicator: awol-sentences, value: 100, period: 2024, source: mz, quote: "
                                "'Russian courts pass 100 sentences for desertion every week.'}\n")
    assert "It would fit refusal-sentences." in flag.message


@pytest.mark.parametrize("figure", [
    "  - {id: f, indicator: court-cases, value: 10025, as_of: 2024-06, source: mz, quote: 'Military courts in Russia "
    "have heard 10,025 criminal cases for AWOL and desertion since mobilisation.'}\n",
    "  - {id: f, indicator: court-cases, value: 10025, as_of: 2024-06, source: mz, quote: '10,025 cases.'}\n",  # silent
    "  - {id: f, indicator: court-cases, value: 10025, as_of: 2024-06, source: ru, quote: 'Военные суды получили "
    "10 025 уголовных дел об отказе от службы с 2022 года.'}\n",  # 'since 2022' fits a count from 2022-09-21
    "  - {id: f, indicator: undefined, value: 10025, as_of: 2024-06, source: mz, quote: 'Ukraine has 10,025 "
    "soldiers.'}\n",  # an indicator without definition fields is never judged
    "  - {id: f, indicator: refusal-sentences, value: 100, period: 2024, source: mz, quote: 'Russian courts pass 100 "
    "sentences for desertion every week, Ukrainian intelligence says.'}\n",  # whose intelligence is not whose count
])
def test_a_quote_that_agrees_or_is_silent_is_not_flagged(tmp_path, figure):
    assert flagged(tmp_path, figure) == []


def test_review_says_a_candidate_would_raise_it_before_it_is_accepted(tmp_path):
    from tracker.review import pending

    path = write(tmp_path, HEAD + "  - {id: f, indicator: court-cases, value: 10025, as_of: 2024-06, source: mz, "
                                  "status: candidate, quote: 'Military courts in Ukraine have received 10,025 criminal "
                                  "cases since mobilisation.'}\n")
    (item,) = pending(tracker.load(path, today=TODAY))
    assert [f.code for f in item.would_raise] == ["definition"]
    assert "counts Ukraine where court-cases counts Russia" in item.would_raise[0].message


def test_a_quote_that_counts_more_offences_than_its_indicator_is_flagged(tmp_path):
    # Kontur's '800 sentences' (real-figures-2 R108: "all refusal articles") filed under Art. 337 alone
    (flag,) = flagged(tmp_path, "  - {id: f, indicator: awol-sentences, value: 800, period: 2024, source: mz, quote: "
                                "'Russian courts hand down about 800 sentences a week to members of the military who "
                                "go AWOL, are insubordinate or desert their units.'}\n")
    assert "where awol-sentences counts AWOL" in flag.message and "It would fit refusal-sentences." in flag.message


@pytest.mark.parametrize("quote,value,offences", [
    ("Proekt said 5,260 criminal cases were opened for absence without official leave and 501 for desertion.",
     5260, {"awol"}),
    ("Proekt said 5,260 criminal cases were opened for absence without official leave and 501 for desertion.",
     501, {"desertion"}),
    ("Of these, 9,059 were cases of unauthorized abandonment of a unit, 627 cases of failure to comply with an "
     "order, and 339 cases of desertion.", 627, {"disobedience"}),
    ("За самовольное оставление части осуждены 5000 военных, за дезертирство — 600.", 600, {"desertion"}),
    ("За самовольное оставление части осуждены 5000 военных, за дезертирство — 600.", 5000, {"awol"}),
    ("Military courts received 29,000 cases of AWOL, desertion and disobedience under Article 337, 338 and 332.",
     29000, {"awol", "desertion", "disobedience"}),  # the articles' numbers are not figures that take offences
    ("Article 337 on 'unauthorised abandonment of a unit' was used in 471 cases, followed by Article 332 on "
     "'non-execution of an order' (25).", 25, {"disobedience"}),  # a hyphenated name
], ids=["en-first", "en-second", "en-comma-list", "ru-after-comma", "ru-before-all", "articles-not-figures",
        "hyphenated"])
def test_each_number_of_a_list_counts_its_own_offence(quote, value, offences):
    from tracker.checks.definition import quote_facets
    from tracker.languages import detect

    assert quote_facets(quote, detect(quote), value).offences == offences


@pytest.mark.parametrize("quote,value,measure", [
    ("Sentences have been passed in 360 cases.", 360, "sentences"),  # real-figures R067: cases with a sentence
    ("According to Mediazona, 17,721 of the accused have already been sentenced.", 17721, "sentences"),  # R095
    ("Courts received 951 cases and handed down 586 sentences.", 951, "cases"),  # the 586's sentences
    ("The highest number of desertion attempts was recorded in October (218) and the lowest in June (54 cases).",
     218, "requests"),  # R154: the cases are the 54's
], ids=["cases-with-sentences", "accused-sentenced", "another-numbers-sentences", "another-numbers-noun"])
def test_the_counted_noun_is_the_numbers_own(quote, value, measure):
    from tracker.checks.definition import quote_facets

    assert quote_facets(quote, "en", value).measure == measure


def test_a_quote_that_does_not_state_its_figure_is_judged_on_its_country_only(tmp_path):
    """real-figures-2 R167: "only man was charged with draft evasion" for a count of one case: no number of the
    quote is the figure (the one it has is a date), so its words are no one number's; its country still is."""
    quote = ("During the partial mobilization, September 21 to October 28, only man was charged with desertion; the "
             "case was soon dropped.")
    figure = ("  - {id: f, indicator: court-cases, value: 1, as_of: 2024-06, source: mz, quote: '%s'}\n")
    assert flagged(tmp_path, figure % quote) == []
    (flag,) = flagged(tmp_path, figure % quote.replace("only man", "in Ukraine only man"))
    assert "counts Ukraine" in flag.message


def test_a_number_in_brackets_takes_the_start_of_the_clause_around_it(tmp_path):
    (flag,) = flagged(tmp_path, "  - {id: f, indicator: court-cases, value: 471, as_of: 2024-06, source: mz, quote: "
                                "'Article 337 has been used in the majority of cases (471) since the full-scale "
                                "invasion, followed by Article 332 (25).'}\n")
    assert "counts from 2022-02-24" in flag.message


def test_an_offence_named_wrong_beside_the_right_article_is_flagged(tmp_path):
    # the article's number is right, its name is not: a re-print tells its readers "desertion"
    (flag,) = flagged(tmp_path, "  - {id: f, indicator: awol-sentences, value: 100, period: 2024, source: mz, quote: "
                                "'Russian courts pass 100 sentences a week for desertion (Article 337).'}\n")
    assert "counts desertion where awol-sentences counts AWOL" in flag.message
    assert flagged(tmp_path, "  - {id: f, indicator: awol-sentences, value: 100, period: 2024, source: mz, quote: "
                             "'Russian courts pass 100 sentences a week for going AWOL (Article 337).'}\n") == []


def test_a_sentence_naming_more_offences_than_an_indicator_counts_is_not_suggested_into_it(tmp_path):
    from tracker.extraction.article import read_text_article
    from tracker.extraction.candidates import extract

    ledger = tracker.load(write(tmp_path, HEAD), today=TODAY)
    (c,) = [c for c in extract(read_text_article(
        "Russian courts hand down about 800 sentences a week to members of the military who go AWOL, are "
        "insubordinate or desert their units.", published="2024-06-18"), ledger) if c.value == 800]
    assert c.indicator == "refusal-sentences"
