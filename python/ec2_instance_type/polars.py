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


_COSTS = (
    "line_item_types",
    "usage_amounts",
    "unblended_costs",
    "reservation_effective_costs",
    "savings_plan_effective_costs",
)


def decode_usage_type(
    column: Any, product_codes: Any = None, operations: Any = None, catalogue: Any = None, **costs: Any
) -> Any:
    """A struct expression of the bill lines in ``column`` (a name or an expression), with
    the product code and operation of each row from ``product_codes`` and ``operations``
    where given, answered from ``catalogue`` (the bundled one when ``None``). A report's
    cost columns as keyword arguments (``line_item_types``, ``usage_amounts``,
    ``unblended_costs``, ``reservation_effective_costs``, ``savings_plan_effective_costs``:
    names or expressions) fill what each line paid."""
    import polars as pl

    unknown = set(costs) - set(_COSTS)
    if unknown:
        raise TypeError(f"unexpected keyword arguments {sorted(unknown)}: expected {', '.join(_COSTS)}")
    dtype = _dtype(usage_type_struct())
    given = [("product_codes", product_codes), ("operations", operations)] + [
        (name, costs[name]) for name in _COSTS if costs.get(name) is not None
    ]
    given = [(name, c) for name, c in given if c is not None]

    def decode(series: list[Any]) -> Any:
        arrays = dict(zip([name for name, _ in given], (s.to_arrow() for s in series[1:])))
        products = arrays.pop("product_codes", None)
        ops = arrays.pop("operations", None)
        return _series(_decode_usage_type(series[0].to_arrow(), products, ops, catalogue, **arrays))

    return pl.map_batches(
        [_expr(column), *(_expr(c) for _, c in given)],
        decode,
        return_dtype=dtype,
        is_elementwise=True,
    )


def decode_instance_type(column: Any, region: Any = "us-east-1", catalogue: Any = None) -> Any:
    """A struct expression of the instance type names in ``column``, with the on-demand
    Linux prices of ``region``: a region code (a ``str``), or an expression of one per row
    (``pl.col("region")``); from ``catalogue`` (an ``ec2_instance_type.Catalogue``; the
    bundled one when ``None``)."""
    import polars as pl

    dtype = _dtype(instance_type_struct())
    if isinstance(region, str):
        return _expr(column).map_batches(
            lambda s: _series(_decode_instance_type(s.to_arrow(), region, catalogue)),
            return_dtype=dtype,
            is_elementwise=True,
        )
    return pl.map_batches(
        [_expr(column), region],
        lambda s: _series(_decode_instance_type(s[0].to_arrow(), s[1].to_arrow(), catalogue)),
        return_dtype=dtype,
        is_elementwise=True,
    )
