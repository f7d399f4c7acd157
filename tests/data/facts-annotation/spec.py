"""Readable spec of the fact gold for the held-out documents.

Written by hand from /work/shared/fact-guidelines.md and the seed gold only
(no pipeline code was read).  build.py turns it into JSONL.

Each fact is F(anchor, ...):
  anchor   exact text of a MONEY mention of the mention gold; `occ` = which
           MONEY mention with that text (0 = first) in the document
  eq       equivalents: list of anchor texts or (text, occ) pairs
  donor    "JPN" (iso3) | {"org": "<ORG norm name>"} | None
  rec      recipients (ISO alpha-3), reg = regions as written
  ch       channels: acronym or name of an ORG of the document's mention gold
           (build.py replaces it with that organization's norm)
  date     (start, end) ISO strings/None, or None
  kind, status, cum  as in the guidelines
Every MONEY mention of a document must be an anchor, an equivalent, or
listed in NOT_FACTS with the reason.
"""


def F(anchor, occ=0, eq=(), donor="JPN", rec=(), reg=(), ch=(), date=None,
      kind="unspecified", status="provided", cum=False, why=""):
    return dict(anchor=anchor, occ=occ, eq=list(eq), donor=donor,
                rec=list(rec), reg=list(reg), ch=list(ch), date=date,
                kind=kind, status=status, cum=cum, why=why)


FY = lambda y: (f"{y}-04-01", f"{y + 1}-03-31")          # Japanese fiscal year
Y = lambda y: (f"{y}-01-01", f"{y}-12-31")
M = lambda y, m, last: (f"{y}-{m:02d}-01", f"{y}-{m:02d}-{last:02d}")
DAY = lambda d: (d, d)

DOCS = {}
NOT_FACTS = {}

# --------------------------------------------------------------------------
# heldout
# --------------------------------------------------------------------------
DOCS["heldout/wpdc-2019-africa"] = [
    F("$2.3 billion", reg=["Sub-Saharan Africa"], date=Y(2018),
      kind="aggregate", why="bilateral ODA statistic 2018"),
    F("US$9,457 million", reg=["Sub-Saharan Africa"], date=(None, "2018-12-31"),
      kind="loan", status="pledged", cum=True,
      why="'cumulative ODA loan commitments to the region' (= Sub-Saharan Africa) reached, "
          "sentence opens 'In 2018' -> running total by 2018; commitments -> pledged"),
    F("$3.5 billion", ch=["AfDB"], date=("2020-01-01", "2022-12-31"),
      status="pledged",
      why="EPSA 4th phase, 'will provide up to'; window for AfDB operations -> AfDB channel; "
          "EPSA mixes loans/TA/FAPA -> unspecified; 'Africa' only inside the EPSA name"),
    F("¥100 billion", ch=["AfDB"], date=FY(2016)[:1] + FY(2018)[1:],
      kind="loan", cum=True,
      why="loans JICA extended to AfDB FY2016-FY2018: multi-year total"),
    F("1.2 billion yen", rec=["CIV"], date=FY(2019), kind="grant",
      why="Abidjan intersections; CIV from the paragraph's lead sentence about the same support"),
    F("¥5 billion", rec=["CPV"], kind="loan", cum=True,
      why="'has provided ODA loans totaling more than' -> running total, no date"),
    F("30 million US dollars", rec=["SDN", "SSD"], date=DAY("2019-10-07"),
      kind="grant", status="pledged", why="'decided to extend'"),
    F("€12 million", donor={"org": "European Union"}, rec=["COG"],
      why="EU co-financing its own resources to a project in the Republic of the Congo"),
]
NOT_FACTS["heldout/wpdc-2019-africa"] = {
    ("$20 billion", 0): "target for private investment from Japan, not a flow of the donor's resources",
}

