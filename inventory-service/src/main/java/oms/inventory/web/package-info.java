/** Maps every error, ours and the framework's, to the contract's problem+json. */
package oms.inventory.web;
