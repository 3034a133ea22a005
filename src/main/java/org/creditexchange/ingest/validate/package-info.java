/** Checking mapped rows: field types, required fields, cross-field rules; problems as reasons with Chinese texts. */
package org.creditexchange.ingest.validate;