DOCS["heldout/wpdc-2020-middle-east"] = [
    F("$3 billion", rec=["IRQ", "SYR"], date=("2012-01-01", None), cum=True,
      why="since 2012, a total of; channels of the next sentence ('much of this') not taken"),
    F("6.2 million", rec=["LBN"], ch=["UNHCR"], date=FY(2020), kind="contribution",
      why="list under lead-in 'In fiscal year 2020, Japan's contributions ... in Lebanon'"),
    F("3.0 million", rec=["LBN"], ch=["WFP"], date=FY(2020), kind="contribution"),
    F("4.5 million", rec=["LBN"], ch=["UNICEF"], date=FY(2020), kind="contribution"),
    F("1.8 million", rec=["LBN"], ch=["UN-Habitat"], date=FY(2020), kind="contribution"),
    F("¥30 billion", rec=["JOR"], date=M(2020, 2, 29), kind="loan",
      why="co-financed with the World Bank: not a channel (loan goes to Jordan)"),
    F("¥850 billion", rec=["IRQ"], date=("2003-01-01", None), kind="loan", cum=True,
      why="Kurdistan Region: sub-national part of the named recipient, not a region slot"),
    F("$2.2 billion", rec=["PSE"], date=("1990-01-01", None), cum=True,
      why="'the Palestinians' + support for the Palestinian Authority (recipient government) -> PSE"),
    F("1.5 billion yen", reg=["West Bank"], date=FY(2020), kind="grant",
      why="West Bank is a region in the mention gold; no country named for this grant"),
    F("30 million US dollars", ch=["UNRWA"], date=FY(2020), kind="contribution",
      why="same sentence 'In fiscal year 2020' ... 'over the course of the year'"),
    F("$400 million", rec=["YEM"], ch=["WFP", "UNICEF", "ICRC"],
      date=("2015-01-01", None), cum=True,
      why="'in cooperation with international organizations, including' read as channels; "
          "YEM from the paragraph's first sentence"),
    F("$10–15 million", rec=["YEM"], date=DAY("2020-06-02"), status="pledged",
      why="announced at the pledging conference for Yemen; Saudi Arabia is a co-host"),
    F("¥1.3 billion", eq=["$12 million"], rec=["YEM"], ch=["WFP"], date=Y(2020),
      kind="contribution",
      why="'in the latter half of the year' -> the year of 2 June 2020"),
    F("$1 million", ch=["IFRC"], date=M(2020, 8, 31), kind="grant",
      why="only Beirut (a city) and the heading name Lebanon -> no recipient"),
    F("$5 million", ch=["UNHCR", "WFP"], date=("2020-09-01", "2020-10-31"),
      why="'through UN agencies, including UNHCR and WFP' (UN itself not a channel); "
          "'in September and October' (2020)"),
    F("¥38.7 billion", rec=["TUN"], date=("2019-04-01", "2021-03-31"), kind="loan", cum=True,
      why="FY2019 to FY2020 total; 'In North Africa' only locates the named recipient"),
]
NOT_FACTS["heldout/wpdc-2020-middle-east"] = {}

DOCS["heldout/wpdc-2021-health"] = [
    F("¥500 billion", date=Y(2020), kind="loan", status="pledged",
      why="COVID-19 emergency support loan framework 'up to', established in 2020"),
    F("$800 million", date=DAY("2021-06-02"), kind="contribution", status="pledged",
      why="to the COVAX AMC (a mechanism, not an ORG) -> no channel"),
    F("$1 billion", date=(None, "2021-06-02"), kind="contribution", status="pledged",
      cum=True, why="'bringing Japan's total contribution to the COVAX AMC to' -> running total"),
    F("$300 million", occ=0, ch=["CEPI"], date=M(2022, 3, 31), kind="contribution",
      status="pledged"),
    F("1.2 billion yen", rec=["LAO"], date=("2021-06-01", "2021-12-31"),
      why="cold chain equipment under Last One Mile Support: date from the paragraph's "
          "'From June to December 2021, Japan provided such support'"),
    F("$840 million", ch=["Global Fund"], date=("2020-01-01", "2022-12-31"),
      kind="contribution", status="pledged"),
    F("$300 million", occ=1, ch=["Gavi"], date=("2021-01-01", "2025-12-31"),
      kind="contribution", status="pledged"),
    F("$50 million", occ=0, date=FY(2016)[:1] + FY(2018)[1:], kind="contribution", cum=True,
      why="to the PEF (a facility, not an ORG) -> no channel; FY2016-FY2018 total"),
    F("$50 million", occ=1, reg=["Asia"],
      ch=["ASEAN Centre for Public Health Emergencies and Emerging Diseases", "JAIF"],
      date=M(2021, 3, 31), kind="contribution"),
    F("¥300 billion", date=("2022-01-01", None), status="pledged",
      why="'over the three years from 2022' -> DATE norm 2022..open"),
]
NOT_FACTS["heldout/wpdc-2021-health"] = {
    ("¥100.3 billion", 0): "amount included in the supplementary budget (a budget, not a flow)",
    ("$920 million", 0): "conversion of the budget amount",
}

