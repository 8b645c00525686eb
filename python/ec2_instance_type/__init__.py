"""Decode AWS usage types and EC2 instance type names over Apache Arrow.

``decode_usage_type`` turns a column of usage types (``line_item_usage_type`` of a Cost and
Usage Report: ``USW2-BoxUsage:m5.large``), with their product codes and operations where
given, into a struct column: billing code, region, the other end, kind, detail, charge, the
instance type inside it, the catalogue's facts of it and its on-demand price. ``decode_instance_type``
does the same for instance type names (``product_instance_type``: ``p3dn.24xlarge``,
``db.r6g.large``). Both run in Rust over the Arrow C data interface, with the GIL released.

>>> import pyarrow as pa
>>> from ec2_instance_type import decode_usage_type
>>> decoded = decode_usage_type(pa.array(["USW2-BoxUsage:m5.large", None]))
>>> decoded.field("region").to_pylist()
['us-west-2', None]

The engines: ``ec2_instance_type.spark.register(spark)``,
``ec2_instance_type.duckdb.register(con)``, and ``ec2_instance_type.polars``'s expressions.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from . import _ec2_instance_type as _native

__version__: str = _native.__version__

Catalogue = _native.Catalogue

__all__ = [
    "Catalogue",
    "decode_usage_type",
    "decode_instance_type",
    "focus_line_item_types",
    "usage_type_fields",
    "usage_type_struct",
    "instance_type_struct",
    "snapshot_dates",
]


def _arrow(values: Any) -> Any:
    """Anything with the Arrow C interface as is; a list, a NumPy array or a pandas
    Series of strings through ``pyarrow.array``."""
    if hasattr(values, "__arrow_c_array__") or hasattr(values, "__arrow_c_stream__"):
        return values
    return pa.array(values, type=pa.string())


def decode_usage_type(
    values: Any,
    product_codes: Any = None,
    operations: Any = None,
    catalogue: Catalogue | None = None,
    *,
    line_item_types: Any = None,
    usage_amounts: Any = None,
    unblended_costs: Any = None,
    reservation_effective_costs: Any = None,
    savings_plan_effective_costs: Any = None,
) -> pa.Array | pa.ChunkedArray:
    """Decodes bill lines into a ``pyarrow.StructArray`` (a ``ChunkedArray`` of structs
    for chunked input).

    ``values``: usage types (Utf8, LargeUtf8, Utf8View or dictionary-encoded) as any Arrow
    array or stream (pyarrow, Polars, DuckDB, ...), a list or a pandas Series.
    ``product_codes``: the ``line_item_product_code`` of each row, which tells a CloudFront
    edge-location prefix (``EU-``) from a region's billing code, and settles global usage.
    ``operations``: the ``line_item_operation`` of each row (``RunInstances:0002``), which
    gives an instance line its OS, licence and software, and so its price.
    ``catalogue``: the bundled snapshot when ``None``, or your own ``Catalogue``.
    ``line_item_types``, ``usage_amounts``, ``unblended_costs``,
    ``reservation_effective_costs``, ``savings_plan_effective_costs``: a Cost and Usage
    Report's cost columns (``line_item_line_item_type``, ``line_item_usage_amount``, ...;
    amounts as numbers or text), which fill ``line_item_type``, ``coverage`` and
    ``effective_usd_per_hour``: what each instance line paid, beside its on-demand price.

    A null gives a null row; text that is no usage type a row whose ``error`` says why.
    The fields (``usage_type_fields()``; the same in every output of the crate):

