/** OpenAPI documentation of the answers every service gives alike; services put these on their controllers. */
package oms.chassis.openapi;
