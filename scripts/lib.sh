# shellcheck shell=bash
# Shared helpers for scripts/start-local.sh, scripts/stop-local.sh and scripts/test.sh.
# Source it; it defines functions and a few read-only settings and runs nothing by itself.

# ---------------------------------------------------------------------------------------------
# Where things are
# ---------------------------------------------------------------------------------------------
OMS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# OMS_RUN_DIR and OMS_DB_SUFFIX let a test run the scripts beside a developer's own system state;
# with OMS_PORT_OFFSET (added to every port) and OMS_JAR_DIR (the jars to run, <service>-*.jar, with
# OMS_SKIP_BUILD=1) scripts/compare runs a second system beside the first.
OMS_RUN_DIR="${OMS_RUN_DIR:-${OMS_ROOT}/.run}"
OMS_DB_SUFFIX="${OMS_DB_SUFFIX:-}"
OMS_PORT_OFFSET="${OMS_PORT_OFFSET:-0}"
OMS_JAR_DIR="${OMS_JAR_DIR:-}"
OMS_LOG_DIR="${OMS_RUN_DIR}/logs"
# The version is the root pom's own (the <version> right after <artifactId>oms-parent</artifactId>).
OMS_VERSION="$(sed -n '/<artifactId>oms-parent<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;}' "${OMS_ROOT}/pom.xml")"
# The java the services run on: ${JAVA_HOME}/bin/java when JAVA_HOME is set; else the one
# scripts/train recorded the archives with (named in ${OMS_RUN_DIR}/cds/trained-java), while it is
# installed, since only that JDK can use them; else the java in PATH.
oms_java() {
  local trained=""
  if [[ -n "${JAVA_HOME:-}" ]]; then
    echo "${JAVA_HOME}/bin/java"
    return
  fi
  [[ -f "${OMS_RUN_DIR}/cds/trained-java" ]] && trained="$(<"${OMS_RUN_DIR}/cds/trained-java")"
  if [[ -n "${trained}" && -x "${trained}" ]]; then echo "${trained}"; else echo java; fi
}
OMS_JAVA="$(oms_java)"

# Start order matters: order-service calls the other three, so it comes last.
OMS_SERVICES=(customer-service inventory-service payment-service order-service)

# PostgreSQL connection for the scripts and the services (libpq's own variables).
export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
export PGPASSWORD="${PGPASSWORD:-}"

# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  _c_bold=$'\e[1m'; _c_green=$'\e[32m'; _c_yellow=$'\e[33m'; _c_red=$'\e[31m'; _c_off=$'\e[0m'
else
  _c_bold=""; _c_green=""; _c_yellow=""; _c_red=""; _c_off=""
fi

step() { printf '%s==> %s%s\n' "${_c_bold}" "$*" "${_c_off}"; }
info() { printf '    %s\n' "$*"; }
ok()   { printf '    %s✔%s %s\n' "${_c_green}" "${_c_off}" "$*"; }
warn() { printf '    %s!%s %s\n' "${_c_yellow}" "${_c_off}" "$*" >&2; }
die()  { printf '%s✘ %s%s\n' "${_c_red}" "$*" "${_c_off}" >&2; exit 1; }

have() { command -v "$1" >/dev/null 2>&1; }

[[ "${OMS_DB_SUFFIX}" =~ ^[a-z0-9_]*$ ]] || die "OMS_DB_SUFFIX may hold only a-z, 0-9 and _"
[[ "${OMS_PORT_OFFSET}" =~ ^(0|[1-9][0-9]{0,4})$ ]] || die "OMS_PORT_OFFSET must be a whole number"

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"
  elif have sudo; then sudo "$@"
  else die "need root for: $* (install sudo or run as root)"
  fi
}

# ---------------------------------------------------------------------------------------------
# Services: port, database, jar
# ---------------------------------------------------------------------------------------------
service_port() {
  local port
  case "$1" in
    order-service) port=8080 ;;
    customer-service) port=8081 ;;
    inventory-service) port=8082 ;;
    payment-service) port=8083 ;;
    *) die "unknown service: $1" ;;
  esac
  echo $((port + OMS_PORT_OFFSET))
}

