/** Settling the orders whose request is gone: found by their expired lease, resumed or undone by the saga. */
package oms.order.recovery;
