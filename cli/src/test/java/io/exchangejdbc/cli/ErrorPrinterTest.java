package io.exchangejdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Error lines, and the masking of secrets in them. */
class ErrorPrinterTest {

    private final Captured out = new Captured();
    private final Captured err = new Captured();

    @Test
    void masksSecretPairsWhateverTheirQuoting() {
        ErrorPrinter printer = new ErrorPrinter(false, out.stream(), err.stream());
        assertEquals("User=bob;Password=****;ProxyPassword=****;OAuthClientSecret=****;X=1",
                printer.redact("User=bob;Password='p;w''d';ProxyPassword=\"q\";"
                        + "OAuthClientSecret=abc;X=1"));
        assertEquals("oauthclientsecret = ****", printer.redact("oauthclientsecret = abc"));
    }

    @Test
    void masksKnownSecretValuesWhereverTheyAppear() {
        ErrorPrinter printer = new ErrorPrinter(false, out.stream(), err.stream(),
                List.of("hunter22", "ab"));
        // Values too short to be secrets would mask ordinary words, so they are left alone.
        assertEquals("token **** rejected at ab", printer.redact("token hunter22 rejected at ab"));
    }

    @Test
    void usesTheFirstNonBlankLineOfTheMessage() {
        assertEquals("ERROR [HY000] second",
                ErrorPrinter.line(new java.sql.SQLException("\n  second  \nthird", "HY000")));
    }
}
