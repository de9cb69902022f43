#!/usr/bin/env python3
"""Writes the Ingest test fixtures byte for byte (CRLF, BOM, windows-1252 need exact bytes).

Run from this folder: python3 make_fixtures.py. The files are committed; this script says
how each was made. All data is invented for the tests.
"""

def w(name, data):
    with open(name, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

basic = (
    "event_id,municipality,date,channel,participant_id\n"
    "e1,5001,2019-03-04,web,p1\n"
    "e2,0301,2019-03-05T10:15:00+01:00,\"meeting, town hall\",p2\n"
    "e3,5001,2019-03-06 08:00,web,p1\n"
)
w("engagement_basic.csv", basic)
# The same table with a UTF-8 byte-order mark and CRLF line ends.
w("engagement_bom_crlf.csv", b"\xef\xbb\xbf" + basic.replace("\n", "\r\n").encode())
w("engagement_semicolon.csv", basic.replace(",", ";").replace("meeting; town hall", "meeting, town hall"))
w("engagement_tab.tsv", basic.replace(",", "\t").replace("meeting\t town hall", "meeting, town hall"))

# Quoted delimiters, doubled quotes and a quoted newline (CRLF inside quotes).
w("engagement_quoted.csv",
  "municipality,date,participant_id,channel\r\n"
  "5001,2019-03-04,p1,\"say \"\"hi\"\"\r\nthere\"\r\n"
  "5001,2019-03-05,\"p,2\",web\r\n")

# Exactly three bad rows. Lines (header = 1):
# 1 header; 2 ok; 3-4 ok (quoted newline); 5 blank; 6 bad date 2019-02-30;
# 7 ok; 8 bad field count; 9-10 ok spanning; 11 bad: empty participant_id; 12 ok
w("engagement_three_bad.csv",
  "municipality,date,participant_id,channel\n"
  "5001,2019-03-04,p1,web\n"
  "5001,2019-03-04,p2,\"two\nlines\"\n"
  "\n"
  "5001,2019-02-30,p3,web\n"
  "5001,2019-03-05,p4,web\n"
  "5001,2019-03-05,p5\n"
  "5001,2019-03-06,p6,\"also\ntwo\"\n"
  "5001,2019-03-06,,web\n"
  "5001,2019-03-07,p7,web\n")

# Semicolon file with decimal comma (sniffed), survey with weight.
w("survey_decimal_comma.csv",
  "respondent_id;kommune;year;weight;q1;q2\n"
  "r1;5001;2019;2,5;4;5\n"
  "r2;5001;2019;0,75;9;\n"
  "r3;5001;2019;1;1,5;2\n")

# Windows-1252: æ ø å Æ Ø Å and 0x80 (euro sign) survive.
w("population_cp1252.csv",
  "municipality;year;population\r\n".encode("cp1252")
  + "Bærum;2019;127731\r\n".encode("cp1252")
  + "Tromsø;2019;76974\r\n".encode("cp1252")
  + "ÆØÅ€;2019;1\r\n".encode("cp1252")
  + "Våler;2019;3\r\n".encode("cp1252"))
# The same text in UTF-8 for comparison, and one row with invalid UTF-8 (0xE6 is 'æ' in 1252).
w("population_bad_utf8.csv",
  "municipality,year,population\n".encode()
  + "Bærum,2019,127731\n".encode()
  + b"B\xe6rum,2019,127731\n")

# One date per format (access requests, received): the day 2019-01-31 = 17927 days
# after 1970-01-01 (Python: (date(2019,1,31)-date(1970,1,1)).days) and 2020-02-29 = 18321.
w("dates_iso.csv", "municipality,received\n5001,2019-01-31\n5001,2020-02-29T23:59:59Z\n")
w("dates_dotted.csv", "municipality,received\n5001,31.01.2019\n5001,29.02.2020\n")
w("dates_slash.csv", "municipality,received\n5001,31/1/2019\n5001,29/2/2020\n")
# 1548892800 = 2019-01-31T00:00:00Z; 1583020799 = 2020-02-29T23:59:59Z.
w("dates_epoch_s.csv", "municipality,received\n5001,1548892800\n5001,1583020799\n")
w("dates_epoch_ms.csv", "municipality,received\n5001,1548932400000\n5001,1582934400000\n")
# Impossible dates reject their rows.
w("dates_impossible.csv", "municipality,received\n5001,31.02.2019\n5001,01.01.0000\n5001,1.1.2019\n")

# Fixed values: a survey export with neither municipality nor year.
w("survey_no_group.csv", "id,q1,q2,extra\nr1,4,5,x\nr2,3,,y\n")

w("missing_column.csv", "kommune,dato,deltaker\n5001,2019-03-04,p1\n")
w("duplicate_column.csv", "municipality,date,participant_id,municipality\n5001,2019-03-04,p1,5001\n")
w("open_quote.csv", "municipality,date,participant_id\n5001,2019-03-04,p1\n5001,2019-03-05,\"p2\n5001,2019-03-06,p3\n")
w("empty.csv", b"")
w("blank_lines_only.csv", b"\xef\xbb\xbf\n\r\n\n")

# Row rules per kind.
w("survey_rules.csv",
  "municipality,year,weight,q1,q2\n"
  "5001,2019,1,4,5\n"        # 2 ok
  "5001,2019,,4,5\n"         # 3 empty weight
  "5001,2019,0,4,5\n"        # 4 weight not positive
  "5001,2019,-1,4,5\n"       # 5 weight not positive
  "5001,2019,1e999,4,5\n"    # 6 weight not finite
  "5001,2019,1,6,5\n"        # 7 q1 outside 1..5
  "5001,2019,1,9,\n"         # 8 ok: 9 missing code, empty missing
  "5001,2019.5,1,4,5\n"      # 9 year not whole
  "5001,abc,1,4,5\n"         # 10 year not a number
  ",2019,1,4,5\n"            # 11 municipality empty
  "5001,2019,1,0.5,5\n")     # 12 q1 below range
w("publications_rules.csv",
  "record_id,municipality,registered,published,access\n"
  "r1,5001,2019-02-01,2019-02-01,open\n"       # 2 ok (same day)
  "r2,5001,2019-02-01,2019-01-31,open\n"       # 3 published before registered
  "r3,5001,2019-02-01,,exempt\n"               # 4 ok, not published
  "r4,5001,2019-02-01,,closed\n"               # 5 access outside set
  "r5,5001,2019-02-01,2019-02-10,\n")          # 6 access empty (required)
w("access_rules.csv",
  "request_id,municipality,received,answered,outcome\n"
  "a1,5001,2019-02-01,2019-02-04,granted\n"    # 2 ok
  "a2,5001,2019-02-01,,\n"                     # 3 ok, unanswered
  "a3,5001,2019-02-05,2019-02-04,denied\n"     # 4 answered before received
  "a4,5001,2019-02-01,2019-02-02,maybe\n")     # 5 outcome outside set
w("population_rules.csv",
  "municipality,year,population\n"
  "5001,2019,212660\n"       # 2 ok
  "5001,2019,0\n"            # 3 not positive
  "5001,0,10\n"              # 4 year 0
  "5001,2019,\n")            # 5 required empty

# Reference for windows-1252 decoding: Python's cp1252 codec, one line per byte 0x80-0xFF:
# "<byte hex> <code point hex>" or "<byte hex> undefined".
lines = []
for x in range(0x80, 0x100):
    try:
        lines.append("%02X %04X" % (x, ord(bytes([x]).decode("cp1252"))))
    except UnicodeDecodeError:
        lines.append("%02X undefined" % x)
w("cp1252_reference.txt", "\n".join(lines) + "\n")

# A fixed value wins over a file column of the same name; strata declared → stratum required.
w("survey_with_municipality.csv", "municipality,year,q1\n0301,2019,3\n")
# Invalid bytes in the header (0xFF is never valid UTF-8).
w("header_bad_utf8.csv", b"municipality,d\xffte,participant_id\n5001,2019-03-04,p1\n")
# windows-1252 undefined byte 0x81 in a kept cell; a ';' file whose rejected record needs quoting.
w("population_cp1252_undefined.csv", b"municipality;year;population\nA\x81;2019;1\nB;2019;2\n")
w("engagement_requote.csv",
  "municipality;date;participant_id\n"
  "5001;2019-03-04;\"p;1\";extra\n"
  "5001;2019-03-04;\"say \"\"hi\"\"\"\n")
# Decimal comma declared: "2.5" is not a number; undeclared: "2,5" is not.
w("population_decimal_mixed.csv", "municipality;year;population\n5001;2019;2,5\n5001;2019;2.5\n")
# Excel's "Unicode text": UTF-16 LE with a byte-order mark, tab-separated.
w("engagement_utf16.txt", "municipality\tdate\tparticipant_id\r\n5001\t2019-03-04\tp1\r\n".encode("utf-16"))
