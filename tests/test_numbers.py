"""The one number reader: what it reads, and that the extractor and the quote check agree on it."""

import pytest
from conftest import DATA, LEDGER
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker
from tracker.extraction import extract, read_article, read_text_article
from tracker.text.numbers import quote_states, scan


@pytest.mark.parametrize("text, value", [
    ("7,400 criminal cases", 7400),
    ("7 400 уголовных дел", 7400),
    ("7\u202f400 уголовных дел", 7400),
    ("4,5 тис. справ", 4500),
    ("3 млрд рублей", 3e9),
    ("1,2 млрд рублей", 1.2e9),
    ("вместе с 2 тысячами человек", 2000),
    ("more than three thousand soldiers", 3000),
    ("over a thousand deserters", 1000),
    ("понад тисячу бійців", 1000),
    ("1.5 million", 1.5e6),
    ("50.000 Deserteure", 50000),
    ("w 2017 r. dla 5,5 tys., 2018 — 7,4 tys.", 5500),  # Polish (Kurier Wileński, 2019): a decimal comma, 'tys.'
    ("1.234.567 people", 1234567),
    ("dozens of soldiers", 24),
    ("20% of cases", 0.2),
])
def test_reader_and_quote_check_read_the_same(text, value):
    assert any(abs(r - value) < 1e-6 * max(1, value) for n in scan(text, "ru" if "тис" in text else "en")
               for r in n.readings), scan(text)
    assert quote_states(text, value)


def test_a_number_that_is_not_there_is_not_stated():
    assert not quote_states("over a thousand deserters", 10000)
    assert not quote_states("7,400 criminal cases", 740)
    assert not quote_states("Military courts heard 64 cases.", 684)


def test_digits_a_space_apart_that_no_grouping_takes_are_numbers_of_their_own():
    # Hansard (1987): "1983 149 670 19" is a row of a table, not 149,670; "17 658" is one number
    assert [n.value for n in scan("1983 149 670 19", "en")] == [1983, 149, 670, 19]
    assert [n.value for n in scan("В 2023 году — 17 658 дел.", "ru")] == [2023, 17658]


def test_value_follows_the_language():
    (en,) = scan("7,4 thousand", "en")
    (ru,) = scan("7,4 тыс.", "ru")
    assert en.value == 7400 and ru.value == 7400
    (ru_plain,) = scan("7,4", "ru")
    assert ru_plain.value == 7.4


_FORMS = st.sampled_from([
    "{n:,} criminal cases", "more than {n:,} soldiers", "about {w} thousand deserters", "over a thousand people",
    "almost {n} sentences a month", "около {n} тыс. дел", "более {w_ru} тысяч человек", "понад {n} тисяч справ",
    "{p}% of those sentenced", "between {n} and {m} cases", "dozens of deserters", "{n} 000 дел", "{n}.{d}K cases",
    "nearly {n:,} verdicts", "вдвое больше дел", "3 млрд рублей и {n} тысячами человек",
])


@settings(max_examples=150, deadline=None, derandomize=True)
@given(forms=st.lists(_FORMS, min_size=1, max_size=5), n=st.integers(2, 99_999), d=st.integers(1, 9),
       w=st.sampled_from(["two", "three", "five", "ten"]), w_ru=st.sampled_from(["две", "три", "пять"]),
       p=st.integers(1, 99))
def test_every_candidate_passes_the_quote_check(forms, n, d, w, w_ru, p):
    sentences = [f.format(n=n, m=n + 7, d=d, w=w, w_ru=w_ru, p=p).capitalize() + ", the court said." for f in forms]
    for c in extract(read_text_article(" ".join(sentences), published="2025-01-10")):
        value = c.value if c.value is not None else None
        assert quote_states(c.quote, value, c.low, c.high), (c.printed, c.value, c.low, c.high, c.quote)


