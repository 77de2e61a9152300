#!/usr/bin/env python3
"""Verify public/data/rectification.json and public/data/figures.json against the seed text.

Usage (from anywhere):
    python3 scripts/verify_seed_transcription.py [SEED_TXT] [DATA_DIR]

Defaults, relative to the repository root (the parent of this script's directory):
    SEED_TXT = docs/source/xianning-red-cross-rectification-2023.txt (the project's copy of the
               seed; when ../shared/seed/ holds the original too, the two must be identical)
    DATA_DIR = public/data

The seed is an OCR'd text. It is normalised exactly as the transcription was:
  1. the LaTeX fragment "（ $39.67 \\times 6.5\\%$ ）" becomes "（39.67×6.5%）";
  2. runs of spaces next to a CJK character, a digit or punctuation are removed
     ("2022 年 7 月" -> "2022年7月");
  3. a line of running text (it contains ，；or 。) that does not end in 。：；！？ is joined to
     the next non-blank line: such lines are sentences split by a line / page break
     ("社会\\n\\n知晓率低" -> "社会知晓率低"). Headings contain none of ，；。 and are never joined.
Every transcribed text and every figure quote must then be a substring of the normalised seed;
money and percent values must equal the amount written in their quote (exact decimal
arithmetic, no floats). Exits non-zero on any mismatch.
"""
from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SEED = REPO / "docs" / "source" / "xianning-red-cross-rectification-2023.txt"
SHARED_SEED = REPO / ".." / "shared" / "seed" / "xianning-red-cross-rectification-2023.txt"
DEFAULT_DATA = REPO / "public" / "data"

# ----------------------------------------------------------------------------- normalisation

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2018-\u201f\u00b7\u2014\u2026"
_ANCHOR = rf"[{_CJK}0-9!-/:-@\[-`{{-~]"  # CJK, CJK punctuation, digits, ASCII punctuation
_SPACE_RUN = re.compile(rf"(?<={_ANCHOR})[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?={_ANCHOR})")
_LATEX = re.compile(r"[（(]\s*\$\s*([0-9.]+)\s*\\times\s*([0-9.]+)\s*\\%\s*\$\s*[)）]")
_SENTENCE_END = "。：；！？"
_RUNNING_TEXT = re.compile(r"[，；。]")


