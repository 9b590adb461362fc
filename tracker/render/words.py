"""The fixed words of a chart in each language it can be drawn in (`tracker chart --lang`).

The ledger's own words (titles, claimant and outlet names) are printed as written; an
indicator's `chart:` setting gives translated titles where a desk needs them.
"""

from __future__ import annotations

WORDS = {
    "en": {
        "source": "Source", "sources": "Sources", "as_reported_by": "as reported by", "and_more": "and {n} more",
        "data": "Data", "exact": "exact", "approx": "approximate", "at_least": "at least (≥)",
        "at_most": "at most (≤)", "range": "range (low to high)", "period": "the month, year or period it covers",
        "candidate": "candidate (not yet reviewed)", "rejected": "rejected (kept for the record)",
        "band": "model's expected range (an estimate)", "legend": "Claimant · qualifier", "legend_publish": "Reported by",
        "since": "since", "as_of": "as of", "reported": "reported", "in": "in", "per": "per", "day": "day", "week": "week",
        "month": "month", "year": "year", "share": "share",
        "months": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        "echoes": "{n} re-print(s) of a claimant's own earlier figure drawn faint",
        "undated": "{n} undated figure(s) left out", "relative": "{n} relative claim(s) not drawn",
    },
    "ru": {
        "source": "Источник", "sources": "Источники", "as_reported_by": "по публикациям", "and_more": "и ещё {n}",
        "data": "Данные", "exact": "точно", "approx": "примерно", "at_least": "не менее (≥)",
        "at_most": "не более (≤)", "range": "диапазон", "period": "месяц, год или период, к которому относится",
        "candidate": "кандидат (не проверен)", "rejected": "отклонено (сохранено)",
        "band": "ожидаемый диапазон (модель)", "legend": "Источник цифры · точность", "legend_publish": "Кто сообщил",
        "since": "с", "as_of": "на", "reported": "опубликовано", "in": "в", "per": "в", "day": "день", "week": "неделю", "month": "месяц",
        "year": "год", "share": "доля",
        "months": ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
        "echoes": "перепечаток собственной цифры: {n} (бледные)", "undated": "без даты не показано: {n}",
        "relative": "относительных утверждений не показано: {n}",
    },
    "uk": {
        "source": "Джерело", "sources": "Джерела", "as_reported_by": "за публікаціями", "and_more": "і ще {n}",
        "data": "Дані", "exact": "точно", "approx": "приблизно", "at_least": "щонайменше (≥)",
        "at_most": "щонайбільше (≤)", "range": "діапазон", "period": "місяць, рік або період, до якого належить",
        "candidate": "кандидат (не перевірено)", "rejected": "відхилено (збережено)",
        "band": "очікуваний діапазон (модель)", "legend": "Джерело цифри · точність", "legend_publish": "Хто повідомив",
        "since": "з", "as_of": "станом на", "reported": "опубліковано", "in": "у", "per": "на", "day": "день", "week": "тиждень",
        "month": "місяць", "year": "рік", "share": "частка",
        "months": ["січ", "лют", "бер", "кві", "тра", "чер", "лип", "сер", "вер", "жов", "лис", "гру"],
        "echoes": "передруків власної цифри: {n} (бліді)", "undated": "без дати не показано: {n}",
        "relative": "відносних тверджень не показано: {n}",
    },
}
LANGUAGES = tuple(WORDS)


def words(lang: str = "en") -> dict:
    """The fixed words in `lang`; raises KeyError naming the languages there are."""
    try:
        return WORDS[lang]
    except KeyError:
        raise KeyError(f"no chart words for '{lang}'; choose one of {', '.join(LANGUAGES)}") from None
