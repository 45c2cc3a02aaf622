# Helpers for driving the real casedesk binary inside tmux, the way a person would.
# Sourced by the e2e scripts; each test runs on its own tmux server and temporary database.

set -euo pipefail

E2E_PASSED=0
E2E_FAILED=0

e2e_require() {
    command -v tmux >/dev/null 2>&1 || { echo "e2e: tmux is required but not installed (apt-get install tmux)" >&2; exit 2; }
    [ -x "${CASEDESK_BIN:-}" ] || { echo "e2e: CASEDESK_BIN must name the built casedesk binary" >&2; exit 2; }
}

# Starts a shell in a fresh tmux server of the given size: e2e_start NAME COLS ROWS
e2e_start() {
    E2E_NAME=$1
    E2E_SOCKET="casedesk-e2e-$$-$1"
    E2E_TMP=$(mktemp -d)
    E2E_DB="$E2E_TMP/cases.sqlite"
    tmux -L "$E2E_SOCKET" -f /dev/null new-session -d -s e2e -x "$2" -y "$3" \
        "env -i PATH=\"$PATH\" HOME=\"$E2E_TMP\" TZ=UTC LANG=C.UTF-8 TERM=xterm-256color PS1='$ ' bash --norc --noprofile"
    tmux -L "$E2E_SOCKET" set-option -g status off >/dev/null
    e2e_wait_for '$'
}

e2e_stop() {
    local pid
    pid=$(e2e_pid || true)
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
    tmux -L "$E2E_SOCKET" kill-server 2>/dev/null || true
    rm -rf "$E2E_TMP" 2>/dev/null || true
}

e2e_screen() { tmux -L "$E2E_SOCKET" capture-pane -p -t e2e; }

e2e_keys() { tmux -L "$E2E_SOCKET" send-keys -t e2e "$@"; }

# Types a command line into the shell, recording the terminal modes before and after it.
e2e_run_casedesk() {
    e2e_keys -l "before=\$(stty -g); \"$CASEDESK_BIN\" --db \"$E2E_DB\" $*; rc=\$?; after=\$(stty -g); clear; echo \"EXIT=\$rc STTY=\$([ \"\$before\" = \"\$after\" ] && echo same || echo changed)\"; stty -a | grep -qE '(^| )-(echo|icanon)( |;|\$)' && echo MODES=broken || echo MODES=usable"
    e2e_keys Enter
}

# Waits up to 20 s for text to appear on screen; never sleeps blindly.
e2e_wait_for() {
    local text=$1 deadline=$((SECONDS + 20))
    while [ $SECONDS -lt $deadline ]; do
        if e2e_screen | grep -qF -- "$text"; then return 0; fi
        sleep 0.1
    done
    echo "e2e[$E2E_NAME]: timed out waiting for: $text" >&2
    echo "---- screen ----" >&2
    e2e_screen >&2
    return 1
}

e2e_wait_gone() {
    local text=$1 deadline=$((SECONDS + 20))
    while [ $SECONDS -lt $deadline ]; do
        if ! e2e_screen | grep -qF -- "$text"; then return 0; fi
        sleep 0.1
    done
    echo "e2e[$E2E_NAME]: timed out waiting for text to go: $text" >&2
    e2e_screen >&2
    return 1
}

# The pid of the casedesk process of this test.
e2e_pid() { pgrep -f -- "--db $E2E_DB" | head -n 1; }

# Runs one test function, counting the result.
# The test runs in a subshell with errexit on, outside any `if`, so the first failing step fails it.
e2e_test() {
    local name=$1 status
    set +e
    ( set -e; "$name" )
    status=$?
    set -e
    if [ "$status" -eq 0 ]; then
        echo "e2e: ✔ $name"
        E2E_PASSED=$((E2E_PASSED + 1))
    else
        echo "e2e: ✘ $name" >&2
        E2E_FAILED=$((E2E_FAILED + 1))
    fi
}

e2e_summary() {
    echo "e2e: $E2E_PASSED passed, $E2E_FAILED failed"
    [ "$E2E_FAILED" -eq 0 ]
}
