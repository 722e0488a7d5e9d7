#!/usr/bin/env bash
# Starts the four services on this machine against the local PostgreSQL, in the background.
#
#   scripts/start-local.sh          start (or leave running) all four, wait until they are healthy
#   scripts/stop-local.sh           stop them
#
# Logs go to .run/logs/<service>.log, pids to .run/<service>.pid. Running it again while the
# system is up changes nothing. Settings (see docs/configuration.md): PG*, DB_POOL_SIZE, LOG_LEVEL,
# JWT_ISSUER, SHOP_CURRENCY, RESERVATION_TTL, PAYMENT_LIMIT, PAYMENT_DELAY_AFTER_COMMIT, JAVA_HOME, JAVA_OPTS,
# MALLOC_ARENA_MAX, START_TIMEOUT (seconds to wait for each service, default 120),
# OMS_SKIP_BUILD=1 (use the jars in */target as they are), OMS_NO_CDS=1 (no class archives),
# OMS_CDS_TRAINING=1 (record them while running: scripts/train),
# OMS_RUN_DIR (instead of .run) and OMS_DB_SUFFIX (appended to each database's name), which let a
# test run a second system state beside yours (stop-local.sh needs the same OMS_RUN_DIR), and
# OMS_PORT_OFFSET (added to every port) and OMS_JAR_DIR (run <service>-*.jar from that folder, with
# OMS_SKIP_BUILD=1), with which scripts/compare runs a second system beside the first.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

START_TIMEOUT="${START_TIMEOUT:-120}"
JAVA_FEATURE=""   # the JDK's version, e.g. 17.0.15 (set in main)
# Small heap, serial GC (one collector thread, no G1 card tables and remembered sets), smaller
# stacks and code cache, two malloc arenas: idle RSS 147-162 -> 137-158 MB, 173-203 MB instead of
# 317-355 MB under load, same orders/s (docs/benchmarks.md, 2026-11-22). A heap that keeps 10-30 %
# free after a collection instead of 40-70 %: idle RSS 125-140 -> 117-131 MB, orders/s within the
# spread of two runs each (2026-12-01).
DEFAULT_JAVA_OPTS="-XX:+UseSerialGC -Xms16m -Xmx128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
DEFAULT_JAVA_OPTS+=" -Xss512k -XX:ReservedCodeCacheSize=64m"
JAVA_OPTS="${JAVA_OPTS:-}"   # empty: DEFAULT_JAVA_OPTS, plus the native heap trim where the JDK has it
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# All four pools end on one local PostgreSQL: 5 connections each, not the services' default 10,
# keeps fewer backends and threads fighting for the same cores (orders/s per pgbench -N tps:
# 4.8 / 4.0 / 3.6 % -> 6.2 / 4.5 / 5.4 % at 8 / 32 / 64 clients).
DB_POOL_SIZE="${DB_POOL_SIZE:-5}"
declare -A LAUNCHED_AT=()   # service -> ${EPOCHREALTIME} at launch, for the ones this run started

# Prints the environment one service runs with, one NAME=value per line.
service_env() {
  local service="$1"
  cat <<EOF
PORT=$(service_port "${service}")
DB_URL=jdbc:postgresql://${PGHOST}:${PGPORT}/$(service_db "${service}")
DB_USER=${PGUSER}
DB_PASSWORD=${PGPASSWORD}
DB_POOL_SIZE=${DB_POOL_SIZE}
LOG_LEVEL=${LOG_LEVEL:-info}
JWT_SECRET=$(jwt_secret)
EOF
  if [[ -n "${JWT_ISSUER:-}" ]]; then echo "JWT_ISSUER=${JWT_ISSUER}"; fi
  # Only what each service reads (compose.yaml likewise; ComposeFileTest checks compose).
  case "${service}" in
    inventory-service)
      echo "SHOP_CURRENCY=${SHOP_CURRENCY:-USD}"
      echo "RESERVATION_TTL=${RESERVATION_TTL:-10m}" ;;
    payment-service)
      echo "SHOP_CURRENCY=${SHOP_CURRENCY:-USD}"
      echo "PAYMENT_LIMIT=${PAYMENT_LIMIT:-1000.00}"
      echo "PAYMENT_DELAY_AFTER_COMMIT=${PAYMENT_DELAY_AFTER_COMMIT:-0ms}" ;;
    order-service)
      echo "CUSTOMER_SERVICE_URL=http://127.0.0.1:$(service_port customer-service)"
      echo "INVENTORY_SERVICE_URL=http://127.0.0.1:$(service_port inventory-service)"
      echo "PAYMENT_SERVICE_URL=http://127.0.0.1:$(service_port payment-service)" ;;
  esac
}

