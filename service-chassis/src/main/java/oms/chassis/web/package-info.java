/** Every error, the services' own and the framework's, answered as the contract's problem+json. */
package oms.chassis.web;
