# Source this file: starts a throw-away PostgreSQL server on loopback for the test run, exports FOGOFWAR_TEST_PG,
# and stops the server (and removes its files) when the sourcing shell exits.
# PostgreSQL comes from Debian's packages; as root it is installed when missing and run as the `postgres` user.

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "CI: PostgreSQL is not installed and this user cannot install it (apt-get install postgresql)" >&2
    return 1
  fi
fi
FOGOFWAR_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
FOGOFWAR_PG_DIR=$(mktemp -d /tmp/fogofwar-pg.XXXXXX)
FOGOFWAR_PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if [ "$(id -u)" = 0 ]; then
  chown postgres "$FOGOFWAR_PG_DIR"
  FOGOFWAR_PG_AS=(runuser -u postgres --)
else
  FOGOFWAR_PG_AS=()
fi
"${FOGOFWAR_PG_AS[@]}" "$FOGOFWAR_PG_BIN/initdb" -D "$FOGOFWAR_PG_DIR/data" -A trust -U fogofwar >/dev/null
"${FOGOFWAR_PG_AS[@]}" "$FOGOFWAR_PG_BIN/pg_ctl" -D "$FOGOFWAR_PG_DIR/data" -l "$FOGOFWAR_PG_DIR/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $FOGOFWAR_PG_PORT -k $FOGOFWAR_PG_DIR" start >/dev/null

fogofwar_pg_stop() {
  "${FOGOFWAR_PG_AS[@]}" "$FOGOFWAR_PG_BIN/pg_ctl" -D "$FOGOFWAR_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$FOGOFWAR_PG_DIR"
}
trap fogofwar_pg_stop EXIT
export FOGOFWAR_TEST_PG="postgresql://fogofwar@127.0.0.1:$FOGOFWAR_PG_PORT/postgres"
echo "CI: PostgreSQL $("$FOGOFWAR_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$FOGOFWAR_PG_PORT" >&2
