"""Drawing: `charts` (one indicator's chart with matplotlib, overview tiles), `report` (index.html),
`build` (every chart and the report into a folder, redrawing only what changed)."""
