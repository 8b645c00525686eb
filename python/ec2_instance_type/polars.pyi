from typing import Any

import polars as pl

from . import Catalogue

def decode_usage_type(
    column: str | pl.Expr,
    product_codes: str | pl.Expr | None = None,
    operations: str | pl.Expr | None = None,
    catalogue: Catalogue | None = None,
) -> pl.Expr: ...
def decode_instance_type(
    column: str | pl.Expr, region: str | pl.Expr = "us-east-1", catalogue: Catalogue | None = None
) -> pl.Expr: ...
