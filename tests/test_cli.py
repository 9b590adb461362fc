"""The command line: output streams, exit codes, help, for each command."""

import json
import subprocess
import sys

import pytest
from conftest import BASE, LEDGER, ROOT, write

from tracker.cli import main


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "tracker.cli", *args], cwd=cwd, capture_output=True, text=True)


def test_validate_shipped_ledger_prints_a_summary(capsys):
    assert main(["validate", str(LEDGER)]) == 0
    out, err = capsys.readouterr()
    assert "OK:" in out and " figures" in out and " indicators" in out and " sources" in out
    assert err == ""


def test_validate_defaults_to_figures_yaml_in_the_current_directory():
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("figures.yaml: OK:")


def test_validate_takes_ledger_option(tmp_path, capsys):
    path = write(tmp_path, BASE)
    assert main(["validate", "--ledger", str(path)]) == 0
    assert "1 figures" in capsys.readouterr().out


def test_bad_ledger_exits_2_with_problems_on_stderr_and_no_traceback(tmp_path):
    path = write(tmp_path, BASE + "  - id: f2\n    indicator: nope\n    value: -1\n    source: s1\n    quote: q\n")
    result = run("validate", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "ledger.yaml:37:16: unknown indicator 'nope'" in result.stderr
    assert "2 problems found" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_exits_2(tmp_path):
    result = run("validate", str(tmp_path / "none.yaml"))
    assert result.returncode == 2 and "file not found" in result.stderr and "Traceback" not in result.stderr


def test_schema_prints_json():
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$defs"]["figure"]["properties"]["qualifier"]["enum"][0] == "exact"


def test_version_and_help():
    assert run("--version").stdout.startswith("tracker ")
    help_text = run("--help").stdout
    for command in ("validate", "schema"):
        assert command in help_text


def test_no_command_is_a_usage_error():
    result = run()
    assert result.returncode == 2 and "usage:" in result.stderr


def test_unknown_command_is_a_usage_error():
    result = run("frobnicate")
    assert result.returncode == 2 and "invalid choice" in result.stderr


@pytest.mark.parametrize("command", ["validate", "schema", "chart"])
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.returncode == 0 and "usage: tracker " + command in result.stdout


def test_chart_writes_files_and_lists_them(tmp_path):
    path = write(tmp_path, BASE)
    out = tmp_path / "out"
    result = run("chart", "--ledger", str(path), "--out", str(out), "--format", "png")
    assert result.returncode == 0, result.stderr
    assert (out / "cases.png").exists() and (out / "index.html").exists()
    assert str(out / "cases.png") in result.stdout.splitlines()
    assert "drew" in result.stderr
    again = run("chart", "--ledger", str(path), "--out", str(out), "--format", "png")
    assert again.stdout == "" and "0 charts, 4 unchanged" in again.stderr


def test_chart_unknown_indicator_suggests(tmp_path):
    path = write(tmp_path, BASE)
    result = run("chart", "case", "--ledger", str(path), "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "did you mean 'cases'?" in result.stderr and "Traceback" not in result.stderr


def test_chart_bad_format_is_a_usage_error(tmp_path):
    path = write(tmp_path, BASE)
    result = run("chart", "--ledger", str(path), "--format", "gif", "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "--format takes png, svg or pdf" in result.stderr


BROKEN = "version: 1\nfigures: [\n"


@pytest.mark.parametrize("args", [
    ["validate", "{bad}"], ["chart", "--ledger", "{bad}", "--out", "{tmp}/o"], ["flags", "--ledger", "{bad}"],
    ["extract", "{article}", "--ledger", "{bad}"],
])
def test_every_command_exits_2_on_a_bad_ledger(tmp_path, args):
    bad = write(tmp_path, BROKEN, name="bad.yaml")
    article = write(tmp_path, "Over 7,400 cases were opened.\n", name="a.txt")
    argv = [a.format(bad=bad, tmp=tmp_path, article=article) for a in args]
    result = run(*argv)
    assert result.returncode == 2, (argv, result.stderr)
    assert "bad.yaml:3:1: YAML syntax error" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("args", [["validate", "--nope"], ["chart", "--format", "gif"], ["flags", "--fail-on", "x"],
                                  ["flags", "--format", "xml"], ["extract", "--timeout", "soon"], ["schema", "x"]])
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr


def test_exit_statuses_of_success_and_flags(tmp_path):
    assert run("validate").returncode == 0
    assert run("schema").returncode == 0
    assert run("flags", "--fail-on", "none").returncode == 0
    assert run("flags", "--fail-on", "warning").returncode == 1
    art = write(tmp_path, "Over 7,400 cases were opened.\n", name="a.txt")
    assert run("extract", str(art)).returncode == 0


def test_data_goes_to_stdout_and_messages_to_stderr(tmp_path):
    result = run("flags", "--format", "json")
    json.loads(result.stdout)  # nothing but data on standard output
    assert "flags:" in result.stderr


def test_list_checks_comes_from_the_registry(monkeypatch, capsys):
    from tracker.checks import CHECKS, Check

    monkeypatch.setattr("tracker.checks.CHECKS", CHECKS + [Check("probe", "a check added in a test", lambda ctx: [])])
    assert main(["flags", "--list-checks"]) == 0
    out = capsys.readouterr().out
    assert "probe     a check added in a test" in out and out.count("\n") == len(CHECKS) + 1


def test_flags_explain_says_why(capsys):
    assert main(["flags", "--explain", "il-deserted-2024-09-unherd", "--ledger", str(LEDGER)]) == 0
    out = capsys.readouterr().out
    assert "-> 2024-09-15  ≥ 3,000" in out and "Flagged jump (warning)" in out and "The model expects about" in out
    assert main(["flags", "--explain", "awol-court-cases-2023-04-03", "--ledger", str(LEDGER)]) == 0
    assert "Not flagged" in capsys.readouterr().out
    assert main(["flags", "--explain", "il-deserted-2024-09-unhred", "--ledger", str(LEDGER)]) == 2
    assert "did you mean 'il-deserted-2024-09-unherd'?" in capsys.readouterr().err


def test_a_command_called_with_arguments_leaves_the_garbage_collector_alone():
    """`tracker flags` run as a program sets its objects aside from the cyclic collector (gc.freeze: they live
    until it exits); called from Python with arguments, as here, it must not: what the caller drops later would
    never be collected."""
    import gc

    before = gc.get_freeze_count()
    assert main(["flags", "--ledger", str(LEDGER), "--fail-on", "none"]) == 0
    assert gc.get_freeze_count() == before
