#!/usr/bin/env bash
# Starts PostgreSQL, MariaDB and Redis when they are not answering, with the machine's own
# start commands, and waits until each answers. Exits non-zero if one never comes up.
set -uo pipefail

wait_for() { # name, probe command
  local name=$1; shift
  for _ in $(seq 1 60); do
    if "$@" >/dev/null 2>&1; then echo "$name: up"; return 0; fi
    sleep 1
  done
  echo "$name: NOT reachable" >&2
  return 1
}

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q; }
my_up() { mariadb-admin -h 127.0.0.1 -P 3306 -uroot ping --silent || mysqladmin -h 127.0.0.1 -P 3306 -uroot ping --silent; }
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }

status=0
if ! pg_up; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi
wait_for PostgreSQL pg_up || status=1

if ! my_up; then
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
fi
wait_for MariaDB my_up || status=1

if ! redis_up; then
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
fi
wait_for Redis redis_up || status=1

# The test database must exist on both SQL servers.
psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='test'" 2>/dev/null | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE test' >/dev/null 2>&1 || true
mariadb -h 127.0.0.1 -uroot -e 'CREATE DATABASE IF NOT EXISTS test' >/dev/null 2>&1 || true
exit $status
