"""What a figure counts, read from its sentence and article: country, measure, offences, articles, producer."""

import pytest

from tracker.extraction import candidates_yaml, extract, read_text_article


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
    ("British soldiers went absent without leave on more than 17,000 occasions.", 17_000, "GB"),
    ("В Великобритании 2300 военных ушли в самоволку.", 2300, "GB"),
    ("Germany's Bundeswehr received 951 applications for conscientious objection discharges in 2022.", 951, "DE"),
    ("В Германии подали 951 заявление об отказе от военной службы.", 951, "DE"),
    # a country no language module lists, by its name in the gazetteer (tracker.text.countries)
    ("Israel's army opened 1,200 cases against soldiers who refused to serve.", 1200, "IL"),
    # a war a clause of its own speaks of is not the country's before it (internetor.net, 2025)
    ("Of those polled, 1,200 would not defend Taiwan if war broke out.", 1200, "TW"),
    ("В Израиле возбудили 1200 дел против отказников.", 1200, "IL"),
    ("У Південній Кореї відкрили 1200 справ.", 1200, "KR"),
    # its adjective: a demonym (countryinfo) in English, one the analyser knows in Russian and Ukrainian
    ("The Israeli military command has issued 1,126 arrest warrants.", 1126, "IL"),
    ("Israelis filed 1,126 requests to be exempted.", 1126, "IL"),
    ("Израильская армия возбудила 1200 дел против отказников.", 1200, "IL"),
    ("Ізраїльська армія відкрила 1200 справ.", 1200, "IL"),
    ("Турецкие военные суды рассмотрели 1200 дел.", 1200, "TR"),  # from "Турецкая Республика"
    # the name before ISO's comma ("Korea, Republic of"), shared with the North: the more populous South's
    ("A lawmaker of the Democratic Party of Korea said 592 soldiers deserted.", 592, "KR"),
    ("All able-bodied Korean men must serve; 48 were caught dodging.", 48, "KR"),
    ("North Korean soldiers: 300 deserted.", 300, "KP"),
    ("Palestine's courts counted 1,200 cases.", 1200, "PS"),
    # countryinfo's name where ISO's changed, and capitals (Taipei Times, DFWatch, Hürriyet Daily News)
    ("Taipei prosecutors indicted 28 people.", 28, "TW"),
    ("TBILISI, DFWatch — about 1 650 persons will be recruited.", 1650, "GE"),
    ("Few opt for paid military waiver in Turkey: only 22,500 applied.", 22500, "TR"),
    # an English name printed without its accents (army.md's dateline); a common word an accent told apart is none
    ("CHISINAU, October 4, 2013 — 1465 young men joined the Armed Forces.", 1465, "MD"),
    ("Male recruits numbered 1,200.", 1200, None),
    # a country no module lists, named more often than one it lists (lrt.lt, newslookup.com, tizgin.kz)
    ("In 2015 Lithuania reintroduced conscription, fearing Russia. Lithuanian courts fined 270 draft evaders in 2016.",
     270, "LT"),
    ("The U.S. Army said 1,000 soldiers deserted after a tour in Iraq.", 1000, "US"),
    ("За год в Казахстане возбудили 700 дел, передает Tizgin.kz со ссылкой на «Медиазону».", 700, "KZ"),
    # its people, as the analyser knows them; a country someone goes to is not whose figure it is
    ("761 казахстанец находится в розыске.", 761, "KZ"),
    ("200 казахстанцев сбежали в Россию.", 200, "KZ"),
    ("Понад 300 казахстанців втекли до Росії.", 300, "KZ"),
    ("В России возбудили 300 дел против казахстанцев.", 300, "RU"),
    ("В украинские суды поступило 536 уголовных дел.", 536, "UA"),  # where cases go, but named by its adjective
    # an army no gazetteer names (newsru.co.il, detaly.co.il, ynetnews.com)
    ("Во втором триместре в ЦАХАЛ явились лишь 367 человек.", 367, "IL"),
    ("ЦАХАЛ не зможе призвати 4800 ультраортодоксів.", 4800, "IL"),
    ("The IDF has issued over 1,000 initial draft orders.", 1000, "IL"),
    # The Guardian (2003), a blog on the GAO's report (2007): the United States by its abbreviation and its auditor
    ("Of 2.7 million men and women in the active and reserve forces in the US, 29 were discharged as conscientious "
     "objectors in 2002.", 29, "US"),
    ("The GAO reports only 425 applications for conscientious objector status from 2002-2006.", 425, "US"),
])
def test_whose_country_a_figure_is(text, value, country):
    assert read(text)[value].facets.country == country


def test_a_country_named_by_its_wars_is_not_whose_figure_it_is():
    # an Army desertion count (UPI, 2007), the plural 'Wars' as the singular 'war'
    text = ("Next fiscal year, the one that included both the Afghanistan and Iraq Wars, running from Oct. 1st, 2002 "
            "through Sep. 30th, 2003, the desertion rate dropped substantially to 3,678, or 0.76%.")
    assert read(text)[3678].facets.country is None


def test_a_war_ending_a_headline_does_not_hide_the_country_that_opens_the_text():
    # AzerNews (2021): "in war" closed the headline, three words before "Armenia's" in the next line
    text = ("Armenia launches criminal cases against 10,000 soldiers for desertion in war\n"
            "Armenia’s law-enforcement agencies have launched criminal cases against over 10,000 people on charges "
            "of desertion during the war with Azerbaijan last year.")
    from tracker.extraction.facets import markers

    named = [text[m.start:m.end] for m in markers(text, "en") if m.facet == "country"]
    assert named == ["Armenia", "Armenia’s"]  # 'war with Azerbaijan' is still no country of the figure


def test_a_country_an_article_names_for_its_tensions_is_not_its_country():
    """The Korea Herald (2015) on South Korea's deserters quotes a lawmaker on "a recent flare-up of tension with
    North Korea": that did not make North Korea a second country of the article and leave its figures none."""
    text = ("The number of South Korean servicemen who deserted from the military has steadily declined.\n"
            "According to the report, 415 people broke barracks last year, up from 708 in 2011.\n"
            '"Some 80 servicemen had opted to delay their discharge in the face of a recent flare-up of tension with '
            'North Korea," Seo said.')
    assert read(text)[415].facets.country == "KR"


def test_a_marine_corps_is_not_the_united_states_by_itself():
    # Asia Economy (2022) on South Korea's deserters by branch; the U.S. Marine Corps is still the United States'
    text = "This was followed by the Navy with 42 (7%), the Air Force with 33 (6%), and the Marine Corps with 20 (3%)."
    assert read(text)[20].facets.country is None
    assert read("The U.S. Marine Corps showed 1,603 Marines in desertion status.")[1603].facets.country == "US"


def test_a_country_named_after_the_number_in_another_clause_is_where_not_whose():
    """NewTimes.kz (2024) on Kazakhstan's conscripts hiding in Russia: the students among them study in Russia,
    but they are Kazakhstan's conscripts; a country named before the number stays its own."""
    text = ("Призывники из Северного Казахстана бегут в Россию, чтобы не служить в армии. Депутат читал о 250 "
            "казахстанцах. Но из 200 человек 120 являются студентами, которые обучаются в Российской Федерации.")
    assert read(text, "ru")[120].facets.country == "KZ"
    text = "Казахстанцы уклоняются от службы. В России возбудили 300 дел."
    assert read(text, "ru")[300].facets.country == "RU"


