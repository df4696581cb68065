#!/usr/bin/env python3
"""Measures a demo run's email copy (docs/email-copy.md): unique subjects, variant pairs, sections, 20 random subjects.

Usage: python3 scripts/email-copy-stats.py /tmp/demo-copy [seed]
The variant rule mirrors services/Tailor.Recommendation/Catalog/ProductVariants.cs; the demo test in
tests/Tailor.EndToEnd.Tests asserts the same thresholds with that class.
"""
import collections, csv, gzip, json, random, re, sys

VARIANT_WORDS = set("""red blue green pink white black ivory cream yellow orange purple gold golden silver grey gray brown
turquoise lilac aqua beige copper chrome pastel bright natural multicolour assorted colour colours colored coloured antique
zinc rose mint navy sky teal lavender magenta fuchsia peach lemon violet crimson scarlet amber small medium large mini jumbo
big giant tiny xl xs xxl sml lrg med size tall short long wide round square single double tier tiers pack packs of set sets
pc pcs piece pieces and & +""".split())
MEASURE = re.compile(r"""^(?:\d+(?:[.,/x]\d+)*(?:cm|mm|m|ml|cl|l|g|kg|oz|in|x|pc|pcs|"|'s|s)?|s(?:et)?/\d+)$""")

def key(title):
    words = [w for w in re.split(r"[ ,().\t]+", title.lower()) if w]
    def name(i):
        return i == len(words) - 1 and i > 0 and words[i].isdigit() and words[i - 1] not in VARIANT_WORDS
    kept = [w for i, w in enumerate(words) if (w not in VARIANT_WORDS and not MEASURE.match(w)) or name(i)]
    return " ".join(kept or words)

out = sys.argv[1]
everyone = [json.loads(line) for line in open(f"{out}/emails.jsonl")]
# The control group's email is the same for everyone on purpose; the copy is measured over the personalised emails.
control = [e for e in everyone if e.get("arm") == "control"]
emails = [e for e in everyone if e.get("arm") != "control"]
print(f"control group {len(control)} of {len(everyone)} emails ({len(control) / len(everyone):.1%}); personalised {len(emails)}")
titles = {}
for row in csv.DictReader(gzip.open("services/Host/SampleData/online-retail-2010-12.csv.gz", "rt")):
    if row["Description"] and float(row["UnitPrice"]) > 0:
        titles[row["StockCode"]] = row["Description"]
subjects = collections.Counter(e["subject"] for e in emails)
unique = sum(1 for e in emails if subjects[e["subject"]] == 1)
pairs = sum(1 for e in emails if len({key(titles.get(i, i)) for i in e["itemIds"]}) < len(e["itemIds"]))
sections = collections.Counter(("Buy again\n" in e["textBody"], "New for you\n" in e["textBody"]) for e in emails)
print(f"emails {len(emails)}; distinct subjects {len(subjects)}; subjects no other email has {unique} ({unique / len(emails):.1%})")
print(f"emails with two variants of one product: {pairs} ({pairs / len(emails):.1%})")
print(f"sections: both {sections[(True, True)]}, buy again only {sections[(True, False)]}, new for you only {sections[(False, True)]}")
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 16)
for e in random.sample(emails, 20):
    print(f"- {e['subject']} | {e['preheader']}")
