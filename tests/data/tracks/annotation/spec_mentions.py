"""Mention spec for the tracks set: one line per mention, in text order.

Line format:  surface | LABEL | norm [| ctx]
  COUNTRY norm: ISO 3166-1 alpha-3
  ORG     norm: a key of ORGS (per-document overrides in ORG_OVERRIDES)
  MONEY   norm: <amount> <CUR> [~]      (~ = approximate)
  DATE    norm: <start> <end>           (ISO dates, '..' = null)
  ctx (optional): a longer string that contains the surface; the mention is the
  surface's first occurrence inside the first occurrence of ctx after the cursor.
The build script searches each surface forward from the end of the previous
mention, on word boundaries. No offset is written by hand.
"""

ORGS = {
    "UN": ("United Nations", "UN"),
    "PBC": ("Peacebuilding Commission", "PBC"),
    "PBF": ("Peacebuilding Fund", "PBF"),
    "SDF": ("Japan Self-Defense Forces", "SDF"),
    "UNMISS": ("United Nations Mission in the Republic of South Sudan", "UNMISS"),
    "EMP": ("Ecole de Maintien de la Paix", None),
    "ANP": ("Afghan National Police", None),
    "LOTFA": ("Law and Order Trust Fund for Afghanistan", "LOTFA"),
    "UNDP": ("United Nations Development Programme", "UNDP"),
    "UNGA": ("United Nations General Assembly", None),
    "UNSC": ("United Nations Security Council", None),
    "CPR": ("UNDP Trust Fund for Conflict Prevention and Recovery", None),
    "WFP": ("World Food Programme", "WFP"),
    "UNICEF": ("United Nations Children's Fund", "UNICEF"),
    "JICA": ("Japan International Cooperation Agency", "JICA"),
    "IMT": ("International Monitoring Team", "IMT"),
    "NF": ("Nippon Foundation", None),
    "MOD": ("Ministry of Defense", None),
    "UNODC": ("United Nations Office on Drugs and Crime", "UNODC"),
    "BTA": ("Bangsamoro Transition Authority", "BTA"),
    "MILF": ("Moro Islamic Liberation Front", "MILF"),
    "EU": ("European Union", "EU"),
    "NUF": ("National Unified Forces", None),
    "ICRC": ("International Committee of the Red Cross", "ICRC"),
}

# The same organization is written differently in different editions; within
# one document every mention shares one norm (annotation-guidelines ORG).
ORG_OVERRIDES = {
    "wpdc-2016-peacebuilding": {"PBF": ("UN Peacebuilding Fund", "PBF")},
    "wpdc-2019-peacebuilding": {"CPR": ("Trust Fund for Conflict Prevention and Recovery", None)},
    "wpdc-2022-peacebuilding": {"PBF": ("United Nations Peacebuilding Fund", None)},
}

MENTIONS = {}

MENTIONS["wpdc-2014-peacebuilding"] = """
United Nations | ORG | UN
Peacebuilding Commission | ORG | PBC
PBC | ORG | PBC
2005 | DATE | 2005-01-01 2005-12-31
Japan | COUNTRY | JPN
Japan | COUNTRY | JPN
United Nations | ORG | UN
Japan | COUNTRY | JPN
PBC | ORG | PBC
Peacebuilding Fund | ORG | PBF
PBF | ORG | PBF
2006 | DATE | 2006-01-01 ..
Japan | COUNTRY | JPN
$42.5 million | MONEY | 42500000 USD
PBF | ORG | PBF
2013 | DATE | 2013-01-01 2013-12-31
Japan | COUNTRY | JPN
$2.5 million | MONEY | 2500000 USD
PBF | ORG | PBF
Guinea | COUNTRY | GIN
Liberia | COUNTRY | LBR
Burundi | COUNTRY | BDI
South Sudan | COUNTRY | SSD
South Sudan | COUNTRY | SSD
July 2011 | DATE | 2011-07-01 2011-07-31
2011 | DATE | 2011-01-01 ..
Japan | COUNTRY | JPN
$450 million | MONEY | 450000000 USD ~
South Sudan | COUNTRY | SSD
January 2012 | DATE | 2012-01-01 ..
Japan Self-Defense Forces | ORG | SDF
SDF | ORG | SDF
United Nations Mission in the Republic of South Sudan | ORG | UNMISS
UNMISS | ORG | UNMISS
December 2013 | DATE | 2013-12-01 2013-12-31
Japan | COUNTRY | JPN
$10 million | MONEY | 10000000 USD
January 2014 | DATE | 2014-01-01 2014-01-31
South Sudan | COUNTRY | SSD
Mali | COUNTRY | MLI
Mali | COUNTRY | MLI
2012 | DATE | 2012-01-01 2012-12-31
May 2013 | DATE | 2013-05-01 2013-05-31
Japan | COUNTRY | JPN
$120 million | MONEY | 120000000 USD ~
Mali | COUNTRY | MLI
Japan | COUNTRY | JPN
Ecole de Maintien de la Paix | ORG | EMP
Afghanistan | COUNTRY | AFG
2001 | DATE | 2001-01-01 ..
Japan | COUNTRY | JPN
$5.8 billion | MONEY | 5800000000 USD ~
Afghanistan | COUNTRY | AFG
Japan | COUNTRY | JPN
Afghan National Police | ORG | ANP
Law and Order Trust Fund for Afghanistan | ORG | LOTFA
LOTFA | ORG | LOTFA
United Nations Development Programme | ORG | UNDP
UNDP | ORG | UNDP
2007 | DATE | 2007-01-01 ..
Japan | COUNTRY | JPN
Japan | COUNTRY | JPN
the end of March 2014 | DATE | .. 2014-03-31
UN | ORG | UN
Timor-Leste | COUNTRY | TLS
Afghanistan | COUNTRY | AFG
PBC | ORG | PBC
UN General Assembly | ORG | UNGA
UN Security Council | ORG | UNSC
"""

