#!/usr/bin/env bash
# A guided tour of the order management system with curl, which doubles as a smoke test: every
# answer is checked, and the script stops with a non-zero exit at the first surprise.
#
#   scripts/start-local.sh && bash http-examples/walkthrough.sh
#
# Every call under /api/v1 carries a bearer token from scripts/token (which reads the key that
# start-local.sh made, .run/jwt-secret, or JWT_SECRET when set): the admin sets up customers and
# products, the customer places and reads its own orders with a token of its own.
#
# Needs curl, openssl and python3 (python3 only reads JSON fields). Base URLs come from ORDER_URL,
# CUSTOMER_URL, INVENTORY_URL and PAYMENT_URL (defaults: localhost 8080-8083). Every run uses a
# new customer and new skus, so it can run again and again against the same system.
set -euo pipefail

ORDER_URL="${ORDER_URL:-http://localhost:8080}"
CUSTOMER_URL="${CUSTOMER_URL:-http://localhost:8081}"
INVENTORY_URL="${INVENTORY_URL:-http://localhost:8082}"
PAYMENT_URL="${PAYMENT_URL:-http://localhost:8083}"

for tool in curl openssl python3; do
  command -v "${tool}" >/dev/null 2>&1 || { echo "walkthrough: needs ${tool} (apt-get install ${tool})" >&2; exit 2; }
done

TOKEN_SCRIPT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/scripts/token"
ADMIN_TOKEN="$("${TOKEN_SCRIPT}" admin)" || { echo "walkthrough: no token (scripts/token admin failed)" >&2; exit 2; }
CUSTOMER_TOKEN=""
AS="admin"   # whose token call() sends: admin, customer or anonymous; "AS=customer call ..." for one call

RUN_ID="$(date +%Y%m%d%H%M%S)-${RANDOM}"
WORK="$(mktemp -d)"
trap 'rm -rf "${WORK}"' EXIT

STEPS=0
CHECKS=0
STATUS=""

# --- printing -----------------------------------------------------------------------------------
heading() {
  STEPS=$((STEPS + 1))
  printf '\n=== Step %d: %s ===\n' "${STEPS}" "$1"
}

say() { printf '# %s\n' "$*"; }

fail() {
  printf '\nWALKTHROUGH FAILED at step %d: %s\n' "${STEPS}" "$*" >&2
  exit 1
}

pretty_body() {
  python3 - "${WORK}/body" <<'PY' || cat "${WORK}/body"
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
if not text.strip():
    sys.exit(0)
try:
    print(json.dumps(json.loads(text), indent=2))
except ValueError:
    print(text)
PY
}

# --- HTTP ---------------------------------------------------------------------------------------
# call METHOD URL [BODY [HEADER...]]: prints the request and the answer; sets STATUS, and leaves
# the body in ${WORK}/body and the headers in ${WORK}/headers.
call() {
  local method="$1" url="$2" body="${3:-}"
  shift 2; (($# > 0)) && shift
  local args=(-sS -X "${method}" -o "${WORK}/body" -D "${WORK}/headers.raw" -w '%{http_code}'
    --max-time 30 -H 'Accept: application/json, application/problem+json')
  local header
  printf '> %s %s\n' "${method}" "${url}"
  # The token itself stays out of the output: it is a credential for hours.
  case "${AS}" in
    admin) args+=(-H "Authorization: Bearer ${ADMIN_TOKEN}"); printf '> Authorization: Bearer $ADMIN_TOKEN\n' ;;
    customer) args+=(-H "Authorization: Bearer ${CUSTOMER_TOKEN}"); printf '> Authorization: Bearer $CUSTOMER_TOKEN\n' ;;
    anonymous) ;;
    *) fail "unknown caller ${AS}" ;;
  esac
  for header in "$@"; do
    args+=(-H "${header}")
    printf '> %s\n' "${header}"
  done
  if [[ -n "${body}" ]]; then
    args+=(-H 'Content-Type: application/json' --data "${body}")
    printf '> %s\n' "${body}"
  fi
  if ! STATUS="$(curl "${args[@]}" "${url}")"; then
    fail "no answer from ${url}: is the system running? (scripts/start-local.sh)"
  fi
  tr -d '\r' <"${WORK}/headers.raw" >"${WORK}/headers"
  printf '< HTTP %s\n' "${STATUS}"
  grep -iE '^(location|idempotent-replayed|retry-after|content-type):' "${WORK}/headers" | sed 's/^/< /' || true
  pretty_body
}

# --- JSON and checks ----------------------------------------------------------------------------
# json PATH [FILE]: prints a field of the last body; PATH is dotted ("items.0.sku"), "#" is the
# length of an array, numbers print without trailing zeros, a missing field prints "null".
json() {
  python3 - "$1" "${2:-${WORK}/body}" <<'PY'
import json, sys
from decimal import Decimal
path, file = sys.argv[1], sys.argv[2]
try:
    value = json.load(open(file, encoding="utf-8"), parse_float=Decimal)
except ValueError:
    print("<not json>"); sys.exit(0)
for part in [p for p in path.split(".") if p]:
    if part == "#":
        value = len(value) if isinstance(value, (list, dict)) else None
    elif isinstance(value, list):
        value = value[int(part)] if part.isdigit() and int(part) < len(value) else None
    elif isinstance(value, dict):
        value = value.get(part)
    else:
        value = None
if value is None:
    print("null")
elif isinstance(value, bool):
    print("true" if value else "false")
elif isinstance(value, (int, Decimal)):
    d = Decimal(value).normalize()
    print(format(d, "f"))
elif isinstance(value, (list, dict)):
    print(json.dumps(value, default=str))
else:
    print(value)
PY
}

