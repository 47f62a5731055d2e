package io.exchangejdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The version named in messages is the version Maven builds. */
class DriverVersionTest {

    @Test
    void driverVersionIsTheProjectVersionWithoutSnapshot() throws IOException {
        // Maven runs the tests of the driver module with that module as working directory.
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(pom);
        assertTrue(parent.find(), "no parent version in driver/pom.xml");
        assertEquals(parent.group(1).replace("-SNAPSHOT", ""), ExchangeConfig.DRIVER_VERSION,
                "update ExchangeConfig.DRIVER_VERSION to the version of the pom");
    }
}
