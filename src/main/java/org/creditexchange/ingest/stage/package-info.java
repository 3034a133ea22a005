/** The ingest job's steps and the staging table they fill: every row with its verdict. */
package org.creditexchange.ingest.stage;
