"""English: everything the project knows of the language (see tracker.languages for the contract)."""

CODE = "en"
ORDER = 0
NAME = "English"
SCRIPT = "latin"
DECIMAL_COMMA = False  # '7,400' groups thousands, '1.5' is a decimal point
LETTERS = ""  # letters that tell this language from others of its script

# -- numbers -----------------------------------------------------------------------------------
NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1e3, "million": 1e6,
    "billion": 1e9,
}
MORPHOLOGY = None  # English number words do not inflect: NUMBERS holds every form
MULTIPLIERS = ["hundred"]  # 'two hundred': multiplies the words before it (Russian 'двести' is one word)
NUMBER_AND = ["and"]  # may join the words of one number ('one hundred and two')
ONE_BEFORE_MULTIPLIER = ["a", "an"]  # 'a hundred', 'a thousand'
ONE_OF = ["of"]  # 'one of the soldiers': the word one, then this, is no number
SCALES = {"hundred": 1e2, "thousand": 1e3, "thousands": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6,
          "billion": 1e9, "bn": 1e9}
VAGUE = {
    "dozens": 24, "dozen": 12, "scores": 40, "hundreds": 200, "thousands": 2000, "multiple thousands": 2000,
    "tens of thousands": 20000, "hundreds of thousands": 200000, "several hundred": 200, "a few hundred": 200,
    "several thousand": 2000, "a few thousand": 2000, "several dozen": 24,
}
VAGUE_NOT_AFTER_DIGITS: list = []  # vague words that are a scale right after digits ('2 тысячи')
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
DURATION_WORDS = [r"years?", r"months?", r"weeks?", r"days?", r"hours?", r"minutes?", r"decades?"]
AND_A_HALF = ["and a half"]  # between a number and a duration word: 'three and a half years'
# right after a number, these say it counts people though no noun of them is printed ("the 1,100 who have
# reported", "3,300 called up so far", "1,174 desert since 2013"): the analyser's languages read nouns instead
PEOPLE_AFTER = [r"who", r"(?:called up|drafted|conscripted|mobili[sz]ed|recruited|enlisted)\b(?!\s+(?:by|to)\b)",
                r"desert(?:ed)?", r"(?:went|gone|going) (?:absent|awol)", r"absconded", r"fled", r"defected"]
PEOPLE_BEFORE: list = []  # English puts the verb after its subject: PEOPLE_AFTER
# a verb right after a number whose noun is left out ("just 4,991 have left military life"; not "4,991 is the figure")
NOUN_LEFT_OUT_BEFORE = [r"(?:have|has|had|were|was|are|is|will)\b(?!\s+(?:been\s+)?(?:a|an|the)\b)"]
BOUND_BEFORE = []  # words after which a genitive scale word means one of it ("больше тысячи")
ONE_AFTER_BOUND: dict = {}
OUT_OF = ["out of", "in", "of every", "in every", "per"]  # 'two out of three', 'nine in every 1,000'
ONE_AS_FIGURE_AFTER = ["at least", "only", "just", "more than", "over"]  # ...unless one of these comes before it

# -- qualifiers and ranges ---------------------------------------------------------------------
AT_LEAST = ["more than", "over", "at least", "upwards of", "in excess of", "no fewer than", "no less than",
            "not less than", "surpass", "exceeded", "exceeds", "minimum of", "a minimum of"]
APPROX = ["about", "around", "almost", "nearly", "approximately", "roughly", "some", "an estimated", "estimated",
          "close to", "circa", "approx."]
AT_MOST = ["up to", "fewer than", "less than", "no more than", "not more than", "under", "at most", "maximum of"]
AT_LEAST_AFTER = [r"\+", r"or more\b", r"and more\b", r"plus\b"]  # '500+', '500 or more'
AT_MOST_AFTER = [r"or fewer\b", r"or less\b"]
RANGE_START = [r"\bbetween", r"\bfrom"]
RANGE_JOIN = ["and", "to"]
# a verb of change before 'from' makes 'from 20,790 to 26,850' a before and an after, not a range
RANGE_NOT_AFTER = [r"\b(?:increas|ris|rose|grew|grow|fell|fall|drop|declin|jump|climb|soar|surg|went|go)\w*"
                   r"(?:\s+\w+)?\s+from\s+$"]