service_db() { echo "${1//-/_}${OMS_DB_SUFFIX}"; }   # customer-service -> customer_service
service_jar() {
  if [[ -z "${OMS_JAR_DIR}" ]]; then echo "${OMS_ROOT}/$1/target/$1-${OMS_VERSION}.jar"; return; fi
  local jars=("${OMS_JAR_DIR}/$1"-*.jar)   # unmatched, the pattern itself: "missing" further on
  echo "${jars[0]}"
}
service_pidfile() { echo "${OMS_RUN_DIR}/$1.pid"; }
service_log() { echo "${OMS_LOG_DIR}/$1.log"; }
# The local signing key of the bearer tokens (HS256): made on the first start, never committed.
OMS_JWT_SECRET_FILE="${OMS_RUN_DIR}/jwt-secret"

# Prints the pid of a running service started by these scripts, or fails.
service_pid() {
  local pidfile pid
  pidfile="$(service_pidfile "$1")"
  [[ -f "${pidfile}" ]] || return 1
  pid="$(<"${pidfile}")"
  [[ "${pid}" =~ ^[0-9]+$ ]] && kill -0 "${pid}" 2>/dev/null || return 1
  echo "${pid}"
}

# HTTP GET that succeeds only on a 2xx answer; uses curl, else wget.
http_ok() {
  if have curl; then curl -fsS --max-time 3 -o /dev/null "$1" 2>/dev/null
  elif have wget; then wget -q -T 3 -O /dev/null "$1" 2>/dev/null
  else die "need curl or wget to check service health"
  fi
}

service_healthy() { http_ok "http://127.0.0.1:$(service_port "$1")/health/readiness"; }

# True when something accepts TCP connections on the port (bash's /dev/tcp, no extra tools).
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------
pg_is_local() { [[ "${PGHOST}" == "127.0.0.1" || "${PGHOST}" == "localhost" || "${PGHOST}" == "::1" ]]; }

# psql against the maintenance database, no .psqlrc, quiet, unaligned.
pg_sql() { psql -X -q -v ON_ERROR_STOP=1 -d postgres -tA -c "$1"; }

pg_can_connect() { have psql && pg_sql 'SELECT 1' >/dev/null 2>&1; }

