"""Mining archives: folders of .txt/.html and WARC files through a prefilter and the extractor, into one
table, on all cores or a Dask cluster. `mine(inputs, ledger, out)`; the stages: `pages` (reading),
`prefilter`, `run` (units and runners), `table` (the output)."""

from tracker.mining.run import MineResult, mine, units_of
from tracker.mining.table import COLUMNS, read_table

__all__ = ["COLUMNS", "MineResult", "mine", "read_table", "units_of"]