def test_a_word_written_small_is_not_a_country():
    assert read("Recruits polish 1,200 pairs of boots a week.")[1200].facets.country is None
    assert read("Let us count again: 1,200 soldiers left.")[1200].facets.country is None  # the pronoun, not the US


def test_a_country_an_operation_is_against_or_an_era_is_named_after_is_not_whose_figure_it_is():
    # a blog (2007) on America's conscientious objectors; Russian: where an analyser tells a name from an adjective
    assert read("During the Vietnam era about 200,000 men applied.")[200_000].facets.country is None
    assert read("Военная операция против Украины: 300 дел.", "ru")[300].facets.country is None
    assert read("Против украинских военных открыли 300 дел.", "ru")[300].facets.country == "UA"  # an adjective


def test_the_article_says_whose_when_the_sentence_does_not():
    text = ("В Україні зростає кількість справ про СЗЧ, повідомили в Офісі генерального прокурора.\n"
            "За сім місяців 2025 року зареєстровано 110 511 проваджень.")
    assert read(text)[110_511].facets.country == "UA"


@pytest.mark.parametrize("text,value,measure", [
    ("У 2024 році зареєстровано 67 840 проваджень.", 67_840, "proceedings"),
    ("Prosecutors registered 110,511 proceedings under this article.", 110_511, "proceedings"),
    ("202,997 criminal cases were opened into AWOL.", 202_997, "cases"),  # 'opened' is said of court cases too
    ("В суды поступили 10 308 уголовных дел.", 10_308, "court-cases"),
    ("У 15 564 з цих справ особам повідомили про підозру.", 15_564, "persons-charged"),
    ("«Идите лесом» помог дезертировать 520 военным.", 520, "people-helped"),
    ("Courts passed 61 verdicts in January.", 61, "sentences"),
    ("В проект поступило 6000 обращений.", 6000, "requests"),
    # LIGA.net (2025): offences registered are the register's proceedings; 'військової частини' counts no one
    ("Загальна кількість зареєстрованих кримінальних правопорушень за статтею про самовільне залишення військової "
     "частини склала 218 282.", 218_282, "proceedings"),
    ("До суду за майже чотири роки направлено 13 625 проваджень щодо самовільного залишення частини.", 13_625,
     "court-cases"),  # proceedings sent to a court are its cases
    # a blog quoting the Pentagon (2008): desertions and Marines are people counted, as the ledger's own
    # deserters-in-year and leaked-list-desertions-in-period count them
    ("The Army, Navy and Air Force reported 7,978 desertions in 2001.", 7978, "persons"),
    ("The Marine Corps showed 1,603 Marines in desertion status in 2001.", 1603, "persons"),
    # The Korea Times (2019): draft dodgers are people
    ("The number of draft dodgers grew from 47 in 2015 to 54 in 2016, 59 in 2017 and 69 last year.", 54, "persons"),
    # no measure word: a noun the analyser reads as people, just after the number (detaly.co.il, newsru.co.il)
    ("З липня в армію було призвано лише 177 ультраортодоксів.", 177, "persons"),
    ("Армія зможе набрати більше 3 тисяч призовників.", 3000, "persons"),
    # a country's people, in English by the plural of its word (LRT, 2019); those liable for service (Rubaltic, 2024)
    ("Almost 7,000 Lithuanians have been sanctioned for dodging conscription.", 7000, "persons"),
    ("An average of about 350 National Service (NS) defaulters each year failed to register.", 350, "persons"),
    ("More than 400 evaders received fines.", 400, "sentences"),  # the ledger's R169: what was done to them
    ("The average monthly number of applicants was 5,860.", 5860, "requests"),  # Hürriyet (2012)
    ("В текущем году призыву подлежат 3,8 тысячи военнообязанных.", 3800, "persons"),
    ("По фактам уклонения было возбуждено более 450 досудебных расследований.", 450, "proceedings"),
    ("Упродовж 2022 – 2024 років засуджено 1 734 порушники.", 1734, "sentences"),  # what was done to them
    # DFWatch (2013), LRT (2019): no noun, a verb of conscription says they are people
    ("Kharshiladze said 600 will be recruited at the Defense Ministry.", 600, "persons"),
    ("Up to 4,000 will be called for military service.", 4000, "persons"),
    ("Upper Austria followed with 2,639 civil servants.", 2639, "persons"),  # aftitinede.com (2021)
    # Mothership (2018) on Singapore's NS defaulters; The Irrawaddy (2024) on Myanmar's conscription
    ("Ng indicated that an average of 350 Singaporean males default on their National Service obligation every "
     "year.", 350, "persons"),
    ("That amounts to 26 percent of the country’s population of 54 million.", 54_000_000, "persons"),
    ("About 12,000 fugitives belong to the 8th Army.", 12_000, "persons"),
    # Mexico News Daily on Sedena's records of deserters; The Nation Thailand (11 April 2023)
    ("Almost 150,000 military officials of all ranks have deserted from the armed forces.", 150_000, "persons"),
    ("Of those conscripted, 203,547 are 21 years old, while 85,615 are 22-29 years old.", 203_547, "persons"),
    # for-ua.com (26 August 2025): Ukraine's prosecutors' cases are the proceedings they registered (read as cases of
    # no kind before); Mediazona's "дел" are those the courts received; with no producer named, "cases"
    ("З 2022 року до липня 2025 року в Україні відкрили понад 185 тисяч справ за самовільне залишення частини. "
     "Про це йдеться у відповіді Офісу генерального прокурора.", 185_000, "proceedings"),
    ("В 2022 году в эти суды поступило 38 дел по статьям об убийстве, подсчитала «Медиазона».", 38,
     "court-cases"),
    ("В Україні відкрили понад 185 тисяч справ за СЗЧ.", 185_000, "cases"),
    # a blog on the GAO's report (2007): the force the applications are compared with
    ("The GAO reports only 425 applications, compared with 2.3 million servicemembers.", 2_300_000, "persons"),
    # no noun printed, but what stands right after the number says it counts people (BBC, 2003; Korea Times, 2020)
    ("Of the 1,100 who have so far reported for duty, 7% were failed for medical reasons.", 1100, "persons"),
    ("About 13% of the 3,300 called up so far have sought adjudications.", 3300, "persons"),
    ("Korean military saw 1,174 desert since 2013", 1174, "persons"),
    ("Another 2725 went absent without leave last year.", 2725, "persons"),  # the Herald (2006)
    ("Some 480 fled to the border.", 480, "persons"),
    ("The total figure due to be called up is 6,000, allowing for exemptions.", 6000, "persons"),  # the BBC (2003)
    ("The ministry opened 300 cases against men who refused.", 300, "cases"),  # its own noun comes first
    # nouns of people the list lacked (Jerusalem Post, 2025)
    ("The IDF can draft 4,800 haredim this year and approximately 5,700 of the 2025 cohort.", 4800, "persons"),
    ("The IDF can draft 4,800 haredim this year and approximately 5,700 of the 2025 cohort.", 5700, "persons"),
    # "возбуждено … дел": cases investigators opened, never a court's (tizgin.kz, 2025)
    ("За год в Казахстане возбудили рекордные 700 дел против завербовавшихся.", 700, "proceedings"),
    ("В течение 2023 года было возбуждено 1499 уголовных дел.", 1499, "proceedings"),
    # "закордонних справ", "внутренних дел" are affairs, not cases (detaly.co.il, 2024)
    ("На засіданні комісії з питань закордонних справ він заявив, що армія не набере 4800.", 4800, None),
    ("Министерство внутренних дел сообщило, что задержано 4800.", 4800, None),
])
def test_what_a_figure_counts(text, value, measure):
    assert read(text)[value].facets.measure == measure


