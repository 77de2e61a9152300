#!/usr/bin/env bash
# Runs every cargo-fuzz target for FUZZ_SECONDS each (default 600), seeded from the shipped data.
# Needs the nightly toolchain and cargo-fuzz (installed here if missing, pinned).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-600}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --version 0.13.1 --locked
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
for t in load_json parse_values import_table decode_pack; do
  corpus="fuzz/corpus/$t"
  mkdir -p "$corpus"
  case "$t" in
    load_json) cp public/data/*.json "$corpus/" ;;
    parse_values) printf '1,234.50' > "$corpus/money"; printf '2020年1月5日' > "$corpus/date"; printf 'page=donations&q=%%E9%%98%%B2&year=2020' > "$corpus/view" ;;
    decode_pack) cargo run -q -p gongshi-cli -- bulk --rows 200 --part-rows 100 --out fuzz/pack-seed >/dev/null && for f in fuzz/pack-seed/*.pack; do tail -c +10 "$f" | head -c -8 > "$corpus/$(basename "$f")"; done ;;
    import_table) printf '捐赠明细\n日期,捐赠方,金额（元）,是否定向\n2020/1/5,王女士,1.2万,是\n' > "$corpus/sheet" ;;
  esac
  echo "fuzz: $t for ${SECONDS_EACH}s"
  (cd fuzz && cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$SECONDS_EACH" -max_len=65536 -rss_limit_mb=4096)
done
