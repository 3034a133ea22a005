/** credit-exchange: the batch ETL and data-exchange engine of a public credit information platform. */
package org.creditexchange;