pg_server_installed() {
  have pg_ctlcluster || compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

pg_install() {
  [[ -f /etc/debian_version ]] || die "PostgreSQL is not installed. Install PostgreSQL 15+ and make it reachable at ${PGHOST}:${PGPORT} as ${PGUSER}, then run this again."
  step "Installing PostgreSQL with apt-get (not found on this machine)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-client >/dev/null
  ok "PostgreSQL installed"
}

# Prints "version cluster status" of the installed cluster that listens on PGPORT, if any.
pg_cluster_on_port() {
  local version cluster port status _rest
  while read -r version cluster port status _rest; do
    [[ "${port}" == "${PGPORT}" ]] && { echo "${version} ${cluster} ${status}"; return 0; }
  done < <(pg_lsclusters -h 2>/dev/null)
  return 1
}

# Starts the cluster on PGPORT when it is down; creates one there when the server has none.
pg_start_cluster() {
  local version cluster status
  if ! read -r version cluster status < <(pg_cluster_on_port); then
    [[ -z "$(pg_lsclusters -h 2>/dev/null)" ]] \
      || die "no PostgreSQL cluster listens on port ${PGPORT} (see pg_lsclusters); set PGPORT"
    version="$(find /usr/lib/postgresql -maxdepth 1 -mindepth 1 -printf '%f\n' | sort -V | tail -n 1)"
    [[ -n "${version}" ]] || die "no PostgreSQL version found under /usr/lib/postgresql"
    info "creating cluster ${version}/main on port ${PGPORT}"
    as_root pg_createcluster -p "${PGPORT}" "${version}" main >/dev/null
    cluster=main status=down
  fi
  if [[ "${status}" != online* ]]; then
    info "starting PostgreSQL cluster ${version}/${cluster} (port ${PGPORT})"
    as_root pg_ctlcluster --skip-systemctl-redirect "${version}" "${cluster}" start \
      || die "could not start cluster ${version}/${cluster}: see /var/log/postgresql/postgresql-${version}-${cluster}.log"
  fi
}

# Local development choice: connections over 127.0.0.1 and ::1 are trusted (no password), the
# same as the CI machines. The lines carry a marker so running this again changes nothing.
pg_trust_loopback() {
  local version cluster _status hba
  read -r version cluster _status < <(pg_cluster_on_port) || return 0
  hba="/etc/postgresql/${version}/${cluster}/pg_hba.conf"
  [[ -f "${hba}" ]] || return 0
  as_root grep -q 'oms: trust loopback' "${hba}" && return 0
  info "trusting 127.0.0.1/32 and ::1/128 in ${hba} (local development only)"
  as_root sed -i '1i # oms: trust loopback for local development (scripts/lib.sh)\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "${hba}"
  as_root pg_ctlcluster --skip-systemctl-redirect "${version}" "${cluster}" reload || true
}

# Waits up to 30 s until the server accepts connections (whether or not it lets us in).
pg_wait_accepting() {
  local i
  for ((i = 0; i < 30; i++)); do
    pg_isready -q -h "${PGHOST}" -p "${PGPORT}" && return 0
    sleep 1
  done
  return 1
}

pg_wait_ready() {
  local i
  for ((i = 0; i < 10; i++)); do
    pg_can_connect && return 0
    sleep 1
  done
  return 1
}

# Makes sure PostgreSQL answers at PGHOST:PGPORT as PGUSER: starts the installed cluster, installs
# PostgreSQL on Debian/Ubuntu when it is missing, and lets loopback connections in. Idempotent.
# Dead rows are cleaned up by autovacuum, on by default. Without it every update and order-service's
# recovery scan slow down as the tables grow (measured: the scan 0.07 ms -> 66-207 ms after ~280k
# orders). A server setting, so only said, not changed.
pg_warn_autovacuum_off() {
  [[ "$(pg_sql 'SHOW autovacuum' 2>/dev/null)" == "off" ]] || return 0
  warn "autovacuum is off on this PostgreSQL: dead rows pile up and queries slow down as tables grow; turn it on with: psql -c 'ALTER SYSTEM SET autovacuum = on' -c 'SELECT pg_reload_conf()'"
}

ensure_postgres() {
  step "PostgreSQL at ${PGUSER}@${PGHOST}:${PGPORT}"
  if pg_can_connect; then ok "reachable"; pg_warn_autovacuum_off; return 0; fi
  pg_is_local || die "cannot connect to PostgreSQL at ${PGHOST}:${PGPORT} as ${PGUSER} (remote host: not touching it)"

  if ! pg_server_installed; then pg_install; fi
  have psql || die "psql not found (install postgresql-client)"
  if have pg_lsclusters; then
    pg_start_cluster
    pg_wait_accepting || die "PostgreSQL on port ${PGPORT} does not accept connections: see /var/log/postgresql/"
    # Up but refusing us: on a fresh Debian host TCP connections need a password.
    pg_can_connect || pg_trust_loopback
  fi
  pg_wait_ready || die "PostgreSQL is still not reachable at ${PGHOST}:${PGPORT} as ${PGUSER}: check 'pg_lsclusters' and the server log under /var/log/postgresql/"
  ok "reachable"
  pg_warn_autovacuum_off
}

# Debian's prometheus package (with promtool) for system-tests' ObservabilityIT; without it that
# test skips. Installed with apt when we are root (or have sudo) on Debian/Ubuntu, else only said.
ensure_prometheus() {
  have prometheus && have promtool && return 0
  if [[ -f /etc/debian_version ]] && { [[ "$(id -u)" -eq 0 ]] || have sudo; }; then
    step "Installing prometheus with apt-get (ObservabilityIT runs a real one; not found on this machine)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null \
      && ok "prometheus installed" && return 0
  fi
  warn "prometheus is not installed and could not be: ObservabilityIT's Prometheus tests will be skipped"
}

create_databases() {
  local service db
  step "Databases"
  for service in "${OMS_SERVICES[@]}"; do
    db="$(service_db "${service}")"
    if [[ "$(pg_sql "SELECT 1 FROM pg_database WHERE datname = '${db}'")" == "1" ]]; then
      ok "${db} exists"
    else
      pg_sql "CREATE DATABASE ${db}" && ok "${db} created"
    fi
  done
}

# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------
# True when the module's jar is missing or older than anything it is built from.
jar_stale() {
  local module="$1" jar
  jar="$(service_jar "${module}")"
  [[ -f "${jar}" ]] || return 0
  [[ -n "$(find "${OMS_ROOT}/pom.xml" "${OMS_ROOT}/${module}/pom.xml" "${OMS_ROOT}/${module}/src/main" \
    -newer "${jar}" -print -quit 2>/dev/null)" ]]
}

build_jars_if_stale() {
  local service stale=()
  step "Jars"
  if [[ -n "${OMS_SKIP_BUILD:-}" ]]; then
    for service in "${OMS_SERVICES[@]}"; do
      [[ -f "$(service_jar "${service}")" ]] || die "OMS_SKIP_BUILD is set but $(service_jar "${service}") is missing"
    done
    ok "OMS_SKIP_BUILD is set: using the jars as they are"
    return 0
  fi
  for service in "${OMS_SERVICES[@]}"; do
    if jar_stale "${service}"; then stale+=("${service}"); else ok "${service} is up to date"; fi
  done
  ((${#stale[@]} == 0)) && return 0
  info "building ${stale[*]} (./mvnw -B -DskipTests package)"
  local list
  list="$(IFS=,; echo "${stale[*]}")"
  (cd "${OMS_ROOT}" && ./mvnw -B -q -DskipTests -pl "${list}" -am package) \
    || die "build failed (run './mvnw -B -DskipTests package' to see why)"
  for service in "${stale[@]}"; do
    [[ -f "$(service_jar "${service}")" ]] || die "build did not produce $(service_jar "${service}")"
    ok "${service} built"
  done
}

# ---------------------------------------------------------------------------------------------
# Logs
# ---------------------------------------------------------------------------------------------
# The last 40 lines the service wrote since its latest start (start-local marks each start).
show_log_tail() {
  local log from
  log="$(service_log "$1")"
  [[ -f "${log}" ]] || return 0
  from="$(grep -n '^=== .* starting ' "${log}" | tail -n 1 | cut -d: -f1)"
  printf '%s--- %s, latest start, last 40 lines ---%s\n' "${_c_yellow}" "${log}" "${_c_off}" >&2
  tail -n +"${from:-1}" "${log}" | tail -n 40 >&2
  printf '%s--- end of log ---%s\n' "${_c_yellow}" "${_c_off}" >&2
}

# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------
# Makes the local signing key unless it exists: 32 random bytes as 64 hex characters, readable by
# this user only. Its value is never printed.
ensure_jwt_secret() {
  [[ -s "${OMS_JWT_SECRET_FILE}" ]] && return 0
  have openssl || die "openssl not found: it makes the local token signing key (apt-get install openssl)"
  mkdir -p "${OMS_RUN_DIR}"
  (umask 077 && openssl rand -hex 32 >"${OMS_JWT_SECRET_FILE}")
  info "made the local token signing key ${OMS_JWT_SECRET_FILE#"${OMS_ROOT}"/}"
}

# Prints the local signing key: JWT_SECRET when set, else the one start-local.sh made.
jwt_secret() {
  if [[ -n "${JWT_SECRET:-}" ]]; then printf '%s' "${JWT_SECRET}"; return 0; fi
  [[ -s "${OMS_JWT_SECRET_FILE}" ]] ||
    die "no signing key at ${OMS_JWT_SECRET_FILE}: start the system first (scripts/start-local.sh makes it)"
  tr -d '\n' <"${OMS_JWT_SECRET_FILE}"
}
