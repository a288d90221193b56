"""Write a synthetic, valid indicators.yaml and sources/ with N figures, shaped like the real data.

Usage: python3 benchmarks/synth.py --figures 10000 --output /tmp/synth-10k

Sectors and units are the real file's; value ranges per unit follow the real figures. Indicators, geographies,
periods (2003-2027 and spans), statuses (derived figures included, their values computed from their inputs),
qualifiers and sources are drawn from a seeded generator, so the same arguments always give the same files.
Like the real data, every label, name, description and note has its Chinese form (the _zh fields), and every
geography is listed under places with its Chinese name.
The YAML is written as text (not through a YAML emitter) so that 100,000 figures take seconds, not minutes.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dashboard.data.precision import supported  # noqa: E402
from dashboard.data.quote_numbers import forms  # noqa: E402
from dashboard.data.schema import QUALIFIERS, SOURCE_KINDS  # noqa: E402

REAL = ROOT / "indicators.yaml"
CITIES = ["Hangzhou", "Ningbo", "Wenzhou", "Jiaxing", "Huzhou", "Shaoxing", "Jinhua", "Quzhou", "Zhoushan",
          "Taizhou", "Lishui"]
CITIES_ZH = ["杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州", "丽水"]
PLACES = ["Yuhang", "Xiaoshan", "Cixi", "Yiwu", "Anji", "Haining", "Tongxiang", "Deqing", "Zhuji", "Yueqing",
          "Rui'an", "Wenling", "Linhai", "Yongkang", "Dongyang", "Jiangshan", "Longquan", "Pinghu", "Shengzhou"]
PLACES_ZH = ["余杭", "萧山", "慈溪", "义乌", "安吉", "海宁", "桐乡", "德清", "诸暨", "乐清", "瑞安", "温岭", "临海", "永康",
             "东阳", "江山", "龙泉", "平湖", "嵊州"]
TOPICS = ["cloud adoption", "industrial internet", "smart manufacturing", "e-commerce sales", "data centres",
          "rural broadband", "AI start-ups", "patent grants", "venture funding", "village income", "grid load",
          "EV charging", "research spending", "export orders", "logistics volume", "talent recruitment",
          "robot installations", "public services online", "green power", "factory output"]
TOPICS_ZH = ["企业上云", "工业互联网", "智能制造", "电子商务销售额", "数据中心", "农村宽带", "人工智能初创企业", "专利授权",
             "风险投资", "村集体收入", "电网负荷", "电动汽车充电", "研发投入", "出口订单", "物流量", "人才引进", "机器人装机",
             "政务服务网上办理", "绿色电力", "工业产值"]
ASPECTS = ["total", "growth", "per capita", "share", "target", "new entrants", "average", "peak", "index"]
ASPECTS_ZH = ["总量", "增速", "人均", "占比", "目标", "新增", "平均", "峰值", "指数"]
WORDS = ("the province said the figure reflects steady progress across cities and counties as firms and villages "
         "adopt new technology under the plan announced by officials this year").split()
STATUS_WEIGHTS = {"actual": 60, "target": 19, "forecast": 10, "policy": 3}
KIND_OF_UNIT = {"percent": "rate", "ratio": "rate", "rank": "rank"}  # other units: flows
QUALIFIER_WEIGHTS = [40, 12, 8, 25, 5, 6, 4]  # in the order of QUALIFIERS; real data is mostly exact / more than
DERIVED_SHARE = 0.06


def _real_shape() -> tuple[list[dict], list[dict], dict[str, tuple[float, float]]]:
    """The real file's sectors and units, and each unit's smallest and largest positive value."""
    data = yaml.safe_load(REAL.read_text(encoding="utf-8"))
    ranges: dict[str, list[float]] = {}
    unit_of = {i["id"]: i["unit"] for i in data["indicators"]}
    for fig in data["figures"]:
        if fig["value"] > 0:
            ranges.setdefault(unit_of[fig["indicator"]], []).append(float(fig["value"]))
    bounds = {u: (min(v) / 3, max(v) * 3) for u, v in ranges.items()}
    return data["sectors"], data["units"], bounds


def _number(value: float) -> str:
    """A YAML float or int that PyYAML reads back as a number (it needs a dot in '1.0e+11')."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = f"{value:.20f}".rstrip("0")
        text += "0" if text.endswith(".") else ""
    return text


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _geographies(count: int) -> list[tuple[str, str]]:
    """Names of places and their Chinese names: the province, its cities, counties, then numbered districts."""
    names = [("Zhejiang", "浙江省"), *((city, f"{zh}市") for city, zh in zip(CITIES, CITIES_ZH, strict=True))]
    names += [(f"{place} ({CITIES[i % len(CITIES)]})", f"{zh}（{CITIES_ZH[i % len(CITIES)]}）")
              for i, (place, zh) in enumerate(zip(PLACES, PLACES_ZH, strict=True))]
    i = 0
    while len(names) < count:
        city, number = i % len(CITIES), i // len(CITIES) + 1
        names.append((f"{CITIES[city]} district {number}", f"{CITIES_ZH[city]}市第{number}区"))
        i += 1
    return names[:count]


