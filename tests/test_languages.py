"""Languages are plug-ins: each module holds the whole contract, and a new one is one file."""

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT

from tracker import languages


@pytest.mark.parametrize("code", languages.extraction_languages())
def test_each_language_of_extraction_holds_the_whole_contract(code):
    module = languages.LANGUAGES[code]
    missing = [n for n in languages.EXTRACTION_NAMES if not hasattr(module, n)]
    assert missing == [] and module.CODE == Path(module.__file__).stem == code


def test_the_shipped_languages_and_their_order():
    assert list(languages.LANGUAGES) == ["en", "ru", "uk", "other"]
    assert languages.extraction_languages() == languages.chart_languages() == ("en", "ru", "uk")
    assert languages.decimal_comma("ru") and languages.decimal_comma("bg") and not languages.decimal_comma("en")


@pytest.mark.parametrize("text, lang", [("Courts heard 7,400 cases.", "en"), ("Суды получили 7,4 тыс. дел.", "ru"),
                                        ("Суди отримали 7,4 тис. справ, їх більшість.", "uk")])
def test_detection_reads_the_letters_each_language_declares(text, lang):
    assert languages.detect(text) == lang


def test_a_new_language_is_one_file(tmp_path):
    """Copy the package, add only tracker/languages/xx.py, and the number reader, extraction's registry, the
    chart words and the CLI's --lang all know it."""
    pkg = tmp_path / "tracker"
    shutil.copytree(ROOT / "tracker", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    en = (pkg / "languages" / "en.py").read_text(encoding="utf-8")
    xx = en.replace('CODE = "en"', 'CODE = "xx"').replace("ORDER = 0", "ORDER = 50") + textwrap.dedent("""
        NUMBERS = {"zwölf": 12}
        CHART_WORDS = {**CHART_WORDS, "source": "Quelle"}
        """)
    (pkg / "languages" / "xx.py").write_text(xx, encoding="utf-8")
    code = textwrap.dedent("""
        from tracker import languages
        from tracker.cli.parser import build_parser
        from tracker.text.numbers import scan
        assert "xx" in languages.extraction_languages() and languages.chart_words("xx")["source"] == "Quelle"
        assert [n.value for n in scan("Courts heard zwölf cases.", "xx")] == [12.0]
        assert build_parser().parse_args(["chart", "--lang", "xx"]).lang == "xx"
        print("ok")
        """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                         env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "ok", out.stderr


NOMINATIVES = {"ru": "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
               "uk": "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень"}


@pytest.mark.parametrize("code", [c for c, m in languages.LANGUAGES.items() if hasattr(m, "MONTH_FORMS")])
def test_month_forms_are_the_analysers_forms_of_each_months_noun(code):
    """The month names a language spells out are every form pymorphy3 inflects each month's noun to, no more
    (a stem and any ending took 'майор', 'майже' and 'червоний' for months)."""
    import pymorphy3

    module = languages.LANGUAGES[code]
    analyser = pymorphy3.MorphAnalyzer(lang=module.MORPHOLOGY)
    for forms, month in zip(module.MONTH_FORMS, NOMINATIVES[code].split(), strict=True):
        noun = next(p for p in analyser.parse(month) if p.tag.POS == "NOUN" and p.normal_form == month)
        assert set(forms.split()) == {f.word for f in noun.lexeme}, month
