"""Other languages: the scale and percent words that quotes in the ledger use (lv, et, no, ro, bg, it, es, de,
fr, pl), and the languages that write a decimal comma. Not a language of extraction or charts."""

CODE = "other"
ORDER = 99
NAME = "other languages' scale and percent words"
SCRIPT = ""
DECIMAL_COMMA = False
DECIMAL_COMMA_CODES = ("be", "bg", "pl")  # other language codes whose texts write '7,4' for 7.4
LETTERS = ""

NUMBERS: dict = {}
MORPHOLOGY = None
SCALES = {"tūkstoši": 1e3, "tūkstošiem": 1e3, "tuhat": 1e3, "tusen": 1e3, "mii": 1e3, "хиляди": 1e3, "mille": 1e3,
          "mil": 1e3, "tausend": 1e3, "tys.": 1e3, "tys": 1e3, "tysiące": 1e3, "tysięcy": 1e3}
# a scale word alone before a number below it adds to it: the Mexican press's "mil 176" is 1,176 (a reading of the
# number, for the quote check)
THOUSAND_BEFORE = {"mil": 1e3}
VAGUE: dict = {}
RATIOS: dict = {}
SHARES: dict = {}
PERCENT = [r"procent", r"prozent", r"pour\s*cent"]
