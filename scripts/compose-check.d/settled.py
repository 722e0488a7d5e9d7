"""Waits until every order of one customer has settled, then checks the contract's invariants.

Environment: ORDER_URL, INVENTORY_URL, PAYMENT_URL, OMS_CHECK_CUSTOMER, OMS_CHECK_SKU (the one
product of the burst, 1000 units at the start), OMS_CHECK_ORDERS (how many were sent),
OMS_CHECK_SETTLE (seconds), OMS_ADMIN_TOKEN (optional). Exit 0 when all holds, 1 otherwise.
"""
import collections
import json
import os
import sys
import time
import urllib.request

ORDER, INVENTORY, PAYMENT = (os.environ[n] for n in ("ORDER_URL", "INVENTORY_URL", "PAYMENT_URL"))
CUSTOMER, SKU = os.environ["OMS_CHECK_CUSTOMER"], os.environ["OMS_CHECK_SKU"]
SENT, SETTLE = int(os.environ["OMS_CHECK_ORDERS"]), float(os.environ["OMS_CHECK_SETTLE"])
INITIAL_STOCK = 1000
FINAL = {"CONFIRMED", "REJECTED", "FAILED"}


def get(url):
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    if os.environ.get("OMS_ADMIN_TOKEN"):
        request.add_header("Authorization", "Bearer " + os.environ["OMS_ADMIN_TOKEN"])
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.load(answer)


def orders():
    return get(f"{ORDER}/api/v1/orders?customerId={CUSTOMER}&size=100")


problems = []
deadline = time.monotonic() + SETTLE
while True:
    current = orders()
    pending = [o["id"] for o in current if o["status"] == "PENDING"]
    if not pending or time.monotonic() > deadline:
        break
    time.sleep(1)
counts = collections.Counter(o["status"] for o in current)
print("    orders by status: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
if pending:
    problems.append(f"{len(pending)} orders still PENDING after {SETTLE:.0f} s: {pending[:5]}")
if len(current) > SENT:
    problems.append(f"{len(current)} orders for {SENT} idempotency keys")
problems += [f"order {o['id']} is {o['status']}" for o in current if o["status"] not in FINAL | {"PENDING"}]

sold = 0
for order in current:
    payments = get(f"{PAYMENT}/api/v1/payments?orderId={order['id']}")
    reservations = get(f"{INVENTORY}/api/v1/reservations?orderId={order['id']}")
    authorized = [p for p in payments if p["status"] == "AUTHORIZED"]
    holding = [r for r in reservations if r["status"] in ("HELD", "COMMITTED")]
    if order["status"] == "CONFIRMED":
        sold += sum(i["quantity"] for i in order["items"])
        if len(authorized) != 1 or float(authorized[0]["amount"]) != float(order["totalAmount"]):
            problems.append(f"CONFIRMED {order['id']}: payments {[(p['status'], p['amount']) for p in payments]}")
        if [r["status"] for r in reservations] != ["COMMITTED"]:
            problems.append(f"CONFIRMED {order['id']}: reservations {[r['status'] for r in reservations]}")
    elif order["status"] in FINAL:
        if authorized or holding:
            problems.append(f"{order['status']} {order['id']} still holds {[p['status'] for p in authorized]}"
                            f" {[r['status'] for r in holding]}")

product = get(f"{INVENTORY}/api/v1/products/{SKU}")
if product["reserved"] != 0 and not pending:
    problems.append(f"{SKU}: {product['reserved']} units still reserved")
if product["available"] + product["reserved"] + sold != INITIAL_STOCK:
    problems.append(f"{SKU}: available {product['available']} + reserved {product['reserved']} + sold {sold}"
                    f" != {INITIAL_STOCK}")
print(f"    stock of {SKU}: {product['available']} available, {product['reserved']} reserved, {sold} sold")

for problem in problems:
    print("    ✘ " + problem, file=sys.stderr)
sys.exit(1 if problems else 0)
