#!/usr/bin/env bash
# Runs scripts/wrapcheck.py on `kanbao --dump text` of a page at every width
# from 10 to 120 and prints the widths with defects (and a total).
# Usage: [KANBAO_FLAGS="--ambiguous-wide"] scripts/wrapcheck-all.sh [PAGE.md] [KANBAO_BINARY]
set -euo pipefail
page=${1:-assets/sample.md}
bin=${2:-./target/debug/kanbao}
check=${WRAPCHECK:-$(dirname "$0")/wrapcheck.py}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
total=0
for w in $(seq 10 120); do
    # shellcheck disable=SC2086
    "$bin" --dump text --width "$w" ${KANBAO_FLAGS:-} "$page" > "$out"
    summary=$(python3 "$check" "$w" "$out" "$page" | tail -n 1)
    defects=$(sed -E 's/^defects=([0-9]+).*/\1/' <<<"$summary")
    if [ "$defects" != 0 ]; then
        echo "width $w: $summary"
        python3 "$check" "$w" "$out" "$page" | grep 'e.g.' || true
    fi
    total=$((total + defects))
done
echo "total defects over widths 10..120: $total"