# Class-data sharing: the first start of a jar on a JDK records the classes the service loads
# into an archive (a start that is stopped once healthy); every later start maps that archive
# instead of reading, parsing and verifying those classes again (customer-service alone here:
# launch -> healthy 3.0 s without, 1.3 s with). A new jar or another JDK records a new one.
# JDK 25 and later record an AOT cache instead (JEP 483/514: classes loaded and linked ahead).
cds_archive() { echo "${OMS_RUN_DIR}/cds/$1-${JAVA_FEATURE}.$(aot_cache && echo aot || echo jsa)"; }
aot_cache() { local major="${JAVA_FEATURE%%.*}"; ((${major:-0} >= 25)); }
# Prints the options of a recording start, one per line (its warnings about skipped classes muted).
cds_record_opts() {
  if aot_cache; then printf '%s\n' "-XX:AOTCacheOutput=$1" -Xlog:aot=off -Xlog:cds=off
  else printf '%s\n' "-XX:ArchiveClassesAtExit=$1" -Xlog:cds=off -Xlog:cds+dynamic=off
  fi
}
cds_use_opt() { if aot_cache; then echo "-XX:AOTCache=$1"; else echo "-XX:SharedArchiveFile=$1"; fi; }
# An empty file beside an AOT cache that scripts/train recorded under load, whose method profiles are
# those of the order path. Such a cache is run with AOTCompileEagerly (experimental in JDK 25): each
# profiled method is queued for compilation as soon as its class is initialised, not after it has
# run hot again. From a fresh start under 32 clients, the first 30 s placed 54-61 orders/s instead
# of 28-44; each service is healthy ~0.8 s later, as the compilers share two cores with its start
# (docs/benchmarks.md, 2026-12-02). A plain cache, from a start without load, is run without it.
cds_profiled_mark() { echo "$1.profiled"; }

# cds_ready <service> <jar> <env...>: true when an archive for this jar is there, recording it
# first when it is not; false (the service then starts without one) when recording fails.
cds_ready() {
  local service="$1" jar="$2" archive pid i record_opts=()
  archive="$(cds_archive "${service}")"
  [[ -n "${OMS_NO_CDS:-}" ]] && return 1
  [[ "${archive}" -nt "${jar}" ]] && return 0
  mkdir -p "$(dirname "${archive}")"
  rm -f "${archive}" "$(cds_profiled_mark "${archive}")"
  printf '    %s: recording its class archive (first start on this jar and JDK) ' "${service}"
  mapfile -t record_opts < <(cds_record_opts "${archive}")
  # shellcheck disable=SC2086  # JAVA_OPTS is a list of options on purpose
  env "${@:3}" "${OMS_JAVA}" ${JAVA_OPTS} "${record_opts[@]}" -jar "${jar}" \
    >>"$(service_log "${service}")" 2>&1 </dev/null &
  pid=$!
  for ((i = 0; i < START_TIMEOUT * 4; i++)); do
    service_healthy "${service}" && break
    kill -0 "${pid}" 2>/dev/null || break
    sleep 0.25
  done
  kill -TERM "${pid}" 2>/dev/null || true
  wait "${pid}" 2>/dev/null || true   # the archive is written as the JVM exits
  if [[ -s "${archive}" ]]; then
    printf 'done\n'
    return 0
  fi
  printf '\n'
  warn "${service}: no class archive recorded (see $(service_log "${service}")); starting without one"
  return 1
}

# Launches one service unless it already runs. Prints nothing to wait for when it was up.
launch() {
  local service="$1" port pid log jar archive envs=() cds_opts=() eager_opts=()
  port="$(service_port "${service}")"
  if pid="$(service_pid "${service}")"; then
    ok "${service} already running (pid ${pid}, port ${port})"
    return 0
  fi
  if service_healthy "${service}"; then
    ok "${service} already answers on port ${port} (not started by this script: leaving it)"
    return 0
  fi
  if port_in_use "${port}"; then
    die "port ${port} for ${service} is taken by another program (see: ss -ltnp 'sport = :${port}')"
  fi
  log="$(service_log "${service}")"
  # Run a copy: './mvnw package' while the system is up must not pull the jar from under the JVM.
  # Copied only when it changed, keeping its time stamp: the class archive is tied to this file.
  jar="${OMS_RUN_DIR}/jars/${service}.jar"
  mkdir -p "${OMS_RUN_DIR}/jars"
  cmp -s "$(service_jar "${service}")" "${jar}" || cp -p "$(service_jar "${service}")" "${jar}"
  mapfile -t envs < <(service_env "${service}")
  archive="$(cds_archive "${service}")"
  if [[ -n "${OMS_CDS_TRAINING:-}" ]]; then
    # scripts/train: this run records the archive, written when the JVM stops, after a load.
    rm -f "${archive}"
    mkdir -p "${OMS_RUN_DIR}/cds"
    mapfile -t cds_opts < <(cds_record_opts "${archive}")
    if aot_cache; then : >"$(cds_profiled_mark "${archive}")"; fi
  elif cds_ready "${service}" "${jar}" "${envs[@]}"; then
    cds_opts=("$(cds_use_opt "${archive}")")
    # Before JAVA_OPTS, so that a -XX:-AOTCompileEagerly there turns it off.
    if [[ -f "$(cds_profiled_mark "${archive}")" ]]; then eager_opts=(-XX:+UnlockExperimentalVMOptions -XX:+AOTCompileEagerly); fi
  fi
  printf '\n=== %s starting %s ===\n' "$(date '+%F %T')" "${service}" >>"${log}"
  # shellcheck disable=SC2086  # JAVA_OPTS is a list of options on purpose
  nohup env "${envs[@]}" "${OMS_JAVA}" "${eager_opts[@]}" ${JAVA_OPTS} "${cds_opts[@]}" -jar "${jar}" >>"${log}" 2>&1 </dev/null &
  echo $! >"$(service_pidfile "${service}")"
  LAUNCHED_AT["${service}"]=${EPOCHREALTIME}
  info "${service} launched (pid $!, port ${port}, log ${log#"${OMS_ROOT}"/}${eager_opts[*]:+; trained cache, compiled eagerly})"
}

