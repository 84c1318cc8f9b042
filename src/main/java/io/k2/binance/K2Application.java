package io.k2.binance;

import java.nio.file.Files;
import java.nio.file.Path;

import io.k2.binance.config.K2Configuration;
import org.apache.camel.main.Main;

/**
 * Entry point of the ingestion app: camel-main with the YAML routes under {@code routes/} and the
 * settings in {@code application.properties}.
 *
 * <p>The files in the working directory (or in {@code $K2_HOME}) win over the copies packaged in the jar,
 * so an operator's edit takes effect on the next start without a rebuild.
 */
public final class K2Application {

    private K2Application() {
    }

    public static void main(String[] args) throws Exception {
        // No package scan: the one configuration class is named, so nothing else on the classpath (test
        // route builders, say) can sneak into the app.
        Main main = new Main();
        main.configure().addConfiguration(K2Configuration.class);
        Path home = Path.of(System.getProperty("k2.home", System.getenv().getOrDefault("K2_HOME", ".")));
        Path properties = home.resolve("application.properties");
        if (Files.isRegularFile(properties)) {
            main.setPropertyPlaceholderLocations("file:" + properties.toAbsolutePath());
        }
        Path routes = home.resolve("routes");
        if (Files.isDirectory(routes)) {
            main.addOverrideProperty("camel.main.routesIncludePattern", "file:" + routes.toAbsolutePath() + "/*.yaml");
        }
        int exit = main.run(args);
        System.exit(exit);
    }
}
