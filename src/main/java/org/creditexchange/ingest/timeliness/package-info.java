/** Timeliness (及时性): how many working days after its decision each row was reported, and the late ones. */
package org.creditexchange.ingest.timeliness;
