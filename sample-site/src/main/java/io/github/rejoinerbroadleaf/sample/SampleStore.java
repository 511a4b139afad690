package io.github.rejoinerbroadleaf.sample;

import org.broadleafcommerce.common.web.extensibility.MergeContextLoaderListener;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.resource.Resource;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.web.context.request.RequestContextListener;
import org.springframework.web.filter.CharacterEncodingFilter;
import org.springframework.web.filter.DelegatingFilterProxy;
import org.springframework.web.servlet.DispatcherServlet;

import javax.servlet.DispatcherType;
import java.util.EnumSet;

/**
 * Starts the sample store: Broadleaf 3.1 on embedded Jetty 9.4 with an embedded HSQLDB.
 * This class stands in for the web.xml a Broadleaf site would have; everything Rejoiner-specific
 * comes from the module's own patch file, listed in {@link #PATCH_CONFIG_LOCATIONS} like any other.
 */
public final class SampleStore {

    /** Root-context patch files, merged over Broadleaf's own contexts in this order. */
    static final String PATCH_CONFIG_LOCATIONS = String.join("\n",
            "classpath:/bl-open-admin-contentClient-applicationContext.xml",
            "classpath:/bl-cms-contentClient-applicationContext.xml",
            "classpath*:bl-rejoiner-applicationContext.xml",
            "classpath:/sample-applicationContext.xml");

    private final Server server;

    private SampleStore(Server server) {
        this.server = server;
    }

    public static void main(String[] args) {
        SampleStore store = null;
        try {
            store = start(SampleSettings.port());
            System.out.println("Sample store is up at " + store.baseUrl());
            store.server.join();
        } catch (Throwable e) {
            System.err.println("The sample store could not start: " + rootMessage(e));
            e.printStackTrace();
            // A failed Spring start can leave non-daemon threads (ehcache, HSQLDB) behind.
            System.exit(1);
        }
    }

    /** Starts the store on the given port (0 picks a free one) and returns once it serves requests. */
    public static SampleStore start(int port) throws Exception {
        SampleSettings.applyDefaults();
        Server server = new Server(port);
        server.setStopAtShutdown(true);
        server.setStopTimeout(5000);
        server.setHandler(storefrontContext());
        server.setErrorHandler(new PlainErrorPage());
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new SampleStore(server);
    }

    private static ServletContextHandler storefrontContext() {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.setBaseResource(Resource.newClassPathResource("/webapp"));
        context.setErrorHandler(new PlainErrorPage());
        context.getSessionHandler().setSessionCookie("STORESESSIONID");
        context.setInitParameter("patchConfigLocation", PATCH_CONFIG_LOCATIONS);

        context.addEventListener(new RequestContextListener());
        context.addEventListener(new MergeContextLoaderListener());
        context.addEventListener(new HttpSessionEventPublisher());

        FilterHolder encoding = new FilterHolder(new CharacterEncodingFilter());
        encoding.setInitParameter("encoding", "UTF-8");
        encoding.setInitParameter("forceEncoding", "true");
        context.addFilter(encoding, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new DelegatingFilterProxy("springSecurityFilterChain")),
                "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));

        ServletHolder dispatcher = new ServletHolder("storefront", new DispatcherServlet());
        dispatcher.setInitParameter("contextConfigLocation",
                "classpath:/applicationContext-servlet-cms-contentClient.xml\nclasspath:/sample-servlet.xml");
        dispatcher.setInitOrder(1);
        context.addServlet(dispatcher, "/");
        return context;
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port() + "/";
    }

    public void stop() throws Exception {
        server.stop();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
