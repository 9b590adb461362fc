"""The period of each number where a sentence names several (tracker.extraction.periods), from real articles'
wording: Interfax-Ukraine, Censor.NET, TASS, Racurs, Babel (August-October 2025)."""

import pytest

from tracker.extraction import extract, read_text_article


def times(text: str, published: str = "2025-08-26") -> dict:
    return {c.value: (c.period, c.since, c.as_of) for c in extract(read_text_article(text, published=published))}


def candidates(text: str, published: str, by: str = "printed") -> dict:
    """The article's candidates by their number as printed (or by value: by="value")."""
    return {getattr(c, by): c for c in extract(read_text_article(text, published=published))}


def test_years_listed_before_their_numbers():
    t = times("За статтею 407 у 2022 році зареєстровано 6 тис 988 проваджень (з них 347 у період січень-лютий), у "
              "2023 році – 17 тис 658, у 2024-му – 67 тис 840 проваджень.")
    assert t[6988][0] == "2022" and t[347][0] == "2022-01/2022-02"
    assert t[17658][0] == "2023" and t[67840][0] == "2024"


def test_a_year_heading_a_row_of_a_table_is_the_rows_numbers_time():
    # Hansard (1987): a written answer's table, a year and a number for each service on each line
    t = times("Numbers deserting or going absent without leave: 1983 to 1986\n"
              "Royal Navy and Royal Marines Army Royal Air Force\n1983 149 670 19\n1984 110 662 16", "1987-04-02")
    assert [t[v][0] for v in (149, 670, 19, 110, 662, 16)] == ["1983"] * 3 + ["1984"] * 3
    assert times("Form 1983 149 670 19", "1987-04-02")[149][0] is None  # no year heads the line


def test_a_list_of_months_after_a_list_of_a_named_years_months_is_of_that_year():
    # TSN (29 October 2025): desertion's months of 2022 follow AWOL's, in a paragraph that names no year
    first = "Так, у січні 2022 року було відкрито 197 справ, у лютому — 142, у березні — 167.\n\n"
    then = "Щодо дезертирства статистика мала такий вигляд: січень — 10 справ, лютий — 19, березень — 501."
    t = times(first + then, "2025-10-29")
    assert [t[v][0] for v in (10, 19, 501)] == ["2022-01", "2022-02", "2022-03"]
    t = times("У 2022 році було відкрито 6988 справ.\n\n" + then, "2025-10-29")  # no list of months before it
    assert [t[v][0] for v in (10, 19, 501)] == ["2025-01", "2025-02", "2025-03"]


def test_a_rate_in_a_season_is_not_given_the_articles_month():
    # newskiev.ru (2025): a season names a time the reader does not resolve; the article's month is not it
    c = candidates("Весной 2025 года следователи передавали в суды около 1000 уголовных дел каждый месяц.",
                   "2025-09-18", by="value")[1000]
    assert (c.period, c.assumed) == (None, False)
    c = candidates("Следователи передают в суды около 1000 уголовных дел каждый месяц.", "2025-09-18", by="value")[1000]
    assert (c.period, c.assumed) == ("2025-09", True)


def test_an_article_that_counts_by_fiscal_years_means_them_by_its_plain_years():
    # the Herald-Tribune (2007) and a blog on the Army's desertions: "last year", "In 2005" are the Army's fiscal years
    text = ("A total of 3,196 active-duty soldiers deserted the Army last year, according to revised figures. The new "
            "calculations significantly alter the annual desertion totals since the 2000 fiscal year. In 2005, the "
            "Army now says 2,543 soldiers deserted.")
    t = times(text, "2007-03-23")
    assert (t[3196][0], t[2543][0]) == ("2005-10/2006-09", "2004-10/2005-09")
    t = times(text.replace("since the 2000 fiscal year", "since 2000"), "2007-03-23")
    assert (t[3196][0], t[2543][0]) == ("2006", "2005")  # no fiscal year named: calendar years


def test_a_year_after_from_in_a_list_of_numbers_is_each_ones():
    # the Herald (2006): soldiers still missing by the year they left; "from 2001 to 2005" stays a span
    t = times("Figures for those still on the run are 86 from 2001, 118 from 2002, 134 from 2003 and 229 from 2004.",
              "2006-05-29")
    assert [t[v][0] for v in (86, 118, 134, 229)] == ["2001", "2002", "2003", "2004"]
    assert times("Some 2,670 went absent from 2001 to 2005.", "2006-05-29")[2670][0] == "2001/2005"


def test_a_paragraphs_opening_start_is_the_start_of_a_count_held_at_a_date_after_it():
    # 112.ua (2024): the lead names the start and no number; the count "станом на вересень 2024 року" is since then
    lead = ("Правоохоронні органи зафіксували рекордну кількість кримінальних проваджень щодо СЗЧ з моменту "
            "російського вторгнення. ")
    count = "За даними Офісу Генерального прокурора, станом на вересень 2024 року, було відкрито 89 127 таких справ."
    assert times(lead + count, "2024-10-01")[89127] == (None, "2022-02-24", "2024-09")
    assert times(lead + "\n\nІнше.\n\nЩе інше.\n\n" + count, "2024-10-01")[89127] == (None, None, "2024-09")
    assert times("С момента российского вторжения открыто 89 127 дел.", "2024-10-01")[89127][1] == "2022-02-24"


def test_a_sentence_that_says_what_the_figures_before_were_takes_their_time():
    # Slovo i Dilo (2025): "Це лише 0,6% і 0,03% …" are the shares of 2021's counts in the sentence before
    first = "У 2021 році правоохоронці відкрили лише 2 тисячі кримінальних справ через СЗЧ. "
    t = times(first + "Це лише 0,6% серед загальної кількості правопорушень.", "2025-05-23")
    assert t[0.006][0] == "2021"
    t = times(first + "Це стало відомо 0,6% читачів.", "2025-05-23")  # not a share of the count before
    assert t[0.006][0] is None
    t = times("В 2021 году открыли 2 тысячи дел. Это лишь 0,6% от всех.", "2025-05-23")
    assert t[0.006][0] == "2021"


def test_a_part_of_a_whole_restated_after_of_takes_the_wholes_time():
    # 112.ua (2024): "З 59 606 справ … лише 4 698": the 4 698 are of the 59 606 counted as of September 2024
    first = ("Станом на вересень 2024 року було відкрито 59 606 справ щодо СЗЧ.\n"
             "Якщо в 2022 році було відкрито 6 641 провадження, а в 2023 - 17 658, то у 2024 році - 35 307.\n")
    then = "Однак лише частина доходить до суду. З 59 606 справ щодо СЗЧ до суду попали лише 4 698."
    t = times(first + then, "2024-10-01")
    assert t[4698][2] == "2024-09"
    assert t[4698] == t[59606]
    assert times(first.replace("Станом на вересень 2024 року було", "Було") + then, "2024-10-01")[4698] \
        == (None, None, None)  # the whole printed with no time


def test_years_listed_after_their_numbers():
    t = times("Unauthorized abandonment was registered in 6,988 cases in 2022 and 18,628 cases in 2023.")
    assert t[6988][0] == "2022" and t[18628][0] == "2023"


def test_months_listed_after_their_numbers():
    t = times("The figures stood at 170 and 60, respectively, in February, at 540 and 75 in March, and at 783 and 78 "
              "in April.", "2025-05-30")
    assert t[540][0] == t[75][0] == "2025-03" and t[783][0] == t[78][0] == "2025-04"


