package oms.system;

/** The four services, with the port and database name the contract and the scripts give them. */
public enum Service {
    CUSTOMER("customer-service", 8081),
    INVENTORY("inventory-service", 8082),
    PAYMENT("payment-service", 8083),
    ORDER("order-service", 8080);

    private final String module;
    private final int contractPort;

    Service(String module, int contractPort) {
        this.module = module;
        this.contractPort = contractPort;
    }

    /** The Maven module and the service's name, e.g. {@code order-service}. */
    public String module() {
        return module;
    }

    /** The port in the contract, used by compose and scripts/start-local.sh. */
    public int contractPort() {
        return contractPort;
    }

    /** The database name used by compose and scripts/start-local.sh, e.g. {@code order_service}. */
    public String databaseName() {
        return module.replace('-', '_');
    }

    /** The fat jar {@code ./mvnw package} builds, relative to the repository root. */
    public String jarPath() {
        return module + "/target/" + module + "-0.1.0.jar";
    }
}
