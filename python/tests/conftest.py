"""Shared fixtures: the library's CUR sample as the CLI decoded it (checked in, and diffed
against the CLI in CI), and the same rows as a Parquet file with CUR 2.0 column names."""

from __future__ import annotations

import csv
import json
import math
import subprocess
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import ec2_instance_type

REPO = Path(__file__).resolve().parents[2]
DECODED_CSV = REPO / "tests" / "fixtures" / "cur-sample.decoded.csv"
INPUT_COLUMNS = [
    "identity_line_item_id",
    "line_item_line_item_type",
    "line_item_product_code",
    "line_item_operation",
    "line_item_usage_type",
    "product_instance_type",
    "line_item_unblended_cost",
]
# The decoded fields in the order of the CLI's ec2type_* columns: the struct's, but the
# usage type itself (a CLI column missing from the fixture fails the tests by its name).
USAGE_FIELDS = [field.name for field in ec2_instance_type.usage_type_struct()][1:]


def cell(value) -> str:
    """A decoded value as the CLI writes it in CSV (Rust's Display)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    return str(value)


def cells(decoded: dict | None) -> list[str]:
    """A decoded struct row as the CLI's ec2type_* cells."""
    if decoded is None:
        return [""] * len(USAGE_FIELDS)
    return [cell(decoded[name]) for name in USAGE_FIELDS]


@pytest.fixture(scope="session")
def cli_rows() -> list[dict[str, str]]:
    """The CLI's decoded CUR sample: every input column and every ec2type_* column."""
    with open(DECODED_CSV, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="session")
def cur_parquet(tmp_path_factory, cli_rows) -> Path:
    """The sample's rows as CUR 2.0 Parquet: empty cells are nulls, the cost a double."""

    def column(name):
        values = [row[name] or None for row in cli_rows]
        if name == "line_item_unblended_cost":
            return pa.array([float(v) if v else None for v in values], pa.float64())
        return pa.array(values, pa.string())

    table = pa.table({name: column(name) for name in INPUT_COLUMNS})
    path = tmp_path_factory.mktemp("cur") / "cur.parquet"
    pq.write_table(table, path, row_group_size=7)
    return path


def expected_cells(row: dict[str, str]) -> list[str]:
    """What the CLI decoded for a row; an empty usage type (a null in Parquet) decodes to
    nothing."""
    return [row[f"ec2type_{name}"] for name in USAGE_FIELDS]


def run_cli(*args: str) -> str:
    """The CLI's stdout (cargo builds it if needed)."""
    done = subprocess.run(
        ["cargo", "run", "-q", "-p", "ec2type", "--", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    return done.stdout


def cli_json_lines(*args: str) -> list[dict]:
    return [json.loads(line) for line in run_cli(*args).splitlines() if line.strip()]
