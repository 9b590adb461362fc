"""Fuzzing: valid ledgers from the model, mutated; random and hostile articles.

Every case must end in a clean result or a clean error with a location (exit status 2 from
the CLI, no traceback), in bounded time. CI runs a fixed-seed sample; a longer run:

    TRACKER_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_fuzz.py
"""

import io
import os
import string
import time
from contextlib import redirect_stderr, redirect_stdout

import yaml
from conftest import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tracker.cli import main
from tracker.errors import LedgerError
from tracker.extraction import ExtractError, extract, read_bytes
from tracker.ledger import fields as F

EXAMPLES = int(os.environ.get("TRACKER_FUZZ_EXAMPLES", "250"))
FUZZ = settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SECONDS_PER_CASE = 5.0

ids = st.text(alphabet=string.ascii_lowercase + string.digits + "-", min_size=1, max_size=12).filter(
    lambda s: s[0].isalnum())
words = st.text(alphabet=string.ascii_letters + " ,.'-", min_size=1, max_size=40).filter(
    lambda s: any(c.isalpha() for c in s))
dates = st.dates(min_value=__import__("datetime").date(2022, 1, 1), max_value=TODAY).map(lambda d: d.isoformat())


@st.composite
def ledgers(draw):
    """A valid ledger as plain data, drawn from the model's vocabulary."""
    n_ind = draw(st.integers(1, 4))
    indicators = {}
    for i in range(n_ind):
        kind = draw(st.sampled_from(F.KINDS))
        ind = {"title": draw(words), "unit": draw(st.sampled_from(["cases", "people", "share"])), "kind": kind}
        if kind == "cumulative":
            ind["since"] = "2022-01-01"
        if kind == "rate":
            ind["per"] = draw(st.sampled_from(F.PERS))
        indicators[f"i{i}"] = ind
    sources = {f"s{i}": {"publisher": draw(words), "published": draw(dates), "url": f"https://example.org/{i}"}
               for i in range(draw(st.integers(1, 3)))}
    figures = []
    for n in range(draw(st.integers(0, 8))):
        ind_id = draw(st.sampled_from(sorted(indicators)))
        ind = indicators[ind_id]
        share = ind["unit"] == "share"
        value = draw(st.floats(0, 1) if share else st.integers(0, 10**7))
        fig = {"id": f"f{n}", "indicator": ind_id, "value": value, "source": draw(st.sampled_from(sorted(sources))),
               "quote": f"about {value}", "qualifier": draw(st.sampled_from(["exact", "approx", "at_least"]))}
        if ind["kind"] in ("flow", "rate"):
            fig["period"] = "2022"
        figures.append(fig)
    return {"version": 1, "indicators": indicators, "sources": sources,
            "events": [{"id": "e", "date": "2022-09-21", "title": "Mobilisation"}], "figures": figures}


SWAPS = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
                  st.text(max_size=30), st.lists(st.integers(), max_size=3), st.dictionaries(ids, st.integers(),
                                                                                             max_size=2),
                  st.sampled_from(["no", "on", "1:20", "0x10", "1_000", "7,400", ".inf", "NaN", "1e309",
                                   "2024-13-01", "2024-02-30", "2999-01-01", "!!python/object:os.system"]))


def _mutate_data(data, draw):
    """Drop a field, swap a value's type, or put a value out of range, somewhere in the ledger."""
    section = draw(st.sampled_from(["indicators", "sources", "figures", "events", "version"]))
    if section == "version":
        data["version"] = draw(SWAPS)
        return
    container = data[section]
    if not container:
        return
    entry = container[draw(st.sampled_from(sorted(container)))] if isinstance(container, dict) else \
        container[draw(st.integers(0, len(container) - 1))]
    key = draw(st.sampled_from(sorted(entry) + ["qualifer", "colour"]))
    action = draw(st.sampled_from(["drop", "swap", "negative"]))
    if action == "drop":
        entry.pop(key, None)
    elif action == "swap":
        entry[key] = draw(SWAPS)
    else:
        entry[key] = -1 if key in ("value", "low", "high") else entry.get(key)