@pytest.mark.parametrize("text,value,period", [
    ("За сім місяців 2025 року уже зареєстровано 110 тис 511 проваджень.", 110_511, "2025-01/2025-07"),
    ("In the first seven months of 2025, 110,511 proceedings were registered.", 110_511, "2025-01/2025-07"),
    ("Только за 10 месяцев 2025 года было открыто 161 461 производство по СЗЧ.", 161_461, "2025-01/2025-10"),
    ("За январь-июль зарегистрировано 110 511 производств.", 110_511, "2025-01/2025-07"),
    ("60,164 AWOL cases were reported in the period from January 1, 2025 to April 30, 2025.", 60_164,
     "2025-01-01/2025-04-30"),
])
def test_a_span_of_months_is_one_period(text, value, period):
    assert times(text)[value][0] == period


def test_a_count_from_one_month_to_another_holds_at_the_end():
    t = times("Із січня 2022 року по вересень 2025 року зареєстровано 235 646 кримінальних проваджень.", "2025-10-14")
    assert t[235_646] == ("2022-01/2025-09", None, "2025-09")
    t = times("С 2022 года по июль 2025 года зарегистрировано 50 058 уголовных производств.")
    assert t[50_058] == ("2022-01/2025-07", None, "2025-07")  # the same span, written in months at both ends
    t = times("Із початку повномасштабного російського вторгнення до липня 2025 року в Україні зареєстрували 202 тис. "
              "997 проваджень за СЗЧ.")
    assert t[202_997] == (None, "2022-02-24", "2025-07")


def test_the_lines_of_a_list_take_the_time_of_the_line_before_it():
    t = times("Так, з січня 2022 року по вересень 2025 року відкрито:\n235 646 кримінальних справ за СЗЧ;\n"
              "53 954 — за дезертирство.", "2025-10-14")
    assert t[235_646][2] == t[53_954][2] == "2025-09"


def test_a_rate_word_belongs_to_its_clause():
    t = times("As many as 60,164 AWOL cases were reported in the period from January 1, 2025 to April 30, 2025, or "
              "around 15,000 AWOL cases a month.", "2025-05-30")
    assert t[60_164][0] == "2025-01-01/2025-04-30"  # not the article's month, as a rate


def test_a_start_printed_with_vid_at_the_head_of_a_sentence():
    """TSN's lead: "Від початку війни відкрито близько 290 тисяч справ" (since the war began); 'від' was not among
    the words that let a start be looked for, only 'з'."""
    t = times("Від початку війни відкрито близько 290 тисяч справ за СЗЧ та дезертирство.", "2025-10-14")
    assert t[290_000][1] == "2022-02-24"


@pytest.mark.parametrize("text", ["В 2024-м зарегистрировано 67 840 производств.",
                                  "У 2024-му зареєстровано 67 840 проваджень."])
def test_a_year_written_with_its_ending_alone(text):
    """TSN's line "в 2024-м — 67 840 производств" stood alone in its article; "2024-м" is "in 2024"."""
    assert times(text)[67_840][0] == "2024"


@pytest.mark.parametrize("text", ["С начала года 170 политзаключенных «вышли», 283 – «зашли».",
                                  "З початку року 170 політв'язнів вийшли на волю.",
                                  "Since the start of the year 170 political prisoners were released."])
def test_since_the_start_of_the_year_is_the_articles_year_so_far(text):
    """Viasna, May 2025: "С начала года 170 политзаключенных «вышли»" is a count from 1 January to the article's
    date; with no year printed it was read as no time at all."""
    assert times(text, "2025-05-21")[170][0] == "2025-01-01/2025-05-21"


def test_last_year_in_the_numbers_clause_is_the_year_before_the_article():
    """The Independent, February 2010: "more than 2,000 cases … (awol) last year, with 17,470 incidents recorded
    since the Iraq invasion in 2003" (2,000 took 2003); "375 soldiers remained at large at the end of last year"."""
    t = times("Official figures show that there were more than 2,000 cases of soldiers going absent without leave "
              "(awol) last year, with 17,470 incidents recorded since the Iraq invasion in 2003.", "2010-02-20")
    assert t[2000][0] == "2009"
    t = times("The statistics show that 375 soldiers remained at large at the end of last year, although the figure "
              "has since fallen.", "2010-02-20")
    assert t[375][2] == "2009-12" and t[375][0] is None


@pytest.mark.parametrize("text,since", [
    ("С начала полномасштабной войны в российские суды поступило 11,7 тысячи дел.", "2022-02-24"),
    ("З початку повномасштабної війни відкрито 290 тисяч справ.", "2022-02-24"),
    ("Russian courts have received more than 500 cases against servicemen after the start of mobilization.",
     "2022-09-21"),
    ("З початку російського повномасштабного вторгнення відкрили понад 10,7 тисяч кримінальних справ.", "2022-02-24"),
    ("За час великої війни в Україні відкрили майже 11 тисяч справ щодо ухилістів.", "2022-02-24"),
], ids=["ru-war", "uk-war", "en-after-mobilisation", "uk-two-words-before-invasion", "uk-during-the-war"])
def test_starts_in_more_wordings(text, since):
    (c,) = extract(read_text_article(text, published="2025-01-10"))
    assert c.since == since


def test_more_ways_to_name_a_year():
    """novosti-n, lcity.dp.ua, expert.in.ua (2024) and a blog quoting the Pentagon (2008)."""
    t = times("Так, за минулий рік було розпочато 6745 кримінальних проваджень.", "2024-04-15")
    assert t[6745][0] == "2023"
    t = times("Вже є й вироки. 2022 року винесено 250 вироків, 2023-го — близько 300.", "2024-02-14")
    assert t[250][0] == "2022" and t[300][0] == "2023"
    t = times("According to the Pentagon, more than 5500 military personnel deserted in 2003–2004.", "2008-01-15")
    assert t[5500][0] == "2003/2004"


@pytest.mark.parametrize("text,value,want", [
    # the Herald-Tribune and a blog quoting the Pentagon (2007-2008), a Russian and a Ukrainian wording
    ("The Army had about 500,000 active-duty troops at the end of 2006.", 500_000, (None, None, "2006-12")),
    ("The number had reached about 8000 by the first quarter of 2006.", 8000, (None, None, "2006-03")),
    ("In the first quarter of 2024, 1,500 cases were opened.", 1500, ("2024-01/2024-03", None, None)),
    ("За I квартал 2024 года военные суды получили 1200 дел.", 1200, ("2024-01/2024-03", None, None)),
    ("У першому кварталі 2024 року відкрили 1500 справ.", 1500, ("2024-01/2024-03", None, None)),
    ("На конец 2023 года в производстве было 700 дел.", 700, (None, None, "2023-12")),
    ("Наприкінці 2023 року в провадженні було 700 справ.", 700, (None, None, "2023-12")),
])
def test_the_end_of_a_year_and_a_quarter(text, value, want):
    assert times(text, "2025-08-26")[value] == want


def test_the_end_of_last_year_without_a_year_in_digits():
    """'в конце прошлого года' names no year in digits: the cheap test before periods are sought must let it in."""
    assert times("В конце прошлого года в производстве было 700 дел.", "2025-08-26")[700] == (None, None, "2024-12")


@pytest.mark.parametrize("text,value,period", [
    # lcity.dp.ua (2024): the regions' counts in the sentence after the year's total
    ("Так, за минулий рік було розпочато 6745 кримінальних проваджень через ухилення від призову. Найбільше "
     "правопорушень виявили у Закарпатській (660), Миколаївській (637) та Дніпропетровській (635) областях.", 637,
     "2023"),
    ("In 2023, 6,745 proceedings were opened. Of them, 660 were in Zakarpattia.", 660, "2023"),
    ("В 2023 году возбуждено 6745 дел. Больше всего — в Закарпатской области (660).", 660, "2023"),
])
def test_a_sentence_parting_the_figure_before_it_takes_its_time(text, value, period):
    assert times(text, "2024-04-15")[value][0] == period