RANGE_END_BEFORE: dict = {}  # a bound word that ends a range instead (regex of the text before the number)
CHANGE_WORDS = [r"\b(?:more|greater|higher|as many|increase|rise|grew|from|than)\b", "doubl", "tripl"]
# a percentage that is a change, not a share: the words before it ("rose 20%", "up by almost 20%", "an increase of
# 20%"; not "rose to 20%", a level) or after it ("a 20 percent increase", "20% more"); FALL_WORDS make it a fall
PERCENT_CHANGE_BEFORE = [r"\b(?:rose|risen|rises|grew|grown|grows|increased|increases|jumped|jumps|surged|surges|soared|"
                         r"climbed|climbs|(?<!making )(?<!made )(?<!makes )(?<!make )up|fell|falls|fallen|dropped|drops|"
                         r"declined|declines|decreased|decreases|down|"
                         r"plunged|slumped|(?:an? )?(?:increase|rise|growth|jump|decrease|decline|drop|fall|reduction) of)"
                         r"(?: by)?(?: (?:some|about|nearly|almost|over|more than|around|roughly))?\s*$"]
PERCENT_CHANGE_AFTER = [r"^\s*(?:increase|rise|jump|growth|surge|drop|decline|decrease|fall|reduction|more|less|fewer|"
                        r"higher|lower)\b"]
FALL_WORDS = [r"\b(?:fell|falls|fallen|dropped|drops|declined|declines|decreased|decreases|down|plunged|slumped|drop|"
              r"decline|decrease|fall|reduction|less|fewer|lower)\b"]

# -- what a number is not ----------------------------------------------------------------------
AGE_AFTER = [r"(?:\s*[-–—]\s*\d{1,2}|\s+(?:to|and)\s+\d{1,2})?[\s-]*(?:year|years)[\s-]*old\b"]  # "22-29 years old"
# before a number, an age: 'aged between 18 and 26' (both ends)
AGE_BEFORE = [r"\baged\s+(?:(?:between|from)\s+(?:\d+\s+(?:and|to)\s+)?)?$",
              r"\bages?\s+(?:of\s+)?(?:between\s+(?:\d+\s+and\s+)?)?$",
              r"\b(?:aged|ages?)\s+\d{1,2}\s*(?:[-–—]|to|and)\s*$"]  # "aged 18-27", "aged 18 to 27": both ends
MONTH_ABBREVIATIONS: list[str] = []  # English's are in MONTH_WORDS
MONEY_AFTER = [r"rubles?", r"roubles?", r"dollars?", r"euros?", r"hryvni\w*"]
ARTICLE_BEFORE = [r"\bArticles?", r"\bArt\.", r"\bstat\w*", r"\bNo\.?", r"\bpart", r"\bparagraph", r"\bsection",
                  r"\bclause", r"\bunit"]
ARTICLE_AFTER = [r"of the (?:criminal|penal) code"]  # regex after an article's number ('337 of the Criminal Code')
ARTICLES_AFTER = [r"\s+articles?\b"]  # a count of a code's articles ("по двум статьям", "under two articles") is no figure
TIMES_AFTER = [r"times"]  # regex after a multiplier: '33 times more'
PART_OF_PERIOD = ["first", "second", "third", "fourth", "last"]  # 'the first half of the year'
ORDINAL_SUFFIXES = ["st", "nd", "rd", "th"]  # regex
YEAR_WORDS_AFTER: list = []  # '2024 года'
# after a four-digit number, a counted noun that makes it a count ('2015 people'), unless YEAR_BEFORE ('in')
COUNT_AFTER_YEAR = ["people", "persons", "soldiers", "troops", "servicemen", "men", "deserters", "cases",
                    "proceedings", "sentences", "verdicts", "convictions", "applications", "requests"]