def _mutate_text(text: str, draw) -> bytes:
    action = draw(st.sampled_from(["truncate", "control", "bytes", "dupline", "alias", "bomb", "long", "deep",
                                   "tag", "none"]))
    if action == "truncate":
        text = text[:draw(st.integers(0, len(text)))]
    elif action == "control":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(["\x00", "\x07", "\x1b", "\ufeff", "\u2028", "\x85"])) + text[at:]
    elif action == "bytes":
        data = text.encode()
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    elif action == "dupline":
        lines = text.split("\n")
        at = draw(st.integers(0, max(0, len(lines) - 1)))
        lines.insert(at, lines[at])
        text = "\n".join(lines)
    elif action == "alias":
        text = text.replace("sources:", "sources: &src", 1) + "\nextra: *src\n"
    elif action == "bomb":
        layers = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        layers += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 7)]
        text = text + "\n" + "\n".join(layers) + "\n"
    elif action == "long":
        text = text.replace("quote: ", "quote: " + "x" * draw(st.integers(10_000, 200_000)), 1)
    elif action == "deep":
        depth = draw(st.integers(50, 400))
        text = text + "\nnested: " + "[" * depth + "]" * depth + "\n"
    elif action == "tag":
        text = text.replace("title: ", "title: !!python/object/apply:os.system ", 1)
    return text.encode("utf-8", errors="surrogatepass")


def _check_clean(path, data: bytes):
    path.write_bytes(data)
    t0 = time.perf_counter()
    try:
        tracker.load(path, today=TODAY)
    except LedgerError as exc:
        assert exc.problems, "an error with no problem in it"
        for p in exc.problems:
            assert p.path and p.message
            assert p.line >= 1 or "file" in p.message or "directory" in p.message, str(p)
    assert time.perf_counter() - t0 < SECONDS_PER_CASE


@FUZZ
@given(data=ledgers(), draw=st.data())
def test_mutated_ledgers_load_or_fail_cleanly(tmp_path_factory, data, draw):
    path = tmp_path_factory.mktemp("fuzz") / "ledger.yaml"
    if draw.draw(st.booleans()):
        _mutate_data(data, draw.draw)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    _check_clean(path, _mutate_text(text, draw.draw))


@FUZZ
@given(data=ledgers())
def test_valid_generated_ledgers_load(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("valid") / "ledger.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    ledger = tracker.load(path, today=TODAY)
    assert len(ledger.figures) == len(data["figures"])


@settings(max_examples=max(20, EXAMPLES // 10), derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=ledgers(), draw=st.data())
def test_cli_never_shows_a_traceback(tmp_path_factory, data, draw):
    path = tmp_path_factory.mktemp("cli") / "ledger.yaml"
    _mutate_data(data, draw.draw)
    path.write_bytes(_mutate_text(yaml.safe_dump(data, sort_keys=False), draw.draw))
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["validate", str(path)])
    assert code in (0, 2)
    assert "Traceback" not in err.getvalue()
    if code == 2:
        assert err.getvalue().strip().endswith("found") and out.getvalue() == ""


# -- the extractor ----------------------------------------------------------------------------------

HTMLISH = st.lists(st.sampled_from(["<p>", "</p>", "<script>var n = 12345;</script>", "<div>", "</div>",
                                    "<style>p{margin:1px}</style>", "over 7,400 cases", "около 800 приговоров",
                                    "<!--", "-->", "<a href='https://x.org/1/2'>", "</a>", "&amp;", "&#x41;",
                                    "понад 35 тисяч", "between 20% and 30%", "<", ">", "\x00"]), max_size=60)


@FUZZ
@given(text=st.text(max_size=3000))
def test_extractor_on_random_text(text):
    t0 = time.perf_counter()
    try:
        article = read_bytes(text.encode("utf-8", errors="surrogatepass"), name="x.txt")
    except ExtractError:
        return
    for c in extract(article):
        assert c.quote and (c.value is not None or c.low is not None)
    assert time.perf_counter() - t0 < SECONDS_PER_CASE


@FUZZ
@given(parts=HTMLISH)
def test_extractor_on_random_html(parts):
    data = ("<html><body>" + "".join(parts) + "</body></html>").encode()
    try:
        article = read_bytes(data, name="x.html")
    except ExtractError:
        return
    for c in extract(article):
        assert "12345" not in c.printed  # nothing from inside a script


@FUZZ
@given(data=st.binary(max_size=2000))
def test_extractor_on_binary(data):
    try:
        article = read_bytes(data, name="x.bin")
    except ExtractError:
        return
    extract(article)


def test_extractor_on_a_huge_input_is_bounded():
    text = ("Over 7,400 criminal cases have been opened since mobilization began in 2022. " * 40_000).encode()
    t0 = time.perf_counter()
    article = read_bytes(text, name="big.txt")
    found = extract(article)
    assert found and time.perf_counter() - t0 < 60
