/** The run digest: what a scheduled run did, per unit, for the operators. */
package org.creditexchange.report.digest;
