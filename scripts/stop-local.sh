#!/usr/bin/env bash
# Stops the services that scripts/start-local.sh started: TERM, up to STOP_TIMEOUT seconds
# (default 20) for a graceful shutdown, then KILL. Removes the pid files. Safe to run twice.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STOP_TIMEOUT="${STOP_TIMEOUT:-20}"

stop_service() {
  local service="$1" pid i
  if ! pid="$(service_pid "${service}")"; then
    rm -f "$(service_pidfile "${service}")"
    info "${service} is not running"
    return 0
  fi
  kill -TERM "${pid}" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 4; i++)); do
    kill -0 "${pid}" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "${pid}" 2>/dev/null; then
    warn "${service} (pid ${pid}) ignored TERM for ${STOP_TIMEOUT}s: sending KILL"
    kill -KILL "${pid}" 2>/dev/null || true
  fi
  rm -f "$(service_pidfile "${service}")"
  ok "${service} stopped (pid ${pid})"
}

step "Stopping services"
# order-service first, so it does not call a provider that is already gone.
for service in order-service payment-service inventory-service customer-service; do
  stop_service "${service}"
done
