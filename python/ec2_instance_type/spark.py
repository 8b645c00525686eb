"""Spark: ``register(spark)`` makes the decoders SQL functions of a session, run on every
executor (each executor needs the package installed, as any Python UDF does).

>>> from ec2_instance_type import spark as ec2_spark
>>> ec2_spark.register(spark)                                   # doctest: +SKIP
>>> spark.sql("SELECT ec2_decode_usage_type(line_item_usage_type).instance_type FROM cur")  # doctest: +SKIP

Functions registered:

- ``ec2_decode_usage_type(usage_type)``
- ``ec2_decode_usage_type_for_product(usage_type, product_code)``
- ``ec2_decode_bill_line(usage_type, product_code, operation)`` (the line's OS from its
  operation, and its price)
- ``ec2_decode_bill_line_paid(usage_type, product_code, operation, line_item_type,
  usage_amount, unblended_cost, reservation_effective_cost, savings_plan_effective_cost)``
  (and what the line paid, from a report's cost columns: ``coverage`` and
  ``effective_usd_per_hour``)
- ``ec2_decode_instance_type(instance_type, region)`` (prices of each row's region; NULL:
  us-east-1)

They are Arrow UDFs (``pyspark.sql.functions.arrow_udf``, Spark 4.1 and later): batches
reach the decoder as Arrow arrays, with no conversion through pandas. On older Spark they
are pandas UDFs, where a null input gives a struct of nulls rather than a null struct.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from . import decode_instance_type, decode_usage_type, instance_type_struct, usage_type_struct

__all__ = ["register", "spark_type"]


def spark_type(arrow_type: pa.DataType) -> Any:
    """The Spark SQL type of an Arrow type the decoders return."""
    from pyspark.sql import types as T

    if pa.types.is_struct(arrow_type):
        return T.StructType(
            [T.StructField(f.name, spark_type(f.type), f.nullable) for f in arrow_type]
        )
    if pa.types.is_list(arrow_type):
        return T.ArrayType(spark_type(arrow_type.value_type), True)
    simple = {
        pa.string(): T.StringType(),
        pa.bool_(): T.BooleanType(),
        pa.float64(): T.DoubleType(),
        pa.int32(): T.IntegerType(),
        pa.int64(): T.LongType(),
    }
    return simple[arrow_type]


def _whole(decoded: pa.Array | pa.ChunkedArray) -> pa.Array:
    return decoded.combine_chunks() if isinstance(decoded, pa.ChunkedArray) else decoded


def register(spark: Any, *, use_arrow: bool | None = None) -> None:
    """Registers ``ec2_decode_usage_type``, ``ec2_decode_usage_type_for_product``,
    ``ec2_decode_bill_line``, ``ec2_decode_bill_line_paid`` and
    ``ec2_decode_instance_type`` as SQL functions of ``spark``
    (a ``SparkSession``). ``use_arrow``: ``None`` picks Arrow UDFs where this Spark has
    them; ``False`` forces pandas UDFs.
    """
    from pyspark.sql import functions as F

    if use_arrow is None:
        use_arrow = hasattr(F, "arrow_udf")
    usage = spark_type(usage_type_struct())
    instance = spark_type(instance_type_struct())

    functions = {
        "ec2_decode_usage_type": (lambda u: _whole(decode_usage_type(u)), usage),
        "ec2_decode_usage_type_for_product": (lambda u, p: _whole(decode_usage_type(u, p)), usage),
        "ec2_decode_bill_line": (lambda u, p, o: _whole(decode_usage_type(u, p, o)), usage),
        "ec2_decode_bill_line_paid": (_paid, usage),
        "ec2_decode_instance_type": (lambda n, r: _whole(decode_instance_type(n, r)), instance),
    }
    for name, (decode, returns) in functions.items():
        arity = decode.__code__.co_argcount
        if use_arrow:
            udf = F.arrow_udf(_hinted(decode, arity), returns)
        else:
            udf = F.pandas_udf(_through_pandas(decode, arity), returns)
        spark.udf.register(name, udf)


def _paid(u, p, o, kind, hours, cost, ri, sp):
    """A bill line with what it paid, from the report's cost columns."""
    return _whole(
        decode_usage_type(
            u,
            p,
            o,
            line_item_types=kind,
            usage_amounts=hours,
            unblended_costs=cost,
            reservation_effective_costs=ri,
            savings_plan_effective_costs=sp,
        )
    )


# Spark tells Arrow and pandas UDFs apart by their type hints, which it evaluates: they
# are set as objects (this module's annotations are strings, `from __future__`). Spark
# reads the UDF's parameters, so each arity has its own function.
def _hinted(decode, arity):
    udf = _of_arity(decode, arity)
    udf.__annotations__ = {**{f"c{i}": pa.Array for i in range(arity)}, "return": pa.Array}
    return udf


def _frame(decoded: pa.Array):
    fields = [field.name for field in decoded.type]
    return pa.Table.from_arrays(decoded.flatten(), names=fields).to_pandas()


def _through_pandas(decode, arity):
    import pandas as pd

    def arrow(values):
        # Text as strings (a column of nulls too); numbers (cost columns) as they are.
        numeric = pd.api.types.is_numeric_dtype(values.dtype)
        return pa.array(values, type=None if numeric else pa.string(), from_pandas=True)

    udf = _of_arity(lambda *columns: _frame(decode(*(arrow(c) for c in columns))), arity)
    udf.__annotations__ = {**{f"c{i}": pd.Series for i in range(arity)}, "return": pd.DataFrame}
    return udf


def _of_arity(call, arity):
    """A function of ``arity`` named parameters (Spark inspects them) that calls ``call``."""
    if arity == 1:
        return lambda c0: call(c0)
    if arity == 2:
        return lambda c0, c1: call(c0, c1)
    if arity == 3:
        return lambda c0, c1, c2: call(c0, c1, c2)
    return lambda c0, c1, c2, c3, c4, c5, c6, c7: call(c0, c1, c2, c3, c4, c5, c6, c7)
