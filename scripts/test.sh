#!/usr/bin/env bash
# Runs every test: unit tests (*Test), integration tests against the local PostgreSQL (*IT) and
# the system tests, which start the four packaged jars as real processes.
#   scripts/test.sh                     everything
#   scripts/test.sh -pl customer-service  any extra arguments go to Maven
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_postgres
ensure_prometheus
cd "${OMS_ROOT}"
step "./mvnw -B verify $*"
exec ./mvnw -B verify "$@"