YEAR_BEFORE = ["in", "since", "by", "of", "from", "to", "until", "till", "through", "during", "for", "before", "after",
               "year", "early", "late", "mid", "and", "or", "between"]

# -- time --------------------------------------------------------------------------------------
MONTH_STEMS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
MONTH_WORDS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
               r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
MONTH_PERIOD_BEFORE = ["in", "during", "for", "throughout"]  # 'in May 2024'
MONTH_PERIOD_FORMS = ["jan(?:uary)?", "feb(?:ruary)?", "march", "april", "may", "june", "july", "august",
                      "september", "october", "november", "december"]
YEAR_SUFFIX: list = []  # 'мае 2024 года'
RATE_WORDS = {
    "month": ["monthly", "a month", "per month", "each month", "every month", "a-month"],
    "week": ["weekly", "a week", "per week", "each week", "every week"],
    "day": ["daily", "a day", "per day", "each day", "every day", "each working day", "every working day"],
    "year": ["annually", "a year", "per year", "each year", "every year"],
}
NOT_A_RATE = ["report", "bulletin", "review", "briefing", "summary", "update", "newsletter", "statistics", "data",
              "digest"]  # 'its monthly report'
SINCE = {
    "mobilisation": [r"\bsince (?:the )?(?:(?:start|beginning) of (?:the )?)?(?:partial )?mobili[sz]ation\b|\bsince mobili[sz]ation "
                     r"(?:began|was announced)", r"since (?:the )?(?:initial )?mobili[sz]ation",
                     r"\bafter the (?:start|beginning|announcement) of (?:the )?(?:partial )?mobili[sz]ation"],
    "invasion": [r"\bsince (?:the (?:start|beginning) of )?(?:russia's )?(?:the )?(?:full-scale )?(?:invasion|fighting)|"
                 r"\bsince russia (?:invaded|expanded)",
                 r"\bsince the (?:start|beginning) of the war|\bsince the war began|\bthroughout the (?:ongoing )?war",
                 r"\b(?:in|over|during) (?:the )?(?:\w+ )?years of (?:the )?(?:full-scale )?war\b"],
}
SINCE_WORDS = ["since", "throughout", "after the", "years of"]  # a cheap test before SINCE
# regex: a start on a day, its year optional ('since January 18'); {month} stands for any month's name
SINCE_DATE = [r"\bsince (?P<m>{month}) (?P<d>\d{{1,2}})(?!\d)(?:,? (?P<y>\d{{4}}))?",
              r"\bsince (?P<d>\d{{1,2}}) (?P<m>{month})(?: (?P<y>\d{{4}}))?",
              # "since the end of the General Amnesty on midnight December 31, 2016": an event's day
              r"\bsince (?:the )?(?:[\w'’-]+ ){{1,7}}?on (?:midnight )?(?P<m>{month}) (?P<d>\d{{1,2}})(?!\d)(?:,? (?P<y>\d{{4}}))?"]
# 'since the Iraq invasion in 2003', 'since the escalation of the conflict with Russia in 2022': from that year
SINCE_YEAR = [r"\bsince (?:the )?(?:[a-z'’-]+ ){1,6}in (\d{4})\b"]
# a year that what follows is about ("that of 2022, which saw 29,997", "a rise from 2021, when it received 201"), and
# a calendar year called one ("the Corona year 2020"; not a fiscal or school year, which straddle two)
_YEAR_WHEN = r"\b(\d{4}),? (?:when|which)\b"
_YEAR_CALLED = r"(?<!fiscal )(?<!budget )(?<!financial )(?<!school )(?<!academic )\byear (\d{4})\b"
_YEAR_AS_RECENT = r"\bas (?:recently|early|late|long ago) as (\d{4})\b"  # 'As recently as 2004, … 8.4 percent'
YEAR_PERIODS = [r"\b(?:in|during|for|throughout) (?:the (?:(?:entire|whole) )?(?:year )?)?(\d{4})(?: alone)?\b",
                _YEAR_WHEN, _YEAR_CALLED, _YEAR_AS_RECENT]
