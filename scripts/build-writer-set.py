#!/usr/bin/env python3
"""build-writer-set: turn a blind writer's TSV files into a labelled set.

    scripts/build-writer-set.py DIR

DIR/conf.json says what the writer was asked for:

    {"name": "rt284", "t0": "2027-01-05T09:00:00Z", "total": 300, "limit": 300,
     "langs": {"en": 36, "ru": 34, ...}}

and DIR/src/LANG.tsv holds the writer's texts, one a line, five TAB-separated
fields: in (1 or 0), genre, class, why, text (relevance/testdata/writer-brief.md
gives the writers the same description). The script checks the counts per
language, the total, the length limit and that every text is distinct, and
names every problem at once; then it writes, in a fixed order shuffled by the
set's name:

    DIR/posts.jsonl    Jetstream commit events (app.bsky.feed.post), one a post,
                       TID record keys from t0 on, authors did:plc:NAME...
    DIR/labels.jsonl   {"uri","in","why","lang","genre","class"}, one a post
    DIR/meta.jsonl     {"uri","lang","source"}: the TSV line each post came from

Copy posts.jsonl and labels.jsonl to relevance/testdata/unread/NAME.jsonl and
NAME.labels.jsonl to keep the set unread (scripts/measure-sets reads its figures
without showing a post).
"""
import base64
import datetime
import hashlib
import json
import os
import random
import sys

B32_SORT = "234567abcdefghijklmnopqrstuvwxyz"


def tid(micros, clock):
    """A record key: 64 bits (time in microseconds, 10 bits of clock id), base32-sortable."""
    v = (micros << 10) | (clock & 0x3FF)
    out = []
    for _ in range(13):
        out.append(B32_SORT[v & 31])
        v >>= 5
    return "".join(reversed(out))


def cid_for(record):
    """A CIDv1 (dag-cbor, sha2-256) over the record's canonical JSON: unique and well formed."""
    body = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    raw = bytes([0x01, 0x71, 0x12, 0x20]) + hashlib.sha256(body).digest()
    return "b" + base64.b32encode(raw).decode().lower().rstrip("=")


def load(d):
    with open(os.path.join(d, "conf.json"), encoding="utf-8") as f:
        conf = json.load(f)
    for k in ("name", "t0", "total", "limit", "langs"):
        if k not in conf:
            sys.exit(f"build-writer-set: conf.json lacks {k!r}")
    problems, rows, seen = [], [], {}
    for lang, want in sorted(conf["langs"].items()):
        path = os.path.join(d, "src", f"{lang}.tsv")
        if not os.path.exists(path):
            problems.append(f"{path}: missing ({want} texts wanted)")
            continue
        n = 0
        with open(path, encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip():
                    continue
                parts = line.split("\t")
                where = f"{lang}.tsv:{i}"
                if len(parts) != 5:
                    problems.append(f"{where}: {len(parts)} fields, want 5 (in, genre, class, why, text)")
                    continue
                lab, genre, cls, why, text = (p.strip() for p in parts)
                if lab not in ("0", "1"):
                    problems.append(f"{where}: in is {lab!r}, want 1 or 0")
                    continue
                if not text:
                    problems.append(f"{where}: empty text")
                    continue
                if len(text) >= conf["limit"]:
                    problems.append(f"{where}: {len(text)} characters, want fewer than {conf['limit']}")
                if text in seen:
                    problems.append(f"{where}: same text as {seen[text]}")
                seen[text] = where
                rows.append({"lang": lang, "in": lab == "1", "genre": genre, "class": cls,
                             "why": why, "text": text, "source": where})
                n += 1
        if n != want:
            problems.append(f"{lang}.tsv: {n} texts, want {want}")
    if len(rows) != conf["total"] and not problems:
        problems.append(f"{len(rows)} texts in all, want {conf['total']}")
    if problems:
        sys.exit("build-writer-set: " + "\n  ".join([f"{len(problems)} problem(s):"] + problems))
    return conf, rows


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    conf, rows = load(d)
    name = conf["name"]
    rng = random.Random(name)
    rng.shuffle(rows)
    # Authors: about one for every two posts, some writing several.
    alphabet = "abcdefghijklmnopqrstuvwxyz234567"
    pad = max(4, 24 - len(name))
    authors = ["did:plc:" + name + "".join(rng.choice(alphabet) for _ in range(pad))
               for _ in range(max(1, len(rows) // 2))]
    t0 = datetime.datetime.fromisoformat(conf["t0"].replace("Z", "+00:00"))
    micros = int(t0.timestamp() * 1_000_000)
    posts, labels, meta = [], [], []
    for r in rows:
        micros += rng.randint(30, 1800) * 1_000_000 + rng.randint(0, 999_999)
        key = tid(micros, rng.randint(0, 1023))
        did = rng.choice(authors)
        created = datetime.datetime.fromtimestamp(micros / 1_000_000, datetime.timezone.utc)
        record = {"$type": "app.bsky.feed.post", "text": r["text"], "langs": [r["lang"]],
                  "createdAt": created.strftime("%Y-%m-%dT%H:%M:%S.") + f"{created.microsecond // 1000:03d}Z"}
        posts.append({"did": did, "time_us": micros, "kind": "commit",
                      "commit": {"rev": key, "operation": "create", "collection": "app.bsky.feed.post",
                                 "rkey": key, "record": record, "cid": cid_for(record)}})
        uri = f"at://{did}/app.bsky.feed.post/{key}"
        state = "in" if r["in"] else "out"
        labels.append({"uri": uri, "in": r["in"], "why": f"{state} ({r['class']}): {r['why']}",
                       "lang": r["lang"], "genre": r["genre"], "class": r["class"]})
        meta.append({"uri": uri, "lang": r["lang"], "source": r["source"]})
    for fname, items in (("posts.jsonl", posts), ("labels.jsonl", labels), ("meta.jsonl", meta)):
        with open(os.path.join(d, fname), "w", encoding="utf-8") as f:
            for it in items:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")
    ins = sum(1 for r in rows if r["in"])
    print(f"{name}: {len(rows)} posts, {ins} in, {len(rows) - ins} out; wrote posts, labels and meta")


if __name__ == "__main__":
    main()
