"""Owned catalogues: the user's own AWS CLI output and prices, over the bundled snapshot or
over nothing, answering `decode_instance_type` in pyarrow, DuckDB and Polars."""

from __future__ import annotations

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.csv  # noqa: F401 (pa.csv)
import pytest

import ec2_instance_type as ec2
import ec2_instance_type.duckdb as ec2_duckdb
import ec2_instance_type.polars as ec2_pl
from conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "aws-cli"
# A type no snapshot knows: the fixture's m7g.xlarge under a new name.
TYPES = (FIXTURES / "describe-instance-types.json").read_text().replace('"m7g.xlarge"', '"m77g.xlarge"')
PRICES = (FIXTURES / "prices.csv").read_text().replace("m7g.xlarge", "m77g.xlarge")


def owned() -> ec2.Catalogue:
    return ec2.Catalogue.bundled().with_describe_instance_types(TYPES, "types.json").with_prices_csv(
        PRICES, "prices.csv"
    )


def test_a_new_type_and_its_price_come_from_the_users_data():
    names = pa.array(["m77g.xlarge", "m5.large", "db.m77g.xlarge"])
    bundled = ec2.decode_instance_type(names, "eu-west-1").to_pylist()
    mine = ec2.decode_instance_type(names, "eu-west-1", owned()).to_pylist()
    assert bundled[0]["in_catalogue"] is False and bundled[0]["vcpus"] is None
    assert (mine[0]["in_catalogue"], mine[0]["vcpus"], mine[0]["memory_mib"]) == (True, 4, 16384)
    assert (mine[0]["on_demand_usd_per_hour"], mine[0]["price_region"]) == (0.1824, "eu-west-1")
    assert mine[1]["on_demand_usd_per_hour"] == 0.107
    # A service name gets the EC2 type's specs, never EC2's price.
    assert mine[2]["vcpus"] == 4 and mine[2]["on_demand_usd_per_hour"] is None


def test_catalogues_are_values():
    bundled = ec2.Catalogue.bundled()
    mine = owned()
    assert "m77g.xlarge" in mine and "m77g.xlarge" not in bundled
    assert len(mine) == len(bundled) + 1
    empty = ec2.Catalogue.empty()
    assert len(empty) == 0
    only_mine = empty.with_describe_instance_types(TYPES, "types.json")
    assert len(only_mine) == 5 and len(empty) == 0
    assert repr(only_mine) == "<Catalogue of 5 instance types>"
    decoded = ec2.decode_instance_type(pa.array(["m5.large", "m6i.large"]), catalogue=only_mine)
    assert [d["in_catalogue"] for d in decoded.to_pylist()] == [True, False]


def test_bad_data_is_a_value_error_that_says_where():
    with pytest.raises(ValueError, match=r"^types\.json: line 1, column 21: record 1 of the document: \"m5\.xxlarge\": unknown size 'xxlarge', did you mean '2xlarge'$"):
        ec2.Catalogue.empty().with_describe_instance_types(
            '{"InstanceTypes": [{"InstanceType": "m5.xxlarge"}]}', "types.json"
        )
    with pytest.raises(ValueError, match=r"^prices\.csv: line 2: price \"cheap\" is not a positive number$"):
        ec2.Catalogue.empty().with_prices_csv(
            "region,instance_type,usd_per_hour\neu-west-1,m5.large,cheap\n", "prices.csv"
        )


def test_duckdb_and_polars_answer_from_the_catalogue_given():
    con = duckdb.connect()
    ec2_duckdb.register(con, catalogue=owned())
    row = con.execute("SELECT ec2_decode_instance_type('m77g.xlarge', 'eu-west-1').vcpus").fetchone()
    assert row == (4,)
    con.close()
    frame = pl.DataFrame({"name": ["m77g.xlarge"]})
    vcpus = frame.select(
        ec2_pl.decode_instance_type("name", "eu-west-1", owned()).struct.field("vcpus")
    ).to_series()
    assert vcpus.to_list() == [4]


