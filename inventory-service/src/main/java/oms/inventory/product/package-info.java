/** The catalogue: products keyed by sku, their price and their free and held stock. */
package oms.inventory.product;
