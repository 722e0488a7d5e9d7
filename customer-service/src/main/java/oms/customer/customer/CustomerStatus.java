package oms.customer.customer;

/** Only ACTIVE customers may place orders. */
public enum CustomerStatus {
    ACTIVE, SUSPENDED
}