DOCS["heldout/wpdc-2022-climate"] = [
    F("¥6.5 trillion", date=("2021-01-01", "2025-12-31"), status="pledged",
      why="public and private climate finance committed 2021-2025"),
    F("$10 billion", date=("2021-01-01", "2025-12-31"), status="pledged",
      why="'over the same period'"),
    F("¥1.6 trillion", date=("2021-01-01", "2025-12-31"), status="pledged",
      why="doubling of adaptation assistance, same sentence / period"),
    F("US$13,584 million", eq=["¥1,598.9 billion"], date=Y(2020), kind="aggregate",
      why="climate finance statistics for 2020"),
    F("$1.5 billion", ch=["GCF"], kind="contribution", status="pledged",
      why="'contributed up to' -> up to marks a pledge"),
    F("¥319 billion", ch=["GCF"], date=("2020-01-01", "2023-12-31"),
      kind="contribution", status="pledged"),
    F("¥63.8 billion", ch=["GEF"], date=("2022-07-01", "2026-06-30"),
      kind="contribution", status="pledged"),
    F("$86.5 million", ch=["JFJCM"], date=(None, "2022-03-31"), kind="contribution",
      cum=True, why="'had contributed a total of ... by FY2021'; fund hosted by ADB (ADB not a channel)"),
    F("€200 million", rec=["TUR"], date=FY(2022), kind="loan",
      why="JBIC (state policy bank) as the donor's institution -> JPN"),
    F("1.1 billion yen", rec=["WSM"], date=Y(2019), kind="grant",
      why="PCCC opened in Apia, Samoa in 2019 with the grant"),
    F("¥24.3 billion", rec=["BGD"], date=FY(2021), kind="loan"),
    F("$7 million", rec=["PAK"], date=("2022-06-01", "2022-10-31"), kind="grant",
      why="following the floods of June to October 2022; unnamed international organizations"),
]
NOT_FACTS["heldout/wpdc-2022-climate"] = {}