def test_a_clause_whose_verb_a_dash_stands_for_counts_what_the_clause_before_counts():
    # Mediazona (2017) on sentences for draft evasion; Verstka on a garrison court's sentences
    text = ("Каждый год выносится несколько сотен приговоров: в первом полугодии 2016 года осудили 290 человек, в 2015 "
            "году — 742 человека, в 2014 году — 782 человека.")
    assert read(text, "ru")[742].facets.measure == read(text, "ru")[782].facets.measure == "sentences"
    text = ("Гарнизонный военный суд за лето приговорил к различным наказаниям восемь военнослужащих, а за весь "
            "прошлый год — девять.")
    assert read(text, "ru")[9].facets.measure == "sentences"
    # no dash: a clause of its own, its people are people
    text = "В первом полугодии 2016 года осудили 290 человек, в 2015 году задержали 742 человека."
    assert read(text, "ru")[742].facets.measure == "persons"


def test_offences_and_articles_of_a_code():
    c = read("За статтею 407 Кримінального кодексу України у 2024 році зареєстровано 67 840 проваджень.")[67_840]
    assert c.facets.articles == {"407"} and c.facets.offences == set()
    c = read("Суды вынесли 100 приговоров по делам о дезертирстве.")[100]
    assert c.facets.offences == {"desertion"}
    c = read("Courts sentenced 500 soldiers for going AWOL under articles 337 and 338.")[500]
    assert c.facets.offences == {"awol"} and c.facets.articles == {"337", "338"}
    # an offence by its article's title (Mediazona, 2017: Art. 328; Ukraine's Art. 336), not its neighbour's (Art. 339)
    c = read("Ежегодно выносится 742 приговора по статье об уклонении от прохождения военной службы.", "ru")[742]
    assert c.facets.offences == {"draft-evasion"}
    c = read("За ухилення від військової служби під час мобілізації відкрито 5 000 проваджень.", "uk")[5000]
    assert c.facets.offences == {"draft-evasion"}
    c = read("За уклонение от исполнения обязанностей военной службы осуждено 42 человека.", "ru")[42]
    assert c.facets.offences == set()


def test_an_article_that_names_its_country_only_through_its_producer_is_that_countrys():
    """Fox News on US Army desertions names no country, only "an Army spokeswoman": its figures are the US Army's,
    not anyone's (they were suggested into Russian indicators)."""
    text = ("Army statistics show the number of deserters rising, an Army spokeswoman said on Tuesday.\n"
            "Desertions rose steadily from about 1,800 in budget year 1998 to about 4,400 in 2001.")
    assert read(text)[1800].facets.country == "US"
    mixed = text.replace("an Army spokeswoman said", "an Army spokeswoman said, and Ukraine's army agrees")
    assert read(mixed)[1800].facets.country is None  # a country named too: one mention each decides nothing


def test_an_article_that_names_one_country_once_is_that_countrys(shipped):
    """Nasha Niva: the prisoners 'in the country' in one sentence, Belarus named in the next. The only country the
    article names is whose its figures are (1,407 was suggested into Idite Lesom's supporters)."""
    text = ("На сегодняшний день, по данным правозащитного сообщества число политзаключенных в стране, находящихся "
            "в тюрьмах и колониях, составляет 1407 человек.\nПроект Dissidentby считает, что в Беларуси 1561 "
            "политзаключенный.")
    article = read_text_article(text, published="2024-05-01")
    found = {c.value: c for c in extract(article, shipped)}
    assert found[1407].facets.country == "BY" and found[1407].indicator is None


def test_an_indicator_of_another_country_is_never_suggested(shipped):
    article = read_text_article("Ukraine's prosecutors have opened more than 185,000 AWOL cases since the full-scale "
                                "invasion.", published="2025-08-26")
    (c,) = extract(article, shipped)
    assert c.indicator is None  # the words fit awol-court-cases-since-invasion with score 1.00 before
    assert "awol-court-cases-since-invasion fits the words but counts Russia, not Ukraine" in c.notes
    doc = candidates_yaml(article, [c], shipped)
    assert "a new one could be ua-criminal-cases-since-2022-02" in doc and "country: UA" in doc


def test_an_article_naming_no_country_needs_an_anchor_for_a_countrys_indicator(shipped):
    """The Herald-Tribune (2007) on the US Army never names a country: its 3,196 deserters went to Idite Lesom's
    count of soldiers it helped desert in Russia. A deserter is in every army: words alone do not place a figure
    in a country's indicator, its start ('since mobilization began') or producer does."""
    text = "A total of 3,196 active-duty soldiers deserted last year, or 853 more than previously reported."
    c = {c.value: c for c in extract(read_text_article(text, published="2007-03-23"), shipped)}[3196]
    assert c.read().country is None and c.indicator is None
    assert "counts Russia's figures, and the article names no country" in " ".join(c.notes)
    from tracker.extraction.suggest import choices

    assert "idite-lesom-desertions-assisted-in-year" in [i for i, _ in choices(c, shipped)]  # review offers it
    # a measure of the indicator's group but not its own is no anchor (Taipei Times, 2025: Taiwan never named)
    text = "The case is linked to actor Darren Wang, who was indicted alongside 27 others in June for similar offenses."
    c = {c.value: c for c in extract(read_text_article(text, published="2025-10-22"), shipped)}[27]
    assert c.read().measure == "persons-charged" and c.indicator is None
    # nor are persons charged (every prosecutor charges) or a start only as exact as a year (an aggregator, 2025, on
    # Ukraine's prosecutors, never naming Ukraine)
    text = ("Prosecutors have disclosed that more than 250,000 cases of desertion and absence without leave (AWOL) "
            "have been opened since 2022, with 15,564 individuals formally charged.")
    cands = {c.value: c for c in extract(read_text_article(text, published="2025-08-26"), shipped)}
    assert cands[15564].read().measure == "persons-charged" and cands[15564].indicator is None
    assert cands[250000].indicator is None
    started = read_text_article("Over 7,400 criminal cases have been opened since mobilization began in 2022.",
                                published="2024-09-16")
    (c,) = extract(started, shipped)
    assert c.indicator is not None and shipped.indicators[c.indicator].country == "RU"
    helped = read_text_article("Idite Lesom has helped 843 soldiers desert in 2024.", published="2025-01-10")
    (c,) = extract(helped, shipped)
    assert c.indicator == "idite-lesom-desertions-assisted-in-year"  # its producer places it


