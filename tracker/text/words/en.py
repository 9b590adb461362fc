"""English number words."""

NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "a hundred": 100,
}
SCALES = {"thousand": 1e3, "thousands": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "billion": 1e9}
VAGUE = {
    "dozens": 24, "dozen": 12, "scores": 40, "hundreds": 200, "thousands": 2000, "multiple thousands": 2000,
    "tens of thousands": 20000, "hundreds of thousands": 200000,
}
RATIOS = {
    "twice": 2, "double": 2, "doubled": 2, "doubling": 2, "triple": 3, "tripled": 3, "tripling": 3,
    "half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "every fifth": 0.2, "every tenth": 0.1,
}
PERCENT = [r"%", r"per\s?cent\b", r"percent\b"]
