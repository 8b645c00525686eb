"""Polars: expressions that decode a column into a struct column.

>>> import polars as pl
>>> from ec2_instance_type import polars as ec2_pl
>>> frame = pl.DataFrame({"line_item_usage_type": ["USW2-BoxUsage:m5.large", None]})
>>> frame.select(ec2_pl.decode_usage_type("line_item_usage_type").struct.field("region")).to_series().to_list()
['us-west-2', None]
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from . import decode_instance_type as _decode_instance_type
from . import decode_usage_type as _decode_usage_type
from . import instance_type_struct, usage_type_struct

__all__ = ["decode_usage_type", "decode_instance_type"]


def _expr(column: Any) -> Any:
    import polars as pl

    return pl.col(column) if isinstance(column, str) else column


def _dtype(arrow_type: pa.DataType) -> Any:
    import polars as pl

    return pl.from_arrow(pa.array([], type=arrow_type)).dtype


def _series(decoded: pa.Array | pa.ChunkedArray) -> Any:
    import polars as pl

    return pl.from_arrow(decoded)


def decode_usage_type(column: Any, product_codes: Any = None) -> Any:
    """A struct expression of the usage types in ``column`` (a name or an expression),
    with the product code of each row from ``product_codes`` where given."""
    import polars as pl

    dtype = _dtype(usage_type_struct())
    if product_codes is None:
        return _expr(column).map_batches(
            lambda s: _series(_decode_usage_type(s.to_arrow())),
            return_dtype=dtype,
            is_elementwise=True,
        )
    return pl.map_batches(
        [_expr(column), _expr(product_codes)],
        lambda s: _series(_decode_usage_type(s[0].to_arrow(), s[1].to_arrow())),
        return_dtype=dtype,
        is_elementwise=True,
    )


def decode_instance_type(column: Any, region: str = "us-east-1", catalogue: Any = None) -> Any:
    """A struct expression of the instance type names in ``column``, with the on-demand
    Linux prices of ``region``, from ``catalogue`` (an ``ec2_instance_type.Catalogue``; the
    bundled one when ``None``)."""
    return _expr(column).map_batches(
        lambda s: _series(_decode_instance_type(s.to_arrow(), region, catalogue)),
        return_dtype=_dtype(instance_type_struct()),
        is_elementwise=True,
    )