def test_a_running_total_and_a_share_find_their_indicators(shipped):
    text = "«Идите лесом» уже помог дезертировать 520 военным. Примерно 70% из них выехали за границу."
    cands = {c.value: c for c in extract(read_text_article(text, published="2023-10-01"), shipped)}
    assert cands[520].indicator == "idite-lesom-desertions-assisted"  # 'уже': a running total, not the year's flow
    assert "producer (Idite Lesom)" in cands[520].why
    assert cands[0.7].indicator == "idite-lesom-assisted-share-abroad"


def test_a_figure_of_another_measure_is_not_suggested(shipped):
    article = read_text_article("«Идите лесом» получил 6000 обращений от военных.", published="2025-11-01")
    (c,) = extract(article, shipped)
    assert c.read().measure == "requests"  # not the people it helped, though the words are Idite Lesom's
    assert c.indicator is None or shipped.indicators[c.indicator].measure == "requests"


def test_a_producer_named_elsewhere_is_the_claimant_only_of_what_it_counts():
    text = ("Idite Lesom has helped more than 900 people flee.\n"
            "Over 7,400 criminal cases have been opened since mobilization began in 2022.")
    cands = read(text, published="2024-09-16")
    assert cands[900].claimant == "Idite Lesom"
    assert cands[7400].claimant is None  # Idite Lesom counts no court cases: not said to be its figure
    # Suspilne (2025): Ukraine's Prosecutor General, named in the paragraph after them, counts verdicts too
    text = ("У справах за фактом порушення законів і звичаїв війни в Україні засуджено 202 російських військових.\n\n"
            "Про це Укрінформу повідомили в Офісі генерального прокурора у відповідь на запит.")
    assert read(text, "uk", published="2025-10-07")[202].facets.producer == "ua-prosecutor-general"


def test_a_producer_typed_with_a_look_alike_letter_and_in_another_alphabet():
    """Glavnoe (2025) types Opendatabot with a Cyrillic О; Chronicles names 'Генеральной прокуратуры Украины'."""
    text = "За даними Оpendatabot, за 10 місяців 2025 року правоохоронці відкрили понад 161 тисячу проваджень."
    assert read(text, "uk", "2025-11-14")[161_000].claimant == "Opendatabot"
    text = ("Более 161 тысячи уголовных производств открыто за 10 месяцев 2025 года по данным Генеральной прокуратуры "
            "Украины.")
    assert read(text, "ru", "2025-11-14")[161_000].claimant == "Office of the Prosecutor General of Ukraine"
    text = "Army spokesmen stress that just 1 percent of all soldiers desert."
    assert read(text, "en", "2009-03-12")[0.01].claimant == "US Army"


def test_a_producer_named_in_its_nominative_in_russian_and_in_the_paragraph_before():
    """my.ua (February 2023): 'Об этом свидетельствуют данные "Опендатабот"', a paragraph before the figures; the
    analyser guesses 'опендатабота' for the name's lemma in Russian."""
    text = ('Об этом свидетельствуют данные "Опендатабот".\n'
            "В 2022 году наибольшее количество дел было зарегистрировано в марте – 282 производства.")
    assert read(text, "ru", "2023-02-09")[282].claimant == "Opendatabot"


def test_their_number_counts_what_the_sentence_before_counts():
    """Ukrainska Pravda in Russian (29 April 2024): "В 2023-м их количество выросло до 6745" goes on counting the
    proceedings of the sentence before, as a bare number with nothing counted named in its sentence does (0.20); a
    number with a noun of its own that counts nothing the tool knows is lent nothing."""
    text = ("В 2022 году таких уголовных производств было зарегистрировано 2431. В 2023-м их количество выросло до "
            "6745.")
    assert read(text, "ru", "2024-04-29")[6745].read().measure == "proceedings"
    bare = "В 2022 году таких уголовных производств было зарегистрировано 2431. В 2023-м выросло до 6745."
    assert read(bare, "ru", "2024-04-29")[6745].read().measure == "proceedings"
    other = "В 2022 году таких уголовных производств было зарегистрировано 2431. В 2023-м выросло до 6745 автомобилей."
    assert read(other, "ru", "2024-04-29")[6745].read().measure is None


def test_the_army_as_the_producer_names_whose_figures_they_are():
    """The Herald-Tribune (2007) names no country, only the Army: 'according to revised figures from the Army',
    'the Army now says'. Its figures are the US Army's, claimant and country."""
    text = ("A total of 3,196 active-duty soldiers deserted the Army last year, according to revised figures from the "
            "Army.\nIn 2005, for example, the Army now says 2,543 soldiers deserted, not the 2,011 it had reported.")
    found = read(text, "en", "2007-03-23")
    assert found[3196].claimant == "US Army" and found[3196].read().country == "US"
    assert found[2543].claimant == "US Army"


def test_a_country_in_an_aside_yields_to_the_figures_producer(shipped):
    """Pledge Times (DW, 2024): the only country word of the sentence is in brackets about DW's status in Russia;
    the Prosecutor General (Ukraine's) is named: the figure is Ukraine's (it went to a Russian indicator). Without a
    producer named, a bracket still counts: '(ст. 337 УК Украины) — 2630 дел' is Ukraine's code."""
    text = ("According to the Office of the Prosecutor General of the Republic, almost 29.8 thousand criminal cases on "
            "the flight of military personnel were opened in the first half of 2024, according to the Deutsche Welle "
            "article (included in the register of foreign agent media outlets by the Russian Ministry of Justice).")
    (c,) = extract(read_text_article(text, published="2024-08-04"), shipped)
    assert c.read().country == "UA" and (c.indicator is None or shipped.indicators[c.indicator].country == "UA")
    assert read("Чаще всего военных судят по статье (ст. 337 УК Украины) — 2630 дел.", "ru")[2630].read().country \
        == "UA"


def test_another_country_beside_a_listed_one_is_where_not_whose():
    """The gazetteer's countries count only in a text that names one of them more often than any country its
    language lists: US soldiers deployed to Afghanistan stay the US's."""
    text = "American commanders worry. After tours in Afghanistan, 108 soldiers deserted last year."
    assert read(text)[108].facets.country == "US"


def test_a_proposed_indicator_names_a_country_by_its_iso_name():
    from tracker.extraction.suggest import new_indicator

    (c,) = read("Israel's army opened 1,200 cases against soldiers who refused to serve in 2024.").values()
    assert new_indicator(c)[:2] == ("il-criminal-cases-in-year", "Criminal cases in Israel in a year")


def test_a_proposed_indicator_is_not_named_after_the_words_of_another_clause():
    """Azernews (2021): "Azerbaijan's losses … are 2,855, according to the information …" names nothing counted after
    the number: the proposal is az-count, not az-according; a number restated in brackets counts the words after the
    brackets ("four thousand four hundred and ten (4,410) other rank personnel")."""
    from tracker.extraction.suggest import new_indicator

    text = ("Azerbaijan’s losses in the 44-day-war with Armenia are 2,855, according to the information provided by "
            "the Azerbaijani Defence Ministry on January 18.")
    assert new_indicator(read(text)[2855])[0] == "az-count"
    text = "Eight officers and four thousand four hundred and ten (4,410) other rank personnel have been arrested."
    assert read(text)[4410].noun == "other rank personnel"