"""
    products = None if product_codes is None else _arrow(product_codes)
    ops = None if operations is None else _arrow(operations)

    def numbers(column: Any) -> Any:
        if column is None or hasattr(column, "__arrow_c_array__") or hasattr(column, "__arrow_c_stream__"):
            return column
        return pa.array(column)

    return _native.decode_usage_type(
        _arrow(values),
        products,
        ops,
        catalogue,
        line_item_types=None if line_item_types is None else _arrow(line_item_types),
        usage_amounts=numbers(usage_amounts),
        unblended_costs=numbers(unblended_costs),
        reservation_effective_costs=numbers(reservation_effective_costs),
        savings_plan_effective_costs=numbers(savings_plan_effective_costs),
    )


def _field_list() -> str:
    return "\n".join(
        f"    - ``{name}`` ({arrow_type}): {doc}" for name, arrow_type, doc in _native.usage_type_fields()
    )


# The docs list the fields from the library's one definition of a bill line.
decode_usage_type.__doc__ = (decode_usage_type.__doc__ or "") + _field_list() + "\n"


def focus_line_item_types(
    charge_categories: Any,
    pricing_categories: Any,
    commitment_discount_statuses: Any = None,
    commitment_discount_ids: Any = None,
    commitment_discount_types: Any = None,
) -> pa.StringArray:
    """The Cost and Usage Report line item type each row of a FOCUS export stands for
    (``Usage``, ``DiscountedUsage``, ``SavingsPlanCoveredUsage``, or null for purchases,
    tax, credits and a commitment's unused part), from its ``ChargeCategory``,
    ``PricingCategory``, ``CommitmentDiscountStatus``, ``CommitmentDiscountId`` (the
    Reserved Instance's or Savings Plan's ARN) and ``CommitmentDiscountType`` columns.

    What a FOCUS line paid: ``decode_usage_type(SkuMeter, x_ServiceCode, x_Operation,
    line_item_types=focus_line_item_types(...), usage_amounts=ConsumedQuantity,
    unblended_costs=EffectiveCost, reservation_effective_costs=EffectiveCost,
    savings_plan_effective_costs=EffectiveCost)``.
    """
    optional = [commitment_discount_statuses, commitment_discount_ids, commitment_discount_types]
    return _native.focus_line_item_types(
        _arrow(charge_categories),
        _arrow(pricing_categories),
        *(None if c is None else _arrow(c) for c in optional),
    )


def usage_type_fields() -> list[tuple[str, str, str]]:
    """The fields of a decoded bill line as ``(name, Arrow type, what it holds)``, in
    order: the library's one definition, shared by the CLI's JSON and CSV, Parquet and
    Arrow."""
    return list(_native.usage_type_fields())


def decode_instance_type(
    values: Any, region: Any = "us-east-1", catalogue: Catalogue | None = None
) -> pa.Array | pa.ChunkedArray:
    """Decodes instance type names into a ``pyarrow.StructArray`` (chunked in, chunked out),
    with the on-demand Linux price of ``region`` (null where the catalogue has none; null
    for service names such as ``db.r6g.large``, whose price is not EC2's).

    ``region``: one region code for every row, or a column of one per row (null or empty:
    us-east-1; one that is no region gives that row an ``error``).
    ``catalogue``: the bundled snapshot when ``None``, or a ``Catalogue`` with your own AWS
    CLI output and prices (``Catalogue.bundled().with_describe_instance_types(text,
    "types.json")``): types AWS released after the snapshot, your region's prices.

    Fields: service, ec2_name, family, series, generation, capabilities, options,
    processor, size, normalization_factor, in_catalogue, vcpus, memory_mib, architectures,
    processor_manufacturer, on_demand_usd_per_hour, price_region, price_tenancy, error.
    Raises ``ValueError`` for a region code it does not know (with a suggestion).
    """
    if not isinstance(region, str):
        region = _arrow(region)
    return _native.decode_instance_type(_arrow(values), region, catalogue)


def usage_type_struct() -> pa.StructType:
    """The Arrow type ``decode_usage_type`` returns."""
    return decode_usage_type(pa.array([], type=pa.string())).type


def instance_type_struct() -> pa.StructType:
    """The Arrow type ``decode_instance_type`` returns."""
    return decode_instance_type(pa.array([], type=pa.string())).type


def snapshot_dates() -> dict[str, str]:
    """Where and when the bundled specs and prices were taken."""
    return dict(_native.snapshot_dates())
