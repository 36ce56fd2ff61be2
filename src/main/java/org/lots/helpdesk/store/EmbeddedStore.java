package org.lots.helpdesk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lots.helpdesk.system.HelpdeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The default store: an in-process MongoDB wire-protocol server on loopback, backed by one H2 MVStore file under
 * {@code helpdesk.data-dir}. The application talks to it through the ordinary MongoDB driver, exactly as it talks
 * to a real MongoDB in production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "helpdesk.store", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedStore {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);
    public static final String DATABASE = "helpdesk";

    /** Netty worker threads: a write waits on its thread for the group commit, so give every connection its own. */
    private static final int WORKER_THREADS = 16;

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(HelpdeskProperties properties, @Value("${helpdesk.embedded.port:0}") int port) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("helpdesk.embedded.port must be 0-65535, not " + port);
        Path dir = Path.of(properties.dataDir());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir.toAbsolutePath(), e);
        }
        Path file = dir.resolve("helpdesk.mv");
        MongoServer server = server(file);
        // Loopback only: another instance on this machine (or a tool) may use it, nobody from outside.
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded store at {} (port {})", file.toAbsolutePath(), address.getPort());
        return server;
    }

    /** A server over the store file (not yet bound); also what the operator's CLI commands open. */
    public static MongoServer server(Path file) {
        CommittingH2Backend backend = new CommittingH2Backend(file.toString());
        return new MongoServer(backend) {
            @Override
            public void shutdown() {
                long[] c = backend.counts();
                log.info("Embedded store: {} writes acknowledged after {} commits", c[0], c[1]);
                super.shutdown();
            }
        };
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
        ConnectionString cs = new ConnectionString(embeddedMongoServer.getConnectionString() + "/" + DATABASE);
        return () -> cs;
    }
}
