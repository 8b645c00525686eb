"""The engines themselves, over a Parquet file with CUR 2.0 column names: DuckDB and
Polars in process, Spark in a local[2] session; each compared with the CLI's decoding of
the same rows."""

from __future__ import annotations

import os
import sys

import pyarrow as pa
import pytest

import ec2_instance_type as ec2
from conftest import REPO, USAGE_FIELDS, cells, expected_cells


def test_duckdb_sql_over_parquet(cur_parquet, cli_rows):
    duckdb = pytest.importorskip("duckdb")
    from ec2_instance_type import duckdb as ec2_duckdb

    con = duckdb.connect()
    ec2_duckdb.register(con)
    rows = con.execute(
        f"""SELECT ec2_decode_bill_line(line_item_usage_type, line_item_product_code, line_item_operation) AS d,
                   ec2_decode_instance_type(product_instance_type, NULL) AS i
            FROM read_parquet('{cur_parquet}') ORDER BY CAST(identity_line_item_id AS INTEGER)"""
    ).fetchall()
    assert len(rows) == len(cli_rows)
    for row, (decoded, instance) in zip(cli_rows, rows):
        assert cells(decoded) == expected_cells(row), row["line_item_usage_type"]
        if row["product_instance_type"]:
            assert instance["ec2_name"] is not None or instance["error"] is not None
        else:
            assert instance is None
    # A filter in SQL on a decoded field.
    hours = con.execute(
        f"""SELECT sum(ec2_decode_usage_type(line_item_usage_type).vcpus)
            FROM read_parquet('{cur_parquet}')
            WHERE ec2_decode_usage_type(line_item_usage_type).charge = 'instance-hours'"""
    ).fetchone()[0]
    assert hours == sum(int(r["ec2type_vcpus"] or 0) for r in cli_rows if r["ec2type_charge"] == "instance-hours")
    con.close()


def test_polars_expressions_over_parquet(cur_parquet, cli_rows):
    pl = pytest.importorskip("polars")
    from ec2_instance_type import polars as ec2_pl

    frame = (
        pl.scan_parquet(cur_parquet)
        .with_columns(
            ec2_pl.decode_usage_type("line_item_usage_type", "line_item_product_code", "line_item_operation").alias("d"),
            ec2_pl.decode_instance_type("product_instance_type").alias("i"),
        )
        .collect()
    )
    assert frame.height == len(cli_rows)
    assert frame.schema["d"] == pl.from_arrow(pa.array([], ec2.usage_type_struct())).dtype
    for row, decoded in zip(cli_rows, frame["d"].to_list()):
        assert cells(decoded) == expected_cells(row), row["line_item_usage_type"]
    # Polars hands string views to the kernel: the same answers as plain strings.
    families = frame.select(pl.col("i").struct.field("family")).to_series().to_list()
    assert families[0] == "m2"


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # The workers run this interpreter (the virtualenv with the package), not python3.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("ec2-instance-type-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.mark.parametrize("use_arrow", [True, False], ids=["arrow_udf", "pandas_udf"])
def test_spark_sql_functions_over_parquet(spark, cur_parquet, cli_rows, use_arrow):
    from ec2_instance_type import spark as ec2_spark

    ec2_spark.register(spark, use_arrow=use_arrow)
    spark.read.parquet(str(cur_parquet)).repartition(2).createOrReplaceTempView("cur")
    rows = spark.sql(
        """SELECT identity_line_item_id,
                  ec2_decode_bill_line(line_item_usage_type, line_item_product_code, line_item_operation) AS d,
                  ec2_decode_usage_type(line_item_usage_type).instance_type AS instance_type,
                  ec2_decode_instance_type(product_instance_type, NULL).vcpus AS vcpus
           FROM cur"""
    ).collect()
    by_id = {r["identity_line_item_id"]: r for r in rows}
    assert len(by_id) == len(cli_rows)
    for row in cli_rows:
        got = by_id[row["identity_line_item_id"]]
        decoded = got["d"].asDict() if got["d"] is not None else None
        if decoded is not None and not use_arrow and row["line_item_usage_type"] == "":
            # pandas UDFs cannot return a null struct: a struct of nulls instead.
            assert all(v is None for v in decoded.values())
            continue
        assert cells(decoded) == expected_cells(row), row["line_item_usage_type"]
        assert (got["instance_type"] or "") == row["ec2type_instance_type"]
    sizes = spark.sql(
        "SELECT ec2_decode_instance_type('p3dn.24xlarge', 'us-east-1').vcpus AS v, ec2_decode_usage_type('USW2-BoxUsage:m5.large').region AS r"
    ).collect()[0]
    assert (sizes["v"], sizes["r"]) == (96, "us-west-2")


@pytest.mark.parametrize("use_arrow", [True, False], ids=["arrow_udf", "pandas_udf"])
def test_spark_what_lines_paid(spark, use_arrow):
    # tests/fixtures/cur-costs.csv through ec2_decode_bill_line_paid: the coverage and
    # effective rate the CLI and the other engines give (by hand in
    # crates/ec2type/src/usage/csv_stream.rs).
    from ec2_instance_type import spark as ec2_spark

    ec2_spark.register(spark, use_arrow=use_arrow)
    source = REPO / "tests" / "fixtures" / "cur-costs.csv"
    spark.read.csv(str(source), header=True, inferSchema=True).createOrReplaceTempView("costs")
    rows = spark.sql(
        """SELECT identity_line_item_id AS id, ec2_decode_bill_line_paid(
                  line_item_usage_type, line_item_product_code, line_item_operation,
                  line_item_line_item_type, line_item_usage_amount, line_item_unblended_cost,
                  reservation_effective_cost, savings_plan_savings_plan_effective_cost) AS l
           FROM costs ORDER BY id"""
    ).collect()
    got = [(r["l"]["coverage"], None if r["l"]["effective_usd_per_hour"] is None
            else round(r["l"]["effective_usd_per_hour"], 6)) for r in rows]
    assert got == [("on-demand", 0.096), ("reserved", 0.06), ("savings-plan", 0.059),
                   ("spot", 0.038), (None, None), (None, None), (None, None)]