def _sources(rng: random.Random, count: int) -> list[dict]:
    publishers = ["China Daily", "People's Daily Online", "Zhejiang Daily", "China Daily Brief", "Xinhua"]
    publishers_zh = ["中国日报网", "人民网", "浙江日报", None, "新华社"]
    out = []
    for i in range(count):
        year, month, day = 2020 + i % 7, 1 + (i * 5) % 12, 1 + (i * 11) % 28
        published = f"{year}-{month:02d}-{day:02d}"
        topic = TOPICS[i % len(TOPICS)]
        out.append({
            "id": f"synth-{published}-{topic.replace(' ', '-').replace('-', '')[:20]}-{i}",
            "publisher": publishers[i % len(publishers)],
            "publisher_zh": publishers_zh[i % len(publishers)],
            "kind": SOURCE_KINDS[i % len(SOURCE_KINDS)],
            "headline": f"Zhejiang reports progress in {topic}",
            "author": None if i % 3 == 0 else f"Reporter {i}",
            "published": published,
            "url": None if i % 5 == 2 else f"https://example.org/news/{published}/{i}",
            "accessed": "2026-11-23",
            "capture": f"{i:03d}_{rng.getrandbits(64):016x}.txt",
            "summary": f"Figures on {topic} in Zhejiang's cities and counties, with the province's targets.",
            "summary_zh": f"浙江各市县{TOPICS_ZH[i % len(TOPICS)]}方面的数据，以及全省的目标。",
        })
    return out


def _source_yaml(src: dict) -> str:
    lines = [f"{key}: {'null' if value is None else value if key in ('published', 'accessed') else _text(value)}"
             for key, value in src.items() if key != "id" and not (key == "publisher_zh" and value is None)]
    return "\n".join(lines) + "\n"


def _period(rng: random.Random, status: str) -> tuple[str, int]:
    """A period string and its last year: actuals lie in the past, targets and forecasts mostly ahead."""
    if status == "actual":
        end = rng.randint(2003, 2025)
    else:
        end = rng.randint(2024, 2027)
    if rng.random() < 0.1:
        start = max(2003, end - rng.randint(1, 4))
        return f"{start}-{end}", end
    return str(end), end


def _quote(rng: random.Random, name: str, geography: str, period: str, value: float) -> str:
    head = f"{geography} {name.lower()} in {period} reached {forms(value)[-1]}"
    words = head.split()
    tail = WORDS[rng.randrange(len(WORDS)) :][: max(0, 25 - len(words))]
    return " ".join([*words, *tail][:25])