SO_FAR = [r"\bso far in (\d{4})", r"\bsince the (?:start|beginning) of (\d{4})",
          r"\b(?:so far this year|since the (?:start|beginning) of (?:this|the) year|this year)\b()"]
# "this year" alone, in a sentence of what is planned or expected, is the whole year, not the year so far
THIS_YEAR = [r"^this year$"]
PLANNED = [r"\b(?:will|would|plans?|planned|expects?|expected|intends?|(?:are|is) required to)\b"]
LAST_YEAR = [r"\blast year\b"]
THIS_YEAR_NAMED = [r"\bthis year\b"]  # regex: the article's year, as a time among others a sentence names
# regex: the year before the one the sentence names (else the article's): "from 23 in the previous year to 484 in 2022"
PREVIOUS_YEAR = [r"\b(?:in |during |for )?the (?:previous|preceding|prior) year\b", r"\bthe year before\b", r"\ba year (?:earlier|before)\b"]
LAST_MONTH = [r"\blast month\b"]  # regex: the month before the article's
THIS_YEAR_AFTER = [r"(?:of )?this year"]  # regex after a month or months: 'January to August of this year'
LAST_YEAR_AFTER = [r"(?:of )?last year"]  # regex after a month: 'in November last year'
START_OF_YEAR = [r"\b(?:at|as of) the (?:start|beginning) of (\d{4})\b"]  # regex, the year as group 1: its January
END_OF_LAST_YEAR = [r"\b(?:at )?the end of last year\b"]
END_OF_YEAR = [r"\b(?:at |by )?the end of (\d{4})\b", r"\bby (\d{4})\b(?![.,]\d)"]  # regex, the year as group 1: a count at that moment ("by 2024")
# regex, the quarter as group q (a word of QUARTER_NUMBERS) and the year as group y
QUARTER = [r"\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th) quarter of (?P<y>\d{4})\b",
           r"\bq(?P<q>[1-4]) (?P<y>\d{4})\b"]
HALF = [r"\b(?:the )?(?P<h>first|second) half of (?P<y>\d{4})\b"]  # regex, groups h (a HALF_NUMBERS word) and y
HALF_NUMBERS = {"first": 1, "second": 2}
QUARTER_NUMBERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
STATE_AT = ["as of"]  # of AS_OF, the words of a state at a date, even in a list of years' counts
AS_OF = ["as of", "by", "at", "through"]  # "at the end of December 2023" (with END_OF): a count then
# regex: a sentence that parts the figure before it ("Of them, 120 ...", "the most in Kharkiv (660)"); with no time
# of its own it counts for that sentence's time
# regex: the time of the last sentence that named one ("during that period"); and the same months in another year
# ("the same period of 2021", the year as group 1)
SAME_TIME = [r"\b(?:(?:during|over|in|for) (?:that|this|the same|the said) (?:period|time)|at that time)\b"
             r"(?! (?:of|in) \d)"]
# the article's own time: a sentence that names it takes no time from the sentences before it
NOW = [r"\b(?:now|currently|today|at present|presently|at the moment|to date)\b"]
SEASONS = [r"\b(?:spring|summer|autumn|winter)\b"]  # a season: a time of its own the reader does not resolve
# a span of years named without one: a time of its own the reader does not resolve ("Over the past years, 30 percent")
VAGUE_TIMES = [r"\b(?:over|in|during) (?:the )?(?:past|last|recent) (?:few |several )?(?:years|decades?)\b",
               r"\bover the years\b",
               r"\b(?:the )?(?:early |mid-?|late )?(?:19|20)\d0s\b"]  # "By the early 1970s": a decade
