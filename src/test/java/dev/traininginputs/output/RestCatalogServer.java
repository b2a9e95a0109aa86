package dev.traininginputs.output;

import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * An Iceberg REST catalog for tests, in this JVM: Iceberg's own servlet (from its core test jar) in
 * Jetty on a free port, over a JDBC catalog in an in-memory SQLite database whose tables live under
 * {@code warehouse}. {@link #close} stops it.
 */
public final class RestCatalogServer implements AutoCloseable {
  private final Server server;
  private final JdbcCatalog backend;

  private RestCatalogServer(Server server, JdbcCatalog backend) {
    this.server = server;
    this.backend = backend;
  }

  /**
   * Starts the server; the catalog's files go through {@code ioImpl} (Iceberg's {@code io-impl}).
   */
  public static RestCatalogServer start(String warehouse, String ioImpl) throws Exception {
    JdbcCatalog backend = new JdbcCatalog();
    backend.initialize(
        "rest_backend",
        Map.of(
            CatalogProperties.URI,
            "jdbc:sqlite:file:rest_backend_" + System.nanoTime() + "?mode=memory&cache=shared",
            "jdbc.schema-version",
            "V1",
            CatalogProperties.WAREHOUSE_LOCATION,
            warehouse,
            CatalogProperties.FILE_IO_IMPL,
            ioImpl));
    Server server = new Server(0);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    context.addServlet(
        new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(backend))), "/*");
    server.setHandler(context);
    server.start();
    return new RestCatalogServer(server, backend);
  }

  /** {@code http://localhost:PORT}: the catalog's {@code uri}. */
  public String uri() {
    return "http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  @Override
  public void close() throws java.io.IOException {
    try {
      server.stop();
    } catch (Exception e) {
      throw new java.io.IOException("cannot stop the REST catalog at " + uri(), e);
    } finally {
      backend.close();
    }
  }
}
