# Sourced by .ci/run (and usable by a developer: `. .ci/pg-test-server.sh; start_test_server`):
# starts a throw-away PostgreSQL cluster on a free local port and exports what the store tests read:
#   CONTROL_ROOM_TEST_PG=postgresql://cr@localhost:PORT/cr_test, PGPASSWORD (the role's password),
#   CONTROL_ROOM_TEST_PG_CTL (a command taking stop|start), CONTROL_ROOM_TEST_PG_REQUIRED=1 (a server
#   that cannot be reached fails the tests instead of skipping them).
# Stops the cluster and removes it when the shell exits. Needs root (to act as the postgres user) or to
# be the postgres user.

start_test_server() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "pg-test-server: PostgreSQL is not installed (apt-get install postgresql)" >&2
        return 1
    fi
    local port
    for port in $(seq 55432 55531); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            break
        fi
    done
    PG_TEST_DIR=$(mktemp -d /tmp/cr-test-pg.XXXXXX)
    chmod 755 "$PG_TEST_DIR"
    local super role
    super=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    role=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    printf '%s\n' "$super" > "$PG_TEST_DIR/superuser-password"
    local as_postgres="su postgres -s /bin/sh -c"
    if [ "$(id -un)" = postgres ]; then as_postgres="sh -c"; fi
    chown postgres "$PG_TEST_DIR" "$PG_TEST_DIR/superuser-password" 2>/dev/null || true
    chmod 600 "$PG_TEST_DIR/superuser-password"
    $as_postgres "'$bin/initdb' -D '$PG_TEST_DIR/data' -U postgres -A scram-sha-256 --pwfile='$PG_TEST_DIR/superuser-password' --no-locale -E UTF8 >'$PG_TEST_DIR/initdb.log' 2>&1" \
        || { cat "$PG_TEST_DIR/initdb.log" >&2; return 1; }
    cat > "$PG_TEST_DIR/ctl" <<CTL
#!/bin/sh
# stop|start the store tests' PostgreSQL server (waits until it is down or accepting connections)
exec $as_postgres "'$bin/pg_ctl' -D '$PG_TEST_DIR/data' -l '$PG_TEST_DIR/server.log' -w -t 60 -m fast -o '-p $port -k $PG_TEST_DIR -c listen_addresses=localhost -c fsync=on' \$1" >/dev/null
CTL
    chmod 755 "$PG_TEST_DIR/ctl"
    "$PG_TEST_DIR/ctl" start || { cat "$PG_TEST_DIR/server.log" >&2; return 1; }
    trap 'stop_test_server' EXIT
    PGPASSWORD="$super" "$bin/psql" -q -v ON_ERROR_STOP=1 -h localhost -p "$port" -U postgres -d postgres \
        -c "CREATE ROLE cr LOGIN PASSWORD '$role'" -c "CREATE DATABASE cr_test OWNER cr" >/dev/null
    if ! PGPASSWORD="$role" "$bin/psql" -q -h localhost -p "$port" -U cr -d cr_test -c "SELECT 1" >/dev/null; then
        echo "pg-test-server: the test server on port $port does not accept the test role" >&2
        return 1
    fi
    export CONTROL_ROOM_TEST_PG="postgresql://cr@localhost:$port/cr_test"
    export PGPASSWORD="$role"
    export CONTROL_ROOM_TEST_PG_CTL="$PG_TEST_DIR/ctl"
    export CONTROL_ROOM_TEST_PG_REQUIRED=1
    echo "pg-test-server: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on localhost:$port ($CONTROL_ROOM_TEST_PG)"
}

stop_test_server() {
    if [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR" ]; then
        "$PG_TEST_DIR/ctl" stop >/dev/null 2>&1 || true
        rm -rf "$PG_TEST_DIR"
    fi
}