def test_a_sentence_after_a_dated_one_keeps_its_own_time_unless_it_parts_that_figure():
    t = times("In 2023, 6,745 proceedings were opened. Courts now hold 660 cases.", "2024-04-15")
    assert t[660][0] is None  # no word says the 660 are part of 2023's figure
    t = times("In 2023, 6,745 proceedings were opened.\nOf them, 660 were in Zakarpattia.", "2024-04-15")
    assert t[660][0] == "2023"  # the next paragraph, which says it parts that count
    t = times("In 2023, 6,745 proceedings were opened.\nThe courts are slow.\nOf them, 660 were in Zakarpattia.",
              "2024-04-15")
    assert t[660][0] is None  # two paragraphs on: past the topic's reach


@pytest.mark.parametrize("text,published,value,want", [
    # Ukrainska Pravda in Russian (29 April 2024) on the Prosecutor General's answer to hromadske
    ("С начала российского полномасштабного вторжения правоохранители открыли более 10,7 тысячи уголовных дел.",
     "2024-04-29", 10_700, (None, "2022-02-24", None)),
    ("За время большой войны в Украине открыли почти 11 тысяч дел в отношении уклонистов", "2024-04-29", 11_000,
     (None, "2022-02-24", None)),
    # Haaretz on exemptions from the IDF (2012)
    ("As recently as 2004, that figure was only 8.4 percent.", None, 0.084, ("2004", None, None)),
    # my.ua on Opendatabot's count (February 2023): the year before the article, not the one compared with
    ("В целом за весь прошлый год было учтено 1108 таких дел, что вдвое меньше, чем в предыдущую волну мобилизации "
     "в 2015 году. Тогда было учтено 2256 производств.", "2023-02-09", 1108, ("2022", None, None)),
    ("В целом за весь прошлый год было учтено 1108 таких дел, что вдвое меньше, чем в предыдущую волну мобилизации "
     "в 2015 году. Тогда было учтено 2256 производств.", "2023-02-09", 2256, ("2015", None, None)),
    ("Найбільше справ було у 2015 році. Тоді зареєстрували 2256 проваджень.", "2023-02-09", 2256,
     ("2015", None, None)),
    # an undated post (brighteon, 2024): the start of a named year is its first day
    ("Since the beginning of 2024, 37 thousand such cases have been recorded.", None, 37_000,
     (None, "2024-01-01", None)),
    ("С начала 2024 года возбуждено 37 тысяч дел.", None, 37_000, (None, "2024-01-01", None)),
    ("So far in 2024, 37 thousand cases were recorded.", None, 37_000, ("2024", None, None)),
])
def test_starts_years_and_then_as_printed(text, published, value, want):
    assert times(text, published)[value] == want


@pytest.mark.parametrize("text,published,value,want", [
    # Viasna via Reform.by (2025): a start on a day with no year is of the article's year
    ("С 18 января в Беларуси произошло 9 волн помилования — всего были освобождены 170 человек.", "2025-08-26", 170,
     (None, "2025-01-18", None)),
    ("Since 25 September, 300 soldiers have been returned.", "2025-08-26", 300, (None, "2024-09-25", None)),
    ("Since January 18, 2024, 300 soldiers have been returned.", "2025-08-26", 300, (None, "2024-01-18", None)),
    # Ukraine's Ministry of Defence (2025), its month first
    ("More than 29,000 servicemen returned to service from November 29, 2024 to August 2025.", "2025-09-01", 29_000,
     ("2024-11-29/2025-08", None, "2025-08")),
    ("С 1 января по 30 июня 2025 года зарегистрировано 500 дел.", "2025-08-26", 500,
     ("2025-01-01/2025-06-30", None, None)),
])
def test_a_start_or_a_span_from_a_day(text, published, value, want):
    assert times(text, published)[value] == want


def test_a_sentence_continuing_the_figure_before_it_takes_its_time():
    """Nigroll (2025): 'в 2024 году помог 843 людям … По его словам, ещё 22 тысячам человек помогли избежать'."""
    t = times("«Идите лесом» в 2024 году помог 843 людям дезертировать. По его словам, ещё 22 тысячам человек "
              "активисты помогли избежать мобилизации.", "2025-01-10")
    assert t[22_000][0] == "2024"


# from the fourth unseen meaning set (session 12): what its one run showed
def test_a_range_of_counts_is_not_a_span_of_years():
    article = read_text_article("Число дел выросло с примерно 2800 дел в 2021 г. до 5600–6000 дел в 2022 г.",
                                published="2025-12-09")
    (c,) = [c for c in extract(article) if c.low == 5600]
    assert c.period == "2022"  # '5600–6000' was read as the years 5600 to 6000


@pytest.mark.parametrize("text,value,want", [
    ("За даними прокуратури, у 2022-2025 роках загальна кількість склала 218 282.", 218_282,
     ("2022/2025", None, "2025")),
    ("За первую половину 2023 года в военные суды поступило 2 076 уголовных дел.", 2076,
     ("2023-01/2023-06", None, None)),
    ("За перше півріччя 2024 року відкрили 500 проваджень.", 500, ("2024-01/2024-06", None, None)),
    ("In the second half of 2023, 300 cases were opened.", 300, ("2023-07/2023-12", None, None)),
    # ltn.com.tw (2025): to the year before the article's
    ("There were 28,837 criminal cases involving 41,520 military personnel from 2014 to last year.", 28_837,
     ("2014/2024", None, "2024")),
    ("З 2020 року до минулого року відкрили 900 проваджень.", 900, ("2020/2024", None, "2024")),
    # ria.ru (2026): a year in the instrumental case, after "compared with"
    ("В 2025 году задержали 1424 мужчин, в 356 раз больше в сравнении с 2023 годом (4 человека).", 4,
     ("2023", None, None)),
])
def test_spans_of_years_and_halves(text, value, want):
    assert times(text, "2025-12-09")[value] == want


def test_rates_in_a_list_take_their_own_years():
    t = times("Якщо у 2022 році за весь рік відкрили лише 6 тисяч проваджень, то у 2023 році — 1,5 тисячі щомісяця, у "
              "2024-му — близько 5 тисяч щомісяця.", "2025-11-14")
    assert t[6000][0] == "2022" and t[1500][0] == "2023" and t[5000][0] == "2024"


def test_by_a_month_in_russian():
    t = times("К июню военные суды в России выносили по 100 приговоров по 337 УК каждую неделю.", "2023-07-19")
    assert t[100][2] == "2023-06"


def test_the_said_period_and_the_same_period_of_another_year():
    t = times("За даними прокуратури, у 2022-2025 роках загальна кількість склала 218 282.\n\n"
              "Водночас за вказаний термін підозри за СЗЧ отримали 30 478 осіб.", "2025-10-08")
    assert t[30_478][0] == "2022/2025"  # 'for the said period': the last time named, a paragraph before
    t = times("С февраля по август 2022 года в суды поступило 343 таких дела. За тот же период 2021 года в суды "
              "поступило 227 дел по этой статье.", "2022-09-20")
    assert t[227][0] == "2021-02/2021-08"
    t = times("Courts received 40 cases in 2022. Over the same period, 12 soldiers fled abroad.", "2023-01-10")
    assert t[12][0] == "2022"
    t = times("Courts received 40 cases in 2022. Courts now hold 12 cases.", "2023-01-10")
    assert t[12][0] is None  # nothing refers back


