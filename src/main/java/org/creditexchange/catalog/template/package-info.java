/**
 * The clerk's template of a catalog item: an XLSX workbook whose header, formats, drop-downs and instructions
 * ({@code 填表说明}) come from the catalog, so a template filled in correctly loads without a warning.
 */
package org.creditexchange.catalog.template;
