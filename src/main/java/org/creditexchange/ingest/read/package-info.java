/** Reading files as raw rows: format detection by content, CSV, XLSX (streaming) and XLS row sources. */
package org.creditexchange.ingest.read;