def normalise(raw: str, joins: list | None = None) -> str:
    """Return the normalised seed: one paragraph per line, no blank lines."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _LATEX.sub(lambda m: f"（{m.group(1)}×{m.group(2)}%）", text)
    lines = [_SPACE_RUN.sub("", line).strip() for line in text.split("\n")]
    paras: list[str] = []
    for line in lines:
        if not line:
            continue
        if paras and paras[-1][-1] not in _SENTENCE_END and _RUNNING_TEXT.search(paras[-1]):
            if joins is not None:
                joins.append((paras[-1][-8:], line[:8]))
            paras[-1] += line
        else:
            paras.append(line)
    return "\n".join(paras)


# ----------------------------------------------------------------------------- seed structure

SECTION_HEADINGS = ["一、整改工作组织情况", "二、整改落实情况", "三、下一步工作计划"]
_PROBLEM_LINE = re.compile(r"^[(（](\d+)[)）](.+)$")
_ASPECT_LINE = re.compile(r"^(\d)\.(.+)$")
_NEXT_LINE = re.compile(r"^（([一二三四五六七八九十])）(.+?)。(.+)$")
_MEASURE_SPLIT = re.compile(r"(?:^|(?<=[；。]))([一二三四五六七八九十])是")


def parse_seed(norm: str) -> dict:
    lines = norm.split("\n")
    idx = {h: lines.index(h) for h in SECTION_HEADINGS}
    sections = {
        "preamble": "\n".join(lines[: idx[SECTION_HEADINGS[0]]]),
        SECTION_HEADINGS[0]: "\n".join(lines[idx[SECTION_HEADINGS[0]] + 1: idx[SECTION_HEADINGS[1]]]),
        SECTION_HEADINGS[1]: "\n".join(lines[idx[SECTION_HEADINGS[1]] + 1: idx[SECTION_HEADINGS[2]]]),
        SECTION_HEADINGS[2]: "\n".join(lines[idx[SECTION_HEADINGS[2]] + 1:]),
    }
    aspects, problems, next_steps = [], [], []
    aspect_no = 0
    body = lines[idx[SECTION_HEADINGS[1]] + 1: idx[SECTION_HEADINGS[2]]]
    i = 0
    while i < len(body):
        line = body[i]
        m = _ASPECT_LINE.match(line)
        if m:
            aspect_no = int(m.group(1))
            aspects.append({"no": aspect_no, "title": m.group(2)})
            i += 1
            continue
        m = _PROBLEM_LINE.match(line)
        if m:
            head, _, finding = m.group(2).partition("。")
            measures_para = body[i + 1]
            problems.append({"no": int(m.group(1)), "aspect": aspect_no, "title": head,
                             "finding": finding, "measures_para": measures_para})
            i += 2
            continue
        i += 1
    for line in lines[idx[SECTION_HEADINGS[2]] + 1:]:
        m = _NEXT_LINE.match(line)
        if m:
            next_steps.append({"title": m.group(2), "text": m.group(3)})
    return {"sections": sections, "aspects": aspects, "problems": problems, "next_steps": next_steps}


def split_measures(para: str) -> list[str]:
    parts = _MEASURE_SPLIT.split(para)
    if len(parts) == 1:
        return [para]
    # parts = ["", "一", text1, "二", text2, ...]
    assert parts[0] == "", parts[0]
    return [parts[k + 1] for k in range(1, len(parts), 2)]


# ----------------------------------------------------------------------------- number parsing

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_MONEY = re.compile(r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)(万)?元")
_PERCENT = re.compile(r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)%")


def money_in_fen(number: str, wan: bool) -> int:
    fen = Decimal(number) * (10000 if wan else 1) * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"{number}{'万' if wan else ''}元 is not a whole number of fen")
    return int(fen)


def money_amounts(quote: str) -> list[int]:
    amounts = [money_in_fen(m.group(1), bool(m.group(2))) for m in _MONEY.finditer(quote)]
    if re.search(r"(款|额|金)为零", quote):
        amounts.append(0)
    return amounts


def percent_amounts(quote: str) -> list[int]:
    out = []
    for m in _PERCENT.finditer(quote):
        hundredths = Decimal(m.group(1)) * 100
        if hundredths != hundredths.to_integral_value():
            raise ValueError(f"{m.group(1)}% is finer than a hundredth of a percent")
        out.append(int(hundredths))
    return out


def count_matches(quote: str, value: int, unit: str) -> bool:
    """True if the quote writes `value` followed by `unit` (arabic, 万-scaled or Chinese numeral)."""
    u = re.escape(unit)
    for m in re.finditer(rf"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)(万)?{u}", quote):
        n = Decimal(m.group(1)) * (10000 if m.group(2) else 1)
        if n == value:
            return True
    for m in re.finditer(rf"([零〇一二两三四五六七八九十])(?:个|名)?{u}", quote):
        if _CN_DIGITS[m.group(1)] == value:
            return True
    if value == 0 and re.search(r"(^|[，。；、])无", quote):
        return True
    return False


# ----------------------------------------------------------------------------- checks

class Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.checks = 0

    def ok(self, cond: bool, msg: str) -> None:
        self.checks += 1
        if not cond:
            self.errors.append(msg)


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EXPECTED_ASPECT = {**{n: 1 for n in range(1, 13)}, **{n: 2 for n in range(13, 16)},
                   **{n: 3 for n in range(16, 22)}}


def verify(seed_path: Path, data_dir: Path) -> int:
    raw = seed_path.read_text(encoding="utf-8")
    joins: list = []
    norm = normalise(raw, joins)
    seed = parse_seed(norm)
    c = Checker()

    rect_path, fig_path = data_dir / "rectification.json", data_dir / "figures.json"
    rect_bytes, fig_bytes = rect_path.read_bytes(), fig_path.read_bytes()
    rect = json.loads(rect_bytes.decode("utf-8"))
    figs = json.loads(fig_bytes.decode("utf-8"))
    for path, obj, data in ((rect_path, rect, rect_bytes), (fig_path, figs, fig_bytes)):
        pretty = json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
        c.ok(data.decode("utf-8") in (pretty, pretty.rstrip("\n")),
             f"{path.name}: not pretty-printed with 2-space indent and ensure_ascii=False")

    def in_seed(s: str, what: str) -> None:
        c.ok(isinstance(s, str) and len(s) > 0 and s in norm, f"{what}: not a substring of the normalised seed: {s!r}")

    # ---- rectification.json
    c.ok(rect.get("schema") == "gongshi/rectification/1", "rectification: schema id")
    in_seed(rect["title"], "title")
    in_seed(rect["publisher"], "publisher")
    c.ok(norm.split("\n")[1] == rect["title"], "title is not the seed's title line")
    c.ok(rect["published"] == "2023-09-18" and norm.endswith("2023年9月18日"), "published date")
    insp = rect["inspection"]
    in_seed(insp["by"], "inspection.by")
    c.ok((insp["start"], insp["end"], insp["feedback"]) == ("2022-07-08", "2022-08-26", "2022-11-07"),
         "inspection dates")
    in_seed("于2022年7月8日至8月26日对我单位进行了巡察", "inspection period")
    in_seed("2022年11月7日，市委第一巡察组向我单位反馈了巡察意见", "inspection feedback")
    d = rect["declared"]
    in_seed(f"{d['aspects']}个方面{d['items']}项{d['problems']}个问题", "declared counts")
    in_seed(f"共计{d['in_progress']}个问题正在推进整改", "declared in_progress")
    in_seed(f"共计{d['not_started']}个问题尚未启动整改", "declared not_started")
    c.ok(d["done"] + d["in_progress"] + d["not_started"] == d["problems"], "declared: done+in_progress+not_started != problems")
    c.ok(rect["organisation_of_work"] == seed["sections"][SECTION_HEADINGS[0]],
         "organisation_of_work differs from the paragraph under 一、整改工作组织情况")

    c.ok(rect["aspects"] == seed["aspects"], f"aspects differ: {rect['aspects']} vs {seed['aspects']}")
    c.ok(len(rect["aspects"]) == d["aspects"], "aspect count != declared")

    probs = rect["problems"]
    c.ok([p["no"] for p in probs] == list(range(1, 22)), "problem numbers are not 1..21 in order")
    c.ok(len(probs) == d["problems"] == len(seed["problems"]), "problem count")
    c.ok(sum(p["status"] == "done" for p in probs) == d["done"], "done count != declared")
    seed_by_no = {p["no"]: p for p in seed["problems"]}
    measures_total = dates_total = 0
    problem_text: dict[int, str] = {}
    for p in probs:
        no = p["no"]
        sp = seed_by_no.get(no)
        c.ok(sp is not None, f"problem {no}: not in seed")
        if sp is None:
            continue
        c.ok(p["aspect"] == EXPECTED_ASPECT[no] == sp["aspect"], f"problem {no}: aspect {p['aspect']}")
        c.ok(p["status"] in ("done", "in_progress", "not_started"), f"problem {no}: status")
        in_seed(p["title"], f"problem {no} title")
        in_seed(p["finding"], f"problem {no} finding")
        c.ok(not p["title"].endswith("。"), f"problem {no}: title ends with 。")
        c.ok(p["title"] == sp["title"], f"problem {no}: title differs from seed heading {sp['title']!r}")
        c.ok(p["finding"] == sp["finding"], f"problem {no}: finding is not the whole rest of the paragraph")
        for k, m in enumerate(p["measures"], 1):
            in_seed(m, f"problem {no} measure {k}")
            c.ok(not re.match(r"^[一二三四五六七八九十]是", m), f"problem {no} measure {k}: 一是-prefix not removed")
        c.ok(p["measures"] == split_measures(sp["measures_para"]),
             f"problem {no}: measures do not reproduce the measures paragraph")
        measures_total += len(p["measures"])
        text = f"{p['title']}。{p['finding']}\n{sp['measures_para']}"
        problem_text[no] = text
        for dt in p["dates"]:
            dates_total += 1
            m = _ISO.match(dt["date"])
            c.ok(m is not None and m.group(2) is not None, f"problem {no}: date {dt['date']!r} lacks a month")
            if not m or not m.group(2):
                continue
            y, mo, da = int(m.group(1)), int(m.group(2)), m.group(3)
            c.ok(1 <= mo <= 12 and 2000 <= y <= 2030, f"problem {no}: date {dt['date']} out of range")
            c.ok(isinstance(dt.get("what"), str) and dt["what"] in text,
                 f"problem {no}: date {dt['date']} what is not verbatim from the problem: {dt.get('what')!r}")
            if da:
                c.ok(f"{mo}月{int(da)}日" in text or f"“{mo}·{int(da)}”" in text,
                     f"problem {no}: {dt['date']}: day not in problem text")
            else:
                c.ok(f"{mo}月" in text or (mo == 12 and f"{y}年底" in text) or "同月" in text,
                     f"problem {no}: {dt['date']}: month not in problem text")
            c.ok(str(y) in text, f"problem {no}: {dt['date']}: year not in problem text")

    c.ok(len(rect["next_steps"]) == 3 and rect["next_steps"] == seed["next_steps"],
         "next_steps differ from the seed")
    for k, ns in enumerate(rect["next_steps"], 1):
        in_seed(ns["title"], f"next_steps {k} title")
        in_seed(ns["text"], f"next_steps {k} text")
    ct = rect["contact"]
    for key, prefix in (("phone", "联系电话："), ("address", "邮寄地址："), ("postcode", "邮政编码："), ("email", "电子邮箱：")):
        in_seed(prefix + ct[key], f"contact.{key}")
    c.ok(isinstance(rect.get("transcription_notes"), list) and all(isinstance(s, str) for s in rect["transcription_notes"])
         and len(rect["transcription_notes"]) > 0, "transcription_notes")

    # ---- figures.json
    c.ok(figs.get("schema") == "gongshi/figures/1", "figures: schema id")
    ids = [f["id"] for f in figs["figures"]]
    c.ok(len(ids) == len(set(ids)), "figures: duplicate ids")
    valid_sections = set(SECTION_HEADINGS)
    kinds = {"money": 0, "percent": 0, "count": 0}
    for f in figs["figures"]:
        fid = f["id"]
        c.ok(bool(_KEBAB.match(fid)), f"{fid}: id is not kebab-case")
        c.ok(isinstance(f.get("label"), str) and re.search(r"[\u4e00-\u9fff]", f["label"]) is not None, f"{fid}: label")
        c.ok(isinstance(f.get("label_en"), str) and f["label_en"].isascii(), f"{fid}: label_en")
        c.ok(f["kind"] in kinds, f"{fid}: kind {f['kind']!r}")
        c.ok(isinstance(f["value"], int) and not isinstance(f["value"], bool), f"{fid}: value is not an integer")
        c.ok(f["section"] in valid_sections, f"{fid}: section {f['section']!r}")
        c.ok(isinstance(f.get("key"), bool), f"{fid}: key must be a boolean")
        q = f["quote"]
        in_seed(q, f"{fid} quote")
        if f["problem"] is None:
            c.ok(q in seed["sections"][f["section"]], f"{fid}: quote not in section {f['section']}")
        else:
            c.ok(f["problem"] in problem_text and q in problem_text[f["problem"]],
                 f"{fid}: quote not in problem {f['problem']}")
            c.ok(f["section"] == "二、整改落实情况", f"{fid}: problem figures belong to 二、整改落实情况")
        if f.get("period") is not None:
            scope = problem_text.get(f["problem"], norm) if f["problem"] else norm
            c.ok(f["period"] in scope, f"{fid}: period {f['period']!r} not stated in its problem")
        kind = f["kind"]
        if kind in kinds:
            kinds[kind] += 1
        if kind == "money":
            amounts = money_amounts(q)
            c.ok(amounts == [f["value"]], f"{fid}: money {f['value']} fen, quote says {amounts}")
            c.ok("unit" not in f or f["unit"] is None, f"{fid}: money must not carry a unit")
        elif kind == "percent":
            pcts = percent_amounts(q)
            c.ok(pcts == [f["value"]], f"{fid}: percent {f['value']}, quote says {pcts}")
        elif kind == "count":
            c.ok(isinstance(f.get("unit"), str) and len(f["unit"]) > 0, f"{fid}: count without unit")
            if f.get("unit"):
                c.ok(count_matches(q, f["value"], f["unit"]), f"{fid}: count {f['value']}{f['unit']} not in quote")

    # ---- arithmetic cross-checks (reported, not failures: the report's own rounding)
    byid = {f["id"]: f for f in figs["figures"]}
    notes = []

    def ratio(a: str, b: str, p: str) -> None:
        if a in byid and b in byid and p in byid:
            exact = Decimal(byid[a]["value"]) * 10000 / Decimal(byid[b]["value"])
            notes.append(f"{p}: published {Decimal(byid[p]['value']) / 100}% ; {a}/{b} = {exact / 100:.4f}%")

    ratio("fundraising-non-directed-2019-2021", "fundraising-total-2019-2021", "fundraising-non-directed-share")
    ratio("volunteer-teams-one-member", "volunteer-teams-total", "volunteer-teams-one-member-share")
    ratio("volunteer-teams-under-ten", "volunteer-teams-total", "volunteer-teams-under-ten-share")
    if all(k in byid for k in ("project-cost-cap-amount-2021", "project-cost-spent-2021", "project-cost-overrun-2021")):
        cap, spent, over = (byid[k]["value"] for k in ("project-cost-cap-amount-2021", "project-cost-spent-2021", "project-cost-overrun-2021"))
        c.ok(spent - cap == over, f"cost cap: {spent} - {cap} != {over}")
    if all(k in byid for k in ("reimbursement-fuel-1", "reimbursement-fuel-2", "reimbursement-total-2019-12")):
        c.ok(byid["reimbursement-fuel-1"]["value"] + byid["reimbursement-fuel-2"]["value"]
             == byid["reimbursement-total-2019-12"]["value"], "600元 != 340元 + 260元")

    # ---- summary
    print(f"seed: {seed_path}")
    print(f"normalised seed: {len(norm)} chars, {norm.count(chr(10)) + 1} paragraphs, {len(joins)} broken lines joined:")
    for a, b in joins:
        print(f"    …{a} + {b}…")
    print(f"rectification.json: {len(rect['aspects'])} aspects, {len(probs)} problems, "
          f"{measures_total} measures, {dates_total} dates, {len(rect['next_steps'])} next steps, "
          f"{len(rect['transcription_notes'])} transcription notes")
    print(f"figures.json: {len(figs['figures'])} figures ({', '.join(f'{k} {v}' for k, v in kinds.items())}), "
          f"{sum(1 for f in figs['figures'] if f.get('key'))} key")
    for n in notes:
        print(f"note: {n}")
    print(f"{c.checks} checks, {len(c.errors)} failed")
    for e in c.errors:
        print(f"FAIL: {e}")
    return 1 if c.errors else 0


def main(argv: list[str]) -> int:
    seed = Path(argv[1]) if len(argv) > 1 else DEFAULT_SEED
    if len(argv) <= 1 and SHARED_SEED.exists() and SHARED_SEED.read_bytes() != DEFAULT_SEED.read_bytes():
        print(f"FAIL: {DEFAULT_SEED} differs from the original {SHARED_SEED.resolve()}")
        return 1
    data = Path(argv[2]) if len(argv) > 2 else DEFAULT_DATA
    return verify(seed.resolve(), data.resolve())


if __name__ == "__main__":
    sys.exit(main(sys.argv))