COMPARED_FROM = [r"\b(?:decrease|increase|rise|drop|fall|jump|down|up)(?: \w+){0,3} from\b", r"\bcompared (?:with|to)\b"]
SAME_PERIOD_IN = [r"\b(?:the )?same period (?:of|in|last year,? in) ((?:19|20)\d\d)\b"]
# regex before a number the text says is replaced: 'the Army now says 2,543 soldiers deserted, not the 2,011 it had
# reported'
CORRECTED_BEFORE = [r"\b(?:not|instead of|rather than|corrected from|revised (?:up|down)(?:ward)? from)(?: the)?\s*$"]
SAME_KIND = [r"\b(?:such|similar|these|those) (?:criminal )?(?:cases|crimes|offen[cs]es|proceedings)\b"]  # the kind before
FOLLOW_ON = [r"\b(?:a further|of (?:them|these|those|which|this number)|their (?:number|count)|including|the most|most of them|among them|accounted for)\b",
             # "The numbers rose …", "For 2022, that number had risen to 951", "If this trend continues, the total
             # figure will be …": a time or a condition may open the sentence
             r"^\W*(?:[^,.]{1,40},\s*)?(?:the|this|that) (?:\w+ )?(?:numbers?|figures?|count|tally) "
             r"(?:have |has |had |will |would )?(?:been |be )?(?:rose|risen|grew|grown|"
             r"fell|fallen|were|was|stood|nudging|rising|falling|growing|declining|reached|dropped|increased|decreased|surged|"
             r"soared|jumped|climbed|between)\b",
             r"^\W*(?:this|that|it)(?: is| was| marks| marked|'s|’s) (?:a |an )?(?:\w+ )?(?:decrease|increase|rise|drop|"
             r"fall|jump|up|down) (?:from|on)\b"]  # "That's up from 12 the year before"
END_OF = ["the end of ", "late "]

# -- who says so -------------------------------------------------------------------------------
CLAIMANT_PATTERNS = [
    r"(?i:according to) (?:the )?((?:[A-Z\"“«][\w\"”»'’.-]*\s?){1,5})",
    r"(?i:by|from) (?:the )?(?:independent )?(?:news )?(?:outlet|website|project|group|portal) ((?:[A-Z\"“«][\w\"”»'’.-]*\s?){1,4})",
    r"((?:[A-Z][\w'’.-]+\s?){1,3}) (?:said|says|reported|reports|told|stated|estimated|counted|found|documented|revealed)",
    r"(?:said|says|reported|told) ((?:[A-Z][\w'’.-]+\s?){1,3})",
]
CLAIM_WORDS = ["according to", "outlet", "website", "project", "group", "portal", "said", "says", "report", "told",
               "stated", "estimat", "counted", "found", "documented", "revealed"]
NOT_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The", "This", "These", "It", "He", "She", "They", "We", "I", "In", "A", "An", "Russian", "Russia",
             "Ukraine", "Ukrainian", "Moscow", "Kremlin"]
NAME_TAIL = ["said", "says", "on", "in", "the", "that", "who", "has", "have"]  # words cut from a name's end
INSTITUTIONS = [r"(?:[A-Z][\w'’.-]+\s)?(?:military\s|defen[cs]e\s)?(?:intelligence|[Mm]inistry(?:\sof\s[A-Z]\w+)?"
                r"|General Staff|[Ss]ecurity [Ss]ervice|[Cc]ourt [Ss]ervice|[Jj]udicial [Dd]epartment)"]
INSTITUTION_VERBS = ["estimates", "estimated", "says", "said", "reported", "reports", "believes", "counted"]
INSTITUTION_WORDS = ["intelligence", "inistry", "General Staff", "ecurity ", "ourt ", "udicial"]

# -- words around a number ---------------------------------------------------------------------
STOP = ["in", "on", "for", "have", "has", "had", "were", "was", "by", "to", "at", "from", "that", "which", "who",
        "and", "or", "of", "since", "as", "with", "are", "is", "been", "be", "will", "would", "could", "than",
        "the", "a", "an"]
