from typing import Any

import pyarrow as pa

from . import Catalogue

def duckdb_type(arrow_type: pa.DataType) -> str: ...
def register(con: Any, *, region: str = "us-east-1", catalogue: Catalogue | None = None) -> None: ...
