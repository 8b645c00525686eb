"""Spark: ``register(spark)`` makes the decoders SQL functions of a session, run on every
executor (each executor needs the package installed, as any Python UDF does).

>>> from ec2_instance_type import spark as ec2_spark
>>> ec2_spark.register(spark)                                   # doctest: +SKIP
>>> spark.sql("SELECT ec2_decode_usage_type(line_item_usage_type).instance_type FROM cur")  # doctest: +SKIP

Functions registered:

- ``ec2_decode_usage_type(usage_type)``
- ``ec2_decode_usage_type_for_product(usage_type, product_code)``
- ``ec2_decode_instance_type(instance_type)`` (us-east-1 prices; ``register(spark,
  region=...)`` for another region)

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


def register(spark: Any, *, region: str = "us-east-1", use_arrow: bool | None = None) -> None:
    """Registers ``ec2_decode_usage_type``, ``ec2_decode_usage_type_for_product`` and
    ``ec2_decode_instance_type`` as SQL functions of ``spark`` (a ``SparkSession``).

    ``use_arrow``: ``None`` picks Arrow UDFs where this Spark has them; ``False`` forces
    pandas UDFs.
    """
    from pyspark.sql import functions as F

    if use_arrow is None:
        use_arrow = hasattr(F, "arrow_udf")
    usage = spark_type(usage_type_struct())
    instance = spark_type(instance_type_struct())

    def usage_types(values):
        return _whole(decode_usage_type(values))

    def usage_types_for_products(values, products):
        return _whole(decode_usage_type(values, products))

    def instance_types(values):
        return _whole(decode_instance_type(values, region))

    if use_arrow:
        udfs = {
            "ec2_decode_usage_type": F.arrow_udf(_hinted1(usage_types), usage),
            "ec2_decode_usage_type_for_product": F.arrow_udf(_hinted2(usage_types_for_products), usage),
            "ec2_decode_instance_type": F.arrow_udf(_hinted1(instance_types), instance),
        }
    else:
        udfs = {
            "ec2_decode_usage_type": F.pandas_udf(_through_pandas1(usage_types), usage),
            "ec2_decode_usage_type_for_product": F.pandas_udf(
                _through_pandas2(usage_types_for_products), usage
            ),
            "ec2_decode_instance_type": F.pandas_udf(_through_pandas1(instance_types), instance),
        }
    for name, udf in udfs.items():
        spark.udf.register(name, udf)


# Spark tells Arrow and pandas UDFs apart by their type hints, which it evaluates: they
# are set as objects (this module's annotations are strings, `from __future__`).


def _hinted1(decode):
    def udf(values):
        return decode(values)

    udf.__annotations__ = {"values": pa.Array, "return": pa.Array}
    return udf


def _hinted2(decode):
    def udf(values, products):
        return decode(values, products)

    udf.__annotations__ = {"values": pa.Array, "products": pa.Array, "return": pa.Array}
    return udf


def _frame(decoded: pa.Array):
    fields = [field.name for field in decoded.type]
    return pa.Table.from_arrays(decoded.flatten(), names=fields).to_pandas()


def _through_pandas1(decode):
    import pandas as pd

    def udf(values):
        return _frame(decode(pa.array(values, type=pa.string(), from_pandas=True)))

    udf.__annotations__ = {"values": pd.Series, "return": pd.DataFrame}
    return udf


def _through_pandas2(decode):
    import pandas as pd

    def udf(values, products):
        return _frame(
            decode(
                pa.array(values, type=pa.string(), from_pandas=True),
                pa.array(products, type=pa.string(), from_pandas=True),
            )
        )

    udf.__annotations__ = {"values": pd.Series, "products": pd.Series, "return": pd.DataFrame}
    return udf