def test_a_total_after_a_list_of_years_is_of_those_years():
    """Hansard (2002): 'a total of 7,461' after three years listed took the last year alone."""
    t = times("The total number of soldiers who went absent without leave (AWOL) over the last three years is as "
              "follows: 2,077 in 1999, 2,722 in 2000 and 2,662 in 2001, a total of 7,461.", "2002-01-10")
    assert t[7461] == ("1999/2001", None, "2001") and t[2722][0] == "2000"
    t = times("В 2022 г. дел было 10. В 2023 г. динамика сохранилась: рассмотрено уже свыше 3500 дел.", "2025-12-09")
    assert t[3500][0] == "2023"  # 'уже' with one year of its own: not a list's total


def test_a_sentence_ends_at_a_year_abbreviation_after_a_long_clause():
    """Vedomosti (2025): '… до примерно 2700 в 2022 г. В 2023 г. …' was one sentence, the 2023 figure took 2021-2023."""
    from tracker.extraction.sentences import sentences

    text = ("При этом рост был трехкратным: с около 900 дел в 2021 г. до примерно 2700 в 2022 г. В 2023 г. динамика "
            "сохранилась: только по ст. 337 УК РФ было рассмотрено уже свыше 3500 дел.")
    assert [s for _, s in sentences(text)][1].startswith("В 2023 г. динамика")
    assert len(sentences("В 2023 г. Путин подписал указ о 500 делах.")) == 1  # a short opening: one sentence
    assert times(text, "2025-12-09")[3500][0] == "2023"


# from the fifth unseen meaning set (session 12): what its one run showed
def test_a_span_right_after_a_number_is_that_numbers():
    """The Moscow Times (2023): 'За сентябрь — ноябрь … 577 таких обращений против 305 за июнь — август'."""
    t = times("За сентябрь — ноябрь было получено 577 таких обращений против 305 за июнь — август.", "2023-12-04")
    assert t[577][0] == "2023-09/2023-11" and t[305][0] == "2023-06/2023-08"


@pytest.mark.parametrize("text,published,value,since", [
    ("С апреля 2023 юристы и волонтеры проконсультировали более 1000 военнослужащих.", "2023-12-04", 1000,
     "2023-04"),
    ("С января 2022 года в российские военные суды поступили 10 025 уголовных дел.", None, 10_025, "2022-01"),
    ("Всего за два года войны в проект поступило больше 24 тысяч обращений.", "2024-02-29", 24_000, "2022-02-24"),
])
def test_a_start_in_a_month_or_over_years_of_war(text, published, value, since):
    article = read_text_article(text, published=published)
    (c,) = [c for c in extract(article) if c.value == value]
    assert c.since == since


def test_an_undated_article_takes_its_paragraphs_year():
    """Dron.media gives no date: 'В марте 2024 года … В мае нынешнего года … 929' is May 2024, and 'На конец
    апреля 2024 года … по 34-35 приговоров в день' holds at April 2024."""
    text = ("В марте 2024 года суды вынесли 684 приговора. В мае нынешнего года в суды поступило 929 таких уголовных "
            "дел.\nНа конец апреля 2024 года суды выносили по 34-35 приговоров в день по этим делам.")
    found = {c.value if c.value is not None else c.low: c for c in extract(read_text_article(text))}
    assert found[929].period == "2024-05" and found[684].period == "2024-03"
    assert found[34].as_of == "2024-04"


def test_the_entire_year_and_a_years_figure():
    """Pledge Times (DW, 2024): 'exceeded the figures for the entire 2023, when 24.1 thousand new investigations
    were launched, and more than three times more than the 2022 figure (9.4 thousand cases)'."""
    t = times("This number has already exceeded the figures for the entire 2023, when 24.1 thousand new "
              "investigations were launched, and more than three times more than the 2022 figure (9.4 thousand "
              "cases).", "2024-08-04")
    assert t[24_100][0] == "2023" and t[9_400][0] == "2022"


@pytest.mark.parametrize("text,want", [
    ("In November last year courts received 900 cases.", ("2024-11", None, None)),
    ("У листопаді минулого року суди отримали 900 справ.", ("2024-11", None, None)),
    ("В прошлом месяце суды получили 900 дел.", ("2025-02", None, None)),
    ("Last month courts received 900 cases.", ("2025-02", None, None)),
    ("По состоянию на начало 2025 года было 900 дел.", (None, None, "2025-01")),
    ("As of the beginning of 2025, 900 cases were pending.", (None, None, "2025-01")),
    ("В этом году суды получили 900 дел.", ("2025-01-01/2025-03-10", None, None)),
    ("Цього року суди отримали 900 справ.", ("2025-01-01/2025-03-10", None, None)),
])
def test_last_month_this_year_the_start_of_a_year_and_a_month_of_last_year(text, want):
    assert times(text, "2025-03-10")[900] == want
    # in December, November without its year is this year's; 'прошлого года' says last year's
    assert times("В ноябре прошлого года в суды поступило 900 дел.", "2025-12-10")[900][0] == "2024-11"


def test_a_month_of_last_year_in_an_undated_article_with_no_year_named_has_no_year():
    article = read_text_article("В ноябре прошлого года в суды поступило 900 дел.")  # no date, no year named
    (c,) = extract(article)
    assert c.period is None  # not '-1-11', which no ledger could read


def test_a_time_after_another_number_of_the_clause_is_that_ones():
    """BAFzA's count as news.osna.fm printed it: the 2022 named after 951 is 951's, not the 1,363's that the month
    at the start of the sentence dates; two numbers joined by "and" share the time after them."""
    t = times("As of June 2025, 1,363 applications for recognition as a conscientious objector have been received "
              "– a considerable jump from 951 in 2022, 1,079 in 2023 and 2,241 already in the first six months of "
              "2024.", published=None)
    assert t[1363] == (None, None, "2025-06") and t[951][0] == "2022" and t[1079][0] == "2023"
    t = times("The figures stood at 170 and 60, respectively, in February, at 540 and 75 in March.", "2025-05-01")
    assert t[540][0] == "2025-03" and t[75][0] == "2025-03"


def test_the_year_named_as_the_year_and_a_time_said_again():
    """"For the year 2024, … totaling 1,811"; "as much as in 2021. At that time there were … 201" (pledgetimes)."""
    assert times("For the year 2024, the majority of applications came from 'Ungediente', totaling 1,811.")[1811][0] \
        == "2024"
    t = times("That is almost five times as much as in 2021. At that time there were said to have been 201 "
              "applications.", "2023-01-06")
    assert t[201][0] == "2021"


def test_the_previous_year_is_before_the_year_named_beside_it():
    """"from 23 applications in the previous year to 484 in the first eight months of 2022" (dpa); "годом ранее"."""
    t = times("The number rose from 23 applications in the previous year to 484 in the first eight months of 2022.")
    assert t[23][0] == "2021" and t[484][0] == "2022-01/2022-08"
    t = times("В 2023 году в суды поступило 500 дел, годом ранее – 300.")
    assert t[500][0] == "2023" and t[300][0] == "2022"


def test_months_of_this_year_are_the_articles_year_not_the_one_named_before():
    """dpa via Indo New York: "in 2021 a total of ten reservists … – from January to August of this year alone there
    were already 190": 190 is of the article's year. Undated, its year is not known: no period rather than 2021's."""
    text = ("According to this, in 2021 a total of ten reservists submitted an application for conscientious "
            "objection – from January to August of this year alone there were already 190.")
    t = times(text, "2022-09-10")
    assert t[190][0] == "2022-01/2022-08" and t[10][0] == "2021"
    assert times(text, None)[190][0] is None
    assert times("С января по август этого года в суды поступило 190 дел.", "2022-09-10")[190][0] == "2022-01/2022-08"


def test_a_range_from_a_month_is_no_start():
    """"С января по август …": a range of months, not a count since January; a year named in another clause of the
    sentence is its own number's."""
    t = times("С января по август 2022 года в суды поступило 190 дел, а в 2021 году — 10.", "2022-09-10")
    assert t[190] == ("2022-01/2022-08", None, None) and t[10] == ("2021", None, None)


