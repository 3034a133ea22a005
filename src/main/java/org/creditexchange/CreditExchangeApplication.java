package org.creditexchange;

import org.creditexchange.ops.cli.CreditExchangeCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The engine. {@link #main} is the command line ({@code check}, {@code ingest}, {@code export}, {@code status},
 * {@code serve}, {@code demo}); commands that need the engine start this Spring application themselves.
 */
@SpringBootApplication
public class CreditExchangeApplication {

    public static void main(String[] args) {
        System.exit(CreditExchangeCommand.run(args));
    }
}