def test_a_sentence_that_continues_the_one_before_counts_what_it_counts():
    """allthe.news (2025): "… 912 violated overseas travel rules. The numbers rose yearly: 158 in 2021, …": the
    years count the people the sentence before counts. A sentence before that counts two things lends neither (TASS:
    "The figures stood at 170 and 60, respectively" after charges and sentences)."""
    text = ("Lawmaker Hwang Hee cited data showing that 912 draft dodgers violated overseas travel rules. "
            "The numbers rose yearly: 158 in 2021, 185 in 2022 and 196 in 2023.")
    assert read(text)[185].facets.measure == "persons"
    text = ("Thus, 93 AWOL charges were filed and 61 verdicts were returned in January 2025. "
            "The figures stood at 170 and 60, respectively, in February.")
    assert read(text)[170].facets.measure is None
    # weacom.ru (2021): "Эти показатели …" continues the count of the sentence before as "The numbers …" does
    text = ("Осенью было призвано 127,5 тысяч человек. Эти показатели примерно соответствуют данным 2020 года — "
            "135 тысяч весной и 128 тысяч осенью.")
    assert read(text, "ru")[128000].facets.measure == "persons"
    text = "Осенью было призвано 127,5 тысяч человек. Весной 2020 года соответствовали 135 тысяч по всей стране."
    assert read(text, "ru")[135000].facets.measure is None
    # anews (2023): the sentence opens with a time and stands in the next paragraph; "that number" still continues
    # the count before it, as a bare number does. Two paragraphs on, or with a noun of its own, it does not.
    text = ('"In 2021, we received 201 applications for conscientious objection," a spokesperson said.\n\n'
            "For 2022, that number had risen to 951, he added.")
    assert read(text)[951].facets.measure == "requests"
    assert read(text.replace("\n\n", "\n\nNo comment was given.\n\n"))[951].facets.measure is None
    assert read(text.replace("that number had risen to 951", "the office counted 951 visits"))[951].facets.measure \
        is None
    # Vice (2019): "That's up from 12 the year before" compares with the count before it
    text = ("Last year, Finland sentenced at least 40 conscientious objectors to prison or house arrest. "
            "That's up from 12 the year before.")
    assert read(text)[12].facets.measure == "sentences"


def test_a_number_whose_noun_is_left_out_before_its_verb_counts_what_the_sentence_before_counts():
    """Mexico News Daily (2016): "… 101,013 personnel deserted … So far in the current administration, just 4,991 have
    left military life": the 4,991 are personnel. A number before "is the …" names what it is, not an elided noun."""
    text = ("Between 2000 and 2006, 101,013 personnel deserted. So far in the current administration, just 4,991 have "
            "left military life.")
    assert read(text)[4991].facets.measure == "persons"
    text = "Between 2000 and 2006, 101,013 personnel deserted. Of the total, 4,991 is the figure for the navy."
    assert read(text)[4991].facets.measure is None


def test_a_helplines_calls_are_requests_and_cos_are_people():
    """Korea Herald (2020): "the center has received 295,000 calls from soldiers"; the Guardian (2003): "there were
    3,800 COs" (conscientious objectors), after a line counting calls for advice."""
    assert read("Since 2013, the center has received 295,000 calls from soldiers.")[295000].facets.measure == \
        "requests"
    assert read("На горячую линию поступило 5000 звонков от военных.", "ru")[5000].facets.measure == "requests"
    text = ("· The Centre on Conscience and War reported 3,500 calls for advice in January.\n"
            "· In the first world war, there were 3,800 COs; in the second world war, 42,000.")
    assert read(text)[3500].facets.measure == "requests" and read(text)[3800].facets.measure == "persons"


def test_a_count_that_continues_a_sentence_giving_a_share_counts_what_the_share_is_of():
    """newslookup.com (2020): "… increase the number of servicemen … by 25%. From 2020, … their number will increase
    from 20,790 to 26,850": servicemen, not a share; a percentage after it is a share as before."""
    text = ("Lithuanian authorities intend to increase the number of servicemen of the Lithuanian Armed Forces by 25%. "
            "From 2020, it is planned that their number will increase from 20,790 to 26,850 by 2024.")
    assert read(text)[20790].facets.measure == read(text)[26850].facets.measure == "persons"
    text = ("Lithuanian authorities intend to increase the number of servicemen by 25%. "
            "Of them, 10% will serve in the navy.")
    assert read(text)[0.1].facets.measure == "share"


def test_an_article_that_names_no_country_is_its_outlets():
    """Kazinform (2025) on Pavlodar's conscripts never names Kazakhstan: its address does ('inform.kz'). A country
    the text names wins; a domain sites use as a generic one (.fm, .tv, .io) says nothing."""
    from dataclasses import replace

    def country(text, url):
        article = replace(read_text_article(text, published="2025-12-08"), language="ru", url=url)
        return extract(article)[0].facets.country

    text = "На сегодняшний день 500 человек считаются уклоняющимися от службы в армии."
    assert country(text, "https://www.inform.kz/ru/okolo-500") == "KZ"
    assert country(text, "https://news.osna.fm/draft") is None
    assert country("В России 500 человек уклоняются от службы.", "https://www.inform.kz/ru/x") == "RU"
    assert country(text, "https://www.bbc.co.uk/russian/x") == "GB"
    # a generic domain whose name opens or closes with one country's name or capital (the Taipei Times, 2025)
    assert country(text, "https://www.taipeitimes.com/News/taiwan/archives/2025/10/22/2003845") == "TW"
    assert country(text, "https://www.timesofisrael.com/x") == "IL"
    assert country(text, "https://www.hurriyetdailynews.com/x") is None
    # an article naming several countries, none most often, is its outlet's when it names that one (army.md, 2013:
    # "Moldovans", "Ukrainians", "Russians"); not when it does not name it
    several = ("Статистика: молдаване, украинцы и русские служат вместе. Всего призвано 1465 человек. "
               "Молдавия, Украина и Россия не комментировали.")
    assert country(several, "https://army.md/?obj=2232") == "MD"
    assert country(several, "https://www.inform.kz/ru/x") is None


def test_a_sentence_naming_no_country_is_the_one_country_named_just_before_it():
    """Azernews (2021) on Armenia's desertion cases names Armenia four times and Azerbaijan three: no majority, and
    its address says Azerbaijan. "… with regard to 10,000 people" names no country; the paragraph before names one,
    Armenia, so the figure is Armenia's. Where the paragraphs before name two, neither decides: the outlet's again."""
    from dataclasses import replace

    text = ("Armenia launches criminal cases for desertion in war\n"
            "Armenia’s law-enforcement agencies have launched criminal cases against over 10,000 people on charges of "
            "desertion during the war with Azerbaijan last year.\n"
            "It is still unclear which decision will be adopted with regard to 10,000 people against whom legal "
            "proceedings have been launched.\n"
            "According to official reports, 3,439 Armenian soldiers died.\n"
            "Azerbaijan’s losses in the war with Armenia are 2,855, according to the Azerbaijani Defence Ministry. "
            "In addition, 50 Azerbaijani soldiers are still missing.")

    def countries(text):
        article = replace(read_text_article(text, published="2021-02-11"), language="en",
                          url="https://azernews.az/karabakh/176093.html")
        return [c.facets.country for c in extract(article)]

    assert countries(text) == ["AM", "AM", "AM", "AZ", "AZ"]
    two = text.replace("on charges of", "(Azerbaijan’s figure is lower) on charges of")
    assert countries(two)[1] == "AZ"  # Armenia and Azerbaijan before it: the outlet's