def test_as_of_a_month_this_year_ends_at_that_month():
    """The Korea Herald (31 August 2015): "As of the end of June this year, 154 desertions took place": January to
    June, not to the article's date; "so far this year" still runs to the article's date."""
    assert times("As of the end of June this year, 154 desertions took place.", "2015-08-31")[154][0] == \
        "2015-01/2015-06"
    assert times("So far this year 154 desertions took place.", "2015-08-31")[154][0] == "2015-01-01/2015-08-31"


def test_a_share_that_accounts_for_part_of_the_figure_before_takes_its_time():
    """vpn.supremacy.info (2025): "For the year 2024, … totaling 1,811. Reservists accounted for 1,029 applications,
    while 153 applications were filed by active soldiers": parts of 2024's applications."""
    t = times("For the year 2024, the majority of applications came from 'Ungediente', totaling 1,811. Reservists "
              "accounted for 1,029 applications, while 153 applications were filed by active soldiers.", None)
    assert t[1029][0] == "2024" and t[153][0] == "2024"


def test_a_year_a_clause_says_when_of_is_its_numbers():
    # Anadolu-style copy of Germany's conscientious objection figures (January 2023)
    t = times("Germany's Bundeswehr received 951 applications for conscientious objection discharges in 2022 — a "
              "373% rise from 2021, when it received 201 applications, according to a Government spokesperson.",
              "2023-01-06")
    assert t[951][0] == "2022" and t[201][0] == "2021"


def test_a_list_of_years_ending_up_to_a_month_ends_with_that_years_part():
    # Asia Economy (October 2022) on South Korea's deserters; "as of" a month is a state then, not the year so far
    t = times("After restrictions on leave, the numbers were 89 in 2020, 73 in 2021, and 50 up to July 2022.",
              "2022-10-04")
    assert t[73][0] == "2021" and t[50] == ("2022-01/2022-07", None, None)
    t = times("There were 6,988 in 2022, 17,658 in 2023 and 110,000 as of July 2025.", "2025-10-04")
    assert t[110_000] == (None, None, "2025-07")


def test_this_year_in_a_plan_is_the_whole_year():
    # Middle East Eye on the IDF (2024), Rubaltic on Lithuania (2024); a count so far this year stays the year so far
    t = times("The army would not be able to recruit more than 3,000 ultra-Orthodox soldiers this year.", "2024-11-21")
    assert t[3000] == ("2024", None, None)
    t = times("В текущем году призыву на срочную службу подлежат 3,8 тысячи военнообязанных.", "2024-03-04")
    assert t[3800] == ("2024", None, None)
    t = times("About 31,000 young men have been included into draft lists this year.", "2019-07-22")
    assert t[31000] == ("2019-01-01/2019-07-22", None, None)


def test_by_a_year_is_a_count_then_and_the_from_of_a_change_has_none_of_it():
    # newslookup.com (2020) on Lithuania's armed forces; a 'from' with its own year keeps it
    t = times("From 2020, it is planned that their number will increase from 20,790 to 26,850 by 2024.", "2020-08-21")
    assert t[26850] == (None, None, "2024-12") and t[20790] == (None, None, None)
    t = times("The number of draft dodgers grew from 47 in 2015 to 54 in 2016.", "2019-09-02")
    assert t[47][0] == "2015" and t[54][0] == "2016"


def test_at_the_end_of_a_month_is_a_count_then_and_of_these_continues_it():
    # The Swiss Times (2024) on Switzerland's civilian service
    t = times("At the end of December 2023, 58,195 people were required to perform civilian service. Of these, 26,510 "
              "persons had not yet completed all the prescribed regular days of service.", "2024-02-22")
    assert t[58195] == (None, None, "2023-12") and t[26510] == (None, None, "2023-12")


def test_a_number_printed_again_without_its_time_takes_the_time_it_was_printed_with():
    # rubaltic.ru, 4 March 2024 (Lithuania's fines for draft evasion)
    text = ("Штрафные санкции за уклонение от призыва в 2023 году были назначены 14 тысячам военнообязанных.\n"
            "«Кроме 14 тысяч подлежащих призыву, но уклонившихся от него впервые, зафиксированы и другие», — указал "
            "начальник.")
    found = [c for c in extract(read_text_article(text, published="2024-03-04")) if c.value == 14_000]
    assert [c.period for c in found] == ["2023", "2023"]
    assert "took 'в 2023 году' where the same number was printed before" in found[1].notes[-1]


def test_a_figure_after_a_paragraph_that_counts_the_same_takes_its_time_and_another_count_does_not():
    # inforos.ru on Deutsche Welle's figures, July 2024 (Ukraine's cases by article)
    text = ("According to the Office of the Prosecutor General, almost 29.8 thousand criminal cases on the flight of "
            "military personnel were opened in the first half of 2024.\n\n"
            "Cases are initiated under two articles; 18.6 thousand cases have been opened under the first article.\n"
            "About 1,000 soldiers serve in each brigade.")
    t = candidates(text, "2024-07-20", by="value")
    assert t[18_600].period == "2024-01/2024-06" and "check it" in t[18_600].notes[-1]
    assert t[1_000].period is None  # persons, not the cases the time was named for


def test_a_sentence_that_parts_the_count_before_takes_its_time_whatever_it_counts():
    # nikopol.informator.ua, 25 October 2023: those charged "of this number" are of the proceedings since the invasion
    text = ("З початку повномасштабного вторгнення було розпочато близько 8000 кримінальних проваджень.\n"
            "Далі йдуть наступні регіони:\n"
            "- Дніпропетровська область – 669;\n"
            "- Миколаївська область – 583;\n"
            "При цьому підозру отримали з цієї кількості ухилянтів тільки 2015 осіб.\n"
            "У кожній бригаді служать 40 військових.")
    t = candidates(text, "2023-10-25")
    assert t["669"].since == t["2015"].since == "2022-02-24"
    assert t["40"].since is None  # another count, which says it parts nothing


def test_those_charged_or_sentenced_after_a_count_of_cases_are_of_its_time():
    # kemer-gov.ru (2004): a regional court's review of draft evasion cases, 1997-2003; interfax.com.ua (2025)
    text = ("За период 1997 - 2003 г.г. из районных судов поступило 94 уголовных дела данной категории.\n"
            "Всего осуждено по ч. 1 ст. 328 УК РФ 83 лица.\n"
            "Около 1 000 военных служат в каждой бригаде.")
    t = candidates(text, "2004-11-01")
    assert t["94"].period == t["83"].period == "1997/2003"
    assert t["около 1 000"].period is None  # people in general, no stage of the cases
    text = ("Всього з початку повномасштабного вторгнення РФ кількість справ, відкритих за СЗЧ, складає 202 тис 997.\n"
            "У 15 тис 564 з цих справ особам повідомили про підозру.")
    assert candidates(text, "2025-08-26")["15 тис 564"].since == "2022-02-24"


def test_a_table_under_a_head_that_names_its_measure_is_of_the_time_before_it():
    # kemer-gov.ru (2004): the convicts' education, in a table under "Основные данные о личности осужденных:"
    text = ("За период 1997 - 2003 г.г. из районных судов поступило 94 уголовных дела данной категории.\n"
            "Всего осуждено по ч. 1 ст. 328 УК РФ 83 лица.\n"
            "Основные данные о личности осужденных:\n"
            "Образование:\n"
            "Незаконченное среднее | Среднее | Высшее |\n"
            "12 или 14,5% | 54 или 65% | - |\n"
            "Род занятий:\n"
            "Не работали и не учились | Работали | Учились |\n"
            "36 или 43,4% | 28 или 33,7% | 19 или 22,9% |")
    t = candidates(text, "2004-11-01")
    assert t["12"].period == t["14,5%"].period == t["19"].period == "1997/2003"
    assert t["12"].read().measure == t["36"].read().measure == "sentences"
    # a head that is a sentence's end, not a list's, parts the paragraphs as before
    text = text.replace("Основные данные о личности осужденных:", "Суды рассмотрели и другие дела в те годы.")
    assert candidates(text, "2004-11-01")["12"].period is None


