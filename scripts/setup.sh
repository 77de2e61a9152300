#!/usr/bin/env bash
# Installs whatever this project needs that the machine lacks, and nothing else.
# Idempotent: every step checks for its pinned version first and skips if present.
# Only package registries are used: crates.io (cargo install), npm, Debian (apt).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# 1. Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: headless Chromium, its driver, CJK fonts for screenshots.
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto 2>/dev/null | grep -qi cjk || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# 3. Cargo tools at pinned versions.
if ! { command -v wasm-bindgen >/dev/null 2>&1 && wasm-bindgen --version | grep -q "$WASM_BINDGEN_VERSION"; }; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Note: --locked fails for this version; its unlocked build works.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! { command -v trunk >/dev/null 2>&1 && trunk --version | grep -q "$TRUNK_VERSION"; }; then
  say "cargo install trunk $TRUNK_VERSION (takes ~10 minutes on a cold machine)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# 4. npm packages (playwright-core, binaryen for wasm-opt, pinyin-pro for the pinyin test set), from package-lock.json.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 5. Crates for the offline build (Trunk runs with offline = true).
if [ -f Cargo.lock ]; then
  cargo fetch --locked -q 2>/dev/null || cargo fetch -q
fi
say "ready"