check_status() {
  CHECKS=$((CHECKS + 1))
  [[ "${STATUS}" == "$1" ]] || fail "expected HTTP $1 but got ${STATUS}"
  say "ok: HTTP ${STATUS}"
}

# check_field PATH EXPECTED: numbers compare by value (650 == 650.00).
check_field() {
  local actual expected="$2"
  actual="$(json "$1")"
  if [[ "${expected}" =~ ^-?[0-9]+(\.[0-9]+)?$ ]]; then
    expected="$(python3 -c 'import sys; from decimal import Decimal; print(format(Decimal(sys.argv[1]).normalize(), "f"))' "${expected}")"
  fi
  CHECKS=$((CHECKS + 1))
  [[ "${actual}" == "${expected}" ]] || fail "expected $1 = ${expected} but got ${actual}"
  say "ok: $1 = ${actual}"
}

check_present() {
  local actual
  actual="$(json "$1")"
  CHECKS=$((CHECKS + 1))
  [[ "${actual}" != "null" && -n "${actual}" ]] || fail "expected $1 to be set but it is missing"
  say "ok: $1 is set"
}

check_header() {
  local actual
  actual="$(grep -i "^$1:" "${WORK}/headers" | head -1 | cut -d: -f2- | sed 's/^ *//; s/ *$//')" || true
  CHECKS=$((CHECKS + 1))
  if [[ -n "${2:-}" ]]; then
    [[ "${actual,,}" == "${2,,}" ]] || fail "expected header $1: $2 but got '${actual:-<none>}'"
  else
    [[ -n "${actual}" ]] || fail "expected a $1 header but there is none"
  fi
  say "ok: header $1: ${actual}"
}

# check_same_body FILE: the last body is the same JSON document as FILE.
check_same_body() {
  CHECKS=$((CHECKS + 1))
  python3 - "$1" "${WORK}/body" <<'PY' || fail "the replayed body differs from the first answer"
import json, sys
a, b = (json.load(open(f, encoding="utf-8")) for f in sys.argv[1:3])
sys.exit(0 if a == b else 1)
PY
  say "ok: same body as the first answer"
}

# check_stock SKU AVAILABLE RESERVED
check_stock() {
  call GET "${INVENTORY_URL}/api/v1/products/$1"
  check_status 200
  check_field available "$2"
  check_field reserved "$3"
}

place_order() { # KEY CUSTOMER_ID ITEMS_JSON
  AS=customer call POST "${ORDER_URL}/api/v1/orders" "{\"customerId\":\"$2\",\"items\":$3}" "Idempotency-Key: $1"
}

# --- the story ----------------------------------------------------------------------------------
WIDGET="WIDGET-${RUN_ID}"
GADGET="GADGET-${RUN_ID}"

heading "Are the four services up?"
for url in "${CUSTOMER_URL}" "${INVENTORY_URL}" "${PAYMENT_URL}" "${ORDER_URL}"; do
  call GET "${url}/health/readiness"
  check_status 200
  check_field status UP
done

heading "Create a customer (customer-service)"
call POST "${CUSTOMER_URL}/api/v1/customers" "{\"name\":\"Ada Lovelace\",\"email\":\"ada.${RUN_ID}@example.com\"}"
check_status 201
check_header Location
check_field status ACTIVE
CUSTOMER_ID="$(json id)"

heading "Who may call what: a token of the customer's own"
say "scripts/token customer ${CUSTOMER_ID} makes it; the admin token made the customer and makes the products."
CUSTOMER_TOKEN="$("${TOKEN_SCRIPT}" customer "${CUSTOMER_ID}")"
AS=anonymous call GET "${ORDER_URL}/api/v1/orders"
check_status 401
check_field code UNAUTHENTICATED
AS=customer call GET "${CUSTOMER_URL}/api/v1/customers"
check_status 403
check_field code FORBIDDEN
AS=customer call GET "${CUSTOMER_URL}/api/v1/customers/${CUSTOMER_ID}"
check_status 200
check_field id "${CUSTOMER_ID}"

heading "Create two products (inventory-service): 10 widgets at 25.00, 5 gadgets at 600.00"
call POST "${INVENTORY_URL}/api/v1/products" "{\"sku\":\"${WIDGET}\",\"name\":\"Widget\",\"unitPrice\":25.00,\"available\":10}"
check_status 201
check_field sku "${WIDGET}"
check_field available 10
call POST "${INVENTORY_URL}/api/v1/products" "{\"sku\":\"${GADGET}\",\"name\":\"Gadget\",\"unitPrice\":600.00,\"available\":5}"
check_status 201
check_field available 5