def test_a_paragraph_that_opens_with_a_time_and_what_it_counts_gives_its_time_to_the_figures_after_it():
    # 24.kg (2015): the lead names the months and the conscripts; the next paragraph gives their number
    text = ("В Кыргызстане за октябрь-декабрь 2014 года значительно увеличилось число призывников. Об этом сегодня "
            "сказал начальник управления Генерального штаба.\n"
            "По его словам, всего в республике на срочную военную службу призвано около 3,5 тысячи человек.")
    assert candidates(text, None)["около 3,5 тысячи"].period == "2014-10/2014-12"
    # the same sentence at the end of its paragraph is no lead: the paragraph after it is about something else
    # (asiae.co.kr: "Notably, one deserter from last year has yet to be arrested.")
    text = ("Об этом сегодня сказал начальник управления Генерального штаба. В Кыргызстане за октябрь-декабрь 2014 "
            "года значительно увеличилось число призывников.\n"
            "По его словам, всего в республике на срочную военную службу призвано около 3,5 тысячи человек.")
    assert candidates(text, None)["около 3,5 тысячи"].period is None
    # a lead that names no one counted lends nothing ("A news report in April citing Army statistics …")
    text = ("Командир рассказал о весне 2014 года.\n"
            "По его словам, всего в республике на срочную военную службу призвано около 3,5 тысячи человек.")
    assert candidates(text, None)["около 3,5 тысячи"].period is None


def test_a_paragraph_that_opens_with_a_time_and_names_nothing_counted_gives_its_time_to_its_own_figures():
    # novyny.live (2025) on Russia's sentences for treason: the lead names the half-year, not what is counted
    text = ("За перше півріччя 2025 року російська судова система встановила новий антирекорд. В Росії було винесено "
            "224 вироки у справах, що стосуються державної зради.")
    assert candidates(text, "2025-10-07")["224"].period == "2025-01/2025-06"
    # ...within its paragraph only (newslookup.com, 2020: a history's year is not the next paragraph's plan's)
    text = ("In 2015 the Lithuanian army reintroduced compulsory military service due to the threat.\n"
            "It is well known that the authorities intend to increase the number of servicemen by 25%.")
    assert candidates(text, "2020-08-21")["25%"].period is None
    # dfwatch.net (undated): its "last year" and "this year" count from the year the lead names
    text = ("The president has signed a decree about recruitment at compulsory military service for 2013. Last year, "
            "1 300 citizens were recruited at the Interior Ministry; this year the number has dropped to 670.")
    t = candidates(text, None)
    assert t["1 300"].period == "2012" and t["670"].period == "2013"


def test_months_that_head_their_numbers_in_a_list_are_each_numbers_month():
    # 24tv.ua (2025) on the Prosecutor General's counts by month: "2000 у грудні" is December's count, no year
    text = ("У 2023 році кількість таких випадків продовжила рости. Справи за СЗЧ збільшилися від 795 у січні до 2000 "
            "у грудні. Дезертирство теж набирало обертів: з 239 у лютому до 1491 у грудні.\n"
            "У 2024 році зростання стало ще стрімкішим. Справ за СЗЧ було: січень – 2159, квітень – 3315, "
            "листопад – 8779. У грудні – рекордні 15 511.")
    t = candidates(text, "2025-10-29")
    assert t["до 2000"].period == "2023-12" and t["239"].period == "2023-02"
    assert t["2159"].period == "2024-01" and t["3315"].period == "2024-04" and t["8779"].period == "2024-11"
    assert t["15 511"].period == "2024-12"
    assert candidates("In 2024 the count rose: January - 2159, April - 3315.", "2025-10-29")["3315"].period == \
        "2024-04"  # the year named before the months in their sentence
    assert "2000" not in candidates("У 2000 році відкрили 795 справ.", "2025-10-29")  # a year, no count


def test_last_year_beside_a_named_year_in_an_undated_article_is_not_that_year():
    # Azatutyun via a mirror (undated) on Armenia's draft evasion; the same sentence dated reads last year
    text = "In his words, it rose from around 1,500 in 2023 to 1,800 last year."
    t = candidates(text, None)
    assert t["around 1,500"].period == "2023" and t["1,800"].period is None  # not 2023: another time, unknown
    assert candidates(text, "2025-02-01")["1,800"].period == "2024"
    # alone in its sentence, an undated "last year" still takes the year its paragraph is about (govorit.eu)
    text = ("Согласно итоговым подсчётам за 2024 год от МВД Украины, только в декабре было открыто более 15 тысяч "
            "новых дел по статье о самовольном покидании воинской части.\n"
            "Суммарно за прошлый год было заведено: 66 240 уголовных дел за самоволку.")
    assert candidates(text, None)["66 240"].period == "2024"


def test_the_first_months_of_this_year_are_one_period():
    # sud.ua (2025-11-11): "протягом 10 місяців цього року" is January to October, not the year so far
    t = candidates("Крім того, протягом 10 місяців цього року було відкрито ще майже 21,6 тисячі проваджень за "
                   "статтею про дезертирство.", "2025-11-11")
    assert t["майже 21,6 тисячі"].period == "2025-01/2025-10"
    t = candidates("In the first ten months of this year, 2,500 cases were opened.", "2025-11-11")
    assert t["2,500"].period == "2025-01/2025-10"


def test_the_figures_after_one_that_took_the_time_before_in_its_sentence_take_it_too():
    # govorit.eu on Ukraine's interior ministry's figures for 2024: the 614 charged are of the 23 209 cases
    text = ("Суммарно за 2024 год было заведено 66 240 уголовных дел за самоволку.\n"
            "23 209 уголовных дел по дезертирству, из которых удалось предъявить обвинение подозреваемым только в 614 "
            "(2,6%) случаях.\n"
            "Около 1 000 военных служат в каждой бригаде.")
    t = candidates(text, "2025-01-20")
    assert t["23 209"].period == t["614"].period == t["2,6%"].period == "2024"
    assert t["около 1 000"].period is None  # a sentence of its own that counts another thing


@pytest.mark.parametrize("text,published,value,period", [
    # aftitinede.com on Austria's civilian service (2021), SQ on Ukraine's interior ministry (2025), The Nation (2023)
    ("In the Corona year 2020, a total of 14,093 young men were working as ordinary civil servants.", None, 14_093,
     "2020"),
    ("The fiscal year 2006 saw 3,196 desertions.", None, 3_196, "2005-10/2006-09"),  # October to September
    ("An additional 4,500 men performed extraordinary community service from the beginning of April to the end of "
     "July 2020.", None, 4_500, "2020-04/2020-07"),
    ("Согласно итоговым подсчётам за 2024 год, только в декабре было открыто более 15 тысяч новых дел.", None, 15_000,
     "2024-12"),
    ("The army said 445,706 people are required to undergo mandatory conscription this year.", "2023-04-11", 445_706,
     "2023"),
])
def test_a_year_named_as_the_year_a_span_from_the_end_of_a_month_and_a_month_of_the_year_named(text, published, value,
                                                                                               period):
    assert times(text, published)[value][0] == period


