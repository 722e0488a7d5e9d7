/** Who may call what: bearer JWTs verified once for every service, roles, and the service's own outbound token. */
package oms.chassis.security;
