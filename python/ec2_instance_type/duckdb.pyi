from typing import Any

import pyarrow as pa

def duckdb_type(arrow_type: pa.DataType) -> str: ...
from . import Catalogue

def register(con: Any, *, region: str = "us-east-1", catalogue: Catalogue | None = None) -> None: ...