def test_an_undated_articles_previous_year_is_the_one_before_the_year_it_named_last():
    # aftitinede.com (2021, undated): the paragraph with 'the previous year' names none; the text before it 2020
    text = ("In the Corona year 2020, a total of 14,093 young men were working as ordinary civil servants.\n"
            "In the previous year, 11,800 young men decided to do community service.")
    assert times(text, None)[11_800][0] == "2019"


def test_each_line_of_a_list_under_a_figure_takes_its_time():
    # URA-Inform (30 April 2024): each region's count is a paragraph of its own under the year's total
    text = ("В 2023 году было заведено 6745 уголовных дел. Наибольшее количество дел было заведено в следующих "
            "областях:\nЗакарпатская область – 660 дел.\nНиколаевская область – 637 дел.\n"
            "Днепропетровская область – 635 дел.")
    t = times(text, "2024-04-30")
    assert t[660][0] == t[637][0] == t[635][0] == "2023"


def test_the_items_of_a_bulleted_list_count_what_the_figure_above_them_counts_and_when():
    # Informator (25 October 2023): regions' proceedings listed under the national count since the invasion
    text = ("З початку повномасштабного вторгнення було розпочато близько 8000 кримінальних проваджень.\n"
            "В Закарпатській області зареєстровано 936 випадків. Далі йдуть наступні регіони:\n"
            "- Дніпропетровська область – 669;\n- Миколаївська область – 583;")
    found = candidates(text, "2023-10-25", by="value")
    assert [found[v].facets.measure for v in (669, 583)] == ["proceedings", "proceedings"]
    assert [found[v].since for v in (669, 583)] == ["2022-02-24", "2022-02-24"]
    assert found[936].facets.measure is None  # no bullet, no measure word: nothing lent


def test_a_sentence_that_names_a_season_takes_no_time_from_the_one_before():
    # ru24.net (2023): spring's and last autumn's call-ups after the autumn decree's October-December
    text = ("Указ: осуществить с 1 октября 2023 года по 31 декабря 2023 года призыв в количестве 130 тыс. человек.\n"
            "Весной этого года на военную службу были призваны 147 тыс. человек, а прошлой осенью - 120 тыс. человек.")
    t = times(text, None)
    assert t[130_000][0] == "2023-10-01/2023-12-31"
    assert t[147_000] == t[120_000] == (None, None, None)


def test_this_year_is_one_of_the_times_a_sentence_names():
    # The Nation (11 April 2023): the year named after "this year" is the next figure's, not the article's
    text = ("Sirichan said voluntary applications this year will be higher than that of 2022, which saw 29,997 "
            "applications in 16 days of conscription.")
    assert times(text, "2023-04-11")[29_997][0] == "2022"
    text = "В этом году план — 147 тысяч, а в 2022 году призвали 134,5 тысячи человек."
    t = times(text, "2023-04-01")
    assert t[147_000][0] == "2023" and t[134_500][0] == "2022"


def test_by_a_month_in_a_list_of_years_is_that_year_so_far_and_as_of_is_a_state():
    # Ynet (21 October 2007): deserters a year, the last "by September 2007"
    t = times("According to IDF data, while in 2004 only 38 female soldiers deserted the service, in 2006 81 of them "
              "went AWOL and by September 2007 – 59.", "2007-10-21")
    assert t[59][0] == "2007-01/2007-09"
    t = times("There were 951 applications in 2022, 1,079 in 2023, and 1,363 as of June 2025.", "2025-07-01")
    assert t[1363][2] == "2025-06"  # 'as of': a count held then


def test_the_time_of_a_figure_compared_with_is_not_carried_on():
    # DFWatch (2013): "a decrease from 4 347 in 2012" dates the 4 347, not this spring's figures after it
    t = times("Citizens from 18 to 27 year will be recruited — about 1 650 persons in total.\n\n"
              "This is a significant decrease from 4 347 in 2012.\n\n"
              "Kharshiladze said that 600 people will be recruited at the Defense Ministry and 670 at the Interior "
              "Ministry.", "2013-04-05")
    assert t[4347][0] == "2012" and t[600][0] != "2012" and t[670][0] != "2012"


def test_a_month_of_a_named_year_among_several_times_is_that_month():
    # novini.live (February 2024) on Idite Lesom's requests
    t = times("Известно, что в январе 2023 года к проекту обратилось только 28 российских военнослужащих, уже в январе "
              "2024 года это количество возросло до 284 солдат.", "2024-02-10")
    assert t[28][0] == "2023-01" and t[284][0] == "2024-01"
    assert times("Об этом 14 октября 2025 года сообщил прокурор: возбуждено 300 дел.", "2025-10-15")[300][0] is None


def test_a_year_named_apart_from_a_sentences_start_is_its_numbers_own():
    # brighteon (2024) on Ukraine's desertion cases; the year in the words of the start stays the start's
    text = ("Since the beginning of 2024, 37 thousand such cases have been recorded, while last year there were 21 "
            "thousand, and in 2022 - 9 thousand.")
    t = times(text, "2024-09-01")
    assert t[37000][0] == "2024-01-01/2024-09-01" and t[9000] == ("2022", None, None)
    t = times(text, None)  # undated: the start stays a start
    assert t[37000] == (None, "2024-01-01", None) and t[9000] == ("2022", None, None)  # from its first day
    assert times("З початку вторгнення РФ у 2022 році відкрито 9 тисяч справ.", "2023-01-01")[9000] == \
        (None, "2022-02-24", None)


def test_a_subheading_does_not_part_a_figure_from_the_time_before_it():
    # news.online.ua (30 April 2024): a subheading stands between the total and its parts
    text = ("As of the end of April 2024, the number of deserters from the southern military district of the occupying "
            "Russian army reached 18 thousand people.\nThe desertion rate in the Russian army is increasing\n"
            "According to intelligence data, the lion's share — about 12,000 fugitives — belongs to the 8th Combined "
            "Arms Army.")
    t = times(text, "2024-04-30")
    assert t[18000][2] == "2024-04" and t[12000][2] == "2024-04"
    t = times(text.replace("is increasing\n", "is increasing, and the army has sent many of its units to the "
                                               "front lines in the east.\n"), "2024-04-30")
    assert t[12000][2] is None  # a paragraph between: not carried


@pytest.mark.parametrize("text", [
    # news.online.ua and ipress.ua (April 2024) on Mediazona's count, via British intelligence
    "The total number of cases since the partial mobilization in September 2022 was 7,400.",
    "Загальна кількість випадків з моменту часткової мобілізації у вересні 2022 становить 7400.",
    "Общее число дел с момента частичной мобилизации в сентябре 2022 года составляет 7400.",
])
def test_the_month_of_a_start_is_the_starts_not_a_period(text):
    assert times(text, "2024-04-30")[7400] == (None, "2022-09-21", None)


@pytest.mark.parametrize("text,published,value,since", [
    ("British soldiers went AWOL with 17,470 incidents recorded since the Iraq invasion in 2003.", "2008-03-01",
     17470, "2003"),  # The Independent (2009)
    ("С моменте объявления мобилизации в сентябре 2022 года в суды поступило 9 059 дел.", "2024-06-20", 9059,
     "2022-09-21"),  # dron.media, its misprint
    ("Понад 47 тисяч проваджень було відкрито від початку 2025 року.", "2025-10-15", 47000, "2025"),  # psm7
])
def test_more_wordings_of_a_start(text, published, value, since):
    assert times(text, published)[value][1] == since


def test_a_start_on_an_events_day_and_a_count_through_a_day():
    """Eurasia Review (2017): "… have been arrested through July 27 since the end of the General Amnesty on midnight
    December 31, 2016": a running total from that day to July 27 of the article's year."""
    text = ("Eight officers and 4,410 other rank personnel have been arrested through July 27 since the end of the "
            "General Amnesty on midnight December 31, 2016.")
    assert times(text, "2017-07-30")[4410] == (None, "2016-12-31", "2017-07-27")