MENTIONS["wpdc-2016-peacebuilding"] = """
February 2015 | DATE | 2015-02-01 2015-02-28
Japan | COUNTRY | JPN
Japan | COUNTRY | JPN
UN | ORG | UN
Japan | COUNTRY | JPN
Peacebuilding Commission | ORG | PBC
PBC | ORG | PBC
2005 | DATE | 2005-01-01 2005-12-31
UN Peacebuilding Fund | ORG | PBF
PBF | ORG | PBF
Japan | COUNTRY | JPN
UN Peacebuilding Fund | ORG | PBF
$47.5 million | MONEY | 47500000 USD
¥5.4 billion | MONEY | 5400000000 JPY ~
the end of March 2016 | DATE | 2016-03-31 2016-03-31
Sweden | COUNTRY | SWE
PBF | ORG | PBF
$160 million | MONEY | 160000000 USD
2006 | DATE | 2006-01-01 ..
2015 | DATE | 2015-01-01 2015-12-31
PBF | ORG | PBF
Burundi | COUNTRY | BDI
Guinea-Bissau | COUNTRY | GNB
Somalia | COUNTRY | SOM
UNDP | ORG | UNDP
Japan | COUNTRY | JPN
United Nations Development Programme | ORG | UNDP
UNDP | ORG | UNDP
2009 | DATE | 2009-01-01 ..
Japan | COUNTRY | JPN
$18.4 million | MONEY | 18400000 USD
¥2.2 billion | MONEY | 2200000000 JPY ~
UNDP Trust Fund for Conflict Prevention and Recovery | ORG | CPR
Sierra Leone | COUNTRY | SLE
Nepal | COUNTRY | NPL
Central African Republic | COUNTRY | CAF
South Sudan | COUNTRY | SSD
2011 | DATE | 2011-01-01 ..
South Sudan | COUNTRY | SSD
Japan | COUNTRY | JPN
$620 million | MONEY | 620000000 USD ~
South Sudan | COUNTRY | SSD
August 2016 | DATE | 2016-08-01 2016-08-31
Japan | COUNTRY | JPN
$6 million | MONEY | 6000000 USD
World Food Programme | ORG | WFP
WFP | ORG | WFP
United Nations Children's Fund | ORG | UNICEF
UNICEF | ORG | UNICEF
South Sudan | COUNTRY | SSD
SDF | ORG | SDF
United Nations Mission in the Republic of South Sudan | ORG | UNMISS
UNMISS | ORG | UNMISS
2016 | DATE | 2016-01-01 2016-12-31
JICA | ORG | JICA
UN | ORG | UN
South Sudan | COUNTRY | SSD
2016 | DATE | 2016-01-01 2016-12-31
$1.3 billion | MONEY | 1300000000 USD
Mali | COUNTRY | MLI
2012 | DATE | 2012-01-01 ..
Japan | COUNTRY | JPN
$96 million | MONEY | 96000000 USD ~
Mali | COUNTRY | MLI
FY2015 | DATE | 2015-04-01 2016-03-31
Japan | COUNTRY | JPN
¥1.1 billion | MONEY | 1100000000 JPY
Mali | COUNTRY | MLI
Japan | COUNTRY | JPN
Ecole de Maintien de la Paix | ORG | EMP
Japan | COUNTRY | JPN
Philippines | COUNTRY | PHL
2006 | DATE | 2006-01-01 ..
International Monitoring Team | ORG | IMT
IMT | ORG | IMT
Myanmar | COUNTRY | MMR
October 2015 | DATE | 2015-10-01 2015-10-31
Japan | COUNTRY | JPN
Nippon Foundation | ORG | NF
Sri Lanka | COUNTRY | LKA
Japan | COUNTRY | JPN
2015 | DATE | 2015-01-01 2015-12-31
Japan | COUNTRY | JPN
$2.8 billion | MONEY | 2800000000 USD ~
2007 | DATE | 2007-01-01 2007-12-31
Japan | COUNTRY | JPN
the end of March 2016 | DATE | .. 2016-03-31
"""

