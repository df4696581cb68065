#!/usr/bin/env bash
# Makes the real RabbitMQ and Redis that integration tests need reachable on loopback, starting (and, as root with
# apt, installing) them when missing, then exports where they are. Sourced by test.sh; safe to run again.
# MongoDB cannot be installed from Debian: set MONGODB_URI to run the MongoDB tests, or have a Docker engine for
# Testcontainers; otherwise they report themselves skipped.

TAILOR_TEST_VHOST="${TAILOR_TEST_VHOST:-tailor-test}"

log() { printf '[test-infrastructure] %s\n' "$*" >&2; }

install_missing_servers() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v rabbitmq-server >/dev/null 2>&1 || missing+=(rabbitmq-server)
  # Not a server: test.sh validates docker-compose.yml with `docker-compose config`, which needs no Docker engine.
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${missing[*]} from Debian's packages"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    log "missing ${missing[*]}: install them (or set TAILOR_TEST_RABBITMQ / TAILOR_TEST_REDIS); their tests will be skipped"
  fi
}

start_redis() {
  if [ -n "${TAILOR_TEST_REDIS:-}" ]; then return 0; fi
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    command -v redis-server >/dev/null 2>&1 || return 0
    log "starting Redis on 127.0.0.1:6379"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no >/dev/null
    for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.2; done
  fi
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && export TAILOR_TEST_REDIS="127.0.0.1:6379"
}

start_rabbitmq() {
  if [ -n "${TAILOR_TEST_RABBITMQ:-}" ]; then return 0; fi
  command -v rabbitmqctl >/dev/null 2>&1 || return 0
  if ! rabbitmqctl -q status >/dev/null 2>&1; then
    log "starting RabbitMQ"
    rabbitmq-server -detached >/dev/null 2>&1
    sleep 2
  fi
  if ! timeout 120 rabbitmqctl -q await_startup >/dev/null 2>&1; then
    log "RabbitMQ did not start; its tests will be skipped"
    return 0
  fi
  # A fresh virtual host per run: no queue or message of an earlier run can reach this one. Tests that make their own
  # (tailor-test-<id>, RabbitMqVirtualHost) delete them; those of a run that was killed are deleted here. Only those
  # nobody is connected to: a test run going on beside this one keeps its virtual hosts.
  local connected
  connected="$(rabbitmqctl -q list_connections vhost 2>/dev/null | sort -u)"
  rabbitmqctl -q list_vhosts 2>/dev/null | grep -E '^tailor-test-[0-9a-f]{32}$' | while read -r stale; do
    if ! grep -qxF "$stale" <<<"$connected"; then
      rabbitmqctl -q delete_vhost "$stale" >/dev/null 2>&1 || true
    fi
  done
  rabbitmqctl -q delete_vhost "$TAILOR_TEST_VHOST" >/dev/null 2>&1 || true
  rabbitmqctl -q add_vhost "$TAILOR_TEST_VHOST" >/dev/null
  rabbitmqctl -q set_permissions -p "$TAILOR_TEST_VHOST" guest '.*' '.*' '.*' >/dev/null
  export TAILOR_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:5672/$TAILOR_TEST_VHOST"
}

# Test clients written in Node (Segment's official library, an amqplib sender): installed from their package-lock.json,
# once per lock change; without npm their tests report themselves skipped.
install_node_clients() {
  # Apart from the servers: a failed install of npm costs only the Node tests, never RabbitMQ or Redis.
  if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing npm from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null 2>&1; } \
      || log "npm could not be installed"
  fi
  command -v npm >/dev/null 2>&1 || { log "npm is not installed: the Node client tests will be skipped"; return 0; }
  local root lock folder
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  for lock in "$root"/tests/*/*/package-lock.json; do
    [ -f "$lock" ] || continue
    folder="$(dirname "$lock")"
    if [ ! -f "$folder/node_modules/.package-lock.json" ] || [ "$lock" -nt "$folder/node_modules/.package-lock.json" ]; then
      log "npm ci in ${folder#"$root"/}"
      (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || log "npm ci failed in ${folder#"$root"/}: its tests will be skipped"
    fi
  done
}

install_missing_servers
install_node_clients
start_redis
start_rabbitmq
log "RabbitMQ: ${TAILOR_TEST_RABBITMQ:-not available}; Redis: ${TAILOR_TEST_REDIS:-not available}; MongoDB: ${MONGODB_URI:-not set (Testcontainers when Docker is reachable, else skipped)}"