@pytest.mark.parametrize("seed", sorted((DATA / "seeds").glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_candidate_from_the_seeds_passes_the_quote_check(seed):
    ledger = tracker.load(LEDGER)
    candidates = extract(read_article(seed), ledger)
    assert candidates
    for c in candidates:
        assert quote_states(c.quote, c.value, c.low, c.high), (c.printed, c.quote)


@pytest.mark.parametrize("text, value, qualifier, share", [
    ("Some five hundred soldiers deserted.", 500, "approx", False),
    ("Более двух тысяч дел поступило в суды.", 2000, "at_least", False),
    ("Около четырёхсот человек бежали.", 400, "approx", False),
    ("Courts received 7.2K cases.", 7200, "approx", False),
    ("Courts received 15k cases.", 15000, "approx", False),
    ("In nearly half of the cases the court sent them back.", 0.5, "approx", True),
    ("Каждый третий приговор был условным.", 1 / 3, "approx", True),
    ("Кожна четверта справа закінчилася вироком.", 0.25, "approx", True),
    ("More than a quarter of those sentenced got prison.", 0.25, "at_least", True),
    ("Two thousand servicemen fled.", 2000, "approx", False),
    ("Суды рассмотрели не менее чем 500 дел.", 500, "at_least", False),
    ("Courts heard 10,025 cases.", 10025, "exact", False),
])
def test_number_families_in_words_shares_and_scales(text, value, qualifier, share):
    (c,) = extract(read_text_article(text, published="2025-01-10"))
    assert c.value == pytest.approx(value) and c.qualifier == qualifier and c.percent == share
    assert quote_states(c.quote, c.value, c.low if c.qualifier == "range" else None)


@pytest.mark.parametrize("printed, value, low, high", [
    ("12.3 thousand", 12300, 12250, 12350), ("6,000", 6000, 5500, 6500), ("14,6 тысячи", 14600, 14550, 14650),
])
def test_a_rounded_number_is_approx_with_half_a_unit_either_side(printed, value, low, high):
    (c,) = extract(read_text_article(f"Courts passed {printed} sentences.", published="2025-01-10"))
    assert (c.value, c.qualifier, c.low, c.high) == (value, "approx", low, high)
    assert "read as a rounding" in " ".join(c.notes)


_TIMED = st.sampled_from([
    "Courts received {n:,} criminal cases since mobilisation", "In {y} courts handed down about {n:,} sentences",
    "The group helped more than {n:,} soldiers desert since September 2022", "In March {y} courts sentenced {n} men",
    "Courts now hand down {n} sentences a month", "В {y} году суды вынесли {n} приговоров",
    "Проект помог {n} тысячам человек", "About {p}% of deserters stay in Russia", "Cases doubled in {y}",
    "As of June {y}, {n:,} soldiers were wanted", "Понад {n} тисяч справ надійшло з початку мобілізації",
    "Ukrainian intelligence estimates some {n:,} deserters", "Every third case ends in prison",
])


@settings(max_examples=40, deadline=None, derandomize=True)
@given(forms=st.lists(_TIMED, min_size=1, max_size=4), n=st.integers(2, 99_999), y=st.integers(2022, 2025),
       p=st.integers(1, 99))
def test_every_candidate_written_validates(tmp_path_factory, forms, n, y, p):
    """What the extractor writes as a figure, the ledger accepts: none is left out by keep_valid."""
    import shutil

    from tracker.extraction import candidates_yaml
    from tracker.extraction.entries import keep_valid

    path = tmp_path_factory.mktemp("v") / "figures.yaml"
    shutil.copy(LEDGER, path)
    ledger = tracker.load(path)
    text = " ".join(f.format(n=n, y=y, p=p) + ", the court said." for f in forms)
    article = read_text_article(text, published="2025-10-14")
    doc = candidates_yaml(article, extract(article, ledger), ledger)
    assert keep_valid(path, doc)[1] == []


def test_every_candidate_written_from_real_shaped_passages_validates(tmp_path):
    import shutil

    import yaml

    from tracker.extraction import candidates_document
    from tracker.extraction.entries import keep_valid

    path = tmp_path / "figures.yaml"
    shutil.copy(LEDGER, path)
    ledger = tracker.load(path)
    data = yaml.safe_load((DATA / "extract_labelled.yaml").read_text())
    groups = []
    for i, passage in enumerate(p for ps in data["passages"].values() for p in ps):
        article = read_text_article(passage["text"], published=str(data["published"]),
                                    url=f"https://example.org/{i}")
        groups.append((article, extract(article, ledger)))
    groups += [(a, extract(a, ledger)) for a in map(read_article, sorted((DATA / "seeds").glob("*.txt")))]
    doc = candidates_document(groups, ledger)
    # written as figures, not comments: most of those whose passage or article names a country (the passages
    # here are single sentences, most naming none, whose indicators are no longer suggested on words alone)
    assert doc.count("\n  - id: ") > 25
    assert keep_valid(path, doc)[1] == []


@pytest.mark.parametrize("text, value, qualifier", [
    ("Three out of four soldiers who called were mobilised.", 0.75, "approx"),
    ("Nearly 2 in 5 cases end with a suspended sentence.", 0.4, "approx"),
    ("Трое из пяти осуждённых — контрактники.", 0.6, "approx"),
    ("Троє з п'яти засуджених — контрактники.", 0.6, "approx"),
    ("Several hundred soldiers wrote to the group.", 200, "at_least"),
    ("Несколько тысяч военных в розыске.", 2000, "at_least"),
    ("Кілька сотень військових звернулися до юристів.", 200, "at_least"),
    ("Two-thirds of the cases were heard in absentia.", 2 / 3, "approx"),
    ("Дві третини справ розглянули заочно.", 2 / 3, "approx"),
    ("Около двух тысяч трёхсот дел вернули в прокуратуру.", 2300, "approx"),
    ("Some two thousand five hundred men have left.", 2500, "approx"),
    ("Суды получили две тысячи сорок пять дел.", 2045, "exact"),
    ("The court heard one hundred twenty three cases.", 123, "exact"),
    ("Суди отримали двісті п'ятдесят справ.", 250, "exact"),
])
def test_shares_of_a_whole_vague_hundreds_and_compound_words(text, value, qualifier):
    (c,) = extract(read_text_article(text, published="2025-01-10"))
    assert (c.value, c.qualifier) == (pytest.approx(value), qualifier)
    assert quote_states(c.quote, c.value, c.low, c.high)  # the quote check reads it the same way


@pytest.mark.parametrize("text", [
    "The unit was rotated 3 in 10 days, a soldier said.",   # not a share: a duration follows
    "On the radio the dead are called '200' and the wounded '300'.",
    "Суд длился шесть месяцев.",
    "Розгляд тривав шість місяців.",
])
def test_not_shares_nor_figures(text):
    cands = extract(read_text_article(text, published="2025-01-10"))
    assert all(c.value not in (0.3, 200, 300, 6) for c in cands), [(c.value, c.printed) for c in cands]
    assert not any(n.kind == "share" for n in scan(text, "en"))  # the reader itself makes no share of it


def test_wrap_breaks_at_spaces_only_and_otherwise_as_textwrap():
    import textwrap

    from tracker.text.formatting import wrap

    text = ("figures.yaml:120: awol-cases-2024-06-mediazona is 42 times what the series expects between "
            "awol-cases-2024-05 and awol-cases-2024-07; likely a digit or unit slip.")
    for width in range(30, 90, 7):  # the longest word is 28 characters
        lines = wrap(text, width)
        assert all(len(line) <= width for line in lines)
        assert " ".join(lines).split() == text.split()  # every word whole, in order: no id cut at a hyphen
        plain = text.replace("-", "_")
        assert wrap(plain, width) == textwrap.wrap(plain, width)
    assert wrap("x" * 30 + " y", 10) == textwrap.wrap("x" * 30 + " y", 10, break_on_hyphens=False)
    assert wrap("", 10) == []


# -- numbers in words: every form news prints (issue: number-parser's cases in news sentences) ----------------

def words_read(text, lang="en"):
    return [n.value for n in scan(text, lang)]


@pytest.mark.parametrize("text, lang, value", [
    ("Courts heard twenty-five cases.", "en", 25),
    ("Courts heard Thirty-four cases.", "en", 34),
    ("Courts heard thousand cases.", "en", 1000),
    ("two million twenty three thousand and forty nine cases", "en", 2_023_049),
    ("one thousand and one nights", "en", 1001),
    ("a hundred soldiers", "en", 100),
    ("eleven hundred soldiers", "en", 1100),
    ("суды рассмотрели пятнадцать дел", "ru", 15),
    ("триста пятьдесят семь дел", "ru", 357),
    ("благодаря двумстам волонтёрам", "ru", 200),
    ("с пятьюстами делами", "ru", 500),
    ("с двадцатью одним миллионом рублей", "ru", 21_000_000),
    ("по тысяче дел", "ru", 1000),
    ("двухсот пятидесяти шести", "ru", 256),
    ("четырех дел", "ru", 4),  # ё printed as е
    ("одинадцять справ", "uk", 11),
    ("пʼятдесят справ", "uk", 50),
    ("п’ятдесят справ", "uk", 50),
    ("п'ятдесят справ", "uk", 50),
    ("пятдесят справ", "uk", 50),
    ("мільйон гривень", "uk", 1_000_000),
    ("мільярд гривень", "uk", 1_000_000_000),
    ("одне рішення", "uk", 1),
    ("півтори тисячі солдатів", "uk", 1500),
    ("311 тисяч 327 справ", "uk", 311_327),
    ("21 тисяча 100 справ", "uk", 21_100),
    ("2 тысячи 350 дел", "ru", 2350),
])
def test_every_form_of_a_cardinal_is_read(text, lang, value):
    assert value in words_read(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("one of the soldiers", "en"), ("один из солдат", "ru"), ("одна з частин", "uk"), ("в одному з судів", "uk"),
    ("сорокалетний солдат", "ru"), ("мільйонер", "uk"), ("the second wave", "en"), ("вторым эшелоном", "ru"),
    ("a five-year term", "en"), ("the 'five-hundreds'", "en"), ("millions of people", "en"),
    ("миллионов людей", "ru"),
])
def test_no_number_is_read_where_none_is(text, lang):
    assert words_read(text, lang) == []


def test_digits_with_a_scale_are_not_joined_to_a_date_or_a_larger_number():
    assert words_read("3 тысячи 18 мая", "ru") == [3000, 18]
    assert words_read("12 тыс. 2024 года", "ru") == [12000, 2024]


@pytest.mark.parametrize("text,value", [  # as Interfax-Ukraine, Racurs and Bagnet print the prosecutors' counts
    ("у 2022 році зареєстровано 6 тис 988 проваджень", 6988),
    ("зареєстрували 202 тис. 997 проваджень за СЗЧ", 202_997),
    ("справ за дезертирство було зареєстровано 50 тис. 58 справ", 50_058),
    ("у 1 тис. 248 з них повідомлено про підозру", 1248),
])
def test_digits_after_an_abbreviated_scale_complete_the_number(text, value):
    assert [n.value for n in scan(text, "uk") if n.value != 2022] == [value]


def test_a_total_printed_in_digits_and_words_is_a_stated_quote():
    assert quote_states("Загалом відкрито 311 тисяч 327 проваджень.", 311_327)
    assert not quote_states("Загалом відкрито 311 тисяч проваджень, 327 з них...", 311_327)


def test_a_counter_written_on_the_digits_ends_the_number():
    """Korean and Japanese write the counter right after the digits (Aju Business Daily, 2015: "2011년에는 708명"):
    the quote states 708, and the year 2011; digits inside a Latin word are still none."""
    quote = "연도별 탈영병을 살펴보면 2011년에는 708명이었으나, 2012년 619명, 2013년 643명"
    assert quote_states(quote, 708) and quote_states(quote, 619) and quote_states(quote, 2011)
    assert quote_states("脱走兵は592名に上った", 592)
    assert not quote_states("model B52x", 52)


def test_the_number_parser_cases_are_read():
    """number-parser's published cardinal cases in news sentences (benchmarks/numbers_in_words.py): all read."""
    import sys

    sys.path.insert(0, str(DATA.parent.parent / "benchmarks"))
    import numbers_in_words as bench

    missed = [(lang, text) for lang, text, value in bench.cases()
              if not bench.tracker_finds(bench.FRAMES[lang].format(text), lang, value)]
    assert len(missed) <= 0.02 * len(bench.cases()), missed[:10]


def test_a_thousand_alone_before_a_number_in_spanish_quotes():
    """Digital Post (2016) on Mexico's deserters: "2 mil 022 salieron del Ejército en 2013; mil 176 en 2014; mil 252
    en 2015" is 2,022, 1,176 and 1,252; the quote check warned that the quote does not state 1,176."""
    from tracker.text.numbers import quote_states

    quote = "2 mil 022 salieron del Ejército en 2013; mil 176 en 2014; mil 252 en 2015."
    assert quote_states(quote, 2022) and quote_states(quote, 1176) and quote_states(quote, 1252)
    assert not quote_states("los 176 soldados", 1176)


@pytest.mark.parametrize("text, lang, value", [
    ("відкрито три з половиною тисячі справ", "uk", 3500),
    ("відкрито 3 з половиною тисячі справ", "uk", 3500),
    ("суды получили три с половиной тысячи дел", "ru", 3500),
    ("дві з половиною сотні вироків", "uk", 250),
])
def test_a_number_and_a_half_of_a_scale(text, lang, value):
    assert [n.value for n in scan(text, lang)] == [value]


def test_a_number_and_a_half_of_years_is_a_duration_not_a_figure():
    """Radio Svoboda (Mediazona), 6 Oct 2025: "впродовж трьох з половиною років війни" counts nothing."""
    for text in ("«Медіазона» зазначає, що кількість насильницьких злочинів безперервно зростає впродовж трьох з "
                 "половиною років війни.", "Число преступлений растёт на протяжении трёх с половиной лет войны."):
        assert list(extract(read_text_article(text, published="2025-10-06"))) == []
    assert [n.value for n in scan("три з половиною", "uk")] == [3]  # no scale after it: three
