"""Arrow data from a producer other than pyarrow: arro3 (a minimal Arrow library over the
Arrow PyCapsule interface) hands its arrays and chunked arrays over by
`__arrow_c_array__` and `__arrow_c_stream__` only."""

from __future__ import annotations

import pyarrow as pa

import ec2_instance_type as ec2
from arro3.core import Array, ChunkedArray, DataType

SAMPLE = ["USW2-BoxUsage:m5.large", None, "EU-DataTransfer-Out-Bytes", "hello world"]


def test_arro3_arrays_decode_as_pyarrow_ones_do():
    expected = ec2.decode_usage_type(pa.array(SAMPLE, pa.string())).to_pylist()
    for data_type in [DataType.string(), DataType.large_string(), DataType.string_view()]:
        decoded = ec2.decode_usage_type(Array(SAMPLE, data_type))
        assert isinstance(decoded, pa.StructArray)
        assert decoded.to_pylist() == expected, data_type
    assert decoded.to_pylist()[0]["region"] == "us-west-2"
    assert decoded.to_pylist()[1] is None


def test_arro3_chunked_arrays_keep_their_chunks():
    chunks = [Array(SAMPLE[:1], DataType.string()), Array(SAMPLE[1:], DataType.string())]
    decoded = ec2.decode_usage_type(ChunkedArray(chunks))
    assert isinstance(decoded, pa.ChunkedArray)
    assert [len(c) for c in decoded.chunks] == [1, len(SAMPLE) - 1]
    types = ec2.decode_instance_type(ChunkedArray([Array(["m5.large", "db.r6g.large"], DataType.string())]))
    assert [t["family"] for t in types.to_pylist()] == ["m5", "r6g"]
