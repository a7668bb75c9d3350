package io.switchboard.runtime.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * Starts the real Kafka broker (and, with init argument {@code postgres=true}, PostgreSQL) for a module's
 * {@code @QuarkusTest}s: containers where a Docker engine is reachable, otherwise Kafka's own KRaft broker
 * in-JVM and embedded PostgreSQL binaries. Tests get the running {@link TestInfrastructure} through a field
 * annotated {@link InjectInfrastructure}. Use it with {@code scope = TestResourceScope.GLOBAL} so a module
 * starts it once.
 */
public class SwitchboardTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(SwitchboardTestResource.class);

    private boolean withPostgres;
    private String database;
    private TestInfrastructure infrastructure;

    @Override
    public void init(Map<String, String> initArgs) {
        withPostgres = Boolean.parseBoolean(initArgs.getOrDefault("postgres", "false"));
        database = initArgs.getOrDefault("database", "switchboard");
    }

    @Override
    public Map<String, String> start() {
        infrastructure = ContainerInfrastructure.dockerReachable()
                ? new ContainerInfrastructure(withPostgres, database)
                : EmbeddedInfrastructure.underTarget(withPostgres, database);
        LOG.infof("Test infrastructure: %s", infrastructure.description());
        return infrastructure.quarkusConfig();
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(infrastructure,
                new TestInjector.AnnotatedAndMatchesType(InjectInfrastructure.class, TestInfrastructure.class));
    }

    @Override
    public void stop() {
        if (infrastructure != null) {
            infrastructure.close();
        }
    }
}
