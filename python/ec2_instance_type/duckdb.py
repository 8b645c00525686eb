"""DuckDB: ``register(con)`` makes the decoders SQL functions of a connection, as Arrow
UDFs (DuckDB hands them whole vectors as Arrow arrays).

>>> import duckdb
>>> from ec2_instance_type import duckdb as ec2_duckdb
>>> con = duckdb.connect()
>>> ec2_duckdb.register(con)
>>> con.execute("SELECT ec2_decode_usage_type('USW2-BoxUsage:m5.large').region").fetchone()
('us-west-2',)

Functions: ``ec2_decode_usage_type(usage_type)``,
``ec2_decode_usage_type_for_product(usage_type, product_code)``,
``ec2_decode_bill_line(usage_type, product_code, operation)`` (the line's OS from its
operation, and its price), ``ec2_decode_bill_line_paid(usage_type, product_code,
operation, line_item_type, usage_amount, unblended_cost, reservation_effective_cost,
savings_plan_effective_cost)`` (and what the line paid: ``coverage``,
``effective_usd_per_hour``), ``ec2_focus_line_item_type(charge_category,
pricing_category, commitment_discount_status, commitment_discount_id,
commitment_discount_type)`` (the CUR line item type a FOCUS row stands for, to give
``ec2_decode_bill_line_paid``), ``ec2_decode_instance_type(instance_type, region)``
(prices of each row's region; NULL: us-east-1).
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from . import (
    decode_instance_type,
    decode_usage_type,
    focus_line_item_types,
    instance_type_struct,
    usage_type_struct,
)

__all__ = ["register", "duckdb_type"]


def duckdb_type(arrow_type: pa.DataType) -> str:
    """The DuckDB SQL type of an Arrow type the decoders return."""
    if pa.types.is_struct(arrow_type):
        fields = ", ".join(f'"{f.name}" {duckdb_type(f.type)}' for f in arrow_type)
        return f"STRUCT({fields})"
    if pa.types.is_list(arrow_type):
        return f"{duckdb_type(arrow_type.value_type)}[]"
    simple = {
        pa.string(): "VARCHAR",
        pa.bool_(): "BOOLEAN",
        pa.float64(): "DOUBLE",
        pa.int32(): "INTEGER",
        pa.int64(): "BIGINT",
    }
    return simple[arrow_type]


def register(con: Any, *, catalogue: Any = None) -> None:
    """Registers ``ec2_decode_usage_type``, ``ec2_decode_usage_type_for_product``,
    ``ec2_decode_bill_line`` and ``ec2_decode_instance_type`` on ``con`` (a
    ``duckdb.DuckDBPyConnection``), answering from ``catalogue`` (an
    ``ec2_instance_type.Catalogue``; the bundled one when ``None``)."""
    import duckdb

    usage = duckdb.sqltype(duckdb_type(usage_type_struct()))
    instance = duckdb.sqltype(duckdb_type(instance_type_struct()))
    text = duckdb.sqltype("VARCHAR")
    double = duckdb.sqltype("DOUBLE")

    def paid(u: Any, p: Any, o: Any, kind: Any, hours: Any, cost: Any, ri: Any, sp: Any) -> Any:
        return decode_usage_type(
            u,
            p,
            o,
            catalogue=catalogue,
            line_item_types=kind,
            usage_amounts=hours,
            unblended_costs=cost,
            reservation_effective_costs=ri,
            savings_plan_effective_costs=sp,
        )

    functions = {
        "ec2_decode_usage_type": (lambda u: decode_usage_type(u, catalogue=catalogue), [text], usage),
        "ec2_decode_usage_type_for_product": (
            lambda u, p: decode_usage_type(u, p, catalogue=catalogue),
            [text] * 2,
            usage,
        ),
        "ec2_decode_bill_line": (
            lambda u, p, o: decode_usage_type(u, p, o, catalogue=catalogue),
            [text] * 3,
            usage,
        ),
        "ec2_decode_bill_line_paid": (paid, [text] * 4 + [double] * 4, usage),
        "ec2_focus_line_item_type": (focus_line_item_types, [text] * 5, text),
        "ec2_decode_instance_type": (
            lambda names, regions: decode_instance_type(names, regions, catalogue),
            [text] * 2,
            instance,
        ),
    }
    # "special": NULL arguments reach the decoders (a NULL region or operation means none
    # given), which return a NULL row for a NULL value themselves.
    for name, (function, parameters, returns) in functions.items():
        con.create_function(
            name, function, parameters, returns, type="arrow", null_handling="special"
        )
