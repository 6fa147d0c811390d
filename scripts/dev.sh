#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   scripts/dev.sh run   install what is missing, build, start the wizard on the built-in sandbox
#   scripts/dev.sh test  install what is missing, build, run the whole test suite (ctest)
#   scripts/dev.sh build install what is missing and build only
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
MODE=${1:-test}

PACKAGES=(
    build-essential cmake ninja-build git pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite
    qt6-httpserver-dev qt6-websockets-dev qt6-declarative-dev
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    qtkeychain-qt6-dev libgl-dev
    dbus dbus-x11 gnome-keyring
    nodejs npm
    xvfb xauth
)

install_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    # Node.js may come from outside Debian's packages: a working node and npm are enough.
    if command -v node >/dev/null && command -v npm >/dev/null; then
        local kept=()
        for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || kept+=("$p"); done
        missing=("${kept[@]}")
    fi
    if ((${#missing[@]})); then
        echo "== installing: ${missing[*]}" >&2
        local sudo=""
        [[ $(id -u) -eq 0 ]] || sudo=sudo
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    fi
}

install_node_modules() {
    # The handler tests execute the generated Functions with the real `twilio` npm package.
    if [[ -f tests/handlers/package.json && ! -d tests/handlers/node_modules/twilio ]]; then
        echo "== npm install (tests/handlers)" >&2
        (cd tests/handlers && npm ci --no-audit --no-fund --loglevel=error)
    fi
}

build() {
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}

install_packages
case "$MODE" in
    build)
        build
        ;;
    run)
        build
        exec "$BUILD_DIR/app/trunk-migrator" --sandbox "${@:2}"
        ;;
    test)
        install_node_modules
        build
        # The keychain test needs a real Secret Service: a private session bus with an
        # unlocked gnome-keyring. Everything else ignores the bus.
        # A throw-away keyring folder keeps the developer's own keyrings out of it; an empty
        # password would never create the "login" collection, so a fixed test one is used.
        KEYRING_HOME=$(mktemp -d)
        trap 'rm -rf "$KEYRING_HOME"' EXIT
        XDG_DATA_HOME=$KEYRING_HOME dbus-run-session -- bash -c '
            printf "tm-test\n" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
            cd "$0" && ctest --output-on-failure --timeout 300 -j2 "${@:1}"' "$BUILD_DIR" "${@:2}"
        ;;
    *)
        echo "usage: scripts/dev.sh run|test|build" >&2
        exit 2
        ;;
esac
