#!/usr/bin/env python3
"""Rebuilds assets/cut-words.txt, the word frequencies src/document/cut.rs reads column-break
cuts with.

Source: jieba's dictionary as the jieba-rs 0.11.0 crate ships it (`src/data/dict.txt`, MIT
licence), which cargo has already unpacked for the project's own dependency:

    python3 scripts/build_cut_words.py ~/.cargo/registry/src/*/jieba-rs-0.11.0/src/data/dict.txt \
        > assets/cut-words.txt

Kept: every single character, and words of two to four characters seen at least MIN_FREQ
times (a column break cuts inside short words; rarer and longer words add little and
weigh on the binary). Each frequency is stored as its rounded natural logarithm, words of
one logarithm together, WORDS_PER_LINE a line: `7 工作 发展 …`. Measured on the training
articles with simulated cuts, rounding changes no decision.
"""

import math
import sys
from collections import defaultdict

MIN_FREQ = 50
WORDS_PER_LINE = 64


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: build_cut_words.py PATH/TO/jieba-rs/src/data/dict.txt")
    by_log = defaultdict(list)
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, freq = parts[0], int(parts[1])
            n = len(word)
            if n == 1 or (2 <= n <= 4 and freq >= MIN_FREQ):
                if any(c.isspace() for c in word):
                    continue
                by_log[round(math.log(max(freq, 1)))].append(word)
    print("# Word frequencies for reading column-break cuts (src/document/cut.rs).")
    print("# Source: jieba's dictionary in the jieba-rs 0.11.0 crate (src/data/dict.txt, MIT).")
    print(f"# Single characters and words of 2-4 characters seen {MIN_FREQ}+ times; a line is")
    print("# `LN WORD WORD …` with LN the rounded natural log of the frequency.")
    print("# Rebuild: scripts/build_cut_words.py. Do not edit by hand.")
    for ln in sorted(by_log, reverse=True):
        words = sorted(set(by_log[ln]))
        for i in range(0, len(words), WORDS_PER_LINE):
            print(ln, " ".join(words[i : i + WORDS_PER_LINE]))


if __name__ == "__main__":
    main()