NOUN_SKIP = ["more", "such", "of"]  # passed over before the counted noun ('more such deserters')
CLAUSE_JOINS = ["while", "but", "and", "whereas"]
# open a clause of their own: a country before them is not the 'war' after them
CLAUSE_OPENS = ["if", "when", "whether", "unless", "because", "once", "until", "should", "in case"]
DOMAIN_STEMS = {"assist": "help", "escap": "flee"}  # stems -> the English words of indicator titles
UNIT_WORDS = {"cases": ["cases"], "soldiers": ["soldier", "deserter", "military personnel", "men"],
              "people": ["people", "person", "others", "russians"], "sentences": ["sentence", "verdict", "convict"]}

# -- articles ----------------------------------------------------------------------------------
YEAR_ABBREVIATIONS = []  # after a year ('в 2022 г.'): may end a sentence
ABBREVIATIONS = ["Mr", "Mrs", "Dr", "St", "Art", "No", "vs", "e.g", "i.e", "etc", "Jan", "Feb", "Aug", "Sep", "Sept",
                 "Oct", "Nov", "Dec", "U.S", "U.K"]
CAPITALS = "A-Z"  # letters a sentence starts with
PAGE_CHROME = [r"support us", r"donat", r"subscribe", r"sign up", r"newsletter", r"cookie", r"all rights reserved",
               r"advertis", r"costs us", r"remind me later", r"paiment", r"payment methods", r"read more",
               r"trending now"]

# -- charts ------------------------------------------------------------------------------------
CHART_WORDS = {
    "source": "Source", "sources": "Sources", "as_reported_by": "as reported by", "and_more": "and {n} more",
    "data": "Data", "exact": "exact", "approx": "approximate", "at_least": "at least (≥)",
    "at_most": "at most (≤)", "range": "range (low to high)", "period": "the month, year or period it covers",
    "candidate": "candidate (not yet reviewed)", "rejected": "rejected (kept for the record)",
    "band": "model's expected range (an estimate)", "legend": "Claimant · qualifier", "legend_publish": "Reported by",
    "since": "since", "as_of": "as of", "reported": "reported", "in": "in", "per": "per", "day": "day", "week": "week",
    "month": "month", "year": "year", "share": "share",
    "months": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "echoes": "{n} re-print(s) of a claimant's own earlier figure drawn faint",
    "undated": "{n} undated figure(s) left out", "relative": "{n} relative claim(s) not drawn",
    "list_and": " and ",
    "unnamed_outlet": "an unnamed outlet",
    "outdated": "{n} figure(s) printed after a newer one left out.",
    "misprint": "{n} figure(s) flagged as a likely misprint (a slipped digit) left out.",
}

# -- what a figure counts (tracker.extraction.facets) -------------------------------------------
# Phrases of lower-case words (a possessive 's dropped), matched against the text's words; a phrase may be a
# regular expression over words separated by single spaces.
COUNTRY_WORDS = {
    "UA": ["ukraine", "ukrainian", "ukrainians", "kyiv", "armed forces of ukraine", "afu", "verkhovna rada"],
    "RU": ["russia", "russian", "russians", "kremlin", "moscow", "putin"],
    "BY": ["belarus", "belarusian", "belarusians", "lukashenko", "minsk"],
    "US": ["u s", "US", "us army", "united states", "american", "americans", "pentagon", "iraq war", "u s marine corps",
           "gao", "government accountability office"],
    "GB": ["britain", "british", "united kingdom", "uk", "royal navy", "royal air force", "raf", "royal marines",
           "royal military police", "hm forces", "house of commons", "england"],
    "DE": ["germany", "german", "germans", "bundeswehr", "bundestag", "berlin", "federal republic of germany"],
    "IL": ["israel", "israeli", "israelis", "idf", "israel defen[cs]e forces", "knesset"],
    "ZA": ["sandf"],  # its name, "South African National Defence Force", names the country already
}
# English adjectives of countries are countryinfo's demonyms (tracker.text.countries): no suffixes to try
COUNTRY_ADJECTIVE_SUFFIXES: list[str] = []
# English takes its peoples' nouns from countryinfo's demonyms
COUNTRY_DEMONYM_SUFFIXES: list[str] = []
SHARE_OF = ["of", "among", "of all", "among all"]  # before a country's people: the whole a share is of
NAMES_CAPITALISED = True  # a country's name or demonym is written with a capital: 'polish' is not Poland
# (English: "to" and "against" come before adjectives as well, "to Russian courts", "against Ukrainian soldiers", and
# no analyser tells them from names: not read)
TOWARDS: dict[str, str | None] = {}
# people after these are whom what is counted is against, not what is counted ("cases against servicemen")
AGAINST_WHOM = ["against"]
NOT_SUBJECT = ["borders?", "invasions?", "wars?", "era", "conflicts?", "escalation", "aggression", "attacks?", "tensions?",
               "threats?", "occupation",
               "intelligence", "hur", "gur",
               # who counts other countries' people: 'the Ukrainian OSINT group', 'a Russian outlet'
               "osint", "group", "outlet", "project", "media", "newspaper", "journalists?", "analysts?",
               "researchers?"]
