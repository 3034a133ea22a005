/** Health and metrics of a serving engine: Actuator health indicators and Micrometer meters over the batch table. */
package org.creditexchange.ops.health;
