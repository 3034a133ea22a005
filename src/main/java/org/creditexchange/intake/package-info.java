/** Receiving files: connectors and channels, the landing zone and the batch table (the collection log). */
package org.creditexchange.intake;
