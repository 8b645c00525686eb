"""The CLI's Parquet mode (`ec2type usage --column --input --output`), which runs the same
Arrow kernels: Parquet in, Parquet or CSV out, and CSV (gzip too) in, Parquet out."""

from __future__ import annotations

import csv
import gzip
import subprocess

import pyarrow as pa
import pyarrow.csv  # noqa: F401 (pa.csv)
import pyarrow.parquet as pq
import pytest

from conftest import INPUT_COLUMNS, REPO, USAGE_FIELDS, cells, expected_cells


def ec2type(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["cargo", "run", "-q", "-p", "ec2type", "--", "usage", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
    )


def decoded_rows(table: pa.Table) -> list[dict]:
    names = [f"ec2type_{name}" for name in USAGE_FIELDS]
    columns = {name: table.column(f"ec2type_{name}").to_pylist() for name in USAGE_FIELDS}
    assert table.column_names[-len(names):] == names
    return [{name: columns[name][i] for name in USAGE_FIELDS} for i in range(table.num_rows)]


def test_parquet_in_parquet_out(cur_parquet, cli_rows, tmp_path):
    out = tmp_path / "decoded.parquet"
    done = ec2type("--column", "line_item_usage_type", "--product-column", "line_item_product_code",
                   "--operation-column", "line_item_operation",
                   "--input", str(cur_parquet), "--output", str(out))
    # Two usage types in the sample do not decode: reported, exit 2, the file still whole.
    assert done.returncode == 2, done.stderr
    assert 'row 18: "hello world"' in done.stderr
    table = pq.read_table(out)
    source = pq.read_table(cur_parquet)
    assert table.num_rows == len(cli_rows)
    assert table.select(INPUT_COLUMNS).equals(source)
    assert table.schema.field("ec2type_vcpus").type == pa.int32()
    assert table.schema.field("ec2type_memory_mib").type == pa.int64()
    assert table.schema.field("ec2type_region_ambiguous").type == pa.bool_()
    for row, decoded in zip(cli_rows, decoded_rows(table)):
        if row["line_item_usage_type"] == "":
            # A null in Parquet: every decoded field null.
            assert all(v is None for v in decoded.values())
            continue
        assert cells(decoded) == expected_cells(row), row["line_item_usage_type"]


def test_parquet_in_csv_out(cur_parquet, cli_rows):
    done = ec2type("--column", "line_item_usage_type", "--product-column", "line_item_product_code",
                   "--operation-column", "line_item_operation",
                   "--input", str(cur_parquet))
    assert done.returncode == 2
    rows = list(csv.DictReader(done.stdout.splitlines()))
    assert len(rows) == len(cli_rows)
    for row, got in zip(cli_rows, rows):
        # The same cells as the CSV path writes (doubles as `16`, booleans as `false`).
        assert [got[f"ec2type_{name}"] for name in USAGE_FIELDS] == expected_cells(row), row["line_item_usage_type"]


def test_gzip_csv_in_parquet_out(cli_rows, tmp_path):
    source = (REPO / "tests" / "fixtures" / "cur-sample.csv").read_bytes()
    compressed = tmp_path / "cur.csv.gz"
    compressed.write_bytes(gzip.compress(source))
    out = tmp_path / "decoded.parquet"
    done = ec2type("--column", "line_item_usage_type", "--product-column", "line_item_product_code",
                   "--operation-column", "line_item_operation",
                   "--input", str(compressed), "--output", str(out))
    assert done.returncode == 2
    # The short and the long record are reported by line, as the CSV path does.
    assert "8 fields, the header has 7" in done.stderr
    table = pq.read_table(out)
    assert table.column_names[0] == "identity_line_item_id"  # the BOM is not part of the name
    for row, decoded in zip(cli_rows, decoded_rows(table)):
        assert cells(decoded) == expected_cells(row), row["line_item_usage_type"]


def test_missing_column_is_an_error_with_the_columns_there_are(cur_parquet, tmp_path):
    out = tmp_path / "never.parquet"
    done = ec2type("--column", "usage", "--input", str(cur_parquet), "--output", str(out))
    assert done.returncode == 2
    assert 'no column "usage" in the header' in done.stderr
    assert "(the header: identity_line_item_id," in done.stderr
    assert not out.exists()


def test_parquet_with_page_indexes_and_nested_columns(tmp_path):
    # CUR 2.0 keeps resource tags and cost categories as maps; some writers add page
    # indexes. Both are copied as they are, beside the decoded columns.
    source = tmp_path / "cur2.parquet"
    table = pa.table({
        "line_item_usage_type": pa.array(["USW2-BoxUsage:m5.large", None, "EBS:VolumeUsage.gp3"] * 1000),
        "resource_tags": pa.array([[("team", "platform")], [], None] * 1000, pa.map_(pa.string(), pa.string())),
        "line_item_usage_start_date": pa.array([0, 1, 2] * 1000, pa.timestamp("ms", tz="UTC")),
    })
    pq.write_table(table, source, row_group_size=700, write_page_index=True)
    out = tmp_path / "decoded.parquet"
    done = ec2type("--column", "line_item_usage_type", "--input", str(source), "--output", str(out))
    assert done.returncode == 0, done.stderr
    decoded = pq.read_table(out)
    assert decoded.select(table.column_names).equals(table)
    assert decoded.column("ec2type_region").to_pylist()[:3] == ["us-west-2", None, "us-east-1"]
    assert pq.ParquetFile(out).metadata.num_row_groups == pq.ParquetFile(source).metadata.num_row_groups


def test_dictionary_encoded_usage_types_with_one_product_for_all(tmp_path):
    # Bills store usage types dictionary-encoded: read so, each distinct one is decoded
    # once and every row keyed to it; nulls, repeats and rows that do not decode keep
    # their places, and --product applies one product code to every row.
    values = ["EU-DataTransfer-Out-Bytes", None, "hello world", "USW2-BoxUsage:m5.large"] * 500
    source = tmp_path / "bill.parquet"
    pq.write_table(pa.table({"usage": pa.array(values, pa.string())}), source, row_group_size=300)
    assert "RLE_DICTIONARY" in pq.ParquetFile(source).metadata.row_group(0).column(0).encodings
    for product, region, edge_zone in [(None, "eu-west-1", None), ("AmazonCloudFront", None, "Europe and Israel")]:
        out = tmp_path / f"decoded-{product}.parquet"
        args = ["--column", "usage", "--input", str(source), "--output", str(out)]
        done = ec2type(*args, *(["--product", product] if product else []))
        assert done.returncode == 2, done.stderr
        assert 'row 3: "hello world"' in done.stderr and "500 rows with problems (rows 3 to 1999)" in done.stderr
        decoded = pq.read_table(out)
        assert decoded.column("usage").to_pylist() == values
        assert decoded.column("ec2type_region").to_pylist()[:4] == [region, None, None, "us-west-2"]
        assert decoded.column("ec2type_edge_zone").to_pylist()[:4] == [edge_zone, None, None, None]
        errors = decoded.column("ec2type_error").to_pylist()
        assert [e is not None for e in errors] == [v == "hello world" for v in values]
        assert decoded.column("ec2type_vcpus").to_pylist()[3::4] == [2] * 500


def test_focus_exports_as_parquet(tmp_path):
    # AWS's FOCUS exports (tests/fixtures/focus/): the usage type is x_UsageType in FOCUS
    # 1.0 with AWS columns and SkuMeter in FOCUS 1.2. As Parquet (written here from the
    # CSV, every column a string but the costs), the decoded lines equal the CSV path's.
    import pyarrow.csv as pacsv

    for name, usage in [("focus-1.0-aws", "x_UsageType"), ("focus-1.2-aws", "SkuMeter")]:
        source = REPO / "tests" / "fixtures" / "focus" / f"{name}.csv"
        table = pacsv.read_csv(
            source,
            convert_options=pacsv.ConvertOptions(
                column_types={c: pa.string() for c in ["RegionId", "SkuId", "x_Operation", usage]},
                strings_can_be_null=True,
            ),
        )
        parquet = tmp_path / f"{name}.parquet"
        pq.write_table(table, parquet)
        columns = ["--column", usage, "--product-column", "x_ServiceCode", "--operation-column", "x_Operation"]
        out = tmp_path / f"{name}.decoded.parquet"
        done = ec2type(*columns, "--input", str(parquet), "--output", str(out))
        assert done.returncode == 0, done.stderr
        from_parquet = decoded_rows(pq.read_table(out))
        as_csv = ec2type(*columns, "--input", str(source))
        assert as_csv.returncode == 0, as_csv.stderr
        csv_rows = list(csv.DictReader(as_csv.stdout.splitlines()))
        assert len(from_parquet) == len(csv_rows) == 9
        for decoded, row in zip(from_parquet, csv_rows):
            assert cells(decoded) == [row[f"ec2type_{n}"] for n in USAGE_FIELDS], row[usage]
            assert (decoded["region"] or "") == row["RegionId"], row[usage]
        assert from_parquet[0]["os"] == "Windows" and from_parquet[0]["on_demand_usd_per_hour"] is None
        assert from_parquet[1]["on_demand_usd_per_hour"] == 0.096


def test_row_groups_decoded_on_every_core_stay_whole_and_in_order(tmp_path):
    # Row groups are decoded in threads of their own (each with its own file handle: clones
    # of one share an offset, and threads read each other's pages), written in order.
    values = [f"USW2-BoxUsage:{n}" for n in ("m5.large", "c5.xlarge", "r6g.2xlarge", "t3.micro")] * 50_000
    ids = list(range(len(values)))
    source = tmp_path / "many-groups.parquet"
    pq.write_table(pa.table({"id": ids, "line_item_usage_type": values}), source,
                   row_group_size=20_000, compression="zstd")
    out = tmp_path / "decoded.parquet"
    done = ec2type("--input", str(source), "--output", str(out))
    assert done.returncode == 0, done.stderr
    table = pq.read_table(out)
    assert pq.ParquetFile(out).metadata.num_row_groups == 10
    assert table.column("id").to_pylist() == ids
    assert table.column("ec2type_ec2_name").to_pylist() == [v.split(":")[1] for v in values]


@pytest.mark.parametrize("fixture", ["cur-costs.csv", "focus/focus-1.2-costs.csv"])
def test_what_lines_paid_in_every_form(tmp_path, fixture):
    # tests/fixtures/cur-costs.csv (CUR 2.0's cost columns, typed as Parquet types them)
    # and the same lines as a FOCUS 1.2 export: each form gives the coverage and
    # effective rate the CSV mode gives, by hand in crates/ec2type/src/usage/csv_stream.rs.
    source = REPO / "tests" / "fixtures" / fixture
    want = [("on-demand", 0.096), ("reserved", 0.06), ("savings-plan", 0.059), ("spot", 0.038),
            (None, None), (None, None), (None, None)]
    table = pa.csv.read_csv(source)
    parquet = tmp_path / "costs.parquet"
    pq.write_table(table, parquet, row_group_size=3)
    for args in (["--input", str(parquet), "--output", str(tmp_path / "a.parquet")],
                 ["--input", str(source), "--output", str(tmp_path / "b.parquet")]):
        done = ec2type(*args)
        assert done.returncode == 0, done.stderr
        out = pq.read_table(args[-1])
        got = list(zip(out.column("ec2type_coverage").to_pylist(),
                       out.column("ec2type_effective_usd_per_hour").to_pylist()))
        assert got == want, args
    done = ec2type("--input", str(parquet))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(done.stdout.splitlines()))
    got = [(r["ec2type_coverage"] or None, float(r["ec2type_effective_usd_per_hour"]) if r["ec2type_effective_usd_per_hour"] else None)
           for r in rows]
    assert got == want


