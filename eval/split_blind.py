"""Split the blind set into a tuning half and a holdout half, stratified by language and label.

Usage: python eval/split_blind.py EN.jsonl UKRU.jsonl [--seed 15] [--prefix blind]
Writes eval/blind_tune.jsonl and eval/blind_holdout.jsonl next to this script. The split is
fixed by the seed: rows are grouped by (lang, label), each group is sorted by id, shuffled
with random.Random(seed) and dealt alternately, so each half gets half of every group.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 15  # the number; fixed before any result was seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--prefix", default="blind", help="output names: PREFIX_tune.jsonl, PREFIX_holdout.jsonl"
    )
    args = parser.parse_args(argv)
    rows: list[dict[str, object]] = []
    for name in args.files:
        for n, line in enumerate(Path(name).read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    sys.stderr.write(f"split_blind: {name}: line {n}: {exc.msg}\n")
                    return 2
    groups: dict[tuple[str, str], list[dict[str, object]]] = {}
    for row in rows:
        groups.setdefault((str(row.get("lang")), str(row.get("label"))), []).append(row)
    rng = random.Random(args.seed)
    halves: tuple[list[dict[str, object]], list[dict[str, object]]] = ([], [])
    turn = 0
    for key in sorted(groups):
        group = sorted(groups[key], key=lambda r: str(r.get("id")))
        rng.shuffle(group)
        for row in group:
            halves[turn % 2].append(row)
            turn += 1
    names = (f"{args.prefix}_tune.jsonl", f"{args.prefix}_holdout.jsonl")
    for name, half in zip(names, halves, strict=True):
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in half)
        (HERE / name).write_text(text, encoding="utf-8")
    counts = {f"{k[0]}/{k[1]}": len(v) for k, v in sorted(groups.items())}
    sys.stdout.write(
        f"seed {args.seed}: {len(rows)} rows {counts} -> {len(halves[0])} / {len(halves[1])}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
