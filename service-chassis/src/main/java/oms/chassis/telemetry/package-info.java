/** Metrics, tracing and log correlation set up once for every service; services add only domain meters. */
package oms.chassis.telemetry;