def test_a_parquet_bill_is_the_csv_bill(tmp_path):
    # `ec2type bill` of tests/fixtures/cur-costs.csv written as Parquet by pyarrow
    # (numbers as doubles, as CUR 2.0's Parquet types them; row groups of 3), by path and
    # on stdin, gives the rows the CSV gives (checked by hand in commands/bill.rs).
    source = REPO / "tests" / "fixtures" / "cur-costs.csv"
    parquet = tmp_path / "costs.parquet"
    pq.write_table(pa.csv.read_csv(source), parquet, row_group_size=3)
    assert pq.read_schema(parquet).field("line_item_usage_amount").type == pa.float64()

    def bill(*args: str, stdin: bytes | None = None) -> str:
        done = subprocess.run(
            ["cargo", "run", "-q", "-p", "ec2type", "--", "bill", "--json", *args],
            cwd=REPO, capture_output=True, input=stdin,
        )
        assert done.returncode == 0, done.stderr.decode()
        return done.stdout.decode()

    want = bill(str(source))
    assert '"instance_type":"m5.large"' in want
    assert bill(str(parquet)) == want
    assert bill("-", stdin=parquet.read_bytes()) == want


def test_a_cur2_parquet_with_its_map_and_timestamp_columns(tmp_path):
    # CUR 2.0's Parquet holds `product` and `resource_tags` as maps and the usage start
    # as a timestamp (AWS's CUR 2.0 table dictionary): tests/fixtures/cur-commitments.csv
    # with those columns added, in row groups of 2. `bill` gives the CSV's rows; `usage`
    # copies the map columns as they are and adds what each line paid.
    import datetime

    source = REPO / "tests" / "fixtures" / "cur-commitments.csv"
    table = pa.csv.read_csv(source)
    rows = table.num_rows
    text_map = pa.map_(pa.string(), pa.string())
    product = pa.array([[("instance_type", "m5.large"), ("region", "eu-west-1")]] * rows, text_map)
    tags = pa.array([[("user:team", "a")]] * (rows - 1) + [None], text_map)
    start = pa.array([datetime.datetime(2026, 11, 1)] * rows, pa.timestamp("ms"))
    table = (table.append_column("product", product).append_column("resource_tags", tags)
             .append_column("line_item_usage_start_date", start))
    parquet = tmp_path / "cur2.parquet"
    pq.write_table(table, parquet, row_group_size=2)

    def run(*args: str) -> str:
        done = subprocess.run(["cargo", "run", "-q", "-p", "ec2type", "--", *args],
                              cwd=REPO, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert run("bill", "--json", str(parquet)) == run("bill", "--json", str(source))
    out = tmp_path / "out.parquet"
    run("usage", "--input", str(parquet), "--output", str(out))
    decoded = pq.read_table(out)
    assert decoded.column("product").to_pylist() == product.to_pylist()
    assert decoded.column("resource_tags").to_pylist() == tags.to_pylist()
    assert decoded.column("ec2type_coverage").to_pylist() == ["savings-plan", "on-demand", "reserved", None]