def test_a_count_after_a_range_in_its_sentence_is_of_that_range():
    """for-ua.com (26 August 2025): "з 2022 року по липень 2025 року зареєстровано сумарно 50 058 …, у 1248
    провадженнях повідомлено про підозру". The 1248 took "з 2022 року" as a start of its own (and its "у 1248" was
    read as a year): the start's words are the range's."""
    t = times("Що стосується статті 408 ККУ (Дезертирство), то з 2022 року по липень 2025 року зареєстровано сумарно "
              "50 058 кримінальних проваджень за цією статтею, у 1248 провадженнях повідомлено про підозру.")
    assert t[50058][0] == t[1248][0] == "2022-01/2025-07" and t[1248][1] is None


def test_a_start_carried_to_the_sentence_after_stays_a_start():
    """InSight Crime via a blog (2011): "… since President Felipe Calderon took office in 2006 … The number of
    deserters, some 40,000 of them from the army, …" took "in 2006" as the year of the 40,000."""
    t = times('"Nearly 45,000 soldiers and marines have deserted the Mexican Armed Forces since President Felipe '
              'Calderon took office in 2006 and deployed the military. The number of deserters, some 40,000 of them '
              'from the army, represents a significant decrease."', "2011-10-19")
    assert t[45000][:2] == t[40000][:2] == (None, "2006")


@pytest.mark.parametrize("text,value,as_of", [
    ("чисельність військових формувань зросла до 880 тисяч людей (дані на січень 2025 року);", 880_000, "2025-01"),
    ("Чисельність сягнула 880 тисяч людей станом на січень 2025 року.", 880_000, "2025-01"),
    ("Численность достигла 880 тысяч человек по состоянию на январь 2025 года.", 880_000, "2025-01"),
])
def test_a_count_held_at_a_month_is_not_the_years(text, value, as_of):
    """Glavcom (14 September 2025): "(дані на січень 2025 року)" was read as the whole of 2025: the year of a
    month a count is held at is that month's."""
    assert times(text, "2025-09-14")[value][::2] == (None, as_of)


def test_during_the_full_scale_invasion_is_since_it():
    """Ukrainska Pravda's headline (26 August 2025)."""
    t = times("За час повномасштабного вторгнення відкрили більше 250 тисяч справ про СЗЧ і дезертирство.")
    assert t[250000][1] == "2022-02-24"


def test_a_span_of_past_years_named_without_a_year_takes_none_from_the_sentence_before():
    """Taipei Times (24 October 2025): "About 16 percent … were exempted … last year … Over the past years, 30
    percent of the exemptions had been due to obesity": the 30 percent took "last year"."""
    t = times("About 16 percent of eligible men, or about 17,000, were exempted from compulsory service last year, "
              "the department said. Over the past years, 30 percent of the exemptions had been due to obesity.",
              "2025-10-24")
    assert t[17000][0] == "2024" and t[0.3] == (None, None, None)
    # The Copenhagen Post (2021): "… more than 99 percent of them … last year … By the early 1970s, the number had
    # peaked at 18 percent of all conscripts": a share of a decade of its own, not of last year
    t = times("Only four conscientious objectors undertook national service in 2020.\n"
              "In total it represents four out of the 5,000 conscripts last year, and it underlines how more than 99 "
              "percent of them want to be there.\n"
              "The four conscientious objectors in question probably volunteered as well.\n"
              "By the early 1970s, the number had peaked at 18 percent of all conscripts.", "2021-02-19")
    assert t[5000][0] == "2020" and t[0.18] == (None, None, None)


@pytest.mark.parametrize("text, value, want", [
    # nikvesti.com, 15 Oct 2025: "майже" is no May, so July to May is no period of the 7,6 thousand (July is: below)
    ("У середньому щомісяця відкривають близько 4,5 тисячі нових справ, а рекордним став липень — майже 7,6 тисячі "
     "проваджень.", 7600, "2025-07"),
    ("Майор сообщил, что с марта по июль 2025 года суды получили 7 400 дел.", 7400, "2025-03/2025-07"),
    ("За словами майора, з березня по липень 2025 року суди отримали 7 400 справ.", 7400, "2025-03/2025-07"),
])
def test_a_month_is_a_months_name_not_a_word_that_begins_like_one(text, value, want):
    assert times(text, "2025-10-15")[value][0] == want


@pytest.mark.parametrize("text, value, want", [
    # Fox News (AP), 2006: the Army's budget year runs from October to September
    ("Desertions rose steadily from about 1,800 in budget year 1998 to about 4,400 in the budget year ended Sept. 30, "
     "2001.", 1800, "1997-10/1998-09"),
    ("Desertions rose steadily from about 1,800 in budget year 1998 to about 4,400 in the budget year ended Sept. 30, "
     "2001.", 4400, "2000-10/2001-09"),
    ("The Army counted 3,301 deserters in fiscal year 2006.", 3301, "2005-10/2006-09"),
    ("The Army counted 3,301 deserters in FY2006.", 3301, "2005-10/2006-09"),
    # Hansard: Britain's financial year runs from April to March
    ("In the financial year 2003/04, 145 airmen went absent without leave.", 145, "2003-04/2004-03"),
    # a start, not a year: no period
    ("Since the 2000 fiscal year, 3,196 soldiers deserted.", 3196, None),
])
def test_a_fiscal_year_is_the_months_it_runs(text, value, want):
    assert times(text, "2007-03-07")[value][0] == want


@pytest.mark.parametrize("text, value, want", [
    # Radio Svoboda, 6 Oct 2025: a numeral written with an apostrophe
    ("За дев’ять місяців 2025 року до судів надійшло вже 377 таких кримінальних справ.", 377, "2025-01/2025-09"),
    # novyny.live, 7 Oct 2025: a half-year whose year ends in "-го"
    ("У 2023 році російські суди винесли 167 таких вироків, а в першій половині 2024-го — уже 143.", 143,
     "2024-01/2024-06"),
    ("В 2023 году суды вынесли 167 приговоров, а в первой половине 2024-го — уже 143.", 143, "2024-01/2024-06"),
    # The Times of Central Asia (2024): years that head their numbers in a list
    ("In four years, 40 suicides have been registered in the Armed Forces. In 2021 – 10, 2022 – 7, 2023 – 12, and "
     "2024 – 11.", 12, "2023"),
    ("In 2021 – 10, 2022 – 7, 2023 – 12, and 2024 – 11.", 7, "2022"),
])
def test_more_ways_to_write_the_time_of_a_number(text, value, want):
    assert times(text, "2025-10-07")[value][0] == want


def test_a_start_from_the_invasion_written_with_vid():
    """Radio Svoboda (Mediazona), 6 Oct 2025: "Від початку …" is "з початку …"."""
    t = times("Від початку повномасштабного російського вторгнення в Україну майже тисячі сягнула кількість "
              "порушених щодо військових кримінальних справ.", "2025-10-06")
    assert t[1000][1] == "2022-02-24"


@pytest.mark.parametrize("text, value, want", [
    # psm7 and nikvesti (Opendatabot), 15 Oct 2025: the month a record was set in, before a dash and its number
    ("Однак липень став рекордним — 7 595 відкриттів.", 7595, "2025-07"),
    ("У середньому щомісяця відкривають близько 4,5 тисячі нових справ, а рекордним став липень — майже 7,6 тисячі "
     "проваджень.", 7600, "2025-07"),
    # a month with no number after its dash gives none
    ("Липень — місяць відпусток, і 500 людей поїхали.", 500, None),
])
def test_a_months_name_before_a_dash_and_its_number(text, value, want):
    assert times(text, "2025-10-15")[value][0] == want
