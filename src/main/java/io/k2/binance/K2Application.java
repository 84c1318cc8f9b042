package io.k2.binance;

import org.apache.camel.main.Main;

/**
 * Entry point of the ingestion app: camel-main with the YAML routes under {@code routes/} and the
 * settings in {@code application.properties}.
 */
public final class K2Application {

    private K2Application() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(K2Application.class);
        System.exit(main.run(args));
    }
}
