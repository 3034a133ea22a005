/** Audit: the access log of reads of personal data and of privileged actions. */
package org.creditexchange.audit;
