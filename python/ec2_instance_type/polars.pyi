from typing import Any

import polars as pl

from . import Catalogue

def decode_usage_type(
    column: str | pl.Expr,
    product_codes: str | pl.Expr | None = None,
    operations: str | pl.Expr | None = None,
    catalogue: Catalogue | None = None,
    *,
    line_item_types: str | pl.Expr | None = None,
    usage_amounts: str | pl.Expr | None = None,
    unblended_costs: str | pl.Expr | None = None,
    reservation_effective_costs: str | pl.Expr | None = None,
    savings_plan_effective_costs: str | pl.Expr | None = None,
) -> pl.Expr: ...
def decode_instance_type(
    column: str | pl.Expr, region: str | pl.Expr = "us-east-1", catalogue: Catalogue | None = None
) -> pl.Expr: ...
