#!/usr/bin/env python3
"""The Python package and the CLI's Parquet mode, timed beside honest baselines in one run.

1. `decode_usage_type` on 2M usage types (a pyarrow string array), against DuckDB's own
   `regexp_extract` split of the same column into location, kind and detail, with DuckDB
   on one thread (the split peers use in SQL; it finds no region, instance type or facts).
2. `ec2type usage --column ... --input cur.parquet --output out.parquet` over a CUR-like
   Parquet file (the 20 columns of benches/cur_csv.py, zstd), in rows per second; and the
   same file only read and written back by pyarrow (no decoding) for scale.

Usage (from the repository root, after `pip install ./python` into the venv and
`cargo build --release -p ec2type`):
    target/py-venv/bin/python benches/engines.py [ROWS_FOR_PARQUET]
Prints medians of 5 runs (Parquet: of 3)."""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from ec2_instance_type import decode_usage_type

REPO = Path(__file__).resolve().parents[1]
NAMES = [line.split(",", 1)[0] for line in (REPO / "data" / "instance-types.csv").open()][1:]
CODES = ["", "USE2-", "USW2-", "EU-", "APN1-", "APS3-", "EUC1-"]
KINDS = ["BoxUsage", "SpotUsage", "HeavyUsage", "DedicatedUsage", "UnusedBox"]
OTHER = ["EBS:VolumeUsage.gp3", "USE2-AWS-In-Bytes", "USW2-DataTransfer-Out-Bytes", "Requests-Tier1"]
# The split of peers' SQL: an optional billing-code prefix, the kind, the detail after ':'.
SPLIT = r"^(?:([A-Z]{2,4}[0-9]?)-)?([^:]+)(?::(.*))?$"


def usage_types(rows: int) -> list[str]:
    random.seed(7)
    return [
        random.choice(OTHER) if i % 5 == 4 else random.choice(CODES) + random.choice(KINDS) + ":" + random.choice(NAMES)
        for i in range(rows)
    ]


def median_seconds(run, times: int) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def python_against_duckdb(rows: int = 2_000_000) -> None:
    column = pa.array(usage_types(rows), pa.string())
    ours = median_seconds(lambda: decode_usage_type(column), 5)
    con = duckdb.connect()
    con.execute("SET threads = 1")
    con.register("usage", pa.table({"u": column}))
    con.execute("CREATE TABLE t AS SELECT u FROM usage")
    query = f"CREATE OR REPLACE TEMP TABLE split AS SELECT regexp_extract(u, '{SPLIT}', ['code', 'kind', 'detail']) AS s FROM t"
    theirs = median_seconds(lambda: con.execute(query), 5)
    print(f"{rows:,} usage types: decode_usage_type {ours * 1000:.0f} ms "
          f"({rows / ours / 1e6:.1f} M/s); DuckDB regexp_extract, 1 thread, {theirs * 1000:.0f} ms "
          f"({rows / theirs / 1e6:.1f} M/s); ratio {theirs / ours:.2f}x")


def cur_table(rows: int) -> pa.Table:
    usage = usage_types(rows)
    ids = [f"{i:016x}abcdef" for i in range(rows)]
    constant = lambda value: pa.array([value] * rows, pa.string())  # noqa: E731
    return pa.table({
        "identity_line_item_id": pa.array(ids, pa.string()),
        "identity_time_interval": constant("2026-11-01T00:00:00Z/2026-11-02T00:00:00Z"),
        "bill_payer_account_id": constant("123456789012"),
        "line_item_usage_account_id": constant("210987654321"),
        "line_item_line_item_type": constant("Usage"),
        "line_item_usage_start_date": pa.array([1793491200000000] * rows, pa.timestamp("us")),
        "line_item_usage_end_date": pa.array([1793494800000000] * rows, pa.timestamp("us")),
        "line_item_product_code": constant("AmazonEC2"),
        "line_item_usage_type": pa.array(usage, pa.string()),
        "line_item_operation": constant("RunInstances"),
        "line_item_availability_zone": constant("us-west-2a"),
        "line_item_resource_id": pa.array([f"i-{i:017x}" for i in range(rows)], pa.string()),
        "line_item_usage_amount": pa.array([1.0] * rows, pa.float64()),
        "line_item_unblended_rate": pa.array([0.096] * rows, pa.float64()),
        "line_item_unblended_cost": pa.array([0.096] * rows, pa.float64()),
        "line_item_line_item_description": constant("$0.096 per On Demand Linux m5.large Instance Hour"),
        "product_instance_type": constant("m5.large"),
        "product_region_code": constant("us-west-2"),
        "pricing_unit": constant("Hrs"),
        "resource_tags_user_team": constant("platform"),
    })


def parquet_mode(rows: int, times: int = 5) -> None:
    """`ec2type usage` Parquet to Parquet (every core) against pyarrow only reading and
    writing the same file (every core, no decoding), runs alternating, medians."""
    binary = REPO / "target" / "release" / "ec2type"
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp) / "cur.parquet", Path(tmp) / "out.parquet"
        pq.write_table(cur_table(rows), source, compression="zstd", row_group_size=256 * 1024)
        command = [str(binary), "usage", "--input", str(source), "--output", str(out)]
        ours, copy = [], []
        for _ in range(times):
            start = time.perf_counter()
            subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            pq.write_table(pq.read_table(source), out, compression="zstd", row_group_size=256 * 1024)
            copy.append(time.perf_counter() - start)
        ours_s, copy_s = statistics.median(ours), statistics.median(copy)
        print(f"{rows:,}-row CUR-like Parquet ({source.stat().st_size / 1e6:.0f} MB), medians of {times}: "
              f"ec2type usage --output .parquet {ours_s:.2f} s = {rows / ours_s / 1e6:.2f} M rows/s; "
              f"pyarrow read + write (all cores, no decoding) {copy_s:.2f} s; ratio {copy_s / ours_s:.2f}")


if __name__ == "__main__":
    if "--parquet-only" not in sys.argv:
        python_against_duckdb()
    rows = [a for a in sys.argv[1:] if not a.startswith("--")]
    parquet_mode(int(rows[0]) if rows else 3_000_000)
