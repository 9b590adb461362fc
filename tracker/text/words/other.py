"""Scale and percent words of other languages that quotes in the ledger use (lv, et, no, ro, bg, it, es, de, fr)."""

NUMBERS: dict = {}
SCALES = {"tūkstoši": 1e3, "tūkstošiem": 1e3, "tuhat": 1e3, "tusen": 1e3, "mii": 1e3, "хиляди": 1e3, "mille": 1e3,
          "mil": 1e3, "tausend": 1e3}
VAGUE: dict = {}
RATIOS: dict = {}
SHARES: dict = {}
PERCENT = [r"procent", r"prozent", r"pour\s*cent"]
