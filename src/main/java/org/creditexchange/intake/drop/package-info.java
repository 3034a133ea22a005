/** The drop-folder channel: one Camel route per drop channel, from one route template. */
package org.creditexchange.intake.drop;
