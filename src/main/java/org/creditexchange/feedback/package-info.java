/** Feedback to source units: the clerk's workbook and the receipt, row by row. */
package org.creditexchange.feedback;