def test_the_people_a_countrys_words_mark_are_not_a_country_in_the_count():
    """'Lithuanians and Latvians' marks two countries once each and people twice: the people do not make the
    gazetteer's countries outnumber the one Russia a text names."""
    from tracker.extraction.facets import Marker, _outnumbers

    gazetteer = [Marker(0, 11, "country", "LT"), Marker(0, 11, "person", "persons"),
                 Marker(16, 24, "country", "LV"), Marker(16, 24, "person", "persons")]
    assert not _outnumbers(gazetteer, [Marker(30, 36, "country", "RU")])
    assert _outnumbers(gazetteer + [Marker(40, 49, "country", "LT")], [Marker(30, 36, "country", "RU")])


def test_a_countrys_people_beside_shares_are_what_a_share_is_made_of_not_whose():
    # army.md (6 March 2012): Moldova's conscripts by nationality; "of Ukrainians" names the whole a share is of
    text = ("CHISINAU, March 6, 2012 — The Republic of Moldova Government military conscription assignment was fully "
            "accomplished, Moldova's army said. Of the young men conscripted, 85.1% are Moldovans, 6.3% — "
            "Ukrainians, 3.4% — Gagauz citizens, 2.9% — Russian citizens, and 2.1% — members of other nationalities.")
    assert [c.facets.country for c in read(text, "en").values()] == ["MD"] * 5
    assert read("Some 45% of Ukrainians back mobilisation.", "en")[0.45].facets.country == "UA"


def test_germanys_office_for_conscientious_objection_is_a_producer_that_marks_its_country():
    # news.osna.fm (2025): the office is the only sign that the figures are Germany's
    got = read("Data released by the Federal Office for Family and Civic Affairs (BAFzA) shows a significant increase "
               "in applications. As of June 2025, 1,363 applications for recognition as a conscientious objector have "
               "been received.", "en")[1363]
    assert (got.facets.country, got.facets.producer) == ("DE", "de-bafza")
    assert got.claimant == "Federal Office for Family and Civil Society Tasks (BAFzA)"


def test_a_sentence_that_goes_on_about_the_figure_before_counts_what_it_counts():
    # DFWatch (2013): the comparison stands in the next paragraph; the Korea Herald (2015): "the annual figures"
    got = read("Citizens from 18 to 27 year will be recruited — about 1 650 persons in total.\n\n"
               "This is a significant decrease from 4 347 in 2012.", "en")
    assert got[4347].facets.measure == "persons"
    got = read("Some 415 people broke barracks last year. The annual figures have been nudging downward, albeit with "
               "slight fluctuations, reaching 643 in 2013 and 619 in 2012.", "en")
    assert got[643].facets.measure == got[619].facets.measure == "persons"


def test_a_bare_figure_in_the_next_paragraph_counts_what_the_paragraph_before_counts():
    # Azernews (2021): the losses print no noun; the soldiers of the paragraph before are what they count
    got = read("According to official reports, 3,439 Armenian soldiers died during the Second Karabakh War with "
               "Azerbaijan.\n\nAzerbaijan’s losses in the 44-day-war with Armenia are 2,855, according to the "
               "information provided by the Azerbaijani Defence Ministry on January 18.", "en")
    assert got[2855].facets.measure == "persons"
    got = read("According to official reports, 3,439 Armenian soldiers died.\n\nThe war lasted 44 days.\n\n"
               "Azerbaijan’s losses are 2,855.", "en")
    assert got[2855].facets.measure is None  # two paragraphs on: nothing lent


def test_a_line_of_a_list_counts_what_the_line_before_it_counts():
    # TSN (14 October 2025): the list's lines follow a head ending with ':' and each other after ';'
    got = read("Так, з січня 2022 року по вересень 2025 року відкрито:\n"
               "235 646 кримінальних справ за самовільне залишення частини (СЗЧ);\n53 954 — за дезертирство.", "uk")
    assert got[53954].facets.measure == got[235646].facets.measure == "cases"
    got = read("Вони розповіли про це так.\n53 954 — за дезертирство.", "uk")
    assert got[53954].facets.measure is None  # no list: nothing before it counts


@pytest.mark.parametrize("text", [
    # newskiev.ru (2025): cases the courts heard, and cases sent to them, are the courts' cases
    "Российские суды почти за три года рассмотрели более 20 тысяч уголовных дел.",
    "Весной военные следователи передавали в суды около 20 тысяч уголовных дел.",
    "До суда дошли 20 тысяч уголовных дел.",
])
def test_cases_courts_heard_or_received_are_court_cases_in_russian(text):
    assert read(text, "ru")[20000].facets.measure == "court-cases"


def test_opendatabots_cases_are_the_proceedings_it_re_tells():
    # glavnoe.in.ua (2025): Opendatabot counts the proceedings the Prosecutor General registers
    text = "Щомісяця правоохоронці реєструють майже 16 тисяч справ про СЗЧ, повідомляє Опендатабот."
    got = read(text, "uk")[16000]
    assert (got.facets.producer, got.facets.measure) == ("opendatabot", "proceedings")


def test_a_country_named_outranks_the_country_of_an_offences_term(shipped):
    # newskiev.ru (2025): a Russian outlet writes Russia's term, "СОЧ", of Ukraine's count; the 250 тысяч were
    # suggested into deserters-since-invasion, a Russian indicator
    text = ("Для сравнения, на Украине с февраля 2022 года и по июль 2025 года официально зафиксировано уже 250 тысяч "
            "дезертиров и СОЧ.")
    (got,) = [c for c in extract(read_text_article(text, published="2025-09-18"), shipped) if c.value == 250000]
    assert (got.facets.country, got.indicator) == ("UA", None)
    assert read("Зафиксировано уже 250 тысяч дезертиров и СОЧ.", "ru")[250000].facets.country == "RU"  # no name


def test_the_country_a_conflict_is_with_is_not_whose_figure_it_is():
    # Indians Daily (December 2025) on Ukraine's proceedings
    text = ("Ukrainian authorities have classified key data. The last publicly released figures indicated that nearly "
            "290,000 such cases had been recorded since the escalation of the conflict with Russia in 2022.")
    assert read(text, "en")[290000].facets.country == "UA"
    got = read("С начала конфликта с Россией возбуждено 290 тысяч дел, сообщили в Киеве.", "ru")[290000]
    assert got.facets.country != "RU"


def test_ukraines_defence_intelligence_by_its_english_names_counts_russias_deserters():
    # news.online.ua (30 April 2024)
    text = ("DIU says 18 000 Russia's soldiers deserted from its army\nThe Defence Intelligence of Ukraine\nAs of the "
            "end of April 2024, the number of deserters from the southern military district of the occupying Russian "
            "army reached 18 thousand people.")
    got = [c for c in extract(read_text_article(text, published="2024-04-30")) if c.value == 18000]
    assert [(c.facets.producer, c.facets.country) for c in got] == [("ua-intelligence", "RU")] * 2


