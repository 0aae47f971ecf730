#!/usr/bin/env bash
# Real PostgreSQL 15 and MariaDB 10.11 servers for the tests, from Debian's packages, on loopback
# in a temporary directory, each as its own system user when run as root.
#
#   tests/servers.sh start DIR [postgres|mariadb]
#                                starts both (or one) in DIR (created) and prints `export` lines
#                                for the tests: BURROW_TEST_POSTGRES_URL, BURROW_TEST_MARIADB_URL,
#                                BURROW_TEST_TLS_DIR (see make_tls)
#   tests/servers.sh restart DIR starts again the servers of DIR that were killed (the crash
#                                tests), on the same ports, with their data
#   tests/servers.sh stop DIR    stops them (whatever state they are in) and removes DIR
#
# The passwords are random per run and live only in DIR (0700) and the test environment.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'servers.sh: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as `user` when root (the servers refuse to run as root), else as ourselves.
as_user() {
  local user=$1; shift
  if is_root; then runuser -u "$user" -- "$@"; else "$@"; fi
}

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Whether process `pid` still runs (a killed one may stay a zombie until its parent reaps it).
is_running() {
  [ -r "/proc/$1/stat" ] && ! awk '{exit ($3 == "Z") ? 0 : 1}' "/proc/$1/stat"
}

# After a kill -9 the pid and socket lock files stay behind: PostgreSQL refuses to start while the pid in it
# runs, and a zombie looks alive to it; its backends end on their own once they notice.
remove_stale_pid_file() {
  local file=$1/data/postmaster.pid pid i
  [ -f "$file" ] || return 0
  pid=$(head -1 "$file")
  is_running "$pid" && return 0
  for i in $(seq 1 40); do
    pgrep -f -- "-D $1/data" >/dev/null || pgrep -f "postgres: .*" -P "$pid" >/dev/null || break
    sleep 0.25
  done
  rm -f "$file" "$1"/.s.PGSQL.*.lock
}