# Why the services run on this java (lib.sh's oms_java).
java_source() {
  if [[ -n "${JAVA_HOME:-}" ]]; then echo ", JAVA_HOME"
  elif [[ "${OMS_JAVA}" != java ]]; then echo ", the JDK scripts/train trained with; JAVA_HOME picks another"
  fi
}

# Polls the readiness endpoint until it answers, the process dies or the time is up.
wait_healthy() {
  local service="$1" started polls=0 pid
  [[ -n "${LAUNCHED_AT[${service}]:-}" ]] || return 0   # was already up
  started=${LAUNCHED_AT[${service}]}
  printf '    waiting for %s: ' "${service}"
  # Every 0.1 s, a dot per second: a start takes about 1.5 s, a poll a second apart would double it.
  while true; do
    if service_healthy "${service}"; then
      printf 'healthy %s s after launch\n' "$(awk -v a="${started}" -v b="${EPOCHREALTIME}" 'BEGIN { printf "%.1f", b - a }')"
      return 0
    fi
    if [[ -f "$(service_pidfile "${service}")" ]] && ! pid="$(service_pid "${service}")"; then
      printf '\n'
      show_log_tail "${service}"
      die "${service} exited before it became healthy (log: $(service_log "${service}")); scripts/stop-local.sh stops the rest"
    fi
    if ((polls >= START_TIMEOUT * 10)); then
      printf '\n'
      show_log_tail "${service}"
      die "${service} not healthy after ${START_TIMEOUT}s (log: $(service_log "${service}")); scripts/stop-local.sh stops the rest"
    fi
    ((++polls % 10 == 0)) && printf '. '
    sleep 0.1
  done
}

main() {
  have "${OMS_JAVA}" || die "${OMS_JAVA} not found: install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless)"
  JAVA_FEATURE="$("${OMS_JAVA}" -version 2>&1 | sed -n '1s/^[^"]*"\([0-9.]*\).*/\1/p')"
  if [[ -z "${JAVA_OPTS}" ]]; then
    JAVA_OPTS="${DEFAULT_JAVA_OPTS}"
    # Start-up leaves 10-23 MB of freed malloc memory that glibc keeps; trimming it every 2 s gives
    # it back: idle RSS 141-148 -> 125-140 MB, peak at 32 clients 174-229 -> 147-178 MB, same CPU
    # per order (docs/benchmarks.md, 2026-12-01). Recent JDK 17 and 21 updates (17.0.15 here)
    # and JDK 22+ have the option; a JDK without it runs without the trim.
    local trim="-XX:TrimNativeHeapInterval=2000"
    if "${OMS_JAVA}" "${trim}" -version >/dev/null 2>&1; then JAVA_OPTS+=" ${trim}"; fi
  fi
  mkdir -p "${OMS_LOG_DIR}"
  ensure_postgres
  create_databases
  ensure_jwt_secret
  build_jars_if_stale

  step "Services"
  info "on Java ${JAVA_FEATURE} (${OMS_JAVA}$(java_source))"
  # One at a time, order-service last (it calls the other three). Each start is CPU-bound: on two
  # cores three JVMs started together took 7-11 s each to answer, one alone with its class archive
  # about 1.3 s, so one by one is also the quicker way to have all four up.
  local service
  for service in "${OMS_SERVICES[@]}"; do
    launch "${service}"
    wait_healthy "${service}"
  done

  step "Up and running"
  for service in "${OMS_SERVICES[@]}"; do
    local port
    port="$(service_port "${service}")"
    printf '    %-18s http://localhost:%s/api/v1   Swagger UI http://localhost:%s/swagger-ui/\n' \
      "${service}" "${port}" "${port}"
  done
  info ""
  info "Try it:  bash http-examples/walkthrough.sh"
  info "Token:   TOKEN=\$(scripts/token admin)   (or: scripts/token customer <customer-id>)"
  info "Logs:    .run/logs/<service>.log      Stop: scripts/stop-local.sh"
}

main "$@"