# --------------------------------------------------------------------------
# heldout2
# --------------------------------------------------------------------------
EA = ["East Asia"]
DOCS["heldout2/oda-2012-asia"] = [
    F("US$3,015.42 million", eq=["¥240.6 billion", "3,015.42"], reg=EA, date=Y(2011),
      kind="aggregate",
      why="the table's 'Total: 3,015.42' restates this amount -> equivalent, not a 2nd fact"),
    F("US$13,584 million", eq=["¥1,598.9 billion"], rec=["VNM"], date=(None, "2012-03-31"),
      kind="loan", status="pledged", cum=True,
      why="cumulative yen loan commitments by the end of FY2011; 'resumed in 1992' not the start"),
    F("1,234.56", reg=EA, date=Y(2011), kind="grant", why="table row 'Grant aid'"),
    F("812.07", reg=EA, date=Y(2011), kind="technical_cooperation"),
    F("968.79", reg=EA, date=Y(2011), kind="loan"),
    F("¥7.5 billion", eq=["US$70 million"], ch=["JAIF"], date=Y(2006), kind="contribution"),
    F("$500 million", ch=["JFPR"], kind="grant", cum=True,
      why="'has provided grants totaling more than'; 'established in May 2000' dates the fund, "
          "'the region' not resolvable inside the paragraph"),
    F("¥600 billion", reg=["Mekong region"], date=("2012-04-01", None), status="pledged",
      why="'to the region' = the Mekong region of the paragraph's first sentence"),
    F("¥1.17 billion", rec=["KHM"], date=FY(2011), kind="grant",
      why="CMAC is a Cambodian government body, not a channel"),
    F("¥4.17 billion", rec=["LAO"], date=M(2012, 3, 31), kind="loan", status="pledged",
      why="loan agreement with the Government of Lao PDR 'providing up to'; THA buys power"),
    F("¥303.5 billion", rec=["MMR"], date=M(2012, 4, 30), kind="debt_relief",
      status="pledged",
      why="'decided to resolve' overdue debts by relief + bridge financing; "
          "date from the April 2012 policy review announced in the previous sentence"),
    F("¥270.0 billion", rec=["VNM"], date=FY(2011), kind="loan"),
    F("¥48.2 billion", rec=["IDN"], date=FY(2012), kind="loan", status="pledged",
      why="'committed'"),
    F("¥28.8 billion", rec=["MNG"], date=M(2008, 5, 31), kind="loan"),
    F("$1.5 million", rec=["MNG"], date=Y(2011), kind="grant"),
    F("¥956.9 billion", date=FY(2011), kind="loan", why="JICA yen loan disbursements"),
    F("¥711.2 billion", date=FY(2007), kind="loan", why="former JBIC (then Japan's ODA loan arm)"),
    F("142.80", rec=["KHM"], date=Y(2011), kind="aggregate",
      why="table 'Bilateral ODA to the Mekong countries, 2011': Japan's (document's) bilateral ODA"),
    F("111.23", rec=["LAO"], date=Y(2011), kind="aggregate"),
    F("42.54", rec=["MMR"], date=Y(2011), kind="aggregate"),
    F("-265.98", rec=["THA"], date=Y(2011), kind="aggregate",
      why="negative net disbursement kept as a statistic row"),
    F("¥198.9 billion", rec=["MMR"], date=M(2012, 4, 30), kind="debt_relief",
      status="pledged",
      why="Note 2 'Of the overdue debts, ...' = part of the ¥303.5 billion; takes its slots"),
]
NOT_FACTS["heldout2/oda-2012-asia"] = {}

LAC = ["Latin America and the Caribbean"]
DOCS["heldout2/wpdc-2016-latin-america"] = [
    F("$3 million", rec=["ECU"], date=DAY("2016-04-16"), kind="grant",
      why="following the earthquake of April 16, 2016"),
    F("$2.5 million", rec=["HTI"], ch=["WFP", "UNICEF", "IOM"], date=M(2016, 10, 31),
      kind="grant"),
    F("¥1.2 billion", rec=["JAM"], date=FY(2015), kind="grant", status="pledged",
      why="'signed a grant agreement' = commitment; fisheries-equipment countries are other aid"),
    F("$1.1 million", rec=["GTM", "HND", "SLV"], ch=["PAHO"], date=M(2016, 2, 29),
      kind="grant", why="after the PHEIC of February 2016; 'totaling' = one package"),
    F("$3 billion", ch=["IDB"], date=M(2016, 3, 31), status="pledged",
      why="JICA-IDB co-financing framework, 'plans to provide up to'"),
    F("300 million US dollars", ch=["CAF"], date=("2014-04-01", "2017-03-31"),
      status="pledged", why="co-financing agreement with CAF covering FY2014-FY2016"),
    F("¥67.2 billion", ch=["SABESP"], kind="loan", cum=True,
      why="'yen loans' = Japan's; borrower SABESP named with 'to'; Brazil not named for it"),
    F("¥2.8 billion", rec=["BOL"], date=M(2014, 7, 31), kind="loan", status="pledged",
      why="'up to'"),
    F("¥1.3 billion", rec=["CUB"], date=M(2016, 9, 30), kind="grant", status="pledged",
      why="announced during the visit to Cuba, for medical equipment"),
    F("395.40", reg=LAC, date=FY(2014), kind="loan", status="pledged",
      why="table 'Yen loan commitments to Latin America and the Caribbean'"),
    F("612.18", reg=LAC, date=FY(2015), kind="loan", status="pledged"),
    F("280.75", reg=LAC, date=FY(2016), kind="loan", status="pledged"),
]
NOT_FACTS["heldout2/wpdc-2016-latin-america"] = {
    ("$5.3 trillion", 0): "GDP",
}

