#!/usr/bin/env bash
# Runs every test of KalshiDesk: installs what the tests need (PostgreSQL server binaries, Chromium),
# builds the solution, runs each tests/*/*.Tests.csproj in turn and ends with the line
# "N passed, N failed" summed over all projects from their TRX files.
#
#   ./test.sh                      everything
#   ./test.sh --filter EXPR        passes --filter EXPR to every dotnet test
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
repo_root="$(pwd)"

filter=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --filter)
      [[ $# -ge 2 ]] || { echo "test.sh: --filter needs an expression" >&2; exit 2; }
      filter=(--filter "$2")
      shift 2
      ;;
    --filter=*)
      filter=(--filter "${1#--filter=}")
      shift
      ;;
    -h|--help)
      sed -n '2,8p' "$0"
      exit 0
      ;;
    *)
      echo "test.sh: unknown argument '$1' (only --filter EXPR is accepted)" >&2
      exit 2
      ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The browser comes from Debian's chromium package; Playwright must never try to download one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# --- 1. The SDK -----------------------------------------------------------------------------------
if ! command -v dotnet >/dev/null 2>&1; then
  echo "install the .NET 10 SDK"
  exit 1
fi

# --- 2. System packages the fixtures need --------------------------------------------------------
# Mirrors tests/KalshiDesk.TestKit/PostgresBinaries.cs: $KALSHIDESK_PG_BIN, else pg_config --bindir,
# else /usr/lib/postgresql/*/bin.
have_postgres_server() {
  local bindir
  if [[ -n "${KALSHIDESK_PG_BIN:-}" ]]; then
    [[ -x "$KALSHIDESK_PG_BIN/initdb" && -x "$KALSHIDESK_PG_BIN/postgres" && -x "$KALSHIDESK_PG_BIN/pg_ctl" ]]
    return
  fi
  if command -v pg_config >/dev/null 2>&1; then
    bindir="$(pg_config --bindir 2>/dev/null || true)"
    if [[ -n "$bindir" && -x "$bindir/initdb" && -x "$bindir/postgres" && -x "$bindir/pg_ctl" ]]; then
      return 0
    fi
  fi
  local candidate
  for candidate in /usr/lib/postgresql/*/bin; do
    if [[ -x "$candidate/initdb" && -x "$candidate/postgres" && -x "$candidate/pg_ctl" ]]; then
      return 0
    fi
  done
  return 1
}

chromium_path="${KALSHIDESK_CHROMIUM:-/usr/bin/chromium}"
if [[ -n "${KALSHIDESK_CHROMIUM:-}" && ! -x "$KALSHIDESK_CHROMIUM" ]]; then
  echo "test.sh: KALSHIDESK_CHROMIUM=$KALSHIDESK_CHROMIUM is not an executable: unset it to use Debian's /usr/bin/chromium"
  exit 1
fi
missing=()
have_postgres_server || missing+=(postgresql)
if [[ ! -x "$chromium_path" ]]; then
  missing+=(chromium)
fi
# Chromium renders text with whatever fonts exist; without any, pages lay out with zero-width glyphs.
if command -v dpkg-query >/dev/null 2>&1 \
  && ! dpkg-query -W -f='${Status}' fonts-liberation 2>/dev/null | grep -q 'install ok installed'; then
  missing+=(fonts-liberation)
fi

if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "test.sh: missing system packages: run as root, or: sudo apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
  fi
  echo "==> Installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Keep the package's maintainer scripts from starting Debian's own PostgreSQL cluster: the
  # fixture starts a throwaway server of its own. Exit code 101 = "action forbidden by policy".
  policy_rc_d=/usr/sbin/policy-rc.d
  created_policy=0
  if [[ ! -e "$policy_rc_d" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy_rc_d"
    chmod 755 "$policy_rc_d"
    created_policy=1
  fi
  install_status=0
  { apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; } || install_status=$?
  if [[ $created_policy -eq 1 ]]; then
    rm -f "$policy_rc_d"
  fi
  if [[ $install_status -ne 0 ]]; then
    echo "test.sh: apt-get install ${missing[*]} failed (exit $install_status)"
    exit 1
  fi
  have_postgres_server || { echo "test.sh: postgresql installed but no initdb found"; exit 1; }
  [[ -x "$chromium_path" ]] || { echo "test.sh: chromium installed but $chromium_path is missing"; exit 1; }
fi

# --- 3. Build ------------------------------------------------------------------------------------
echo "==> dotnet restore"
if ! dotnet restore KalshiDesk.sln; then
  echo "test.sh: restore failed (see above)"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "==> dotnet build"
if ! dotnet build KalshiDesk.sln --no-restore -c Debug; then
  echo "test.sh: build failed (see above)"
  echo "0 passed, 1 failed"
  exit 1
fi

# --- 4. Test, one project after another (2 cores) -------------------------------------------------
results_dir="$repo_root/artifacts/test-results"
rm -rf "$results_dir"
mkdir -p "$results_dir"

mapfile -t projects < <(find tests -mindepth 2 -maxdepth 2 -name '*.Tests.csproj' | LC_ALL=C sort)
if [[ ${#projects[@]} -eq 0 ]]; then
  echo "test.sh: no tests/*/*.Tests.csproj found"
  echo "0 passed, 1 failed"
  exit 1
fi

declare -A exit_codes=()
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  echo
  echo "==> $name"
  code=0
  # A test that hangs is killed after 10 minutes (no dump: that needs extra tools) instead of
  # eating CI's whole time budget.
  dotnet test "$project" --no-build -c Debug \
    --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results_dir" \
    --blame-hang-timeout 10m --blame-hang-dump-type none \
    ${filter[@]+"${filter[@]}"} || code=$?
  exit_codes[$name]=$code
done

# --- 5. Totals from the TRX files ----------------------------------------------------------------
# <Counters total=".." executed=".." passed=".." failed=".." error=".." timeout=".." aborted=".." .../>
counter() { # counter ATTRIBUTE COUNTERS_ELEMENT
  local value
  value="$(sed -n "s/.*[[:space:]]$1=\"\([0-9][0-9]*\)\".*/\1/p" <<<"$2")"
  echo "${value:-0}"
}

total_passed=0
total_failed=0
echo
echo "==> Summary"
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  trx="$results_dir/$name.trx"
  code="${exit_codes[$name]}"
  counters=""
  if [[ -f "$trx" ]]; then
    counters="$(tr -d '\r\n' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
  fi
  if [[ -z "$counters" ]]; then
    printf '  %-34s CRASHED: no test results (dotnet test exit %s), counted as 1 failed\n' "$name" "$code"
    total_failed=$((total_failed + 1))
    continue
  fi
  passed="$(counter passed "$counters")"
  failed=$(( $(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters") ))
  total="$(counter total "$counters")"
  executed="$(counter executed "$counters")"
  note=""
  if [[ "$code" -ne 0 && "$failed" -eq 0 ]]; then
    # The TRX exists but the run ended abnormally (test host crash, hang killed by blame).
    failed=1
    note="  (run aborted: dotnet test exit $code, counted as 1 failed)"
  fi
  printf '  %-34s %4s passed, %4s failed, %4s executed of %4s%s\n' "$name" "$passed" "$failed" "$executed" "$total" "$note"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
done

echo "TRX files: $results_dir"
echo "$total_passed passed, $total_failed failed"
if [[ $total_failed -eq 0 && $total_passed -gt 0 ]]; then
  exit 0
fi
exit 1
