"""Arrow data from nanoarrow (the Arrow project's minimal C library, over the PyCapsule
interface): its arrays and its chunked `Array`, which offers `__arrow_c_array__` as well
as `__arrow_c_stream__` and refuses the first when it holds several chunks."""

from __future__ import annotations

import nanoarrow as na
import pyarrow as pa
from nanoarrow.c_array_stream import CArrayStream

import ec2_instance_type as ec2

SAMPLE = ["USW2-BoxUsage:m5.large", None, "EU-DataTransfer-Out-Bytes", "hello world"]


def test_nanoarrow_arrays_decode_as_pyarrow_ones_do():
    expected = ec2.decode_usage_type(pa.array(SAMPLE, pa.string())).to_pylist()
    # (nanoarrow 0.9.0 builds no string_view array from a list: its builder crashes the
    # process, without this package involved.)
    for data_type in [na.string(), na.large_string()]:
        for values in [na.c_array(SAMPLE, data_type), na.Array(SAMPLE, data_type)]:
            decoded = ec2.decode_usage_type(values)
            assert isinstance(decoded, pa.StructArray)
            assert decoded.to_pylist() == expected, data_type
    assert expected[0]["region"] == "us-west-2" and expected[1] is None


def test_nanoarrow_chunked_arrays_are_read_as_streams():
    chunks = [na.c_array(SAMPLE[:1], na.string()), na.c_array(SAMPLE[1:], na.string())]
    values = na.Array(CArrayStream.from_c_arrays(chunks, na.c_schema(na.string())))
    assert values.n_chunks == 2
    decoded = ec2.decode_usage_type(values, product_codes=pa.chunked_array([["AmazonEC2"], ["AmazonEC2"] * 3]))
    assert isinstance(decoded, pa.ChunkedArray)
    assert [len(c) for c in decoded.chunks] == [1, len(SAMPLE) - 1]
    assert decoded.to_pylist() == ec2.decode_usage_type(pa.array(SAMPLE), pa.array(["AmazonEC2"] * 4)).to_pylist()
    names = na.Array(CArrayStream.from_c_arrays(
        [na.c_array(["m5.large"], na.string()), na.c_array(["db.r6g.large"], na.string())],
        na.c_schema(na.string()),
    ))
    assert [t["family"] for t in ec2.decode_instance_type(names).to_pylist()] == ["m5", "r6g"]