# A test certificate authority in DIR/tls, and what it signed: the servers' certificate (for
# 127.0.0.1 and localhost, so clients may verify the host), a client certificate for the user
# `burrow_cert` (client-certificate log-ins on both servers), and its key once more locked with
# the passphrase in DIR/tls/passphrase. Elliptic-curve keys: quick to make.
make_tls() {
  local tls=$1/tls
  [ -f "$tls/ca.crt" ] && return 0
  mkdir -p "$tls"
  (
    cd "$tls"
    umask 077
    local ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
    openssl req -x509 "${ec[@]}" -days 3 -subj "/CN=Burrow test CA" -keyout ca.key -out ca.crt
    for name in server client; do
      local cn=localhost
      [ "$name" = client ] && cn=burrow_cert
      openssl req -new "${ec[@]}" -subj "/CN=$cn" -keyout "$name.key" -out "$name.csr"
      printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$name.ext"
      openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days 3 \
        -extfile "$name.ext" -out "$name.crt"
    done
    head -c 12 /dev/urandom | base64 | tr -d '/+=' >passphrase
    openssl pkey -in client.key -aes256 -passout file:passphrase -out client-locked.key
    rm -f ./*.csr ./*.ext ca.srl
  ) >"$1/tls.log" 2>&1 || { cat "$1/tls.log" >&2; die "making the test certificates failed"; }
  chmod 0755 "$tls"
  chmod 0644 "$tls/ca.crt"
}

# The server's own copy of the certificate and key, owned by the server's user (both servers
# refuse a key that others may read). None with BURROW_SERVERS_TLS=off: a server that offers no
# TLS, for the tests of what a client that asks for it does then.
install_server_tls() {
  local tls=$1/../tls dir=$1 user=$2
  [ "${BURROW_SERVERS_TLS:-on}" = off ] && return 0
  cp "$tls/server.crt" "$tls/server.key" "$tls/ca.crt" "$dir/"
  chmod 0600 "$dir/server.key"
  is_root && chown "$user:$user" "$dir/server.crt" "$dir/server.key" "$dir/ca.crt"
  true
}

# The TLS options of the server in `dir`, when it has a certificate (install_server_tls).
postgres_tls_options() {
  [ -f "$1/server.crt" ] || return 0
  echo "-c ssl=on -c ssl_cert_file=$1/server.crt -c ssl_key_file=$1/server.key -c ssl_ca_file=$1/ca.crt"
}

run_postgres() {
  local dir=$1
  remove_stale_pid_file "$dir"
  as_user postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $(cat "$dir/port") -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 \
        $(postgres_tls_options "$dir")" \
    start >/dev/null || { cat "$dir/server.log" >&2; die "PostgreSQL did not start"; }
}

start_postgres() {
  local dir=$1/postgres port password
  port=$(free_port)
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  mkdir -p "$dir"
  printf '%s\n' "$password" >"$dir/pwfile"
  is_root && chown -R postgres:postgres "$dir"
  chmod 0700 "$dir"
  as_user postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  rm -f "$dir/pwfile"
  # burrow_cert logs in with its client certificate alone (the first matching line wins).
  sed -i '/^# TYPE/a hostssl all burrow_cert 127.0.0.1/32 cert' "$dir/data/pg_hba.conf"
  install_server_tls "$dir" postgres
  echo "$port" >"$dir/port"
  run_postgres "$dir"
  PGPASSWORD=$password "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE burrow_cert LOGIN SUPERUSER" >/dev/null
  echo "export BURROW_TEST_POSTGRES_URL='postgresql://postgres:$password@127.0.0.1:$port/postgres'"
}

# Commits reach the OS at once and the disk once a second (trx-commit=2): as fast as not
# writing at all for the tests, and like PostgreSQL's fsync=off they survive a killed server.
# Each server has a tmpdir of its own: a starting server deletes every #sql* file in its
# tmpdir, which in a shared /tmp are the temporary tables of the other servers' queries.
run_mariadb() {
  local dir=$1 user_opt=() tls_opt=() i
  is_root && user_opt=(--user=mysql)
  [ -f "$dir/server.crt" ] &&
    tls_opt=(--ssl-cert="$dir/server.crt" --ssl-key="$dir/server.key" --ssl-ca="$dir/ca.crt")
  mariadbd --no-defaults "${user_opt[@]}" --datadir="$dir/data" --socket="$dir/mysqld.sock" \
    --port="$(cat "$dir/port")" --bind-address=127.0.0.1 --pid-file="$dir/mysqld.pid" \
    --tmpdir="$dir/tmp" \
    "${tls_opt[@]}" \
    --log-error="$dir/server.log" --innodb-flush-log-at-trx-commit=2 --skip-name-resolve \
    --max-connections=200 >/dev/null 2>&1 &
  for i in $(seq 1 120); do
    mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1 && break
    sleep 0.5
  done
  mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1 ||
    { cat "$dir/server.log" >&2; die "MariaDB did not start"; }
}

start_mariadb() {
  local dir=$1/mariadb port password user_opt=()
  port=$(free_port)
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  mkdir -p "$dir/tmp"
  if is_root; then
    chown -R mysql:mysql "$dir"
    user_opt=(--user=mysql)
  fi
  chmod 0700 "$dir"
  # The bootstrap server too: in a shared /tmp it lost its temporary tables to a server
  # starting beside it ("Could not remove temporary table", a failed install).
  mariadb-install-db --no-defaults "${user_opt[@]}" --datadir="$dir/data" --tmpdir="$dir/tmp" \
    --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1 ||
    { cat "$dir/install.log" >&2; die "mariadb-install-db failed"; }
  install_server_tls "$dir" mysql
  echo "$port" >"$dir/port"
  run_mariadb "$dir"
  # root logs in through the socket as the OS root; the tests use a password account over TCP.
  mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot <<SQL
CREATE USER 'burrow'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO 'burrow'@'127.0.0.1' WITH GRANT OPTION;
CREATE USER 'burrow_cert'@'127.0.0.1' REQUIRE SUBJECT '/CN=burrow_cert';
GRANT ALL PRIVILEGES ON *.* TO 'burrow_cert'@'127.0.0.1';
SQL
  echo "export BURROW_TEST_MARIADB_URL='mariadb://burrow:$password@127.0.0.1:$port/mysql'"
}

stop_servers() {
  local dir=$1
  [ -d "$dir" ] || return 0
  if [ -f "$dir/postgres/data/postmaster.pid" ]; then
    as_user postgres "$PG_BIN/pg_ctl" -D "$dir/postgres/data" -m immediate -w stop \
      >/dev/null 2>&1 || true
  fi
  if [ -f "$dir/mariadb/mysqld.pid" ]; then
    local pid
    pid=$(cat "$dir/mariadb/mysqld.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start)
    [ -n "${2:-}" ] || die "usage: servers.sh start DIR [postgres|mariadb]"
    mkdir -p "$2"
    chmod 0755 "$2" # the server users must reach their own subfolders
    make_tls "$2"
    echo "export BURROW_TEST_TLS_DIR='$(cd "$2" && pwd)/tls'"
    case "${3:-both}" in
      both) say "starting PostgreSQL 15 and MariaDB 10.11 in $2"
            start_postgres "$2"; start_mariadb "$2" ;;
      postgres) start_postgres "$2" ;;
      mariadb) start_mariadb "$2" ;;
      *) die "unknown server ${3}: postgres or mariadb" ;;
    esac
    ;;
  restart)
    [ -d "${2:-}" ] || die "usage: servers.sh restart DIR"
    [ -f "$2/postgres/port" ] && run_postgres "$2/postgres"
    [ -f "$2/mariadb/port" ] && run_mariadb "$2/mariadb"
    true
    ;;
  stop)
    [ -n "${2:-}" ] || die "usage: servers.sh stop DIR"
    stop_servers "$2"
    ;;
  *) die "usage: servers.sh start|restart|stop DIR" ;;
esac
