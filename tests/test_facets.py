"""What a figure counts, read from its sentence and article: country, measure, offences, articles, producer."""

import pytest

from tracker.extraction import extract, read_text_article


def read(text: str, lang: str | None = None, published: str = "2025-08-26"):
    article = read_text_article(text, published=published)
    if lang:
        from dataclasses import replace

        article = replace(article, language=lang)
    return {c.value: c for c in extract(article)}


@pytest.mark.parametrize("text,value,country", [
    ("Ukraine's prosecutors have opened more than 185,000 AWOL cases since the full-scale invasion.", 185_000, "UA"),
    ("Military courts in Russia have heard 10,025 criminal cases since the invasion of Ukraine.", 10_025, "RU"),
    ("Ukrainian intelligence estimates that 50,000 Russian soldiers have deserted.", 50_000, "RU"),
    ("Около 400 тыс. солдат ВСУ покинули свои части.", 400_000, "UA"),
    ("Российские военные суды получили 708 дел после вторжения в Украину.", 708, "RU"),
    ("За даними ГУР, понад 50 тисяч російських військових дезертирували.", 50_000, "RU"),
    ("В Беларуси 1135 политзаключенных, сообщает «Вясна».", 1135, "BY"),
    ("Desertions rose to about 4,400 in the U.S. Army in 2001.", 4400, "US"),
])
def test_whose_country_a_figure_is(text, value, country):
    assert read(text)[value].facets.country == country


def test_the_article_says_whose_when_the_sentence_does_not():
    text = ("В Україні зростає кількість справ про СЗЧ, повідомили в Офісі генерального прокурора.\n"
            "За сім місяців 2025 року зареєстровано 110 511 проваджень.")
    assert read(text)[110_511].facets.country == "UA"


@pytest.mark.parametrize("text,value,measure", [
    ("У 2024 році зареєстровано 67 840 проваджень.", 67_840, "proceedings"),
    ("Opened 202,997 criminal cases into AWOL.", 202_997, "proceedings"),  # cases + opened
    ("В суды поступили 10 308 уголовных дел.", 10_308, "court-cases"),
    ("У 15 564 з цих справ особам повідомили про підозру.", 15_564, "persons-charged"),
    ("«Идите лесом» помог дезертировать 520 военным.", 520, "people-helped"),
    ("Courts passed 61 verdicts in January.", 61, "sentences"),
    ("В проект поступило 6000 обращений.", 6000, "requests"),
])
def test_what_a_figure_counts(text, value, measure):
    assert read(text)[value].facets.measure == measure


def test_offences_and_articles_of_a_code():
    c = read("За статтею 407 Кримінального кодексу України у 2024 році зареєстровано 67 840 проваджень.")[67_840]
    assert c.facets.articles == {"407"} and c.facets.offences == set()
    c = read("Суды вынесли 100 приговоров по делам о дезертирстве.")[100]
    assert c.facets.offences == {"desertion"}
    c = read("Courts sentenced 500 soldiers for going AWOL under articles 337 and 338.")[500]
    assert c.facets.offences == {"awol"} and c.facets.articles == {"337", "338"}