def test_another_producers_count_is_not_suggested_into_a_producers_indicator(shipped):
    # news.online.ua (2024): Ukraine's intelligence on Russia's deserters went to Idite Lesom's indicators
    text = ("The Defence Intelligence of Ukraine reports the number of deserters from the southern military district. "
            "Approximately 10,000 of them were drafted by Moscow through mobilisation.")
    (c,) = [c for c in extract(read_text_article(text, published="2024-04-30"), shipped) if c.value == 10000]
    assert c.facets.producer == "ua-intelligence"
    producer = shipped.indicators[c.indicator].producer if c.indicator else None
    assert producer in (None, "Ukrainian military intelligence (HUR)"), c.indicator
    from tracker.ledger.definitions import Facets, conflicts

    assert ("producer", "ua-intelligence", "idite-lesom") in conflicts(
        Facets(producer="ua-intelligence"), Facets(producer="idite-lesom"))


def test_an_army_named_by_its_initials_is_its_countrys():
    """SADC News (13 April 2019): the SANDF's 35 medical students discharged for going AWOL while studying in Cuba;
    the article names Cuba three times and South Africa once, so every figure was Cuba's."""
    text = ("SANDF explains discharge of 35 members\n"
            "The statement, released yesterday by the South African National Defence Force (SANDF), explained the "
            "reasons for the administrative discharge of its 35 members.\n"
            "Two weeks ago, the members who were sent to Cuba in 2018 to study medicine were discharged.\n"
            "All 35 students who were administratively discharged are back home, the statement read. Before the "
            "discharge, there were 202 SANDF members undergoing professional training in Cuba.")
    article = read_text_article(text, published="2019-04-13")
    from dataclasses import replace

    got = [(c.value, c.facets.country) for c in extract(replace(article, language="en"))]
    assert got == [(35, "ZA"), (35, "ZA"), (35, "ZA"), (202, "ZA")]


def test_mediazonas_shares_are_mediazonas():
    """Radio Liberty (2023) on Mediazona's study of AWOL sentences: the study is named in the first paragraph, its
    shares ("35% против 28% случаев") two paragraphs on; Mediazona was not known to publish shares."""
    text = ("Об этом говорится в исследовании \"Медиазоны\".\n"
            "К июню военные суды в России выносили по 100 приговоров по этому делу каждую неделю.\n"
            "Однако выяснилось, что мобилизованные получают реальный срок немного чаще, чем контрактники — 35% против "
            "28% случаев.")
    got = read(text, "ru")
    assert got[0.35].claimant == got[0.28].claimant == "Mediazona"


def test_cases_of_another_offence_are_not_suggested_into_an_awol_count(shipped):
    """Censor.NET (7 October 2025) on Mediazona's count of murder cases in Russia's military courts: "В 2022 году в эти
    суды поступило 38 дел по статьям об убийстве … число таких дел росло - в 2023-м их было 266": every figure went
    to refusal-court-cases-in-year (AWOL, desertion, disobedience), the 38 at score 1.00. Murder is an offence no
    indicator counts, and "таких дел" counts the kind the sentence before named. Radio Liberty's "2590 подобным
    делам" after sentences for terrorism the same; "опубликовала такие:" refers to no kind of case."""
    def suggested(text, published):
        return {c.value: (c.indicator, c.facets.offences)
                for c in extract(read_text_article(text, published=published), shipped)}

    got = suggested("В 2022 году в эти суды поступило 38 дел по статьям об убийстве и тяжких телесных повреждениях. С "
                    "тех пор ежегодно число таких дел росло - в 2023-м их было 266, в 2024-м - 346.", "2025-10-07")
    assert {v: i for v, (i, _) in got.items()} == {38: None, 266: None, 346: None}
    assert got[266][1] == frozenset({"homicide"})
    got = suggested("Таким образом, каждый день по связанным с терроризмом статьям выносятся более пяти приговоров. "
                    "Всего же с начала вторжения российские военные суды вынесли приговоры по 2590 подобным делам.",
                    "2025-10-13")
    assert got[2590] == (None, frozenset({"terrorism"}))
    got = suggested("Массовое дезертирство из российской армии. 27 декабря 2024 года Медиазона опубликовала такие: За "
                    "2024 год в российские военные суды поступили 10 308 уголовных дел об отказе от службы.",
                    "2025-03-01")
    assert got[10308][1] == frozenset()


def test_a_count_naming_no_offence_counts_those_its_paragraphs_figures_counted(shipped):
    """news.ru on Ukraine's draft evasion: "… возбудили свыше 19 тысяч об уклонении от мобилизации … За три с
    половиной года в стране зарегистрировали 19 273 дела": the 19 273 went to ua-awol-desertion-proceedings, its
    sentence naming no offence; sud.ua's "255 тисяч справ щодо СЗЧ та ще 56,2 тисячі - щодо дезертирства. В цілому …
    311 тисяч 327" counts both. An offence named beside no figure lends nothing (RFE/RL: "дезертировавшим", then 10
    308 cases of refusal)."""
    def suggested(text, published="2025-08-26"):
        return {c.value: (c.indicator, c.facets.offences)
                for c in extract(read_text_article(text, published=published), shipped)}

    got = suggested("На Украине с февраля 2022 года возбудили свыше 19 тысяч дел об уклонении от мобилизации, сообщает "
                    "издание со ссылкой на офис генпрокурора. За три с половиной года в стране зарегистрировали 19 273 "
                    "дела, почти восемь тысяч из которых уже закрыты.")
    assert got[19273] == (None, frozenset({"draft-evasion"}))
    got = suggested("Зазначається, що з січня 2022 року до жовтня 2025 року в Україні відкрили 255 тисяч справ щодо "
                    "СЗЧ та ще 56,2 тисячі - щодо дезертирства. В цілому йдеться про 311 тисяч 327 кримінальних "
                    "проваджень.", "2025-11-11")
    assert got[311327][1] == frozenset({"awol", "desertion"})
    got = suggested("Точной статистики по дезертировавшим за последние три года нет. За 2024 год в российские военные "
                    "суды поступили 10 308 уголовных дел об отказе от службы.", "2025-03-01")
    assert got[10308][1] == frozenset()


