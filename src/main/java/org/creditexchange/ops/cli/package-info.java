/** The command line: check, ingest, export, status, serve, demo. */
package org.creditexchange.ops.cli;
