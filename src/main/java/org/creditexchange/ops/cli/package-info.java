/** The command line: check, ingest, export, status, serve, demo, template, access-log. */
package org.creditexchange.ops.cli;