MEASURE_WORDS = {
    # "17,000 episodes of troops going AWOL", "on more than 17,000 occasions": events counted, as cases are, not people
    "cases": ["cases?", "criminal cases?", "episodes?", "incidents?", "occasions", "instances"],
    "proceedings": ["proceedings?", "criminal proceedings?"],  # not 'opened': outlets say it of court cases
    "court-cases": ["received by (?:military )?courts?", "reach(?:ed|ing)? (?:military )?courts?",
                    "military courts?", "heard"],
    "persons": ["soldiers?", "troops?", "servicem[ae]n", "service ?members?", "people", "persons?", "deserters?", "officers?",
                "prisoners?", "individuals?", "citizens?", "men", "personnel", "members", "recruits?", "conscripts?",
                "desertions", "marines?", "sailors?", "airm[ae]n", "dodgers?", "draftees?", "evaders", "objectors",
                "defaulters", "volunteers", "servants", "fugitives", "males", "females", "women", "youths",
                "officials", "students", "suicides", "haredim", "cohorts?",
                "cos",  # conscientious objectors, as the Guardian abbreviates them ("there were 3,800 COs")
                "population",  # plural: "as a conscientious objector" is no count of people
                # "600 will be recruited", "4,000 were called up", "of those conscripted": a count of the people the
                # verb says was done to
                "(?:will be|were|was|have been|has been|had been|are|is|to be) (?:recruited|drafted|conscripted|called up"
                "|called|mobili[sz]ed|enlisted|inducted)",
                "(?:those|the ones) (?:recruited|drafted|conscripted|called up|mobili[sz]ed|enlisted|inducted)"],
    "persons-charged": ["charged", "suspicion", "notices? of suspicion",
                        "charges? (?:were |was )?(?:filed|brought|levied)", "defendants?", "prosecuted", "accused", "indicted"],
    "people-helped": ["helped", "help", "assisted", "evacuated"],
    "sentences": ["sentences?", "sentenced", "verdicts?", "convictions?", "convicted", "fines?", "fined"],
    "requests": ["requests?", "appeals?", "applications?", "applicants", "inquiries", "contacted", "applied", "counsell?ed",
                 "attempts", "calls"],  # a helpline's calls
}
OFFENCE_WORDS = {
    "awol": ["awols?", "absence without (?:official )?leave", "absent without (?:official )?leave",
             "unauthori[sz]ed (?:abandonment|absence|leave)", "left (?:their |his )?units? without permission",
             "szch", "soch"],
    "desertion": ["desertions?", "deserters?", "deserted", "desert(?:ing)?"],
    "disobedience": ["disobey(?:ing|ed)? orders?", "disobedience", "refus(?:al|ing|ed) to obey", "insubordinat(?:e|ion)",
                     "failure to comply with an order", "non execution of an order"],  # lemma text: no hyphens
    "draft-evasion": ["draft evasion", "draft dodg(?:ing|ers?)", "evad(?:ing|ed) (?:the )?draft",
                      "evad(?:ing|ed) mobili[sz]ation"],
    # offences no indicator of the ledger counts: named, they rule out one that counts the others
    "homicide": ["murders?", "homicides?", "manslaughter"],
    "terrorism": ["terrorism", "terrorist", "terror"],
}
PRODUCER_NAMES = {
    "mediazona": ["mediazona", "media zona"],
    "idite-lesom": ["idite lesom", "get lost", "go by the forest", "run to the forest", "go to the forest"],
    "ua-prosecutor-general": ["office of the prosecutor general", "prosecutor general office",
                              "prosecutor general of ukraine", "pgo"],
    "ua-state-bureau-of-investigation": ["state bureau of investigations?", "sbi"],
    "ua-intelligence": ["hur", "gur", "diu", "ukrainian (?:military |defence |defense )?intelligence",
                        "defen[cs]e intelligence of ukraine",
                        "main (?:directorate|intelligence directorate)"],
    "opendatabot": ["opendatabot"],
    "viasna": ["viasna", "vyasna", "viasna human rights cent(?:re|er)"],
    "us-army": ["u s army", "us army", "army spokes(?:wo)?m[ae]n", "according to the army",
                "the army (?:now )?says?", "(?:figures|data|statistics|calculations) (?:from|by) the army"],
    "de-bafza": ["bafza", "federal office for family(?: affairs)? and civi(?:l|c)(?: society)? (?:tasks|affairs|functions)"],
}
ARTICLE_WORDS = [r"[Aa]rticles?", r"[Aa]rt\."]
TOTAL_WORDS = ["already", "in total", "in all", "to date", "a total of", "altogether"]

