from typing import Any

import pyarrow as pa

from . import Catalogue

def duckdb_type(arrow_type: pa.DataType) -> str: ...
def register(con: Any, *, catalogue: Catalogue | None = None) -> None: ...
