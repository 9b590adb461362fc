"""English number words."""

NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "thousands": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6,
          "billion": 1e9, "bn": 1e9}
VAGUE = {
    "dozens": 24, "dozen": 12, "scores": 40, "hundreds": 200, "thousands": 2000, "multiple thousands": 2000,
    "tens of thousands": 20000, "hundreds of thousands": 200000, "several hundred": 200, "a few hundred": 200,
    "several thousand": 2000, "a few thousand": 2000, "several dozen": 24,
}
RATIOS = {
    "twice": 2, "double": 2, "doubled": 2, "doubling": 2, "triple": 3, "tripled": 3, "tripling": 3,
}
# Shares said in words: figures of a share-unit indicator ("in nearly half of the cases").
SHARES = {
    "half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3, "two-thirds": 2 / 3, "one-third": 1 / 3,
    "a quarter": 0.25, "one-quarter": 0.25, "three-quarters": 0.75,
    "one quarter": 0.25, "three quarters": 0.75, "a fifth": 0.2, "a tenth": 0.1, "every second": 0.5,
    "every third": 1 / 3, "every fourth": 0.25, "every fifth": 0.2, "every tenth": 0.1, "one in three": 1 / 3,
    "one in four": 0.25, "one in five": 0.2, "one in ten": 0.1,
}
PERCENT = [r"%", r"per\s?cent\b", r"percent\b"]