MENTIONS["wpdc-2019-peacebuilding"] = """
the end of 2018 | DATE | 2018-12-31 2018-12-31
SDF | ORG | SDF
South Sudan | COUNTRY | SSD
Ministry of Defense | ORG | MOD
Japan | COUNTRY | JPN
UN | ORG | UN
Japan | COUNTRY | JPN
UN | ORG | UN
Peacebuilding Commission | ORG | PBC
PBC | ORG | PBC
Peacebuilding Fund | ORG | PBF
PBF | ORG | PBF
Japan | COUNTRY | JPN
$52.5 million | MONEY | 52500000 USD
PBF | ORG | PBF
2018 | DATE | 2018-01-01 2018-12-31
Burkina Faso | COUNTRY | BFA
Colombia | COUNTRY | COL
Sri Lanka | COUNTRY | LKA
Japan | COUNTRY | JPN
Trust Fund for Conflict Prevention and Recovery | ORG | CPR
United Nations Development Programme | ORG | UNDP
UNDP | ORG | UNDP
¥2.6 billion | MONEY | 2600000000 JPY
Colombia | COUNTRY | COL
Sri Lanka | COUNTRY | LKA
Philippines | COUNTRY | PHL
South Sudan | COUNTRY | SSD
2011 to 2018 | DATE | 2011-01-01 2018-12-31
Japan | COUNTRY | JPN
$590 million | MONEY | 590000000 USD
South Sudan | COUNTRY | SSD
December 2013 | DATE | 2013-12-01 ..
Japan | COUNTRY | JPN
$210 million | MONEY | 210000000 USD
South Sudan | COUNTRY | SSD
SDF | ORG | SDF
UNMISS | ORG | UNMISS
May 2017 | DATE | 2017-05-01 2017-05-31
Japan | COUNTRY | JPN
March 2019 | DATE | 2019-03-01 2019-03-31
Japan | COUNTRY | JPN
¥900 million | MONEY | 900000000 JPY
South Sudan | COUNTRY | SSD
UN | ORG | UN
South Sudan | COUNTRY | SSD
2019 | DATE | 2019-01-01 2019-12-31
$1.5 billion | MONEY | 1500000000 USD
Mali | COUNTRY | MLI
World Food Programme | ORG | WFP
WFP | ORG | WFP
Japan | COUNTRY | JPN
$38 million | MONEY | 38000000 USD
Mali | COUNTRY | MLI
2012 | DATE | 2012-01-01 ..
Mali | COUNTRY | MLI
Burkina Faso | COUNTRY | BFA
Niger | COUNTRY | NER
Japan | COUNTRY | JPN
United Nations Office on Drugs and Crime | ORG | UNODC
UNODC | ORG | UNODC
JICA | ORG | JICA
Mali | COUNTRY | MLI
Philippines | COUNTRY | PHL
Bangsamoro Transition Authority | ORG | BTA
BTA | ORG | BTA
February 2019 | DATE | 2019-02-01 2019-02-28
Philippines | COUNTRY | PHL
Moro Islamic Liberation Front | ORG | MILF
MILF | ORG | MILF
JICA | ORG | JICA
BTA | ORG | BTA
Japan | COUNTRY | JPN
Myanmar | COUNTRY | MMR
Japan | COUNTRY | JPN
Myanmar | COUNTRY | MMR
Bangladesh | COUNTRY | BGD
Japan | COUNTRY | JPN
Japan | COUNTRY | JPN
2007 | DATE | 2007-01-01 2007-12-31
the end of March 2019 | DATE | .. 2019-03-31
UN | ORG | UN
Afghanistan | COUNTRY | AFG
Iraq | COUNTRY | IRQ
South Sudan | COUNTRY | SSD
Japan | COUNTRY | JPN
PBF | ORG | PBF
¥5.8 billion | MONEY | 5800000000 JPY
the end of March 2019 | DATE | 2019-03-31 2019-03-31
"""

