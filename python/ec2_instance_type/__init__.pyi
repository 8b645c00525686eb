from typing import Any, Protocol

import pyarrow as pa

from ._ec2_instance_type import Catalogue as Catalogue

__version__: str

class ArrowArrayExportable(Protocol):
    def __arrow_c_array__(self, requested_schema: object | None = None) -> tuple[object, object]: ...

class ArrowStreamExportable(Protocol):
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

Strings = ArrowArrayExportable | ArrowStreamExportable | list[str | None] | Any

def decode_usage_type(
    values: Strings,
    product_codes: Strings | None = None,
    operations: Strings | None = None,
    catalogue: Catalogue | None = None,
    *,
    line_item_types: Strings | None = None,
    usage_amounts: Any | None = None,
    unblended_costs: Any | None = None,
    reservation_effective_costs: Any | None = None,
    savings_plan_effective_costs: Any | None = None,
) -> pa.StructArray | pa.ChunkedArray: ...
def focus_line_item_types(
    charge_categories: Strings,
    pricing_categories: Strings,
    commitment_discount_statuses: Strings | None = None,
    commitment_discount_ids: Strings | None = None,
    commitment_discount_types: Strings | None = None,
) -> pa.StringArray: ...
def usage_type_fields() -> list[tuple[str, str, str]]: ...
def decode_instance_type(
    values: Strings, region: str | Strings = "us-east-1", catalogue: Catalogue | None = None
) -> pa.StructArray | pa.ChunkedArray: ...
def usage_type_struct() -> pa.StructType: ...
def instance_type_struct() -> pa.StructType: ...
def snapshot_dates() -> dict[str, str]: ...
