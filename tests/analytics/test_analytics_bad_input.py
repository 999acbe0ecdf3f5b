"""Bad logs: one clear line naming the file and the place, nothing written, no traceback."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journeymapper.analytics.columns import ColumnMap
from journeymapper.analytics.errors import LogError
from journeymapper.analytics.open_log import open_log
from journeymapper.cli import main as cli
from journeymapper.io.journey_file import save_data
from journeymapper.model.templates import blank_map
from tests.analytics.logs import shop_log, write_csv, xes_text

ROOT = Path(__file__).resolve().parents[2]
HEADER = "case:concept:name,concept:name,time:timestamp\n"


def refused(path: Path, columns: ColumnMap | None = None) -> str:
    with pytest.raises(LogError) as caught:
        open_log(path, columns)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            HEADER + "a,Visit,2024-03-01 10:00\na,Pay,yesterday\n",
            "line 3: the timestamp 'yesterday' is not a date and time",
        ),
        (
            HEADER + "a,Visit,2024-03-01 10:00\n,Pay,2024-03-01 11:00\n",
            "line 3: the case id ('case:concept:name') is empty",
        ),
        (HEADER + "a,,2024-03-01 10:00\n", "line 2: the activity ('concept:name') is empty"),
        (HEADER + "a,Visit,\n", "line 2: the timestamp ('time:timestamp') is empty"),
        (HEADER, "holds no events"),
        ("", "is empty"),
    ],
)
def test_bad_csv_rows_name_their_line(tmp_path: Path, body: str, expected: str) -> None:
    path = tmp_path / "log.csv"
    path.write_text(body, encoding="utf-8")
    assert expected in refused(path)


def test_a_misnamed_column_is_named_with_the_closest_match(tmp_path: Path) -> None:
    path = tmp_path / "crm.csv"
    path.write_text("CaseID,Activity,Timestamp\nT1,Open,2024-03-01 10:00\n", encoding="utf-8")
    message = refused(path, ColumnMap(case="caseid", timestamp="Timestmp"))
    assert "has no column 'Timestmp' for the timestamp; did you mean 'Timestamp'?" in message
    message = refused(tmp_path / "crm.csv", ColumnMap(case="Ticket"))
    assert "has no column 'Ticket' for the case id" in message
    assert "'CaseID', 'Activity', 'Timestamp'" in message


def test_a_missing_standard_column_says_which_option_names_it(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("id,step,at\n1,a,2024-03-01\n", encoding="utf-8")
    assert "has no case id column" in refused(path)
    assert "--case COLUMN" in refused(path)


def test_binary_junk_is_refused(tmp_path: Path) -> None:
    for name in ("junk.csv", "junk.xes", "junk.parquet"):
        path = tmp_path / name
        path.write_bytes(os.urandom(5000) + b"\0" * 100)
        message = refused(path)
        assert any(w in message for w in ("binary", "not valid XML", "cannot be read", "UTF-8"))


def test_a_cut_gzip_and_wrong_suffix_are_refused(tmp_path: Path) -> None:
    cut = tmp_path / "cut.xes.gz"
    cut.write_bytes(gzip.compress(xes_text(shop_log()).encode())[:200])
    assert "cannot be read" in refused(cut) or "not valid XML" in refused(cut)
    other = tmp_path / "log.docx"
    other.write_bytes(b"x")
    assert "is not an event log JourneyMapper reads" in refused(other)


XML_ATTACKS = {
    "entity bomb": '<?xml version="1.0"?><!DOCTYPE log [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    "<log>&c;</log>",
    "external entity": '<?xml version="1.0"?><!DOCTYPE log [<!ENTITY x SYSTEM '
    '"file:///etc/passwd">]><log>&x;</log>',
    "entity without doctype": '<?xml version="1.0"?><log><trace>&x;</trace></log>',
}


@pytest.mark.parametrize("name", sorted(XML_ATTACKS))
def test_hostile_xes_is_refused_before_expansion(tmp_path: Path, name: str) -> None:
    path = tmp_path / "attack.xes"
    path.write_text(XML_ATTACKS[name], encoding="utf-8")
    message = refused(path)
    assert "line 1" in message
    assert "passwd" not in message
    assert "root:" not in message


def test_a_million_nested_elements_stop_at_the_depth_limit(tmp_path: Path) -> None:
    path = tmp_path / "deep.xes.gz"
    depth = 1_000_000
    path.write_bytes(gzip.compress(b"<log>" + b"<a>" * depth + b"</a>" * depth + b"</log>"))
    assert "nested more than 64 deep" in refused(path)


def test_xes_problems_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "log.xes"
    text = xes_text(shop_log()).replace("2024-03-01T09:20:00", "not-a-time", 1)
    path.write_text(text, encoding="utf-8")
    message = refused(path)
    assert "the timestamp 'not-a-time" in message
    assert "line " in message
    root = tmp_path / "other.xes"
    root.write_text("<graphml/>", encoding="utf-8")
    assert "is not an XES log" in refused(root)


def test_empty_traces_are_left_out_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "log.xes"
    text = xes_text(shop_log()).replace(
        "</log>", '<trace><string key="concept:name" value="nobody"/></trace></log>'
    )
    path.write_text(text, encoding="utf-8")
    with open_log(path) as log:
        assert log.notes == ["1 traces without events were left out"]


def test_the_cli_prints_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journey = tmp_path / "map.journey"
    save_data(blank_map(), journey)
    before = journey.read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "a,Visit,soon\n", encoding="utf-8")
    assert cli.main(["analyze", str(journey), str(bad), "--keep"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert (
        err == f"journeymapper: {bad}: line 2: the timestamp 'soon' is not a date and time "
        "(expected ISO 8601, e.g. 2024-03-01 14:05:00; give another form with "
        "--timestamp-format)\n"
    )
    assert journey.read_bytes() == before
    draft = tmp_path / "draft.journey"
    assert cli.main(["discover", str(bad), "-o", str(draft)]) == 2
    assert not draft.exists()


def test_a_log_matching_no_touchpoint_offers_discover(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journey = tmp_path / "map.journey"
    save_data(blank_map(), journey)
    log = write_csv(tmp_path / "shop.csv", shop_log())
    assert cli.main(["analyze", str(journey), str(log)]) == 1
    err = capsys.readouterr().err
    assert "none of its 4 activities matches a touchpoint" in err
    assert f"journeymapper discover {log} -o draft.journey" in err


BIG_CSV = """
import resource, sys
from journeymapper.analytics.open_log import open_log
from journeymapper.analytics.flows import activity_flows
with open_log(sys.argv[1]) as log:
    flows = activity_flows(log)
print(sum(f.count for f in flows))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_a_large_csv_is_read_in_bounded_memory(tmp_path: Path) -> None:
    """3 million events (~150 MB) under a 128 MB DuckDB limit: it spills to disk."""
    path = tmp_path / "big.csv"
    cases, per_case = 300_000, 10
    with path.open("w", encoding="ascii") as handle:
        handle.write(HEADER)
        step = "".join(f"{{0}},step {i},2024-03-01 10:{i:02d}:00\n" for i in range(per_case))
        for case in range(cases):
            handle.write(step.format(f"customer-{case}"))
    env = dict(os.environ, JOURNEYMAPPER_DUCKDB_MEMORY="128MB")
    done = subprocess.run(
        [sys.executable, "-c", BIG_CSV, str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    steps, peak_kib = (int(x) for x in done.stdout.split())
    assert steps == cases * (per_case - 1)
    assert peak_kib * 1024 < 700 * 2**20, f"peak {peak_kib / 1024:.0f} MB"


def test_a_2gb_sparse_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.write(HEADER.encode() + b"a,Visit,2024-03-01 10:00\n")
        handle.truncate(2 * 2**30)  # a hole of NUL bytes: no disk used
    message = refused(path)
    assert "binary data" in message