def test_bill_lines_are_priced_from_the_catalogue_given_in_every_engine():
    # The user's prices are eu-west-1's: an eu-west-1 line gets one, a us-east-1 line of
    # the same new type none (never another region's), a Windows line none (Linux prices).
    usage = ["EU-BoxUsage:m77g.xlarge", "BoxUsage:m77g.xlarge", "EU-BoxUsage:m77g.xlarge"]
    operations = ["RunInstances", "RunInstances", "RunInstances:0002"]
    want = [0.1824, None, None]
    decoded = ec2.decode_usage_type(usage, None, operations, owned()).to_pylist()
    assert [row["on_demand_usd_per_hour"] for row in decoded] == want
    assert [row["os"] for row in decoded] == ["Linux", "Linux", "Windows"]
    con = duckdb.connect()
    ec2_duckdb.register(con, catalogue=owned())
    con.register("bill", pa.table({"u": usage, "o": operations}))
    prices = con.execute(
        "SELECT ec2_decode_bill_line(u, 'AmazonEC2', o).on_demand_usd_per_hour FROM bill"
    ).fetchall()
    assert [p for (p,) in prices] == want
    con.close()
    frame = pl.DataFrame({"u": usage, "o": operations})
    polars_prices = frame.select(
        ec2_pl.decode_usage_type("u", None, "o", owned()).struct.field("on_demand_usd_per_hour")
    ).to_series()
    assert polars_prices.to_list() == want


def test_any_file_ec2type_reads_is_read_by_content():
    # AWS's offer file as JSON (index.json), recognised by its content and streamed: the
    # Windows line of eu-west-1 gets the file's Windows price.
    offer = REPO / "tests" / "fixtures" / "price-list" / "offer-eu-west-1.json"
    catalogue = ec2.Catalogue.bundled().with_file(offer)
    decoded = ec2.decode_usage_type(
        ["EU-BoxUsage:m5.large", "EU-BoxUsage:m5.large"], None, ["RunInstances:0002", "RunInstances"], catalogue
    ).to_pylist()
    assert [row["on_demand_usd_per_hour"] for row in decoded] == [0.199, 0.107]
    assert decoded[0]["price_source"] == "offer-eu-west-1.json, published 2025-09-12T22:53:08Z"
    with pytest.raises(ValueError, match="offer-eu-west-1.csv.missing: No such file"):
        ec2.Catalogue.bundled().with_file(REPO / "tests" / "fixtures" / "price-list" / "offer-eu-west-1.csv.missing")


def test_instance_types_take_a_region_per_row():
    names = ["m77g.xlarge", "m77g.xlarge", "m77g.xlarge"]
    regions = ["eu-west-1", "us-east-1", "eu-wset-1"]
    decoded = ec2.decode_instance_type(names, pa.array(regions), owned()).to_pylist()
    assert [row["on_demand_usd_per_hour"] for row in decoded[:2]] == [0.1824, None]
    assert decoded[2]["error"].startswith("region: ") and "eu-west-1" in decoded[2]["error"]
    con = duckdb.connect()
    ec2_duckdb.register(con, catalogue=owned())
    con.register("t", pa.table({"name": names[:2], "region": regions[:2]}))
    rows = con.execute("SELECT ec2_decode_instance_type(name, region).price_region FROM t").fetchall()
    assert rows == [("eu-west-1",), (None,)]
    con.close()
    frame = pl.DataFrame({"name": names[:2], "region": regions[:2]})
    price_regions = frame.select(
        ec2_pl.decode_instance_type("name", pl.col("region"), owned()).struct.field("price_region")
    ).to_series()
    assert price_regions.to_list() == ["eu-west-1", None]