# -- the period of each number (tracker.extraction.periods) -------------------------------------
PERIOD_FROM = ["from", "between", "during"]  # 'from January 2022 to September 2025'
PERIOD_TO = ["to", "through", "till", "until", "and"]  # the word that ends a span
MONTH_PART = [r"the (?:beginning|start|end|middle) of"]  # regex: 'from the beginning of April to the end of July'
UNTIL = ["to", "until", "through", "as of", "by", "as of the end of", "by the end of"]  # 'to July 2025' alone: the count holds up to then
MONTHS_OF_YEAR = [r"\bthe first (\w+) months(?: of (\d{4}))?", r"\b(\w+) months of (\d{4})"]  # count, year
# a government's year that is not the calendar's, by the month it starts in (regex, group y: the year it ends in, or
# groups y and the two digits of the next: "2003/04"): "fiscal year 2006" is the US federal one, October 2005 to
# September 2006; "financial year 2003/04" the British one, April 2003 to March 2004
FISCAL_YEARS = {
    # (after "since": a start, no period)
    10: [r"(?<!since )(?<!since the )\b(?:fiscal|budget) (?:year )?((?:19|20)\d\d)\b",
         r"(?<!since )\bfy ?((?:19|20)\d\d)\b", r"(?<!since the )\b((?:19|20)\d\d) (?:fiscal|budget) year\b",
         r"\b(?:fiscal|budget) year (?:that )?ended sept(?:ember|\.)? 30,? ((?:19|20)\d\d)\b"],
    4: [r"\bfinancial year ((?:19|20)\d\d)[/–-](\d\d)\b", r"\b((?:19|20)\d\d)[/–-](\d\d) financial year\b"],
}
# 'in 2023': the year a number of a list is about; 'a 373% rise from 2021, when it received 201'
YEAR_MENTION = [r"\b(?:in|during|for) (?:the (?:(?:entire|whole) )?(?:year )?)?(\d{4})\b",
                r"\bthe (\d{4}) (?:figure|total|count)\b", _YEAR_WHEN, _YEAR_CALLED, _YEAR_AS_RECENT,
                # a number's own year in a list ("still on the run are 86 from 2001, 118 from 2002"), no span's start
                r"(?<=\d )from ((?:19|20)\d\d)\b(?!\s*(?:to|until|till|through|[-–—/]))"]
