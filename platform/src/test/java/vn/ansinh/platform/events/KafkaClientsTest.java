package vn.ansinh.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;
import vn.ansinh.platform.testing.RealInfrastructure;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KafkaClientsTest {

    @Inject
    KafkaClients kafka;

    /**
     * Kafka's clients take lz4-java's fastest implementation, which under Quarkus's class loader
     * was its pure-Java one unless the native one had been loaded before: the clients load it.
     */
    @Test
    void eventsAreCompressedAndDecompressedByTheNativeLz4() {
        kafka.producer("lz4-check").close();

        assertEquals("LZ4Factory:JNI", LZ4Factory.fastestInstance().toString());
        assertEquals("XXHashFactory:JNI", XXHashFactory.fastestInstance().toString());
    }
}
