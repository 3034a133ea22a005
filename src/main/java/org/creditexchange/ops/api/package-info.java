/** The REST API of operators and clerks: controllers, their JSON records, users and roles, request auditing. */
package org.creditexchange.ops.api;
