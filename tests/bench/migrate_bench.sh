#!/usr/bin/env bash
# Benchmark of `trunk-migrator-cli migrate` (docs/bench/migrate.md): migrates every number of a
# fresh twilio-sandbox once with the engine's normal concurrency and once one request at a
# time (--concurrency 1), and prints both wall times, their ratio, the bound the transport's
# parallelism allows, and the CLI's peak memory. Builds nothing.
#
# usage: tests/bench/migrate_bench.sh BUILD_DIR [NUMBERS=2000] [LATENCY_MS=50] [CONNECTIONS=6]
set -euo pipefail

build=${1:?usage: $0 BUILD_DIR [NUMBERS] [LATENCY_MS] [CONNECTIONS]}
numbers=${2:-2000}
latency=${3:-50}
connections=${4:-6} # QNetworkAccessManager's connections per host (HTTP/1.1)
cli="$build/app/cli/trunk-migrator-cli"
sandbox="$build/app/sandbox/twilio-sandbox"
for exe in "$cli" "$sandbox" /usr/bin/time; do
    [[ -x $exe ]] || { echo "missing $exe (build it first)" >&2; exit 2; }
done

work=$(mktemp -d)
sandbox_pid=""
cleanup() {
    if [[ -n $sandbox_pid ]]; then kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

json_field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }

# Starts a fresh sandbox and sets base_url, trunk and the credentials in the environment.
start_sandbox() {
    if [[ -n $sandbox_pid ]]; then kill "$sandbox_pid"; wait "$sandbox_pid" 2>/dev/null || true; fi
    rm -f "$work/sandbox.out"
    QT_LOGGING_RULES='*.debug=false' "$sandbox" --port 0 --numbers "$numbers" \
        --latency-ms "$latency" >"$work/sandbox.out" 2>"$work/sandbox.err" &
    sandbox_pid=$!
    for _ in $(seq 1 300); do
        [[ -s $work/sandbox.out ]] && break
        sleep 0.1
    done
    local line
    line=$(head -n1 "$work/sandbox.out")
    base_url=$(json_field "$line" base_url)
    trunk=$(json_field "$line" trunk_sid)
    TWILIO_ACCOUNT_SID=$(json_field "$line" account_sid)
    TWILIO_AUTH_TOKEN=$(json_field "$line" auth_token)
    export TWILIO_ACCOUNT_SID TWILIO_AUTH_TOKEN
}

# run_migrate NAME [extra args]: times one full migrate; sets wall_NAME, rss_NAME, calls.
run_migrate() {
    local name=$1
    shift
    start_sandbox
    local state="$work/$name.sqlite"
    # The plan counts the writes the run will make (and changes nothing).
    local writes
    writes=$("$cli" plan --trunk "$trunk" --all --voice-url https://h.example.com/outboundHandler \
        --accept-change fax-numbers,calls-unchecked \
        --base-url "$base_url" --state "$state" --json |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["api_calls"])')
    local start end
    start=$(date +%s.%N)
    QT_LOGGING_RULES='*.debug=false' /usr/bin/time -v -o "$work/$name.time" \
        "$cli" migrate --trunk "$trunk" --all --yes \
        --voice-url https://h.example.com/outboundHandler --base-url "$base_url" \
        --accept-change fax-numbers,calls-unchecked \
        --state "$state" --json "$@" >"$work/$name.json" 2>"$work/$name.err" || {
        echo "$name: migrate failed" >&2
        tail -5 "$work/$name.err" >&2
        exit 1
    }
    end=$(date +%s.%N)
    local migrated
    migrated=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["migrated"])' \
        "$work/$name.json")
    [[ $migrated == "$numbers" ]] || { echo "$name: only $migrated of $numbers migrated" >&2; exit 1; }
    printf -v "wall_$name" '%s' "$(echo "$end - $start" | bc -l)"
    printf -v "rss_$name" '%s' "$(awk -F': ' '/Maximum resident/ {print $2}' "$work/$name.time")"
    printf -v "writes_$name" '%s' "$writes"
}

echo "trunk-migrator-cli migrate: $numbers numbers, sandbox latency ${latency} ms"
run_migrate normal
run_migrate serial --concurrency 1

# Per number the engine fetches the number (1 call, to decide from live state), sets its
# voice URL and removes it from the trunk (2 writes). Before the run: one account fetch and
# the number listing (trunk PhoneNumbers and IncomingPhoneNumbers in parallel, 1000 a page).
pages=$(( (numbers + 999) / 1000 ))
per_number=$(( 1 + writes_normal / numbers ))
calls=$(( numbers * per_number ))
bound=$(echo "$calls * $latency / 1000 / $connections + (1 + $pages + 1) * $latency / 1000" | bc -l)
serial_bound=$(echo "($calls + 1 + 2 * $pages + 1) * $latency / 1000" | bc -l)

printf 'calls per number     %d (1 fetch + %d writes from the plan)\n' "$per_number" \
    $(( writes_normal / numbers ))
printf 'normal concurrency   %.1f s   peak RSS %d KiB\n' "$wall_normal" "$rss_normal"
printf 'one at a time        %.1f s   peak RSS %d KiB\n' "$wall_serial" "$rss_serial"
printf 'speed-up             %.2fx\n' "$(echo "$wall_serial / $wall_normal" | bc -l)"
printf 'bound (%d calls x %d ms / %d connections + listing)  %.1f s\n' "$calls" "$latency" \
    "$connections" "$bound"
printf 'normal / bound       %.2fx   (aim: within 1.25x)\n' "$(echo "$wall_normal / $bound" | bc -l)"
printf 'serial bound         %.1f s   serial / serial bound %.2fx\n' "$serial_bound" \
    "$(echo "$wall_serial / $serial_bound" | bc -l)"
