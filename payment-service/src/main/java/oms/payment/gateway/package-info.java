/** The card gateway; here a simulation that decides by amount alone. */
package oms.payment.gateway;
