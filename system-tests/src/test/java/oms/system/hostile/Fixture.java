package oms.system.hostile;

/** What the generated requests refer to: a customer and a product that exist. */
record Fixture(String customerId, String sku) {
}
