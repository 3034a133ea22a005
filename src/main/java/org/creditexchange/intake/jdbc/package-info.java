/** The jdbc channel: incremental pulls from a unit's front-end database (前置机) and receipts written back to it. */
package org.creditexchange.intake.jdbc;
