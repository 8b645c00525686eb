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
``ec2_decode_instance_type(instance_type)`` (prices of ``region``, us-east-1 by default).
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from . import decode_instance_type, decode_usage_type, instance_type_struct, usage_type_struct

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


def register(con: Any, *, region: str = "us-east-1", catalogue: Any = None) -> None:
    """Registers ``ec2_decode_usage_type``, ``ec2_decode_usage_type_for_product`` and
    ``ec2_decode_instance_type`` on ``con`` (a ``duckdb.DuckDBPyConnection``); the last
    answers from ``catalogue`` (an ``ec2_instance_type.Catalogue``; the bundled one when
    ``None``)."""
    import duckdb

    usage = duckdb.sqltype(duckdb_type(usage_type_struct()))
    instance = duckdb.sqltype(duckdb_type(instance_type_struct()))
    text = duckdb.sqltype("VARCHAR")
    con.create_function(
        "ec2_decode_usage_type", lambda values: decode_usage_type(values), [text], usage, type="arrow"
    )
    con.create_function(
        "ec2_decode_usage_type_for_product",
        lambda values, products: decode_usage_type(values, products),
        [text, text],
        usage,
        type="arrow",
    )
    con.create_function(
        "ec2_decode_instance_type",
        lambda values: decode_instance_type(values, region, catalogue),
        [text],
        instance,
        type="arrow",
    )