def test_the_docs_list_every_field_of_the_one_definition():
    names = [name for name, _, _ in ec2.usage_type_fields()]
    assert names == [field.name for field in ec2.usage_type_struct()]
    for name, arrow_type, doc in ec2.usage_type_fields():
        assert f"``{name}`` ({arrow_type}): {doc}" in ec2.decode_usage_type.__doc__


def test_what_lines_paid_from_the_reports_cost_columns():
    # CUR 2.0's cost columns beside the usage types (tests/fixtures/cur-costs.csv's first
    # four lines): coverage and effective rate, beside the on-demand price.
    decoded = ec2.decode_usage_type(
        ["BoxUsage:m5.large", "BoxUsage:m5.large", "BoxUsage:c5.large", "SpotUsage:c5.large"],
        line_item_types=["Usage", "DiscountedUsage", "SavingsPlanCoveredUsage", "Usage"],
        usage_amounts=[10.0, 24.0, 10.0, 5.0],
        unblended_costs=[0.96, 0.0, 0.85, 0.19],
        reservation_effective_costs=[None, 1.44, None, None],
        savings_plan_effective_costs=[None, None, 0.59, None],
    ).to_pylist()
    assert [row["coverage"] for row in decoded] == ["on-demand", "reserved", "savings-plan", "spot"]
    rates = [row["effective_usd_per_hour"] for row in decoded]
    assert rates == pytest.approx([0.096, 0.06, 0.059, 0.038])
    assert decoded[0]["on_demand_usd_per_hour"] == 0.096
    # Without cost columns the fields are null, never a guess.
    plain = ec2.decode_usage_type(["BoxUsage:m5.large"]).to_pylist()[0]
    assert (plain["coverage"], plain["effective_usd_per_hour"]) == (None, None)


def test_what_lines_paid_in_duckdb_and_polars():
    # The same report columns through DuckDB's ec2_decode_bill_line_paid and Polars.
    source = REPO / "tests" / "fixtures" / "cur-costs.csv"
    want = [("on-demand", 0.096), ("reserved", 0.06), ("savings-plan", 0.059), ("spot", 0.038),
            (None, None), (None, None), (None, None)]
    con = duckdb.connect()
    ec2_duckdb.register(con)
    rows = con.execute(
        f"""SELECT l.coverage, l.effective_usd_per_hour FROM (
              SELECT ec2_decode_bill_line_paid(line_item_usage_type, line_item_product_code,
                line_item_operation, line_item_line_item_type, line_item_usage_amount,
                line_item_unblended_cost, reservation_effective_cost,
                savings_plan_savings_plan_effective_cost) AS l, identity_line_item_id AS id
              FROM read_csv('{source}')) ORDER BY id"""
    ).fetchall()
    con.close()
    assert [(c, None if r is None else round(r, 6)) for c, r in rows] == want
    frame = pl.read_csv(source)
    paid = frame.select(
        ec2_pl.decode_usage_type(
            "line_item_usage_type",
            "line_item_product_code",
            "line_item_operation",
            line_item_types="line_item_line_item_type",
            usage_amounts="line_item_usage_amount",
            unblended_costs="line_item_unblended_cost",
            reservation_effective_costs="reservation_effective_cost",
            savings_plan_effective_costs="savings_plan_savings_plan_effective_cost",
        ).alias("l")
    ).unnest("l")
    got = [(c, None if r is None else round(r, 6))
           for c, r in zip(paid["coverage"].to_list(), paid["effective_usd_per_hour"].to_list())]
    assert got == want


