/** Normalising values as clerks write them: half-width characters, dates, amounts, text for matching. */
package org.creditexchange.ingest.cleanse;