DOCS["heldout2/wpdc-2018-pacific-islands"] = [
    F("¥55 billion", date=M(2015, 5, 31), status="pledged",
      why="PALM7 pledge; region only in the meeting name and earlier paragraphs"),
    F("JPY 3.2 billion", rec=["WSM"], kind="grant",
      why="PCCC on the SPREP campus in Apia, Samoa (previous sentence); "
          "'expected to open in 2019' dates the opening, not the grant"),
    F("US$2.5 million", rec=["FJI"], date=DAY("2016-02-20"), kind="grant",
      why="response to Cyclone Winston which struck Fiji (previous sentence)"),
    F("$1.1 million", rec=["TON"], date=M(2018, 2, 28), kind="grant"),
    F("¥22.2 billion", rec=["PNG"], kind="loan",
      why="November 2018 dates the APEC meeting, not the loan"),
    F("¥180 million", rec=["COK", "NIU", "NRU", "TUV"], date=("2015-04-01", "2018-03-31"),
      kind="grant", cum=True, why="grassroots grants FY2015-FY2017 total"),
    F("58.34", rec=["PNG"], date=Y(2017), kind="aggregate",
      why="table 'Bilateral ODA to Oceania, 2017'; next sentence shows it is Japan's"),
    F("21.76", rec=["SLB"], date=Y(2017), kind="aggregate"),
    F("17.02", rec=["FJI"], date=Y(2017), kind="aggregate"),
    F("14.95", rec=["WSM"], date=Y(2017), kind="aggregate"),
    F("12.38", rec=["VUT"], date=Y(2017), kind="aggregate"),
    F("US$190.42 million", reg=["Oceania"], date=Y(2017), kind="aggregate"),
]
NOT_FACTS["heldout2/wpdc-2018-pacific-islands"] = {
    ("2 billion Fiji dollars", 0): "damage estimate",
    ("US$3.5 million", 0): "insurance payout to Tonga under the risk insurance scheme, not a donor's grant",
}

DOCS["heldout2/wpdc-2024-ukraine-and-global-issues"] = [
    F("$12.1 billion", rec=["UKR"], date=("2022-01-01", "2024-12-31"), cum=True,
      why="'announced and implemented ... totaling' -> provided, running total 2022-2024"),
    F("$4.5 billion", ch=["World Bank"], cum=True,
      why="budget support through the World Bank 'in total'; Ukraine only in headings"),
    F("USD 7.5 million", ch=["URTF"], date=FY(2023), kind="contribution",
      why="Ukraine only inside the fund's name -> no recipient"),
    F("€12 million", rec=["UKR"], ch=["EBRD"], kind="contribution",
      why="for Ukrenergo, 'Ukraine's' operator -> UKR; Ukrenergo is the end beneficiary, not a channel"),
    F("¥4.2 billion", ch=["UNDP"], date=FY(2023), kind="contribution",
      why="a contribution (flow) in the FY2023 supplementary budget; 'liberated areas' names no country"),
    F("€2 million", ch=["IAEA"], kind="contribution"),
    F("¥700 billion", donor=None, cum=True,
      why="in-kind support from 'the international community' -> donor null; 'mid-2023' is not a DATE"),
    F("$8.5 million", rec=["SYR", "TUR"], date=DAY("2023-02-06"), kind="grant",
      why="response to the earthquakes of February 6, 2023 (paragraph's first sentence)"),
    F("$106 million", reg=["Gaza"], ch=["WFP", "UNRWA", "ICRC", "JPF"],
      date=("2023-10-01", "2024-03-31"), cum=True),
    F("$1.08 billion", ch=["Global Fund"], date=("2023-01-01", "2025-12-31"),
      kind="contribution", status="pledged"),
    F("¥5.1 billion", ch=["JPF"], date=FY(2024), kind="contribution",
      why="MOFA channeled through JPF, which pools funds"),
    F("€200 billion", donor=None, rec=["UKR"], date=(None, "2024-12-31"), cum=True,
      why="Note 12: total international support for Ukraine, estimated in 2024"),
]
NOT_FACTS["heldout2/wpdc-2024-ukraine-and-global-issues"] = {
    ("$486 billion", 0): "cost of recovery and reconstruction (needs)",
    ("100 million dollars", 0): "private donations of Japanese citizens and companies, not a donor's assistance",
    ("UAH 1 billion", 0): "exchange rate note",
    ("$27 million", 0): "exchange rate note",
}
