/** Identifier check digits (USCC, organisation code, ID number, registration number) and ID-number masking. */
package org.creditexchange.catalog.code;
