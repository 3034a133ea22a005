/** Recognising a file's header and catalog item, and mapping raw cells to catalog fields. */
package org.creditexchange.ingest.map;
