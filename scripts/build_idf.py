#!/usr/bin/env python3
"""Rebuilds assets/idf.txt, the inverse document frequencies keywords are ranked with
(src/analysis/idf.rs).

Source: jieba's IDF table as the jieba-rs 0.11.0 crate ships it (`src/data/idf.txt`, MIT
licence), which cargo has already unpacked for the project's own dependency:

    python3 scripts/build_idf.py ~/.cargo/registry/src/*/jieba-rs-0.11.0/src/data/idf.txt \
        > assets/idf.txt

jieba-rs holds that table as a hash map of 270,000 owned strings (about 33 MB resident,
more than its segmenter). The table has only about 3,300 distinct values, so the words are
grouped by value, one line per value: `13.900677652 word word …` (the value's text exactly
as in jieba's file, so it parses to the same number), after a first line with the median
jieba-rs falls back to for unknown words (the lower median of every value read, duplicate
lines included). A word listed twice keeps its last value, as jieba-rs's map does.
"""

import sys
from collections import defaultdict


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: build_idf.py PATH/TO/jieba-rs/src/data/idf.txt")
    value_of = {}
    text_of = {}
    values = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            try:
                value = float(parts[1])
            except ValueError:
                continue
            value_of[parts[0]] = value
            text_of[value] = parts[1]
            values.append((value, parts[1]))
    values.sort(key=lambda v: v[0])
    median = values[(len(values) - 1) // 2][1]
    by_value = defaultdict(list)
    for word, value in value_of.items():
        by_value[value].append(word)
    out = sys.stdout
    out.write(f"{median}\n")
    for value in sorted(by_value):
        out.write(text_of[value] + " " + " ".join(sorted(by_value[value])) + "\n")


if __name__ == "__main__":
    main()