heading "Place an order: 2 widgets + 1 gadget = 650.00"
say "order-service checks the customer, reserves the items, authorizes the payment, commits the reservation."
ORDER_KEY="walkthrough-${RUN_ID}-1"
place_order "${ORDER_KEY}" "${CUSTOMER_ID}" "[{\"sku\":\"${WIDGET}\",\"quantity\":2},{\"sku\":\"${GADGET}\",\"quantity\":1}]"
check_status 201
check_header Location
check_field status CONFIRMED
check_field totalAmount 650.00
check_field items.# 2
check_present reservationId
check_present paymentId
ORDER_ID="$(json id)"
cp "${WORK}/body" "${WORK}/first-order.json"

heading "Send the very same request again (same Idempotency-Key): nothing happens twice"
place_order "${ORDER_KEY}" "${CUSTOMER_ID}" "[{\"sku\":\"${WIDGET}\",\"quantity\":2},{\"sku\":\"${GADGET}\",\"quantity\":1}]"
check_status 201
check_header Idempotent-Replayed true
check_same_body "${WORK}/first-order.json"

heading "The stock moved once: 8 widgets and 4 gadgets left, nothing held"
check_stock "${WIDGET}" 8 0
check_stock "${GADGET}" 4 0

heading "Behind the scenes: one AUTHORIZED payment, one COMMITTED reservation"
call GET "${PAYMENT_URL}/api/v1/payments?orderId=${ORDER_ID}"
check_status 200
check_field "#" 1
check_field 0.status AUTHORIZED
check_field 0.amount 650.00
call GET "${INVENTORY_URL}/api/v1/reservations?orderId=${ORDER_ID}"
check_status 200
check_field "#" 1
check_field 0.status COMMITTED

heading "Run out of stock: 100 widgets -> 422 INSUFFICIENT_STOCK"
place_order "walkthrough-${RUN_ID}-2" "${CUSTOMER_ID}" "[{\"sku\":\"${WIDGET}\",\"quantity\":100}]"
check_status 422
check_field code INSUFFICIENT_STOCK
check_present orderId
REJECTED_STOCK_ID="$(json orderId)"
AS=customer call GET "${ORDER_URL}/api/v1/orders/${REJECTED_STOCK_ID}"
check_status 200
check_field status REJECTED
check_stock "${WIDGET}" 8 0

heading "Get a payment declined: 2 gadgets = 1200.00, above the 1000.00 limit -> 422 PAYMENT_DECLINED"
say "The gadgets were reserved before the payment failed; the reservation is released again."
place_order "walkthrough-${RUN_ID}-3" "${CUSTOMER_ID}" "[{\"sku\":\"${GADGET}\",\"quantity\":2}]"
check_status 422
check_field code PAYMENT_DECLINED
check_present orderId
REJECTED_PAYMENT_ID="$(json orderId)"
AS=customer call GET "${ORDER_URL}/api/v1/orders/${REJECTED_PAYMENT_ID}"
check_status 200
check_field status REJECTED
call GET "${PAYMENT_URL}/api/v1/payments?orderId=${REJECTED_PAYMENT_ID}"
check_status 200
check_field 0.status DECLINED
check_field 0.declineReason LIMIT_EXCEEDED
say "The gadgets are back in stock:"
check_stock "${GADGET}" 4 0

heading "The customer's orders (a customer's list holds its own only), one order and its history"
AS=customer call GET "${ORDER_URL}/api/v1/orders"
check_status 200
check_field "#" 3
AS=customer call GET "${ORDER_URL}/api/v1/orders/${ORDER_ID}"
check_status 200
check_field status CONFIRMED
check_field id "${ORDER_ID}"
AS=customer call GET "${ORDER_URL}/api/v1/orders/${ORDER_ID}/events"
check_status 200
CHECKS=$((CHECKS + 1))
[[ "$(json "#")" -gt 0 ]] || fail "expected at least one event in the order's history"
say "ok: $(json "#") events"

heading "Cancel the confirmed order: payment voided, units back in stock"
AS=customer call POST "${ORDER_URL}/api/v1/orders/${ORDER_ID}/cancel"
check_status 200
check_field status CANCELLED
call GET "${PAYMENT_URL}/api/v1/payments?orderId=${ORDER_ID}"
check_status 200
check_field 0.status VOIDED
check_stock "${WIDGET}" 10 0
check_stock "${GADGET}" 5 0

printf '\n=== Summary ===\n'
printf '  customer          %s\n' "${CUSTOMER_ID}"
printf '  products          %s, %s\n' "${WIDGET}" "${GADGET}"
printf '  confirmed order   %s (replayed with Idempotent-Replayed: true, then cancelled)\n' "${ORDER_ID}"
printf '  rejected orders   %s (INSUFFICIENT_STOCK), %s (PAYMENT_DECLINED)\n' "${REJECTED_STOCK_ID}" "${REJECTED_PAYMENT_ID}"
printf 'WALKTHROUGH PASSED: %d steps, %d checks\n' "${STEPS}" "${CHECKS}"
