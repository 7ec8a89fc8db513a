"""The extractor's word lists: entity kinds, hedges, scales, currencies, boilerplate, triggers.

Data rather than logic, one list a concern, which is why the module runs past 400 lines.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

__all__ = [
    "ACTOR_KINDS",
    "APPOINTING_VERBS",
    "CUSTOMER_NOUNS",
    "EARLIER_TONNES",
    "BLOC_REFERENCES",
    "BOILERPLATE",
    "COUNT_NOUNS",
    "CURRENCIES",
    "CURRENCY_SIGN",
    "DATELINE",
    "DEFINITE_REFERENCES",
    "PARTNER_REFERENCES",
    "PROGRAMME_REFERENCES",
    "COUNTRY_REFERENCES",
    "NOT_MATERIALS",
    "PAY_VERBS",
    "PURCHASE_NOUNS",
    "SALE_ASSETS",
    "SALE_VERBS",
    "PURCHASE_VERBS",
    "TALKS_NOUNS",
    "REGIONAL_DEMONYMS",
    "CONTINENTAL_DEMONYMS",
    "NEEDS_NOUNS",
    "RESTRICTING_VERBS",
    "AUXILIARIES",
    "DETERMINERS",
    "FACILITY_REFERENCES",
    "PART_NUMBERS",
    "CALENDAR",
    "COMPASS_WORDS",
    "DEMONYMS",
    "DOMAIN_WORDS",
    "FACILITIES_IN_ONE_PLACE",
    "FACILITY_NOUNS",
    "WORKS_NOUNS",
    "FACILITY_WORDS",
    "HYPHEN_PREFIXES",
    "COMBINING_FORMS",
    "PLACE_NAME_WORDS",
    "PLACE_TIES",
    "LICENCES",
    "LAND_NOUNS",
    "DIVISION_WORDS",
    "BODY_WORDS",
    "GIVEN_PASSIVE",
    "HEDGE_PHRASES",
    "HOLDING_COMPANY",
    "HEDGE_WORDS",
    "IMPORT_WORDS",
    "MASS_UNITS",
    "MINERAL_NAMES",
    "MULTIPLIERS",
    "NOT_MINERALS",
    "NAME_PARTICLES",
    "NATURAL_FEATURES",
    "NUMBERED_PARTS",
    "NAMED_KINDS",
    "NEW_CLAUSE",
    "NEARBY_WORDS",
    "WEALTH_WORDS",
    "NUMBER_WORDS",
    "HELD_TOGETHER",
    "HOLDER_SELLS",
    "ORG_OPENERS",
    "LEGAL_FORMS",
    "ORG_SUFFIXES",
    "PRONOUNS",
    "CAPITALS",
    "PLACE_PREPOSITIONS",
    "SUBJECT_PRONOUNS",
    "COMPANY_TITLES",
    "TITLES",
    "COMPANY_NOUNS",
    "COMMON_SUBJECTS",
    "GROUP_NOUNS",
    "PARTY_KINDS",
    "RELATION_TRIGGERS",
    "ROLE_WORDS",
    "SEVERAL_DEALS",
    "SCALES",
    "SHARE_PRICE_MOVE",
    "TAIL_MARKERS",
    "WORLD_REGIONS",
    "number_value",
]

ACTOR_KINDS = {"country", "company", "agency", "org", "alliance", "publisher", "person"}
NAMED_KINDS = ACTOR_KINDS | {"region", "city", "facility", "material"}
PARTY_KINDS = {"country", "company", "agency", "org", "alliance"}
HEDGE_WORDS = {
    "over",
    "about",
    "nearly",
    "approximately",
    "around",
    "almost",
    "roughly",
    "some",
    "~",
    ">",
    "<",
    "may",
    "could",
    "might",
    "only",
    "just",
    "estimated",
    "roughly",
    "below",
    "above",
    "under",
}
HEDGE_PHRASES = [
    ("up", "to"),
    ("more", "than"),
    ("less", "than"),
    ("fewer", "than"),
    ("at", "least"),
    ("close", "to"),
    ("as", "much", "as"),
    ("as", "many", "as"),
    ("could", "eventually"),
    ("is", "projected", "to"),
]
MASS_UNITS = {"tpa": 1, "ktpa": 10**3, "mtpa": 10**6, "kt": 10**3}
"""Tonnes written short, with their scale: "tpa" (tonnes per annum), "ktpa", "Mtpa", "kt"; "Mt" is read case-sensitively."""
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9, "m": 10**6, "crore": 10**7, "lakh": 10**5}
SHARE_PRICE_MOVE = re.compile(  # "ASM shares closed 4% higher", "The stock fell 2%": the market's day, no figure of the graph
    r"\b(?:shares|stock|stocks)\b(?:\s+\w+){0,3}?\s+(?:rose|rise|fell|fall|jumped|climbed|dropped|slid|gained|lost|closed|ended|"
    r"surged|tumbled|plunged|soared|rallied|edged|were\s+(?:up|down))\b",
    re.IGNORECASE,
)
CURRENCY_SIGN = r"(?:[A-Z]{0,2}\$|€|£)"
"""A currency's sign, with a country's letters before a dollar: "$", "A$", "US$", "€", "£"."""
EARLIER_TONNES = r"[\d.,]+\s+(?:million\s+)?tonnes\s+(?:in\s+\d{4}\s+)?from\s+(?:about\s+)?"
"""A mass then the one it is compared with: "390,000 tonnes in 2025 from (about) …"."""
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "yen": "JPY",
    "¥": "JPY",
    "a$": "AUD",
    "aud": "AUD",
    "euros": "EUR",
    "€": "EUR",
    "yuan": "CNY",
    "eur": "EUR",
    "cny": "CNY",
    "rmb": "CNY",
    "jpy": "JPY",
    "c$": "CAD",
    "ca$": "CAD",
    "cad": "CAD",
    "£": "GBP",
    "gbp": "GBP",
    "₹": "INR",
    "inr": "INR",
    "rupees": "INR",
    "rupee": "INR",  # "a 72.8 billion rupee scheme"
    "dollar": "USD",
    "euro": "EUR",
    "won": "KRW",  # after a number only: "5 trillion won"
    "reais": "BRL",
    "ringgit": "MYR",
    "rand": "ZAR",
    "₩": "KRW",
    "krw": "KRW",
    "hk$": "HKD",
    "nz$": "NZD",
    "r$": "BRL",
    "brl": "BRL",
    "s$": "SGD",
    "pound": "GBP",  # after a number, before no "of" (see the MONEY patterns): "a 1.5 million pound grant"
    "pounds": "GBP",
    "sterling": "GBP",
    "forints": "HUF",
    "forint": "HUF",
    "zloty": "PLN",
    "crowns": "SEK",  # Sweden's, unless a demonym says whose (CROWNS)
    "crown": "SEK",  # "a 7 billion Norwegian crown expansion" (whose: CROWNS)
    "kroner": "NOK",
    "krone": "NOK",
    "kronor": "SEK",
    "krona": "SEK",
    "tenge": "KZT",
    "rubles": "RUB",
    "roubles": "RUB",
    "rupiah": "IDR",
    "naira": "NGN",
    "dirhams": "AED",
    "riyals": "SAR",
    "baht": "THB",
}
CROWNS = {"swedish": "SEK", "norwegian": "NOK", "danish": "DKK", "czech": "CZK", "icelandic": "ISK"}
"""Whose crowns a demonym says: "1.5 billion Norwegian crowns"."""
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "seventeen": 17,
    "twenty": 20,
    "hundred": 100,
}
COUNT_NOUNS = {
    "deposits",
    "mines",
    "elements",
    "minerals",
    "metals",
    "plants",
    "refineries",
    "facilities",
    "projects",
    "companies",
    "agreements",
    "sites",
    "smelters",
    "earths",  # "seven medium and heavy rare earths"
    "manufacturers",  # "will support up to five manufacturers"
    "producers",
    "makers",
    *("blocks", "licences", "licenses", "concessions", "tenements", "permits"),  # "to explore five lithium brine blocks"
}
MULTIPLIERS = {
    "double": (200, "percent"),
    "doubled": (200, "percent"),
    "triple": (3, "times"),
    "tripled": (3, "times"),
    "quadruple": (4, "times"),
    "quadrupled": (4, "times"),
    "halve": (50, "percent"),
    "halved": (50, "percent"),
}
DOMAIN_WORDS = re.compile(
    r"rare earth|\bREEs?\b|mineral|magnet|\bmin(e|es|ing|er|ers)\b|refin|process|deposit|\bores?\b|lithium|gallium|"
    r"neodymium|praseodymium|NdPr|supply chain|export|embargo|production|producer|\boutput\b|stockpil|metal|"
    r"\bprojects?\b|\bplants?\b|\bfacility\b|\bfacilities\b|\bfactory\b|refiner|smelt|recycl|offtake|critical|\bmills?\b|\boxides?\b|\balloys?\b|\bconcentrates?\b|uranium|monazite|"
    r"dysprosium|terbium|yttrium|lanthanum|cerium|samarium|scandium|europium|gadolinium|holmium|lutetium|erbium|"
    r"batter(?:y|ies)|cathodes?|anodes?|precursors?",  # "a battery materials complex", "cathode precursor"
    re.IGNORECASE,
)
BOILERPLATE = re.compile(
    r"^((?:home|menu|search|rechercher|sponsored|advertisement|related|subscribe|newsletter|cookie)\b(?!\s+(?-i:[A-Z][a-z]))"
    r"|commandit|read more|lire la suite|you may also like|"
    r"leave a (comment|reply)|share (this|your thoughts)|sign up|adblock|this site uses|"
    r"posts?$|par \w+ \d{4}-|by \w+ \d{4}-|also on our radar|google-site-verification)",
    re.IGNORECASE,
)  # a navigation word, not a name it opens ("Search Minerals plans to ship …")
DATELINE = re.compile(  # "DENVER, Oct 14 (Newswire) - ", "KYIV (Newswire) - ", "KUALA LUMPUR - ": where and when, no fact
    r"\s*[A-Z][A-Z.'’]+(?:\s+[A-Z][A-Z.'’]+)*(?:,\s*[^-–—()\n]{1,30}?)?(?:\s*\([^)\n]{1,40}\))?\s+[-–—]{1,2}\s+"
)
TAIL_MARKERS = re.compile(
    r"^(you may also like|lire la suite|read more|related (posts|articles)|also on our radar|"
    r"leave a comment|commandité)",
    re.IGNORECASE,
)
DEFINITE_REFERENCES = {
    "miner",
    "developer",  # "the developer's Gabanintha project"
    "company",
    "firm",
    "group",
    "producer",
    "refiner",
    "government",
    "ministry",
    "agency",
    "country",
    "council",
    "state",
}
PROGRAMME_REFERENCES = {"scheme", "programme", "program", "package", "initiative"}  # "the scheme": the latest programme named
PARTNER_REFERENCES = {"partners", "companies", "sides", "parties"}  # "The partners plan to build": the latest agreement's parties
NAME_PARTICLES = {
    "e",  # "Tshipi e Ntle Manganese Mining", "Mineracao e Metalurgia"
    "y",  # "Minera y Metalurgica del Boleo"
    "da",
    "de",
    "do",
    "dos",
    "das",
    "del",
    "della",
    "di",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "al",
    "le",
    "la",
    "des",  # "the Lac des Iles mine"
    "du",
    "und",  # "Wolfram Bergbau und Hütten"
}  # "Bernardo da Veiga"
NUMBERED_PARTS = {"phase", "stage", "line", "unit", "train", "block", "lot", "zone", "level", "pit", "shaft", "module", "tranche"}
"""Words a number follows naming a part of something ("Phase 2", "Unit 3"), not a name of its own."""
NATURAL_FEATURES = {"Sea", "Ocean", "River", "Gulf", "Desert", "Basin"}
"""The last word of a place of nature's name ("the Salton Sea"), which names no company."""
REGIONAL_DEMONYMS = {"european", "western", "asian", "african", "nordic", "baltic", "arab", "latin"}  # of no one country
CONTINENTAL_DEMONYMS = {"european": "Europe", "asian": "Asia"}
"""Demonyms of a part of the world, read as that place only before what it needs ("30% of European demand")."""
NEEDS_NOUNS = {"demand", "needs", "consumption", "requirements"}
"""What a place needs, whose share a supplier meets ("30% of Japanese demand")."""
COUNTRY_REFERENCES = {"government", "country", "state"}  # "The state will hold a 20% stake"
BLOC_REFERENCES = {
    "bloc",
    "union",
}  # "the bloc": the latest union of countries named ("the European Union")  # "the government", "the country": the latest country named
AUXILIARIES = {"is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "also", "recently"}
PRONOUNS = {
    "it",
    "they",
    "he",
    "she",
    "we",
    "i",
    "you",
    "its",
    "their",
    "there",
    "here",
    "in",
    "on",
    "at",
    "by",
    "for",
    "since",
    "after",
    "before",
}
PART_NUMBERS = {"one", "two", "three", "1", "2", "3"}
"""What numbers a project's stage or phase ("Stage one", "phase 2"): a part of the facility named before."""
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our"}  # "The refinery" is no name
FACILITY_REFERENCES = {  # "the mine": the latest facility named a mine, or a project
    "mine": ("mine", "project", "deposit"),  # "The mine could produce" after "to develop the Mingomba copper deposit"
    "deposit": ("deposit", "mine", "project"),
    "mill": ("mill",),
    "concentrator": ("concentrator", "mill", "plant"),  # "The concentrator would produce …"
    "site": ("site", "mine", "project", "deposit"),  # "a new plant at the site"
    "complex": ("complex", "mine", "project"),  # "The complex produced …"
    "converter": ("converter", "plant", "refinery"),  # "buy lithium hydroxide from the converter"
    "refinery": ("refinery", "plant"),
    "plant": ("plant", "refinery", "factory", "facility", "complex"),
    "smelter": ("smelter",),
    "facility": ("facility", "plant", "refinery", "factory", "complex", "project"),  # "building the commercial facility"
    "phase": ("project", "mine", "plant", "refinery", "factory", "facility", "smelter", "deposit"),  # "the first phase"
    "stage": ("project", "mine", "plant", "refinery", "factory", "facility", "smelter", "deposit"),  # "The first stage"
    "factory": ("factory", "plant"),
    "project": ("project", "mine", "deposit", "plant", "refinery", "facility", "factory", "smelter"),
    "railway": ("railway",),  # "The railway is run by …"
    "operation": ("operation", "mine"),  # "The operation produced …" after "its Murrin Murrin nickel and cobalt operation"
    "expansion": (
        "operation",
        "mine",
        "project",
        "plant",
        "refinery",
        "smelter",
        "complex",
        "facility",
    ),  # "The expansion would lift capacity"
}
DEMONYMS = {
    "chinese": "China",
    "japanese": "Japan",
    "australian": "Australia",
    "american": "United States",
    "indian": "India",
    "korean": "South Korea",
    "malaysian": "Malaysia",
    "vietnamese": "Vietnam",
    "thai": "Thailand",
    "saudi": "Saudi Arabia",
    "kazakh": "Kazakhstan",
    **{  # a country's demonym, where it is not the country's name with a suffix the rules of _demonym read
        "british": "United Kingdom",
        "french": "France",
        "german": "Germany",
        "canadian": "Canada",
        "brazilian": "Brazil",
        "swedish": "Sweden",
        "norwegian": "Norway",
        "finnish": "Finland",
        "danish": "Denmark",
        "estonian": "Estonia",
        "ukrainian": "Ukraine",
        "russian": "Russia",
        "mongolian": "Mongolia",
        "burmese": "Myanmar",
        "indonesian": "Indonesia",
        "philippine": "Philippines",
        "turkish": "Türkiye",
        "uzbek": "Uzbekistan",
        "polish": "Poland",
        "spanish": "Spain",
        "italian": "Italy",
        "dutch": "Netherlands",
        "belgian": "Belgium",
        "swiss": "Switzerland",
        "austrian": "Austria",
        "tanzanian": "Tanzania",
        "malawian": "Malawi",
        "angolan": "Angola",
        "namibian": "Namibia",
        "ugandan": "Uganda",
        "kenyan": "Kenya",
        "malagasy": "Madagascar",
        "chilean": "Chile",
        "mexican": "Mexico",
        "peruvian": "Peru",
        "argentine": "Argentina",
        "greenlandic": "Greenland",
        "taiwanese": "Taiwan",
        "emirati": "United Arab Emirates",
        "qatari": "Qatar",
        "israeli": "Israel",
        "egyptian": "Egypt",
        "moroccan": "Morocco",
        "pakistani": "Pakistan",
        "laotian": "Laos",
        "singaporean": "Singapore",
        "portuguese": "Portugal",
        "greek": "Greece",
        "irish": "Ireland",
        "czech": "Czechia",
        "south african": "South Africa",
        "congolese": "Democratic Republic of Congo",  # the news's Congo: Kinshasa's
        "gabonese": "Gabon",
        "zambian": "Zambia",
        "zimbabwean": "Zimbabwe",
        "mozambican": "Mozambique",
        "guinean": "Guinea",
        "ghanaian": "Ghana",
        "nigerian": "Nigeria",
        "rwandan": "Rwanda",
        "bolivian": "Bolivia",
        "colombian": "Colombia",
        "ecuadorian": "Ecuador",
        "kyrgyz": "Kyrgyzstan",
        "tajik": "Tajikistan",
        "omani": "Oman",
        "iranian": "Iran",
        "serbian": "Serbia",
        "romanian": "Romania",
        "bulgarian": "Bulgaria",
        "hungarian": "Hungary",
        "lithuanian": "Lithuania",
        "malian": "Mali",
        "nigerien": "Niger",
        "ivorian": "Ivory Coast",
        "senegalese": "Senegal",
        "burkinabe": "Burkina Faso",
        "ethiopian": "Ethiopia",
        "sudanese": "Sudan",
        "algerian": "Algeria",
        "tunisian": "Tunisia",
        "libyan": "Libya",
        "mauritanian": "Mauritania",
        "cameroonian": "Cameroon",
        "liberian": "Liberia",
        "kazakhstani": "Kazakhstan",
        "turkmen": "Turkmenistan",
        "azerbaijani": "Azerbaijan",
        "armenian": "Armenia",
        "iraqi": "Iraq",
        "jordanian": "Jordan",
        "kuwaiti": "Kuwait",
        "cambodian": "Cambodia",
        "bangladeshi": "Bangladesh",
        "sri lankan": "Sri Lanka",
        "cuban": "Cuba",
        "venezuelan": "Venezuela",
        "paraguayan": "Paraguay",
        "uruguayan": "Uruguay",
        "croatian": "Croatia",
        "slovak": "Slovakia",
        "slovenian": "Slovenia",
        "albanian": "Albania",
        "latvian": "Latvia",
        "icelandic": "Iceland",
    },  # fmt: skip
    "african": "Africa",
}
CAPITALS = {  # a capital named for its government ("Tokyo has reduced its dependence on China")
    "beijing": "China",
    "tokyo": "Japan",
    "washington": "United States",
    "canberra": "Australia",
    "seoul": "South Korea",
    "new delhi": "India",
    "kuala lumpur": "Malaysia",
    "hanoi": "Vietnam",
    "bangkok": "Thailand",
    "moscow": "Russia",
    "ottawa": "Canada",
    "jakarta": "Indonesia",
    "riyadh": "Saudi Arabia",
    "astana": "Kazakhstan",
    "pretoria": "South Africa",
    "nairobi": "Kenya",
    "windhoek": "Namibia",
    "lilongwe": "Malawi",
    "brasilia": "Brazil",
    "brussels": "European Union",
}
PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "around", "across", "to"}  # "signed in Tokyo": the place, not the government
SUBJECT_PRONOUNS = {"it", "they"}
COMPANY_NOUNS = {
    "maker",
    "company",
    "miner",
    "producer",
    "firm",
    "refiner",
    "developer",
    "manufacturer",
    "startup",
    "supplier",
    "processor",
    "recycler",
    "trader",
    "unit",  # "Global Tungsten & Powders, a U.S. unit of Austria's Plansee group"
    "subsidiary",
    "conglomerate",  # "state conglomerate Rostec"
}
TITLES = r"(?:Trade|Energy|Industry|Industrial|Climate|Competition)\s+(?:Chief|Commissioner)|Commissioner|Chief\s+(?:Financial|Operating|Technology)\s+Officer|CFO|COO|Prime\s+Minister|(?:Economy|Trade|Industry|Foreign|Finance|Mines|Mining|Energy|Resources|Commerce|Defen[cs]e)\s+Minister|President|Premier|Treasurer|Chancellor|Senator|Governor|Chief\s+Executive|CEO|Chairman|Chairwoman|Managing\s+Director|Founder|Secretary|Minister(?:\s+(?:for|of)(?:\s+[A-Z]\w+){1,2}?)?"
"""The titles a position is named by, as a pattern ("Minister for Resources")."""
APPOINTING_VERBS = {"appointed", "named", "hired"}
"""Verbs giving a person a position by the title after the name ("has appointed Wu Lei as chief executive", "has named
Dean Hanisch interim chief executive")."""
COMPANY_TITLES = {  # held in a company
    *("CEO", "Chief Executive", "Chairman", "Chairwoman", "Founder", "Director", "Managing Director"),
    *("Chief Financial Officer", "Chief Operating Officer", "CFO", "COO"),
}
CALENDAR = {
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    *("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"),
}
GROUP_NOUNS = {"firms", "companies", "investors", "miners", "producers", "manufacturers", "makers", "buyers", "refiners", "automakers"}
COMMON_SUBJECTS = GROUP_NOUNS | {  # plural nouns that open a sentence as its subject ("Officials signed"), not names ("Stellantis has")
    *("officials", "analysts", "experts", "authorities", "leaders", "governments", "countries", "nations", "states", "regulators"),
    *("customers", "suppliers", "traders", "exports", "imports", "prices", "shares", "sales", "talks", "reserves", "deposits"),
    *("plants", "mines", "others", "both", "many", "most", "some", "these", "those", "partners", "allies", "members"),
    *("smelters", "refineries", "factories", "projects", "operations", "workers"),  # "Smelters at the … park are run by"
}
WEALTH_WORDS = {"billionaire", "magnate", "tycoon", "businessman", "businesswoman", "entrepreneur"}
"""What a person who owns companies is called by ("billionaire Ira Rennert's Renco Group")."""
ROLE_WORDS = {
    *WEALTH_WORDS,  # "billionaire Ira Rennert": a person, no position
    *("officer", "financial", "operating"),  # "Chief financial officer Chris Carroll"
    "commissioner",  # "Industry Commissioner Stephane Sejourne"
    "president",
    "minister",
    "ceo",
    "chairman",
    "chairwoman",
    "director",
    "secretary",
    "chief",
    "executive",
    "founder",
    "analyst",
    "spokesperson",
    "spokesman",
    "premier",
    "prime",
    "treasurer",
    "chancellor",
    "governor",
    "senator",
}
HELD_TOGETHER = re.compile(r"\b(?:jointly|together)\s+(?:hold|holds|own|owns|control|controls)\s+(?:about\s+|around\s+)?$")
"""Before a share its holders hold together ("A and B jointly hold 51%"): no one holder's share."""
HOLDER_SELLS = re.compile(r"\bstakes?\s+(?:held|owned)\s+by\b")
"""A stake named by its holder, bought from it ("bought the 49.9% stake held by Tsingshan")."""
LEGAL_FORMS = {"SA", "S.A.", "AG", "PLC", "plc", "LLC", "LP", "GmbH", "NV", "N.V.", "BV", "SpA", "AB", "ASA", "Tbk", "SAS", "SE"}
"""What closes a company's name, as written: "Imouraren SA", "Glencore plc", "Vacuumschmelze GmbH"."""
ORG_OPENERS = {"minera", "mineração", "mineradora", "compañía", "companhia", "empresa", "sociedad", "grupo", "corporación"}
"""Words that open a company's name in Spanish or Portuguese ("Minera Panama", "Grupo México")."""
ORG_SUFFIXES = {
    "ltd",
    "ltd.",
    "company",
    "holdings",
    "holding",  # "Reenova Investment Holding"
    "limited",
    "inc",
    "inc.",
    "corporation",
    "corp",
    "corp.",
    "group",
    "institute",
    "laboratory",  # "Oak Ridge National Laboratory"
    "council",
    "ministry",
    "office",
    "agency",
    "initiative",
    "alliance",
    "partnership",
    "association",
    "organization",
    "organisation",
    "bank",
    "capital",
    "council",
    "commission",
    "department",
    "fund",
    "materials",
    "metals",
    "minerals",
    "mining",
    "mines",  # "Ivanhoe Mines"
    "energy",  # "Paladin Energy", "Boss Energy"
    "resources",
    "band",  # "McLeod Lake Indian Band", "Kitselas First Nation"
    "nation",
    "technologies",  # "Arnold Magnetic Technologies", "ReElement Technologies"
    "industries",
    "steel",  # "Baotou Steel", "Nippon Steel"
    "labs",
    "laboratories",
    "systems",
    "partners",  # "Cupric Canyon Partners", "Lansdowne Partners"
    "investments",  # "Magneto Investments LP"
    "investimentos",  # "J&F Investimentos"
    "management",  # "Waterton Global Resource Management"
    "exchange",  # "London Metal Exchange"
}
IMPORT_WORDS = (
    "imports",
    "imported",
    "import",
    "buys",
    "bought",
    "buy",
    "sources",
    "sourced",
    "source",
    "sourcing",
    "purchase",
    "purchases",
)  # the customer comes first
FACILITY_WORDS = {
    "seabed",  # "its Minamitorishima seabed project"
    "tailings",  # "its Big Hill tailings site"
    "slag",
    "island",  # "its Obi island complex"
    "lepidolite",  # "its Jianxiawo lepidolite mine"
    "spodumene",
    "bastnaesite",
    "heavy",  # "the Lofdal heavy rare earth project"
    "critical",  # "its Elk Creek critical minerals project"
    "minerals",
    "light",
    "rare",
    "earth",
    "earths",
    "mineral",
    "sands",
    "magnet",
    "lithium",
    "nickel",
    "graphite",
    "processing",
    "separation",
    "refining",
    "smelting",  # "its Chanderiya smelting complex"
    "mining",
    "oxide",
    *("hydroxide", "carbonate", "sulphate", "sulfate", "metal", "metals"),  # "its Kemerton lithium hydroxide plant"
    "brine",  # "its Kachi lithium brine project"
    "alumina",  # "its Vaudreuil alumina refinery"
    "coal",
    "diamond",  # "the Renard diamond mine"
    "kaolin",
    "clay",  # "its Koppamurra clay rare earth project"
    "ferronickel",  # "the nearby Pronico ferronickel smelter"
    "underground",  # "the Reid Brook underground deposit"
    *("demonstration", "pilot", "geothermal", "synthetic"),  # "its Trelavour lithium hydroxide demonstration plant"
    "polymetallic",  # "its Dubbo polymetallic project"
    *("exploration", "development"),  # "the nearby Wira exploration project"
    *("coltan", "cassiterite", "wolframite", "tantalite", "fluorite"),  # "the Rubaya coltan mine": ores named in a mine's name
}
MINERAL_NAMES = {
    "graphite",
    "fluorspar",
    "bauxite",
    "potash",
    "phosphate",
    "barite",
    "ilmenite",
    "rutile",
    "zircon",
    "spodumene",
    "bastnaesite",
    "xenotime",
    "aluminium",  # the element's British name ("the Mount Holly aluminium smelter")
    "caesium",
    "sulphur",
}
NOT_MINERALS = {  # elements whose names are more often something else ("lead"), or no mineral of the trade
    *("hydrogen", "helium", "carbon", "nitrogen", "oxygen", "fluorine", "neon", "chlorine", "argon", "krypton", "xenon", "radon", "lead"),
}
WORKS_NOUNS = ["plant", "refinery", "smelter", "factory", "mill", "concentrator"]
"""What a company builds, starts or spends on to make or treat material ("on a desalination plant", "started a … plant")."""
FACILITY_NOUNS = {
    "park",  # "the Indonesia Morowali Industrial Park"
    "mine",
    "mill",
    "refinery",
    "plant",
    "smelter",
    "facility",
    "factory",
    "hub",
    "project",
    "deposit",
    "site",
    "complex",
    "campus",
    "concentrator",  # "its Kambalda nickel concentrator"
    "converter",  # "a hydroxide converter near Wolfsberg"
    "quarry",  # "its Beauvoir kaolin quarry"
    "operation",  # "the North American Lithium operation" (named; "its normal business operation" describes none)
    "railway",  # "the Lobito Atlantic Railway": what carries ore to port
}
FACILITIES_IN_ONE_PLACE = {"plants", "factories", "refineries", "smelters", "mills", "mines"}
"""An owner's facilities named by a plural noun and their place: one facility in each place ("its plants in Daegu"; "its plants
in Ganzhou, Baotou and Ningbo": three)."""
RESTRICTING_VERBS = {
    "halted", "halt", "stopped", "stopping", "banned", "ban", "bans", "restricted", "restrict", "restricts",
    "curb", "curbs", "curbed", "limit", "limits", "limited", "suspend", "suspended", "suspends",
    "banning", "restricting", "curbing", "limiting", "halting",
    "barred", "bars", "barring", "prohibited", "prohibits", "prohibiting",  # "has barred the export of unprocessed lithium ore"
}  # fmt: skip
NOT_MATERIALS = re.compile(
    r"\b(?:technology|technologies|expertise|know-how|funding|investment|security|protection|support|(?<!-)power(?!-)|electricity)\b"
)  # "relies on Japan for processing technology", "to supply power to the site" (not "high-power magnets")
WORLD_REGIONS = {  # parts of the world no list of countries holds: places, not companies
    *("europe", "asia", "africa", "oceania", "antarctica", "arctic", "americas", "eurasia", "scandinavia"),
    *("caribbean", "pacific", "atlantic", "balkans", "baltics", "sahel", "maghreb", "levant", "gulf"),
}
LICENCES = {"licence", "license", "permit", "concession", "lease"} | {"licences", "licenses", "permits", "concessions", "leases"}
"""What a state grants to work a deposit: its holder works it ("the licence held by Magnis for Nachu")."""
PLACE_NAME_WORDS = {"bay", "creek", "hill", "lake", "point", "river", "island", "harbour", "harbor", "cove", "ridge", "valley", "falls"}
"""What a place's name may close with after a possessive: "Voisey's Bay", "Hudson's Bay"."""
PLACE_TIES = {"listed", "based", "headquartered", "registered"}
"""What ties a company to the place before it: "Hong Kong-listed MMG", "Perth-based Iluka"."""
COMBINING_FORMS = {"sino", "anglo", "franco", "indo", "euro", "afro", "austro"}
"""Forms that join a demonym: hyphenated an adjective ("Sino-Japanese"), before it as a word a name ("Anglo American")."""
HYPHEN_PREFIXES = {  # the first part of a hyphenated word that is no name: "Sino-Japanese", "Mid-June", "Asia-Pacific"
    *COMBINING_FORMS,
    *"trans mid non pan post pre pro anti ex co re multi inter sub semi self".split(),
    *"asia pacific atlantic arctic north south east west".split(),
}
GIVEN_PASSIVE = r"\b(?:been|was|were|is|are)\s+(?:awarded|granted|given|lent|loaned|offered)"  # "has been awarded $20 million by"
BODY_WORDS = {  # what a state's body is called: "Western Australia Department", "China's Commerce Ministry"
    *"department ministry office agency council commission institute government parliament congress senate cabinet".split(),
}
DIVISION_WORDS = {"province", "state", "prefecture", "region", "county", "territory", "oblast"}  # "in Gangwon province"
LAND_NOUNS = {  # what a named place is: "the Uyuni salt flat", "the Atacama desert" (the name alone is the place)
    *"salt salar basin valley desert plateau peninsula coast river lake delta".split(),
}
COMPASS_WORDS = ("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central")
"""Words that, before a country's name, name a part of it ("South Australia", "Northern Ontario")."""
SEVERAL_DEALS = {"agreements", "deals", "mous", "memorandums", "memoranda", "pacts", "contracts"}  # "signed exploration MOUs": one each
PAY_VERBS = {"pay", "pays", "paid", "paying"}
RECEIVING_VERBS = {"received", "receives", "won", "wins", "secured", "secures", "obtained", "obtains", "got", "gets"}
"""Verbs of getting what is granted ("has received environmental approval for a plant")."""
NEARBY_WORDS = {"nearby", "neighbouring", "neighboring", "adjacent", "idle", "former"}
"""Words between an article and a facility's name ("the nearby Renard diamond mine")."""
PRODUCT_NOUNS = {"concentrate", "output", "ore", "spodumene", "carbonate", "hydroxide", "oxide", "oxides", "metal", "cathode", "cathodes"}
"""What a producer sells, named with "the" when the text has said whose ("agreed to buy the concentrate")."""
PURCHASE_VERBS = {"bought", "buys", "buy", "acquired", "acquires", "acquire", "purchased", "purchases"}
TALKS_NOUNS = {"talks", "negotiations", "discussions", "negotiating"}  # "in talks with", "negotiating with": parties of talks
SALE_VERBS = {"sold", "sells", "sell", "selling"}
SALE_ASSETS = {"business", "businesses", "unit", "stake", "mine", "project", "plant", "assets", "operations", "subsidiary", "division"}
"""What is sold when a business changes hands ("sold its H.C. Starck tungsten business to Mitsubishi Materials"), not a material."""
HOLDING_COMPANY: list[dict[str, Any]] = [{"LOWER": {"IN": ["holding", "investment"]}}, {"LOWER": {"IN": ["company", "vehicle"]}}]
"""The words of a company that holds others for its owner: "his holding company Interros", "its investment vehicle"."""
_SOLD_TO: list[dict[str, Any]] = [  # "sold its H.C. Starck tungsten business to Mitsubishi Materials": the seller and the buyer
    {"LOWER": {"IN": sorted(SALE_VERBS)}},
    {"LOWER": {"IN": ["its", "their", "the", "a", "an", "his", "her"]}},
    {"LOWER": {"NOT_IN": ["to", "for", ".", ";", ","]}, "OP": "{0,5}"},
    {"LOWER": {"IN": sorted(SALE_ASSETS)}},
    {"LOWER": "to"},
]
_SOLD_ITS_STAKE_TO: list[dict[str, Any]] = [  # "has sold its 43% stake in the Kipawa project in Quebec to QPM": sold, the buyer's now
    {"LOWER": "sold"},
    {"LOWER": {"IN": ["its", "their", "a", "an"]}},  # "has sold a 7.5% stake in its PAK project to Mitsubishi" too
    {"LIKE_NUM": True},
    {"ORTH": "%"},
    {"LOWER": "stake"},
    {"LOWER": "in"},
    {"LOWER": {"NOT_IN": ["to", "for", ".", ";", ","]}, "OP": "{1,8}"},
    {"LOWER": "to"},
]
CUSTOMER_NOUNS = {"customers", "customer", "buyers", "buyer", "clients", "client"}
"""Who buys from a supplier: "Its largest customers include A and B", "sells to customers in China"."""
PURCHASE_NOUNS = {"acquisition", "purchase", "takeover"}
"""What a purchase is called: "its $6.7 billion acquisition of Arcadium Lithium" (the buyer's, and a deal with the one bought)."""
_LICENCE_KIND = {"TEXT": {"REGEX": r"^(?:[a-z]+|\d+|-)$"}, "OP": "{0,4}"}
"""What a licence is ("special mining", "30-year exploitation"): lower-case words, a term in years."""
RELATION_TRIGGERS = {
    "agreement": [
        [{"LOWER": {"IN": ["signed", "sign", "signs", "agreed", "forged", "announced", "inked"]}}],
        [{"LOWER": {"IN": ["agreement", "deal", "pact", "mou", "memorandum", "framework", "contract", *sorted(SEVERAL_DEALS)]}}],
        [{"LOWER": "joint"}, {"LOWER": {"IN": ["venture", "ventures"]}}],
        [{"LOWER": {"IN": sorted(PURCHASE_NOUNS | {"merger"})}}, {"LOWER": "of"}],  # "its acquisition of X", "the merger of A and B"
        [{"LOWER": {"IN": ["merger", "merged"]}}, {"LOWER": "with"}],  # "completed its merger with Piedmont Lithium": the two
        [  # "the MATSA mines, which it bought from Trafigura": the buyer and the seller
            {"LOWER": {"IN": ["which", "that"]}},
            {"LOWER": {"IN": ["it", "they"]}},
            {"LOWER": {"IN": ["bought", "acquired", "purchased"]}},
            {"LOWER": "from"},
        ],
        _SOLD_TO,
        _SOLD_ITS_STAKE_TO,
        [{"LOWER": {"IN": ["linked", "partnered", "partnering", "teamed", "partnership"]}}, {"LOWER": {"IN": ["with", "up"]}}],
        [
            {"LOWER": {"IN": sorted(PURCHASE_VERBS)}},
            {"TEXT": {"REGEX": "^[A-Z]"}},
        ],  # "bought Base Resources", "acquired OZ Minerals": a purchase agreed between the two
        [  # "has bought the idle Windimurra plant … from Atlantic Vanadium": the buyer and the seller
            {"LOWER": {"IN": sorted(PURCHASE_VERBS)}},
            {"LOWER": "the"},
            {"LOWER": {"IN": sorted(NEARBY_WORDS)}, "OP": "?"},
            {"IS_TITLE": True},
        ],
        [{"LOWER": {"IN": sorted(PURCHASE_VERBS)}}, {"LOWER": "it"}],  # "Compass Diversified, which bought it in 2012"
        [  # "Chengtun bought the project's owner, Australia's Nzuri Copper": the buyer and the owner named after the comma
            {"LOWER": {"IN": sorted(PURCHASE_VERBS)}},
            {"LOWER": "the"},
            {"IS_ALPHA": True},
            {"ORTH": {"IN": ["'s", "’s"]}},
            {"LOWER": {"IN": ["owner", "parent", "operator", "developer"]}},
            {"ORTH": ","},
        ],
        [  # "Chilean miner Antofagasta, which bought the company in 2015": the one the sentence is about
            {"LOWER": {"IN": sorted(PURCHASE_VERBS)}},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["company", "firm", "miner", "business", "developer", "group"]}},
        ],
        [  # "bought the project from Itafos": a purchase agreed with the seller
            {"LOWER": {"IN": sorted(PURCHASE_VERBS)}},
            {"LOWER": {"IN": ["the", "its", "their", "a", "an"]}, "OP": "?"},
            {"IS_ALPHA": True, "LOWER": {"NOT_IN": ["from", "to", "for"]}, "OP": "{0,5}"},  # "the Kharaa project from"
            {"LOWER": {"IN": sorted(FACILITY_NOUNS | {"stake", "business", "assets", "company", "unit", "operations", "mines"})}},
            {"LOWER": "from"},
        ],
    ],
    "talks": [  # talks, not agreements
        [{"LOWER": {"IN": sorted(TALKS_NOUNS)}}, {"LOWER": "with"}],
        [  # "A and B are in talks to …": the two talk
            {"LOWER": {"IN": ["are", "were", "remain", "remained"]}},
            {"LOWER": "in"},
            {"LOWER": {"IN": sorted(TALKS_NOUNS - {"negotiating"})}},
            {"LOWER": {"NOT_IN": ["with"]}},
        ],
    ],
    "supplies": [
        [  # "processes antimony at its smelter … using ore from Mexico": the processor's feed
            {"LOWER": "using"},
            {"IS_ALPHA": True, "OP": "{0,2}"},
            {"LOWER": {"IN": ["ore", "ores", "concentrate", "concentrates", "feedstock", "feed"]}},
            {"LOWER": "from"},
        ],
        [
            {
                "LOWER": {
                    "IN": [
                        "supplies",
                        "supplied",
                        "provides",
                        "provided",
                        "sends",
                        "sent",
                        "ships",
                        "shipped",
                        "sells",
                        "sold",
                        "exports",
                        "exported",
                        "shipping",
                        "supplying",
                        "delivers",
                        "delivered",
                        "delivering",
                    ]
                }
            }
        ],
        [{"LOWER": {"IN": ["met", "supplied", "provided"]}}, {"LOWER": "by"}],  # the customer first
        [  # "Nickel concentrate from Voisey's Bay is processed at Vale's Long Harbour plant": the mine's operator supplies the plant's
            {"LOWER": {"IN": ["is", "are", "was", "were"]}},
            {"LOWER": {"IN": ["processed", "treated", "refined", "smelted"]}},
            {"LOWER": "at"},
        ],
        [{"LOWER": {"IN": sorted(PAY_VERBS)}}],  # "to pay its parent X … for rare earth concentrate": X supplies it
        [  # "Its largest customers include A and B": whose customers they are supplies them
            {"LOWER": {"IN": ["its", "their", "'s", "’s"]}},
            {"LOWER": {"IN": ["largest", "biggest", "main", "key", "major", "top", "other"]}, "OP": "?"},
            {"LOWER": {"IN": sorted(CUSTOMER_NOUNS)}},
            {"LOWER": {"IN": ["include", "includes", "included", "are", "were", "is", "was"]}},
        ],
        [  # "The plant would process concentrate from Mkango's Songwe Hill mine": the plant's operator buys from the mine's
            {"LOWER": {"IN": ["process", "processes", "processed", "processing", "treat", "treats", "treated", "refine", "refines"]}},
            {"LOWER": {"IN": ["the", "its", "their"]}, "OP": "?"},
            {"LOWER": {"IN": ["ore", "ores", "concentrate", "concentrates", "feedstock", "feed", "spodumene"]}},
            {"LOWER": "from"},
        ],
        [  # "to take 7,500 tonnes of nickel a year from it": the taker buys, from the mine's operator
            {"LOWER": {"IN": ["take", "takes", "took", "taking"]}},
            {"LOWER": {"IN": ["up", "to", "about", "around", "some"]}, "OP": "{0,2}"},
            {"LIKE_NUM": True},
            {"LOWER": {"IN": ["tonnes", "tons", "million", "thousand"]}},
            {"LOWER": {"NOT_IN": [".", ";", "from"]}, "OP": "{0,8}"},
            {"LOWER": "from"},
        ],
        [  # "will make permanent magnets for General Motors"
            {"LOWER": {"IN": ["make", "makes", "made", "making", "produce", "produces", "produced", "producing"]}},
            {"IS_ALPHA": True, "LOWER": {"NOT_IN": ["for", "a", "the"]}, "OP": "{1,3}"},
            {"LOWER": "for"},
        ],
        [{"LOWER": {"IN": sorted(IMPORT_WORDS)}}],
        [  # "could also supply"
            {"LOWER": {"IN": ["will", "would", "could", "may", "might", "to"]}},
            {"LOWER": {"IN": ["also", "eventually", "initially", "ultimately", "then", "soon", "still"]}, "OP": "?"},
            {"LOWER": {"IN": ["supply", "provide", "ship", "sell"]}},
        ],
        [
            {
                "LOWER": {
                    "IN": ["dependence", "reliance", "dependent", "reliant", "relies", "rely", "relied", "depends", "depend", "depended"]
                }
            },
            {"LOWER": "on"},
        ],
    ],
    "operates": [
        [{"LOWER": "complete"}, {"LOWER": {"IN": ["a", "an", "the", "its", "their"]}}],  # "to complete a sinter plant at its mine"
        [  # "has approved a $4.4 billion second concentrator at its Centinela mine": the approver's to build
            {"LOWER": {"IN": ["approved", "approves"]}},
            {"LOWER": {"IN": ["a", "an"]}},
            {"TEXT": {"REGEX": rf"^{CURRENCY_SIGN}$"}},
        ],
        [  # "its Kayelekera mine, which was shut in 2014 by its former owner Paladin Energy": Paladin ran it
            {"LOWER": {"IN": ["its", "their", "'s", "’s"]}},  # "the mine's operator, Minera y Metalurgica del Boleo" too
            {"LOWER": {"IN": ["former", "previous", "current", "new"]}, "OP": "?"},  # "its operator Anglo American said"
            {"LOWER": {"IN": ["owner", "operator"]}},
        ],
        [  # "restored Rio Tinto's permits for the Jadar project": whose permit, theirs to run
            {"ORTH": {"IN": ["'s", "’s"]}},
            {"LOWER": {"IN": sorted(LICENCES | {"permits", "licences", "licenses", "concessions"})}},
            {"LOWER": {"IN": ["for", "to", "at", "over"]}},
        ],
        [  # "approved Savannah Resources' plan for the Mina do Barroso mine": whose plan, theirs to run (planned)
            {"ORTH": {"IN": ["'s", "’s", "'", "’"]}},
            {"LOWER": {"IN": ["plan", "plans"]}},
            {"LOWER": "for"},
        ],
        [
            {"LOWER": {"IN": ["operated", "owned", "run", "acquired", "bought", "controlled", "led", "backed"]}},
            {"LOWER": {"IN": ["equally", "jointly", "wholly", "fully", "partly"]}, "OP": "?"},  # "owned equally by A and B"
            {"LOWER": "by"},
        ],  # "led by CATL"
        [{"LOWER": {"IN": ["taken", "took"]}}, {"LOWER": "over"}, {"LOWER": "by"}],  # "was later taken over by Neo"
        [  # "the special mining licence held by Magnis for the Nachu project": the holder works it
            {"LOWER": {"IN": sorted(LICENCES)}},
            {"LOWER": "held"},
            {"LOWER": "by"},
        ],
        [{"LOWER": {"IN": sorted(LICENCES)}}, {"LOWER": "of"}],  # "withdrew the operating permit of Orano for the Imouraren deposit"
        [{"LOWER": {"IN": sorted(PURCHASE_VERBS)}}, {"ENT_TYPE": "FACILITY"}],  # "MP Materials bought Mountain Pass": the buyer's
        [  # "bought the nearby Renard diamond mine from Stornoway": the buyer's
            {"LOWER": {"IN": sorted(PURCHASE_VERBS)}},
            {"LOWER": "the"},
            {"LOWER": {"IN": sorted(NEARBY_WORDS)}, "OP": "?"},
            {"IS_TITLE": True},
        ],
        [{"LOWER": {"IN": sorted(PURCHASE_NOUNS)}}, {"LOWER": "of"}],  # "its acquisition of the Khoemacau mine": the buyer's
        [  # "Minera Panama, the company that runs the mine"
            {"ORTH": ","},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["company", "firm", "venture", "group", "unit", "subsidiary"]}},
            {"LOWER": {"IN": ["that", "which"]}},
            {"LOWER": {"IN": ["runs", "operates", "owns", "manages", "develops", "ran", "operated"]}},
        ],
        [  # "Base Resources, the developer of the Toliara project"
            {"ORTH": ","},
            {"LOWER": {"IN": ["the", "a", "an"]}},
            {"IS_LOWER": True, "OP": "?"},
            {"LOWER": {"IN": ["developer", "operator", "owner"]}},
            {"LOWER": "of"},
        ],
        [  # "has shipped the first cargo of concentrate from the Goulamina mine": whoever ships its output runs it
            {"LOWER": {"IN": ["shipped", "ships", "ship", "exported", "exports", "export"]}},
            {"LOWER": {"NOT_IN": ["at", "for", "to", "from", "in", ",", ".", ";"]}, "OP": "{0,10}"},
            {"LOWER": "from"},
            {"LOWER": {"IN": ["the", "its", "their"]}, "OP": "?"},
            {"IS_TITLE": True},
        ],
        [  # "produced its first dysprosium oxide at the White Mesa Mill": whoever works there runs it
            {
                "LOWER": {
                    "IN": [
                        *("produced", "produces", "produce", "made", "makes", "make", "mined", "mines", "mining"),
                        *("processes", "processed", "process", "refine", "refines", "refined"),  # "plans to process the ore at a plant"
                        *("producing", "making", "processing", "refining"),  # "has started producing nickel at a pilot refinery"
                    ]
                }
            },
            {
                "LOWER": {"NOT_IN": ["at", "for", "to", "from", "in", ",", ".", ";"]},
                "OP": "{0,10}",
            },  # "mined about 45,000 tonnes of … oxide at"
            {"LOWER": "at"},
        ],
        [
            {
                "LOWER": {
                    "IN": [
                        "operates",
                        "operated",
                        "ran",
                        "owns",
                        "runs",
                        "run",  # "The partners run the Cauchari-Olaroz operation"
                        "operate",
                        "own",
                        "building",
                        "build",
                        "develop",
                        "constructing",
                        "construct",
                        "built",
                        "opened",
                        "open",
                        "opens",
                        "restart",
                        "restarts",
                        "reopen",
                        "reopens",
                        "opening",
                        "developing",
                        "develops",
                        "operating",
                        "considering",
                        "studying",  # "is studying a lithium sulphate plant at Bikita": a possible plant of its own
                        "weighing",
                    ]
                }
            }
        ],
        [  # "has started a high-pressure acid leach plant at the park": the one starting it runs it
            {"LOWER": {"IN": ["started", "starts", "commissioned", "commissions", "launched", "launches"]}},
            {"LOWER": {"IN": ["a", "an", "its", "their", "the"]}},
            {"LOWER": {"NOT_IN": [".", ",", ";", "at", "in", "of", "for", "to", "with", "on"]}, "OP": "{0,5}"},
            {"LOWER": {"IN": WORKS_NOUNS}},
        ],
        [  # "has raised output at the Bikita lithium mine", "has started production at the Reid Brook deposit": whose output it is runs it
            {
                "LOWER": {
                    "IN": ["raised", "increased", "lifted", "boosted", "resumed", "restarted", "halted", "suspended", "started", "began"]
                }
            },
            {"LOWER": {"IN": ["output", "production", "mining", "operations"]}},
            {"LOWER": "at"},
        ],
        [  # "granted a mining licence for the Makuutu project to X": the licensee works it
            {"LOWER": {"IN": ["granted", "grants", "grant", "awarded", "awards", "award", "issued", "issues"]}},
            {"LOWER": {"IN": ["a", "an", "the"]}},
            _LICENCE_KIND,
            {"LOWER": {"IN": sorted(LICENCES)}},
            {"LOWER": {"IN": ["for", "over"]}},
        ],
        [  # "has granted EcoGraf a special mining licence for the Epanko project": the licensee named first works it
            {"LOWER": {"IN": ["granted", "grants", "grant", "awarded", "awards", "award", "issued", "issues"]}},
            {"TEXT": {"REGEX": r"^[A-Z]"}, "OP": "{1,4}"},  # "EcoGraf" too
            {"LOWER": {"IN": ["a", "an", "the"]}},
            _LICENCE_KIND,
            {"LOWER": {"IN": sorted(LICENCES)}},
            {"LOWER": {"IN": ["for", "over"]}},
        ],
        [  # "broke ground on a factory", "began construction of the plant": who builds it
            {"LOWER": {"IN": ["broke", "broken", "breaks", "break", "breaking", "began", "begun", "begins", "started", "starts"]}},
            {"LOWER": {"IN": ["ground", "construction", "building", "work"]}},
        ],
        [  # "has received environmental approval for a battery anode plant at Bolivar": whose plant is approved runs it
            {"LOWER": {"IN": sorted(RECEIVING_VERBS)}},
            {"IS_LOWER": True, "LOWER": {"NOT_IN": ["a", "an", "the", "its", "their"]}, "OP": "{0,2}"},
            {"LOWER": {"IN": ["approval", "approvals", "permit", "permits", "permission", "consent", "licence", "license"]}},
            {"LOWER": "for"},
        ],
        [  # "Cortec held the licence for Mrima Hill": who holds a deposit's licence works it
            {"LOWER": {"IN": ["holds", "held", "hold"]}},
            {"LOWER": {"IN": ["the", "a", "its", "their"]}},
            {"LOWER": {"IN": ["mining"]}, "OP": "?"},
            {"LOWER": {"IN": ["licence", "license", "licences", "licenses", "permit", "permits", "concession", "lease"]}},
            {"LOWER": {"IN": ["for", "to", "over"]}},
        ],
        [  # "has a refining plant in …", "also has a magnet plant in Thailand": its facility
            {"LOWER": {"IN": ["has", "have"]}},
            {"LOWER": {"IN": ["a", "an", "another"]}, "OP": "?"},
            {"IS_LOWER": True, "LOWER": {"NOT_IN": ["stake", "share", "interest", "plan", "deal", "contract"]}, "OP": "{0,2}"},
            {"LOWER": {"IN": ["plant", "facility", "refinery", "smelter", "factory", "mill"]}},
        ],
        [  # "Alcoa's planned refinery", not "South Africa's mining department granted the mine"
            {"ORTH": {"IN": ["'s", "’s", "'", "’"]}},
            {"IS_LOWER": True, "LOWER": {"NOT_IN": ["the", "a", "an", "its", "their", "to"]}, "OP": "{0,4}"},
            {"LOWER": {"IN": sorted(FACILITY_NOUNS - {"hub"} | FACILITIES_IN_ONE_PLACE)}},  # "Nornickel's mines in Norilsk"
        ],
        [  # "will restart its monazite mine", "at its plants in Ganzhou, Baotou and Ningbo"
            {"LOWER": {"IN": ["its", "their"]}},
            {"LIKE_NUM": True, "OP": "?"},  # "its two Chinese rare earth separation plants"
            {"ENT_TYPE": "COUNTRY", "OP": "?"},
            {"IS_LOWER": True, "LOWER": {"NOT_IN": ["the", "a", "an", "to"]}, "OP": "{0,3}"},
            {"LOWER": {"IN": sorted(FACILITY_NOUNS - {"hub"} | FACILITIES_IN_ONE_PLACE)}},
        ],
        [
            {"ORTH": {"IN": ["'s", "’s", "'", "’"]}},
            {"TEXT": {"REGEX": r"^[A-Z][a-z][\w'’]*$"}, "OP": "{1,3}"},
            {  # what the site is of: "lithium carbonate", "nickel-cobalt", "gold and antimony"
                "TEXT": {"REGEX": r"^(?:[a-z]+|-)$"},
                "LOWER": {"NOT_IN": ["the", "a", "an", "its", "their", "to", "of", "in", "at", "for", "with", "from", "on", "by"]},
                "OP": "{0,4}",
            },
            {"LOWER": {"IN": sorted(FACILITY_NOUNS - {"hub"})}},
        ],  # "Lynas's Mount Weld mine", "Orano's McClean Lake mill", "Ardea Resources' Goongarrie nickel-cobalt project"
    ],
    "invested": [
        [
            {"LOWER": "spun"},
            {"LOWER": {"IN": ["out", "off"]}},
            {"LOWER": {"IN": ["of", "from"]}},
        ],  # "spun out of Iluka in 2022": Iluka's until
        [{"ORTH": "-"}, {"LOWER": {"IN": ["owned", "controlled", "backed"]}}, {"IS_TITLE": True}],  # "Glencore-owned Mount Isa Mines"
        [{"LOWER": "the"}, {"LOWER": {"IN": ["remaining", "other"]}}, {"LIKE_NUM": True}, {"ORTH": "%"}],  # "and B the other 40%"
        [  # "and B holds the other half": of the stake before's
            {"LOWER": {"IN": ["owns", "own", "holds", "hold"]}},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["remaining", "other"]}},
            {"LOWER": "half"},
        ],
        [
            {"LOWER": "and"},
            {"IS_TITLE": True, "OP": "{0,2}"},
            {"ORTH": {"IN": ["'s", "’s"]}, "OP": "?"},  # "and Zambia's ZCCM Investments Holdings the rest"
            {"TEXT": {"REGEX": r"^[A-Z]"}, "OP": "{1,3}"},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["rest", "remainder"]}},
        ],  # "and B the rest"
        [
            {"LOWER": {"IN": ["acquired", "acquires", "acquire"]}},
            {"TEXT": {"REGEX": "^[^A-Z]"}},
        ],  # not "acquired Base Resources", "acquired OZ Minerals" (a purchase)
        [
            {"LOWER": {"IN": ["bought", "buys", "buy", "took", "takes", "take"]}},
            {"LOWER": {"NOT_IN": ["."]}, "OP": "{0,3}"},
            {"LOWER": {"IN": ["stake", "stakes", "control"]}},
        ],
        [  # "has agreed to buy AVZ Minerals' 75% stake in …": the buyer's to be (the seller's is read from "stake")
            {"LOWER": {"IN": sorted(PURCHASE_VERBS)}},
            {"TEXT": {"REGEX": "^[A-Z]"}, "OP": "{1,4}"},
            {"ORTH": {"IN": ["'s", "’s", "'", "’"]}},
            {"LIKE_NUM": True, "OP": "?"},
            {"ORTH": "%", "OP": "?"},
            {"LOWER": {"IN": ["stake", "stakes"]}},
        ],
        [  # "will pay $83 million for BHP's 17% stake in …": the payer's to be, as a buyer's
            {"LOWER": {"IN": ["pay", "pays", "paid", "paying"]}},
            {"LOWER": {"NOT_IN": ["for", ".", ";"]}, "OP": "{0,5}"},
            {"LOWER": "for"},
            {"TEXT": {"REGEX": "^[A-Z]"}, "OP": "{1,4}"},
            {"ORTH": {"IN": ["'s", "’s", "'", "’"]}},
            {"LIKE_NUM": True, "OP": "?"},
            {"ORTH": "%", "OP": "?"},
            {"LOWER": {"IN": ["stake", "stakes"]}},
        ],
        [
            {"LOWER": {"IN": ["invested", "invests", "investing", "co-investing", "invest"]}},
            {"LOWER": {"NOT_IN": ["in", "."]}, "OP": "{0,6}"},  # "invested a combined EUR 110 million in"
            {"LOWER": "in"},
        ],
        [{"LOWER": {"IN": ["stake", "stakes"]}}],  # "holds a stake of 8% in"
        [{"LOWER": {"IN": sorted(PURCHASE_NOUNS)}}, {"LOWER": "of"}],  # "has completed its acquisition of X": X is the buyer's
        [  # "Lithium Argentina was part of Lithium Americas until 2023": the whole holds its part
            {"LOWER": {"IN": ["is", "was", "are", "were", "became", "becomes", "remains"]}},
            {"LOWER": "part"},
            {"LOWER": "of"},
        ],
        [  # "in which A holds 46.7%, B 44.8% and C the remaining 8.5%": B's, its verb gapped (of the stake before's)
            {"ORTH": "%"},
            {"LOWER": {"NOT_IN": [".", ";", ",", "and"]}, "OP": "{0,4}"},  # "A will hold 49% of the smelter, B 25.5%"
            {"ORTH": ","},
            {"IS_TITLE": True, "OP": "{1,4}"},
            {"LIKE_NUM": True},
            {"ORTH": "%"},
        ],
        [  # "Maaden would own 51% of the refinery and MP Materials 49%": the same, after "and"
            {"ORTH": "%"},
            {"LOWER": {"NOT_IN": [".", ";", ","]}, "OP": "{0,5}"},
            {"LOWER": "and"},
            {"TEXT": {"REGEX": "^[A-Z]"}, "OP": "{1,4}"},
            {"LIKE_NUM": True},
            {"ORTH": "%"},
        ],
        [  # "… and Zambia's state mining company ZCCM Investment Holdings 29%": the same, its holder described
            {"ORTH": "%"},
            {"LOWER": {"NOT_IN": [".", ";", ","]}, "OP": "{0,5}"},
            {"LOWER": "and"},
            {"TEXT": {"REGEX": "^[A-Z]"}, "OP": "{1,3}"},
            {"ORTH": {"IN": ["'s", "’s"]}},
            {"IS_LOWER": True, "OP": "{0,4}"},  # "… and Japan's Nippon Steel 10%" too
            {"TEXT": {"REGEX": "^[A-Z]"}, "OP": "{1,4}"},
            {"LIKE_NUM": True},
            {"ORTH": "%"},
        ],
        _SOLD_TO,
        _SOLD_ITS_STAKE_TO,
        [{"ORTH": ","}, {"LOWER": "alongside"}],  # "owns 50% of X, alongside Y": Y holds X too
        [  # "Taurus Minerals, a CGN unit": the parent the apposition names
            {"ORTH": ","},
            {"LOWER": {"IN": ["a", "an"]}},
            {"TEXT": {"REGEX": "^[A-Z]"}, "OP": "{1,3}"},
            {"LOWER": {"IN": ["unit", "subsidiary"]}},
        ],
        [
            {"ORTH": ",", "OP": "?"},
            {"LOWER": "and"},
            {"LIKE_NUM": True},
            {"ORTH": "%"},
            {"LOWER": "by"},
        ],  # "…, and 10% by B": a holder, gapped
        [  # "Danantara, Indonesia's new sovereign wealth fund", "Angola's sovereign wealth fund FSDEA": the state holds it
            {"ENT_TYPE": "COUNTRY", "OP": "+"},
            {"ORTH": {"IN": ["'s", "’s"]}},
            {"IS_LOWER": True, "OP": "{0,2}"},
            {"LOWER": "sovereign"},
            {"LOWER": "wealth"},
            {"LOWER": "fund"},
        ],
        [  # "the state's Minerals Income Investment Fund": the state holds it
            {"LOWER": "the"},
            {"LOWER": {"IN": sorted(COUNTRY_REFERENCES)}},
            {"ORTH": {"IN": ["'s", "’s"]}},
            {"TEXT": {"REGEX": "^[A-Z]"}},
        ],
        [  # "owns a 51% stake in X, with Albemarle holding the rest": of the stake before's
            {"LOWER": {"IN": ["holding", "owning"]}},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["rest", "remainder"]}},
        ],
        [{"LOWER": {"IN": ["nationalised", "nationalized", "nationalises", "nationalizes", "expropriated"]}}],  # the state's now
        [  # "Swedish state-owned miner LKAB", "Saudi Arabia's state mining company Ma'aden": the country holds it
            {"LOWER": "state"},
            {"ORTH": "-", "OP": "?"},
            {"LOWER": {"IN": ["owned", "run", "controlled"]}, "OP": "?"},
            {"LOWER": {"IN": sorted(DEMONYMS)}, "OP": "?"},  # "a state-owned Chinese metals group"
            {"IS_LOWER": True, "OP": "{0,2}"},
            {
                "LOWER": {"IN": sorted(COMPANY_NOUNS | {"holding", "investor", "fund", "bank", "lender", "utility"})}
            },  # "state mining holding MIND ID", "state investor X", "state development bank BNDES", "state power utility ZESCO"
        ],
        [{"LOWER": {"IN": ["owns", "owned", "own", "holds", "held", "hold"]}}, {"LOWER": "all"}, {"LOWER": "of"}],  # "has owned all of X"
        [{"LOWER": {"IN": ["owns", "own", "hold", "holds"]}}, {"LOWER": "half"}, {"LOWER": "of"}],  # "each own half of X"
        [  # "owns 49% of the Donald project": a share, not the project; "Codelco will keep 50.01%"
            {"LOWER": {"IN": ["owns", "owned", "own", "holds", "held", "hold", "keep", "keeps", "retain", "retains"]}},
            {"LOWER": {"IN": sorted(HEDGE_WORDS)}, "OP": "?"},
            {"LIKE_NUM": True},
            {"LOWER": {"IN": ["%", "percent", "per"]}},
        ],
        [
            {"LOWER": "state"},
            {"ORTH": "-"},
            {"LOWER": {"IN": ["owned", "run", "controlled"]}},
            {"TEXT": {"REGEX": "^[A-Z]"}},
        ],  # "the state-owned National Mining Corporation", "state-owned KABIL"
        [  # "billionaire Ira Rennert's Renco Group": his
            {"LOWER": {"IN": sorted(WEALTH_WORDS)}},
            {"IS_TITLE": True, "OP": "{2,3}"},
            {"ORTH": {"IN": ["'s", "’s"]}},
            {"TEXT": {"REGEX": "^[A-Z]"}},
        ],
        [  # "Carester's subsidiary Caremag", "Molycorp's Estonian unit, Silmet", "its U.S. subsidiary, Largo Clean Energy"
            {"LOWER": {"IN": ["'s", "’s", "'", "’", "its", "their"]}},
            {"IS_PUNCT": False, "LOWER": {"NOT_IN": ["subsidiary", "unit"]}, "OP": "{0,2}"},
            {"LOWER": {"IN": ["subsidiary", "unit"]}},
        ],
        [{"LOWER": {"IN": ["its", "their", "his", "her"]}}, *HOLDING_COMPANY],  # "through his holding company Interros": he holds it
        [  # "European Lithium is also the largest shareholder in Critical Metals": it holds the one named after
            {"LOWER": {"IN": ["largest", "biggest", "main", "major", "controlling"]}},
            {"LOWER": {"IN": ["shareholder", "owner", "investor"]}},
            {"LOWER": {"IN": ["in", "of"]}},
        ],
        [  # "Coral Bay Nickel, whose other shareholder is Sumitomo Metal Mining": it holds the one before
            {"ORTH": ","},
            {"LOWER": "whose"},
            {"LOWER": {"IN": ["other", "main", "largest", "biggest", "majority", "only"]}, "OP": "?"},
            {"LOWER": {"IN": ["shareholder", "shareholders", "owner", "owners", "parent"]}},
            {"LOWER": {"IN": ["is", "are", "was", "were", "include", "includes"]}},
        ],
        [  # "agreed to pay its parent Baotou Steel": the parent holds whose it is
            {"LOWER": {"IN": ["'s", "’s", "'", "’", "its", "their"]}},
            {"LOWER": {"IN": ["parent", "owner"]}},
            {"LOWER": "company", "OP": "?"},
        ],
        [  # "Heraeus Remloy, a unit of Germany's Heraeus group", "…, a U.S. unit of", "Reenova is a unit of"
            {"LOWER": {"IN": [",", "is", "was"]}},
            {"LOWER": {"IN": ["a", "an", "the"]}},
            {"LOWER": {"NOT_IN": ["of", "and", ",", ".", ";", "(", ")"]}, "OP": "{0,4}"},  # "a Belfast-based unit of"
            {"LOWER": {"IN": ["subsidiary", "unit"]}},
            {"LOWER": "of"},
        ],
        [  # "X is MP Materials' largest shareholder", "Vulcan's second-largest shareholder"
            {"ORTH": {"IN": ["'s", "’s", "'", "’"]}},
            {"ORTH": {"NOT_IN": [",", ".", ";", "state"]}, "IS_TITLE": False, "OP": "{0,3}"},  # not "Norway's state investor X"
            {"LOWER": {"IN": ["shareholder", "owner", "investor"]}},
        ],
        [{"LOWER": {"IN": ["raised", "raises", "raise"]}}, {"LOWER": {"NOT_IN": [".", "from"]}, "OP": "{0,6}"}, {"LOWER": "from"}],
        [  # "have put more than $250 million into the company"
            {"LOWER": {"IN": ["put", "puts", "poured", "pumped", "injected", "invested"]}},
            {"LOWER": {"NOT_IN": [".", "into", "in"]}, "OP": "{0,6}"},
            {"LOWER": "into"},
        ],
        [  # "holds a 16% free-carried interest in the project", "will receive a 10% free-carried interest", "to earn a 51% interest"
            {
                "LOWER": {
                    "IN": [
                        "owns",
                        "owned",
                        "own",
                        "holds",
                        "held",
                        "hold",
                        "receive",
                        "receives",
                        "received",
                        "get",
                        "gets",
                        "earn",
                        "earns",
                        "take",  # "would take a 20% interest in the project"
                        "takes",
                        "took",
                    ]
                }
            },
            {"IS_ALPHA": True, "OP": "{0,2}"},
            {"LIKE_NUM": True},
            {"ORTH": "%"},
            {"LOWER": {"NOT_IN": [".", ",", ";"]}, "OP": "{0,3}"},
            {"LOWER": "interest"},
        ],
        [  # "Texas Mineral Resources owns the remaining 20%", "Enami, which will keep the remaining 49%": of the stake before's
            {"LOWER": {"IN": ["owns", "owned", "own", "holds", "held", "hold", "keep", "keeps", "retain", "retains"]}},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["remaining", "other", "rest"]}},
            {"LIKE_NUM": True},
            {"LOWER": {"IN": ["%", "percent"]}},
        ],
        [  # "Finnish Minerals Group holds most of the rest", "owns the remainder": of what the stake before is in
            {"LOWER": {"IN": ["owns", "owned", "own", "holds", "held", "hold"]}},
            {"LOWER": {"IN": ["most", "much", "part", "some", "all"]}, "OP": "?"},
            {"LOWER": "of", "OP": "?"},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["rest", "remainder"]}},
        ],
        [  # "already owned about 19.9% of Peak" (not "holds 6% of the world's reserves"), "can earn up to 50% of Ewoyaa"
            {"LOWER": {"IN": ["owns", "owned", "own", "holds", "held", "hold", "earn", "earns"]}},
            {"IS_ALPHA": True, "OP": "{0,2}"},
            {"LIKE_NUM": True},
            {"ORTH": "%"},
            {"LOWER": "of"},
            {"TEXT": {"REGEX": "^[A-Z]"}},
        ],
        [  # "HyProMag USA, a joint venture of A and B", "Automotive Cells Company, a venture of A, B and C"
            {"LOWER": "joint", "OP": "?"},
            {"LOWER": "venture"},
            {"LOWER": {"IN": ["of", "between"]}},
        ],
        [  # "Eramet became the sole owner of the project"
            {"LOWER": {"IN": ["became", "become", "becomes", "is", "was", "remains"]}},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["sole", "only", "majority", "full", "largest", "biggest", "main"]}, "OP": "?"},
            {"LOWER": "owner"},
            {"LOWER": "of"},
        ],
    ],
    "restricts": [
        [{"LOWER": "embargo"}],
        [{"LOWER": "export"}, {"LOWER": {"IN": ["control", "controls", "restrictions", "curbs", "ban"]}}],
        [
            {"LOWER": {"IN": ["requires", "required", "require"]}},
            {"LOWER": {"IN": ["licences", "licenses", "permits"]}},
            {"LOWER": "for"},
            {"LOWER": "exports"},
        ],
        [  # "Beijing has required export licences for samarium, dysprosium and terbium since April 2025"
            {"LOWER": {"IN": ["requires", "required", "require", "requiring", "introduced", "imposed"]}},
            {"LOWER": "export"},
            {"LOWER": {"IN": ["licences", "licenses", "permits", "licensing"]}},
        ],
        [  # "China had delayed export licences for magnets"
            {"LOWER": {"IN": ["delayed", "withheld", "suspended", "halted", "slowed", "denied"]}},
            {"LOWER": "export"},
            {"LOWER": {"IN": ["licences", "licenses", "permits"]}},
        ],
        [{"LOWER": {"IN": ["controls", "restrictions", "curbs"]}}, {"LOWER": "on"}, {"LOWER": "exports"}],
        [  # "curbed exports", "banned graphite shipments to the United States", "banned Russian uranium imports"
            {"LOWER": {"IN": sorted(RESTRICTING_VERBS)}},
            {"OP": "*", "IS_ALPHA": True},
            {"LOWER": {"IN": ["exports", "shipments", "imports"]}},
        ],
        [  # "has banned the export of technology", "restricted the export of gallium"
            {"LOWER": {"IN": sorted(RESTRICTING_VERBS)}},
            {"LOWER": {"IN": ["the", "all"]}, "OP": "?"},
            {"LOWER": {"IN": ["export", "exports", "exporting", "sale", "sales"]}},
            {"LOWER": "of"},
        ],
    ],
    "discovered": [
        [{"LOWER": {"IN": ["discovered", "discovers", "discovery"]}}],
        [  # "has found rare earth mineralisation at its Mick Well project"
            {"LOWER": {"IN": ["found", "finds"]}},
            {"IS_ALPHA": True, "LOWER": {"NOT_IN": ["that", "no", "little"]}, "OP": "{0,4}"},
            {"LOWER": {"IN": ["mineralisation", "mineralization", "deposit", "deposits"]}},
        ],
    ],
}


def number_value(text: str) -> Decimal | None:
    """The value of a written number ("1,200", "~40", "three"), or None."""
    cleaned = text.lower().lstrip("~>≈<").replace(",", "")
    if cleaned in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[cleaned])
    try:
        return Decimal(cleaned)
    except ArithmeticError:
        return None


NEW_CLAUSE = re.compile(
    r"(?:,\s+(?:and|but|while)|;)\s+(?=(?:it|they|he|she|we|(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+[a-z])"
)
"""Where a clause with a subject of its own begins: ", and it buys", "; Lynas sells", ", and the United States has"."""
