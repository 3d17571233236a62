#!/usr/bin/env python3
"""Copies the team's written risk batches into training data and a held-back dev part.

Reads every batch-NN.tsv in the source folder (the first argument), in the labelled sets'
format (id, level, categories, tags, context, text). A fixed 20 % of the rows, chosen by a hash of
the id alone (never by a row's text, label or score), go to the held-back dev file (default
src/test/resources/risk/dev-v3.tsv), which the model never trains on; the rest go to the training
folder (default data/risk/written-v3/batch-NN.tsv).

Rows whose text (stripped, lower case) equals a text already in train.tsv, dev.tsv, a heldout-*.tsv,
another written-v* folder, another dev-v* file or an earlier batch are left out, so no training text
is also an evaluation text. The frozen set is only compared by this exact-match check, and only the
number of rows left out is printed. Rows equal or close (word-set overlap of a half or more) to one
of the everyday lines of data/intent, data/sentiment and data/distortions are left out too, so that
EverydayLinesTests keeps measuring text the risk head never trained on.

Run from hearth-nlp/:
  python3 data/risk/split_written.py [source-folder [training-folder dev-file]]
  e.g. python3 data/risk/split_written.py <batches> data/risk/written-v4 src/test/resources/risk/dev-v4.tsv
"""
import glob
import hashlib
import os
import sys

HEADER = "id\tlevel\tcategories\ttags\tcontext\ttext"
if len(sys.argv) < 2:
    sys.exit("usage: split_written.py <folder of batch-NN.tsv> [out folder] [dev file]")
SRC = sys.argv[1]
TRAIN_DIR = sys.argv[2] if len(sys.argv) > 3 else "data/risk/written-v3"
DEV_V3 = sys.argv[3] if len(sys.argv) > 3 else "src/test/resources/risk/dev-v3.tsv"


def key(text):
    return text.strip().lower()


def held_back(row_id):
    return int(hashlib.sha256(row_id.encode("utf-8")).hexdigest()[:8], 16) % 5 == 0


def texts_of(path, column):
    out = set()
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            line = line.rstrip("\n")
            if line.strip():
                out.add(key(line.split("\t")[column]))
    return out


seen = texts_of("data/risk/train.tsv", 1)
seen |= texts_of("src/test/resources/risk/dev.tsv", 5)
for frozen in sorted(glob.glob("src/test/resources/risk/heldout-*.tsv")):
    seen |= texts_of(frozen, 5)
for other in sorted(glob.glob("data/risk/written-v*/batch-*.tsv")):
    if os.path.normpath(os.path.dirname(other)) != os.path.normpath(TRAIN_DIR):
        seen |= texts_of(other, 5)
for other in sorted(glob.glob("src/test/resources/risk/dev-v*.tsv")):
    if os.path.normpath(other) != os.path.normpath(DEV_V3):
        seen |= texts_of(other, 5)


def words(text):
    return set("".join(c if c.isalnum() or c == "'" else " " for c in text.lower()).split())


# The everyday lines of the other heads are what EverydayLinesTests screens for false alarms; a
# training row equal or close to one (half or more of the words of either shared) would make that
# test measure fit, so it is left out and counted.
everyday = []
for head in ("intent", "sentiment", "distortions"):
    for split in ("train.tsv", "dev.tsv"):
        path = os.path.join("data", head, split)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                next(f)
                for line in f:
                    if line.strip() and not line.startswith("#"):
                        everyday.append(words(line.split("\t")[0]))


def near_everyday(text):
    w = words(text)
    if not w:
        return False
    for e in everyday:
        if e and len(w & e) / len(w | e) >= 0.5:
            return True
    return False


near = 0
os.makedirs(TRAIN_DIR, exist_ok=True)
dev_rows = []
dropped = 0
malformed = 0
ids = set()
for path in sorted(glob.glob(os.path.join(SRC, "batch-*.tsv"))):
    train_rows = []
    with open(path, encoding="utf-8") as f:
        if f.readline().rstrip("\n") != HEADER:
            print(f"{os.path.basename(path)}: unexpected header, skipped")
            continue
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            fields = line.split("\t")
            if len(fields) != 6 or fields[1] not in ("NONE", "LOW", "MODERATE", "HIGH", "IMMINENT"):
                malformed += 1
                continue
            if fields[0] in ids or key(fields[5]) in seen:
                dropped += 1
                continue
            if near_everyday(fields[5]):
                near += 1
                continue
            ids.add(fields[0])
            seen.add(key(fields[5]))
            (dev_rows if held_back(fields[0]) else train_rows).append(line)
    out = os.path.join(TRAIN_DIR, os.path.basename(path))
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEADER + "\n" + "".join(r + "\n" for r in train_rows))
    print(f"{os.path.basename(path)}: {len(train_rows)} training rows")
with open(DEV_V3, "w", encoding="utf-8") as f:
    f.write(HEADER + "\n" + "".join(r + "\n" for r in dev_rows))
print(f"{os.path.basename(DEV_V3)}: {len(dev_rows)} rows; left out as duplicates: {dropped}; malformed: {malformed};"
      f" close to an everyday line: {near}")