def test_commitment_rates_from_aws_files():
    # The Savings Plans and offer-file fixtures (tests/fixtures/price-list/, shapes from
    # AWS's files): m5.large in eu-west-1, Linux, shared, by hand.
    fixtures = REPO / "tests" / "fixtures" / "price-list"
    catalogue = (ec2.Catalogue.bundled()
                 .with_file(fixtures / "offer-eu-west-1.csv")
                 .with_file(fixtures / "savings-plans-eu-west-1.csv"))
    rates = {r["commitment"]: r for r in catalogue.commitment_rates("m5.large", "eu-west-1")}
    compute = rates["sp-compute-1yr-no-upfront"]
    assert (compute["kind"], compute["term_years"], compute["payment"]) == (
        "compute-savings-plan", 1, "no-upfront")
    assert (compute["hourly_usd"], compute["upfront_usd"]) == (0.077, None)
    # Against eu-west-1's on-demand $0.107: (0.107 - 0.077) / 0.107.
    assert compute["saving_percent"] == pytest.approx(28.037, abs=1e-3)
    partial = rates["ri-standard-1yr-partial-upfront"]
    assert (partial["hourly_usd"], partial["upfront_usd"]) == (0.032, 280.0)
    assert partial["effective_usd_per_hour"] == pytest.approx(0.032 + 280 / 8760)
    assert "savings-plans-eu-west-1.csv" in compute["source"]
    # Windows has its own rate; a region without rates has none; the bundled catalogue none.
    windows = catalogue.commitment_rates("m5.large", "eu-west-1", os="Windows")
    assert [r["hourly_usd"] for r in windows if r["commitment"] == "sp-compute-1yr-no-upfront"] == [0.169]
    assert catalogue.commitment_rates("m5.large", "us-east-1") == []
    assert ec2.Catalogue.bundled().commitment_rates("m5.large", "eu-west-1") == []
    with pytest.raises(KeyError, match="m5.huge"):
        catalogue.commitment_rates("m5.huge", "eu-west-1")
    with pytest.raises(ValueError):
        catalogue.commitment_rates("m5.large", "eu-west-9x")


def test_what_focus_lines_paid():
    # tests/fixtures/focus/focus-1.2-costs.csv: the line item types its charge columns
    # stand for, and through decode_usage_type the CUR fixture's coverage and rates.
    source = REPO / "tests" / "fixtures" / "focus" / "focus-1.2-costs.csv"
    focus = pa.csv.read_csv(source, convert_options=pa.csv.ConvertOptions(strings_can_be_null=True))
    types = ec2.focus_line_item_types(
        focus["ChargeCategory"], focus["PricingCategory"], focus["CommitmentDiscountStatus"],
        focus["CommitmentDiscountId"],
    )
    assert types.to_pylist() == ["Usage", "DiscountedUsage", "SavingsPlanCoveredUsage", "Usage",
                                 None, None, "Usage"]
    cost = focus["EffectiveCost"]
    decoded = ec2.decode_usage_type(
        focus["SkuMeter"], focus["x_ServiceCode"], focus["x_Operation"],
        line_item_types=types, usage_amounts=focus["ConsumedQuantity"], unblended_costs=cost,
        reservation_effective_costs=cost, savings_plan_effective_costs=cost,
    ).to_pylist()
    got = [(r["coverage"], None if r["effective_usd_per_hour"] is None
            else round(r["effective_usd_per_hour"], 6)) for r in decoded]
    assert got == [("on-demand", 0.096), ("reserved", 0.06), ("savings-plan", 0.059),
                   ("spot", 0.038), (None, None), (None, None), (None, None)]
    # The same in DuckDB, the line item type from ec2_focus_line_item_type.
    con = duckdb.connect()
    ec2_duckdb.register(con)
    rows = con.execute(
        f"""SELECT l.coverage, round(l.effective_usd_per_hour, 6) FROM (
              SELECT ec2_decode_bill_line_paid(SkuMeter, x_ServiceCode, x_Operation,
                ec2_focus_line_item_type(ChargeCategory, PricingCategory,
                  CommitmentDiscountStatus, CommitmentDiscountId, NULL),
                ConsumedQuantity, EffectiveCost, EffectiveCost, EffectiveCost) AS l,
                row_number() OVER () AS n
              FROM read_csv('{source}')) ORDER BY n"""
    ).fetchall()
    con.close()
    assert rows == got