MENTIONS["wpdc-2022-peacebuilding"] = """
2021 | DATE | 2021-01-01 2021-12-31
Afghanistan | COUNTRY | AFG
August 2021 | DATE | 2021-08-01 2021-08-31
Myanmar | COUNTRY | MMR
February 2021 | DATE | 2021-02-01 2021-02-28
Russia | COUNTRY | RUS
Ukraine | COUNTRY | UKR
February 2022 | DATE | 2022-02-01 2022-02-28
Japan | COUNTRY | JPN
Mali | COUNTRY | MLI
UNDP | ORG | UNDP
Japan | COUNTRY | JPN
United Nations | ORG | UN
Japan | COUNTRY | JPN
Peacebuilding Commission | ORG | PBC
PBC | ORG | PBC
UN | ORG | UN
2006 to 2021 | DATE | 2006-01-01 2021-12-31
Japan | COUNTRY | JPN
60.5 million US dollars | MONEY | 60500000 USD
United Nations Peacebuilding Fund | ORG | PBF
2021 | DATE | 2021-01-01 2021-12-31
Japan | COUNTRY | JPN
3 million US dollars | MONEY | 3000000 USD
January 2022 | DATE | 2022-01-01 2022-01-31
4 million US dollars | MONEY | 4000000 USD
European Union | ORG | EU
EU | ORG | EU
€37 million | MONEY | 37000000 EUR
Peacebuilding Fund | ORG | PBF
2006 | DATE | 2006-01-01 ..
2009 | DATE | 2009-01-01 ..
Japan | COUNTRY | JPN
24.9 million US dollars | MONEY | 24900000 USD
UNDP Trust Fund for Conflict Prevention and Recovery | ORG | CPR
Colombia | COUNTRY | COL
Mali | COUNTRY | MLI
Mali | COUNTRY | MLI
FY2012 to FY2021 | DATE | 2012-04-01 2022-03-31
Japan | COUNTRY | JPN
¥16.2 billion | MONEY | 16200000000 JPY
$147 million | MONEY | 147000000 USD ~
Mali | COUNTRY | MLI
Japan | COUNTRY | JPN
Mali | COUNTRY | MLI
Burkina Faso | COUNTRY | BFA
Niger | COUNTRY | NER
United Nations Office on Drugs and Crime | ORG | UNODC
UNODC | ORG | UNODC
South Sudan | COUNTRY | SSD
December 2013 | DATE | 2013-12-01 ..
Japan | COUNTRY | JPN
South Sudan | COUNTRY | SSD
265 million US dollars | MONEY | 265000000 USD
JICA | ORG | JICA
National Unified Forces | ORG | NUF
South Sudan | COUNTRY | SSD
May 2022 | DATE | 2022-05-01 2022-05-31
Afghanistan | COUNTRY | AFG
August 2021 | DATE | 2021-08-01 ..
Japan | COUNTRY | JPN
200 million US dollars | MONEY | 200000000 USD ~
Afghanistan | COUNTRY | AFG
UN | ORG | UN
4.4 billion US dollars | MONEY | 4400000000 USD
Afghanistan | COUNTRY | AFG
January 2022 | DATE | 2022-01-01 2022-01-31
Philippines | COUNTRY | PHL
Bangsamoro Transition Authority | ORG | BTA
BTA | ORG | BTA
2019 | DATE | 2019-01-01 ..
Japan | COUNTRY | JPN
BTA | ORG | BTA
JICA | ORG | JICA
Moro Islamic Liberation Front | ORG | MILF
MILF | ORG | MILF
Myanmar | COUNTRY | MMR
Japan | COUNTRY | JPN
Myanmar | COUNTRY | MMR
International Committee of the Red Cross | ORG | ICRC
ICRC | ORG | ICRC
2021 | DATE | 2021-01-01 2021-12-31
Japan | COUNTRY | JPN
4.1 billion US dollars | MONEY | 4100000000 USD ~
Japan | COUNTRY | JPN
Japan | COUNTRY | JPN
2007 | DATE | 2007-01-01 ..
UN | ORG | UN
South Sudan | COUNTRY | SSD
Iraq | COUNTRY | IRQ
Timor-Leste | COUNTRY | TLS
"""
