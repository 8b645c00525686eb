"""The package through pyarrow (and pandas): every string layout, chunked arrays, nulls,
and the CLI's own answers for the same text."""

from __future__ import annotations

import pyarrow as pa
import pytest

import ec2_instance_type as ec2
from conftest import REPO, USAGE_FIELDS, cells, cli_json_lines, expected_cells

SAMPLE = [
    "USW2-BoxUsage:m5.large",
    None,
    "APN1-InstanceUsage:db.r5.2xl",
    "",
    "EU-DataTransfer-Out-Bytes",
    "hello world",
    "USW2-BoxUsage:m5.large",
]

LAYOUTS = {
    "string": lambda v: pa.array(v, pa.string()),
    "large_string": lambda v: pa.array(v, pa.large_string()),
    "string_view": lambda v: pa.array(v, pa.string_view()),
    "dictionary<int8, string>": lambda v: pa.array(v, pa.string()).dictionary_encode().cast(
        pa.dictionary(pa.int8(), pa.string())
    ),
    "dictionary<int32, large_string>": lambda v: pa.array(v, pa.large_string()).dictionary_encode(),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_string_layout_decodes_alike(layout):
    expected = ec2.decode_usage_type(pa.array(SAMPLE, pa.string()))
    decoded = ec2.decode_usage_type(LAYOUTS[layout](SAMPLE))
    assert isinstance(decoded, pa.StructArray)
    assert decoded.type == ec2.usage_type_struct()
    assert decoded.to_pylist() == expected.to_pylist()
    assert [v is None for v in decoded.to_pylist()] == [v is None for v in SAMPLE]


def test_chunked_in_chunked_out():
    chunked = pa.chunked_array([SAMPLE[:3], SAMPLE[3:], []], pa.string())
    decoded = ec2.decode_usage_type(chunked)
    assert isinstance(decoded, pa.ChunkedArray)
    assert [len(c) for c in decoded.chunks] == [3, len(SAMPLE) - 3, 0]
    assert decoded.to_pylist() == ec2.decode_usage_type(pa.array(SAMPLE)).to_pylist()


def test_product_codes_with_chunks_that_do_not_line_up():
    usage = pa.chunked_array([["EU-DataTransfer-Out-Bytes"], ["EU-DataTransfer-Out-Bytes"] * 2])
    products = pa.chunked_array([["AmazonCloudFront", "AmazonEC2"], [None]])
    decoded = ec2.decode_usage_type(usage, products).to_pylist()
    assert [d["edge_zone"] for d in decoded] == ["Europe and Israel", None, None]
    assert [d["region"] for d in decoded] == [None, "eu-west-1", "eu-west-1"]
    with pytest.raises(TypeError, match="product codes for"):
        ec2.decode_usage_type(pa.array(["BoxUsage:m5.large"]), pa.array(["a", "b"]))


def test_plain_python_and_pandas_inputs():
    pd = pytest.importorskip("pandas")
    series = pd.Series(["BoxUsage:t3.micro", None])
    assert ec2.decode_usage_type(series).field("vcpus").to_pylist() == [2, None]
    assert ec2.decode_usage_type(["BoxUsage:t3.micro"]).field("family").to_pylist() == ["t3"]
    frame = ec2.decode_instance_type(pd.Series(["m5.large"])).flatten()
    assert frame[ec2.instance_type_struct().get_field_index("vcpus")].to_pylist() == [2]


def test_bad_input_is_a_clear_error():
    with pytest.raises(TypeError, match="expected strings .* found Int64"):
        ec2.decode_usage_type(pa.array([1, 2]))
    with pytest.raises(ValueError, match="did you mean 'eu-west-1'"):
        ec2.decode_instance_type(["m5.large"], region="eu-wset-1")


def test_usage_types_match_the_cli_csv(cli_rows):
    usage = pa.array([row["line_item_usage_type"] for row in cli_rows], pa.string())
    products = pa.array([row["line_item_product_code"] or None for row in cli_rows], pa.string())
    operations = pa.array([row["line_item_operation"] or None for row in cli_rows], pa.string())
    decoded = ec2.decode_usage_type(usage, products, operations).to_pylist()
    assert len(decoded) == len(cli_rows) > 10
    for row, value in zip(cli_rows, decoded):
        assert cells(value) == expected_cells(row), row["line_item_usage_type"]


def test_usage_types_match_the_cli_json():
    texts = [
        "USW2-BoxUsage:m5.large",
        "APS1-Kafka.m5.large",
        "InstanceUsage:db.m5.4xl",
        "EUC1-HeavyUsage:r4.xlarge.elasticsearch",
        "USE2-DedicatedUsage:c5.metal",
        "XYZ9-SpotUsage:c5.large",
        "EU-CloudFront-Out-Bytes",
        "Global-SoftwareUsage:Contracts",
        "APN1-Node:ra3.4xlarge",
        "EBS:VolumeUsage.gp3",
    ]
    from_cli = cli_json_lines("usage", "--json", *texts)
    decoded = ec2.decode_usage_type(texts).to_pylist()
    assert len(from_cli) == len(texts)
    for cli, value in zip(from_cli, decoded):
        for name in USAGE_FIELDS:
            if name != "error":
                assert value[name] == cli[name], (cli["usage_type"], name)


def test_every_catalogue_name_matches_the_cli_decode():
    names = [line.split(",")[0] for line in (REPO / "data" / "instance-types.csv").read_text().splitlines()[1:]]
    names += ["db.r6g.large", "cache.t4g.micro", "ml.p4d.24xlarge", "r6g.large.search", "zz9.large"]
    from_cli = cli_json_lines("decode", "--json", *names)
    decoded = ec2.decode_instance_type(names).to_pylist()
    assert len(from_cli) == len(decoded) == len(names)
    for cli, value in zip(from_cli, decoded):
        for name in ["service", "ec2_name", "family", "series", "generation", "capabilities", "options", "processor", "size", "normalization_factor"]:
            assert value[name] == cli[name], (cli["input"], name)
        assert value["in_catalogue"] == (cli["input"] != "zz9.large")


@pytest.mark.parametrize("module", ["ec2_instance_type", "ec2_instance_type.duckdb", "ec2_instance_type.polars"])
def test_docstring_examples(module):
    import doctest
    import importlib

    failed, attempted = doctest.testmod(importlib.import_module(module))
    assert attempted > 0 and failed == 0