def test_a_part_of_a_count_of_several_offences_is_not_suggested_into_it(shipped):
    """for-ua.com (26 August 2025): "статті 408 ККУ (Дезертирство) … 50 058 кримінальних проваджень" went to
    ua-awol-desertion-proceedings, which counts Articles 407 and 408 together; so did counts of one offence where the
    sentence gives the other its own number. A figure of some of the articles an indicator counts together, or of
    some of its offences where the others are other numbers', is a part of it, not a figure of it; one naming them
    all fits, and so does a loose telling of the total ("around 800 sentences a week for AWOL and desertion")."""
    def suggested(text):
        return {c.value: c.indicator for c in extract(read_text_article(text, published="2025-08-26"), shipped)}

    got = suggested("Що стосується статті 408 ККУ (Дезертирство), то з 2022 року по липень 2025 року зареєстровано "
                    "сумарно 50 058 кримінальних проваджень за цією статтею.")
    assert got[50058] != "ua-awol-desertion-proceedings"
    # zaxid.net (14 October 2025): the sentence gives each offence its own number
    got = {c.value: c for c in extract(read_text_article(
        "Із січня 2022 року по вересень 2025 року в Україні зареєстровано 235 646 кримінальних проваджень за СЗЧ, "
        "53 954 – за дезертирство.", published="2025-10-14"), shipped)}
    assert got[235646].indicator == "ua-awol-proceedings" and got[53954].indicator is None
    from tracker.extraction.suggest import ruled_out

    assert ruled_out(got[53954], shipped, "ua-awol-desertion-proceedings") == (
        "ua-awol-desertion-proceedings fits the words but counts AWOL and desertion together, this figure desertion "
        "alone")
    # a telling of a total that names some of its offences and gives no other number any is the total's
    (c,) = extract(read_text_article("Over 50,000 cases of desertion were opened in Ukraine since 2022.",
                                     published="2025-08-26"), shipped)
    assert c.indicator == "ua-awol-desertion-proceedings"
    got = suggested("Із січня 2022 року по вересень 2025 року зареєстровано 235 646 кримінальних проваджень за СЗЧ.")
    assert got[235646] == "ua-awol-proceedings"
    got = suggested("Із січня 2022 року по вересень 2025 року в Україні зареєстровано майже 290 тисяч кримінальних "
                    "проваджень за СЗЧ та дезертирство.")
    assert got[290000] == "ua-awol-desertion-proceedings"


def test_this_figure_surged_counts_what_the_sentence_before_counted():
    # supremacy.info on Germany's applications for conscientious objection
    got = read("In 2021, the number of applications stood at 201. This figure surged to 951 in 2022, representing a "
               "373% increase.", "en")
    assert got[951].facets.measure == "requests"


@pytest.mark.parametrize("text, value, country", [
    # Suspilne, 7 Oct 2025: Ukraine's courts convicted Russian soldiers: Ukraine's count
    ("У справах за фактом порушення законів і звичаїв війни в Україні засуджено 202 російських військових.", 202, "UA"),
    # amp.my.ua (Mediazona), 25 Jun 2025: Russia's courts convicted Ukrainian soldiers: Russia's count
    ("У Росії за пів року засудили 184 українських військових, які потрапили в полон у Курській області.", 184, "RU"),
    # with no other country in the clause, the nationality is whose
    ("За рік засуджено 202 російських військових.", 202, "RU"),
    # the nationality of another number's soldiers is that number's, not the next clause's "19 з яких"
    ("У справах за фактом порушення законів і звичаїв війни в Україні засуджено 202 російських військових, 19 з яких "
     "фізично перебували на лаві підсудних.", 19, "UA"),
])
def test_the_nationality_of_what_is_counted_yields_to_where_it_was_counted(text, value, country):
    assert read(text, "uk")[value].facets.country == country


@pytest.mark.parametrize("text, value, measure", [
    # Radio Svoboda (Mediazona), 6 Oct 2025: the cases are what is counted, the soldiers whom they are against
    ("Від початку повномасштабного російського вторгнення в Україну майже тисячі сягнула кількість порушених щодо "
     "військових кримінальних справ за статтями про умисне вбивство.", 1000, "cases"),
    # Mediazona (2023): a number after 'against' counts the people it names
    ("As of March 21, 536 criminal cases had been opened against 548 soldiers.", 548, "persons"),
    # detaly.co.il (2024): so does one after 'щодо'
    ("«Ордера на арешт були видані щодо 1066 осіб, а 265 були оголошені ухилянтами», — сказав підполковник.", 1066,
     "persons"),
])
def test_people_whom_the_counted_cases_are_against_are_not_what_is_counted(text, value, measure):
    assert read(text)[value].facets.measure == measure


@pytest.mark.parametrize("text, lang, value", [
    # novyny.live, 7 Oct 2025 (Ukraine's foreign intelligence on Russia's treason trials)
    ("Загалом під судом опинилися 232 особи, і всі отримали реальні строки позбавлення волі.", "uk", 232),
    ("Всего под судом оказались 232 человека.", "ru", 232),
])
def test_people_on_trial_are_persons_charged(text, lang, value):
    assert read(text, lang)[value].facets.measure == "persons-charged"


@pytest.mark.parametrize("text, lang, value", [
    # The Times of Central Asia (2024): suicides are people
    ("In four years, 40 suicides have been registered in the Armed Forces.", "en", 40),
    ("За четыре года в вооружённых силах зарегистрировано 40 самоубийств.", "ru", 40),
    ("За чотири роки у збройних силах зареєстровано 40 самогубств.", "uk", 40),
])
def test_suicides_are_people(text, lang, value):
    assert read(text, lang)[value].facets.measure == "persons"


@pytest.mark.parametrize("text, lang, value", [
    # NEWSru.co.il (2025) and 7kanal: a verb whose subject is people, before a number that prints no noun
    ("Во втором триместре из 7 014 повесток явились лишь 367 (около 5%).", "ru", 367),
    ("В первом триместре из 3 000 повесток откликнулись 627 (около 20%), выдано 18 ордеров на арест.", "ru", 627),
    ("Из 500 ультраортодоксов, которые должны были явиться в военкомат, прибыло всего около тридцати.", "ru", 30),
    ("У другому триместрі з 7 014 повісток з'явилися лише 367.", "uk", 367),
    # detaly.co.il (2025): the ultra-Orthodox by their Hebrew name, which the analyser does not know
    ("Армія не зможе виконати цільовий показник набору — 4800 харедім.", "uk", 4800),
    ("Армия не сможет призвать 4800 харедим.", "ru", 4800),
])
def test_people_a_verb_or_a_word_the_analyser_lacks_says_are_counted(text, lang, value):
    assert read(text, lang)[value].facets.measure == "persons"


def test_a_verb_of_people_before_a_number_with_a_noun_of_its_own_says_nothing_of_it():
    assert read("Прибыло 30 повесток.", "ru")[30].facets.measure is None
    assert read("Из 3 000 повесток откликнулись на призыв военкомата в тот день 627.", "ru")[627].facets.measure \
        is None  # too far from its verb to be its subject for sure


def test_episodes_of_going_awol_are_counted_as_cases_are_not_as_people():
    # The Independent (2009): the soldiers are who went AWOL; what is counted is how often
    got = read("More than 17,000 episodes of troops going Awol since 2003\n\nBritish soldiers have gone on the run "
               "from their posts on more than 17,001 occasions since the start of the Iraq war, with 17,470 incidents "
               "recorded since the Iraq invasion in 2003.", "en")
    assert [got[v].facets.measure for v in (17000, 17001, 17470)] == ["cases"] * 3


def test_a_bare_list_after_a_count_counts_what_it_counts():
    """The Times of Central Asia (2024): the years' bare numbers after "40 suicides have been registered" are
    suicides; numbers with a noun of their own are not lent one."""
    first = "In four years, 40 suicides have been registered in the Armed Forces. "
    found = read(first + "In 2021 – 10, 2022 – 7, 2023 – 12, and 2024 – 11.", "en")
    assert [found[v].facets.measure for v in (10, 7, 12, 11)] == ["persons"] * 4
    found = read(first + "In 2021 – 10 vehicles, 2022 – 7 vehicles.", "en")
    assert found[10].facets.measure is None
