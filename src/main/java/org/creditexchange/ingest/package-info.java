/** The ingest job, one run per batch: recognise, stage, de-duplicate, merge, feedback. */
package org.creditexchange.ingest;
