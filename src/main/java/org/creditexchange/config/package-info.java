/** Loading and checking the configuration folders (connectors/, mappings/), reporting every problem with file and line. */
package org.creditexchange.config;
