/** Maps every error, ours and the framework's, to the contract's application/problem+json. */
package oms.payment.web;
