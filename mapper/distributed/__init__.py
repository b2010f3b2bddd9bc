"""mapper on a Dask cluster: the same pipeline and the same outputs, on many machines.

Needs the ``dask`` extra (``pip install 'mapper[dask]'``).  Importing this package does
not import dask; :func:`run_dask` does, and says which extra is missing if it cannot.
"""
from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mapper.errors import MapperError

if TYPE_CHECKING:
    from mapper.model import RunResult

__all__ = ["MISSING_EXTRA", "require_dask", "run_dask"]

#: The message when dask, distributed, dask-geopandas or pyarrow is not installed.
MISSING_EXTRA = "--engine dask needs the dask extra: pip install 'mapper[dask]'"
_MODULES = ("dask", "dask.dataframe", "distributed", "dask_geopandas", "pyarrow")


def require_dask() -> None:
    """Raise MapperError with :data:`MISSING_EXTRA` unless the dask extra is importable."""
    for name in _MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            raise MapperError(MISSING_EXTRA) from None


def run_dask(inputs: Sequence[str], **options: Any) -> "RunResult":
    """Run the pipeline on a Dask cluster; see :func:`mapper.distributed.engine.run_dask`.

    Raises
    ------
    MapperError
        The dask extra is not installed (message :data:`MISSING_EXTRA`).
    """
    require_dask()
    from mapper.distributed.engine import run_dask as run

    return run(inputs, **options)
