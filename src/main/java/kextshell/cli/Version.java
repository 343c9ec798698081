package kextshell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven packaged into the jar (its pom.properties); "dev" when run from classes. */
public final class Version {
    private static final String POM_PROPERTIES = "/META-INF/maven/dev.kextshell/kextshell/pom.properties";

    private Version() {
    }

    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