def generate(figures: int, output: Path, seed: int = 0) -> Path:
    """Write OUTPUT/indicators.yaml and OUTPUT/sources/*.yaml with `figures` figures; return the indicators path."""
    if figures < 3:
        raise ValueError("need at least 3 figures")
    rng = random.Random(seed)
    sectors, units, bounds = _real_shape()
    unit_ids = [u["id"] for u in units if u["id"] in bounds]
    signed = {u["id"] for u in units if u.get("signed")}
    n_indicators = max(12, min(600, int(3 * math.sqrt(figures))))
    n_geographies = max(5, min(200, figures // 60))
    n_sources = max(3, min(25, figures // 1000))
    weights = [6, 3, 4, 4, 3, 1][: len(sectors)] + [2] * max(0, len(sectors) - 6)

    indicators = []
    for i in range(n_indicators):
        topic, aspect = TOPICS[i % len(TOPICS)], ASPECTS[(i // len(TOPICS)) % len(ASPECTS)]
        unit = "ratio" if i % 17 == 0 and "ratio" in bounds else rng.choice(unit_ids)
        sector = rng.choices(sectors, weights)[0]["id"]
        topic_zh, aspect_zh = TOPICS_ZH[i % len(TOPICS)], ASPECTS_ZH[(i // len(TOPICS)) % len(ASPECTS)]
        indicators.append({"id": f"ind_{i:04d}_{topic.replace(' ', '_').replace('-', '_')}", "unit": unit,
                           "sector": sector, "name": f"{topic.capitalize()}, {aspect} ({i})",
                           "name_zh": f"{topic_zh}，{aspect_zh}（{i}）",
                           "description": f"Synthetic indicator {i}: {aspect} of {topic}.",
                           "description_zh": f"合成指标{i}：{topic_zh}的{aspect_zh}。"})
    ratio_indicators = [ind for ind in indicators if ind["unit"] == "ratio"] or indicators[:1]
    geographies = _geographies(n_geographies)
    sources = _sources(rng, n_sources)
    qualifiers = list(QUALIFIERS)

    out = [f"# Synthetic data: {figures} figures, seed {seed}. Written by benchmarks/synth.py.\n", "sectors:\n"]
    for item in [*sectors, *units]:
        if item is units[0]:
            out.append("\nunits:\n")
        out.append(f"  - id: {item['id']}\n    label: {_text(item['label'])}\n    label_zh: {_text(item['label_zh'])}\n"
                   f"    description: {_text(item['description'])}\n"
                   f"    description_zh: {_text(item['description_zh'])}\n")
        if item.get("display"):
            out.append(f"    display: {json.dumps(item['display'], ensure_ascii=False)}\n")
        if item.get("signed"):
            out.append("    signed: true\n")
    out.append("\nindicators:\n")
    for ind in indicators:
        out.append(f"  - id: {ind['id']}\n    name: {_text(ind['name'])}\n    name_zh: {_text(ind['name_zh'])}\n"
                   f"    sector: {ind['sector']}\n    unit: {ind['unit']}\n    kind: {KIND_OF_UNIT.get(ind['unit'], 'flow')}\n"
                   f"    description: {_text(ind['description'])}\n"
                   f"    description_zh: {_text(ind['description_zh'])}\n")
    out.append("\nplaces:\n")
    for name, name_zh in geographies:
        out.append(f"  - name: {_text(name)}\n    name_zh: {_text(name_zh)}\n")
    out.append("\nfigures:\n")

    plain: list[tuple[str, float, dict, str, int, str]] = []  # id, value, indicator, geography, last year, qualifier
    by_unit: dict[str, list[tuple[str, float, dict, str, int, str]]] = {}
    for n in range(figures):
        fid = f"f{n:06d}"
        source = sources[rng.randrange(n_sources)]["id"]
        derived = None
        if len(plain) >= 10 and rng.random() < DERIVED_SHARE:
            pool = by_unit[rng.choice(list(by_unit))]
            first, second = rng.sample(pool, 2) if len(pool) > 1 else rng.sample(plain, 2)
            ind, geography, status = rng.choice(ratio_indicators), first[3], "derived"
            period = str(max(first[4], second[4]))
            value, _ = supported("ratio", [(first[1], first[5]), (second[1], second[5])], "about")
            derived = f"{{formula: ratio, inputs: [{first[0]}, {second[0]}]}}"
        else:
            status = rng.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()))[0]
            ind, geography = rng.choice(indicators), rng.choice(geographies)[0]
            low, high = bounds[ind["unit"]]
            value = math.exp(rng.uniform(math.log(low), math.log(high)))
            value = round(value, 2) if value < 1000 else float(round(value, -int(math.log10(value)) + 3))
            if ind["unit"] in signed and rng.random() < 0.15:
                value = -value
            period, _ = _period(rng, status)
        qualifier = "about" if derived else rng.choices(qualifiers, QUALIFIER_WEIGHTS)[0]
        quote = _quote(rng, ind["name"], geography, period, value)
        out.append(f"  - id: {fid}\n    indicator: {ind['id']}\n    geography: {_text(geography)}\n"
                   f"    period: {period}\n    period_stated: true\n    value: {_number(value)}\n"
                   f"    qualifier: {qualifier}\n"
                   f"    status: {status}\n")
        if derived:
            out.append(f"    derived: {derived}\n")
        elif ind["unit"] in ("CNY", "CNY_per_year") and rng.random() < 0.05:
            out.append(f"    usd: {{value: {_number(round(abs(value) / 7.2, -3) or 1000.0)}, qualifier: about}}\n")
        out.append(f"    source: {source}\n    quote: {_text(quote)}\n")
        if derived:
            out.append("    note: Computed from its two inputs; the article does not state it.\n"
                       "    note_zh: 由两项输入数据计算得出，文章并未直接给出。\n")
        elif value > 0:  # only positive figures become inputs, so ratios stay positive and never divide by zero
            entry = (fid, value, ind, geography, int(period[-4:]), qualifier)
            plain.append(entry)
            by_unit.setdefault(ind["unit"], []).append(entry)

    output.mkdir(parents=True, exist_ok=True)
    folder = output / "sources"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.yaml"):
        old.unlink()
    for src in sources:
        (folder / f"{src['id']}.yaml").write_text(_source_yaml(src), encoding="utf-8")
    path = output / "indicators.yaml"
    path.write_text("".join(out), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, required=True, help="number of figures to write")
    parser.add_argument("--output", type=Path, required=True, help="folder for indicators.yaml and sources/")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    path = generate(args.figures, args.output, args.seed)
    print(f"Wrote {args.figures} figures to {path} and sources to {args.output / 'sources'}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
