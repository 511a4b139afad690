package io.github.rejoinerbroadleaf.sample;

import io.github.rejoinerbroadleaf.broadleaf.restore.CartRestoreService;
import io.github.rejoinerbroadleaf.broadleaf.restore.OrderSummaryLinks;
import io.github.rejoinerbroadleaf.broadleaf.restore.RestoreLinkRequestFilter;
import io.github.rejoinerbroadleaf.broadleaf.tracking.AjaxCallsController;
import io.github.rejoinerbroadleaf.sandbox.RejoinerSandbox;
import io.github.rejoinerbroadleaf.sandbox.SandboxServlet;
import org.broadleafcommerce.common.web.extensibility.MergeContextLoaderListener;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.resource.Resource;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextListener;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.context.support.XmlWebApplicationContext;
import org.springframework.web.filter.CharacterEncodingFilter;
import org.springframework.web.filter.DelegatingFilterProxy;
import org.springframework.web.servlet.DispatcherServlet;

import javax.servlet.DispatcherType;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;
import java.net.InetSocketAddress;
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
            "classpath:/bl-open-admin-contentCreator-applicationContext.xml",
            "classpath:/bl-admin-applicationContext.xml",
            "classpath:/bl-cms-contentClient-applicationContext.xml",
            "classpath:/bl-cms-contentCreator-applicationContext.xml",
            "classpath*:bl-rejoiner-applicationContext.xml",
            "classpath:/sample-applicationContext.xml");

    /** The store's own base URL, set at start; sandbox mode (sample-applicationContext.xml) reads it. */
    static final String BASE_URL_PROPERTY = "sample.base.url";

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
        return start(port, new String[0]);
    }

    /**
     * As {@link #start(int)}, with more root-context patch files merged after the store's own (e.g. the
     * benchmark suite's measurement listener).
     */
    public static SampleStore start(int port, String... extraPatchLocations) throws Exception {
        SampleSettings.applyDefaults();
        // Loopback only unless HOST / -Dserver.host says otherwise: the sample has demo logins and a sandbox.
        Server server = new Server(new InetSocketAddress(SampleSettings.host(), port));
        server.setStopAtShutdown(true);
        server.setStopTimeout(5000);
        ServletContextHandler storefront = storefrontContext(extraPatchLocations);
        server.setHandler(withSandbox(withAdmin(storefront), storefront));
        server.setErrorHandler(new PlainErrorPage());
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        try {
            // Bind before Spring starts: sandbox mode's settings need the real port (0 picks one).
            connector.open();
            System.setProperty(BASE_URL_PROPERTY, "http://" + SampleSettings.urlHost() + ":" + connector.getLocalPort());
            server.start();
        } catch (Exception e) {
            server.stop();
            connector.close();
            throw e;
        }
        return new SampleStore(server);
    }

    private static ServletContextHandler storefrontContext(String... extraPatchLocations) {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.setBaseResource(Resource.newClassPathResource("/webapp"));
        context.setErrorHandler(new PlainErrorPage());
        context.getSessionHandler().setSessionCookie("STORESESSIONID");
        StringBuilder patches = new StringBuilder(PATCH_CONFIG_LOCATIONS);
        for (String extra : extraPatchLocations) {
            patches.append('\n').append(extra);
        }
        context.setInitParameter("patchConfigLocation", patches.toString());

        context.addEventListener(new RequestContextListener());
        context.addEventListener(new MergeContextLoaderListener());
        context.addEventListener(new HttpSessionEventPublisher());

        FilterHolder encoding = new FilterHolder(new CharacterEncodingFilter());
        encoding.setInitParameter("encoding", "UTF-8");
        encoding.setInitParameter("forceEncoding", "true");
        context.addFilter(encoding, "/*", EnumSet.of(DispatcherType.REQUEST));
        // Scanners' HEADs and browser prefetches of restore links are answered before anything makes a session.
        FilterHolder linkFilter = new FilterHolder(new RestoreLinkRequestFilter());
        context.addFilter(linkFilter, CartRestoreService.PATH, EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(linkFilter, OrderSummaryLinks.PATH, EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(linkFilter, AjaxCallsController.PATH, EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new DelegatingFilterProxy("springSecurityFilterChain")),
                "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));

        ServletHolder dispatcher = new ServletHolder("storefront", new DispatcherServlet());
        dispatcher.setInitParameter("contextConfigLocation",
                "classpath:/applicationContext-servlet-cms-contentClient.xml\nclasspath*:bl-rejoiner-servlet.xml\nclasspath:/sample-servlet.xml");
        dispatcher.setInitOrder(1);
        context.addServlet(dispatcher, "/");
        return context;
    }

    /** Admin DispatcherServlet files: Broadleaf's, the sample's, then the module's Rejoiner screens. */
    static final String ADMIN_SERVLET_CONFIG_LOCATIONS = String.join("\n",
            "classpath:/applicationContext-servlet-open-admin.xml",
            "classpath:/applicationContext-servlet-cms-contentCreator.xml",
            "classpath:/applicationContext-servlet-admin.xml",
            "classpath:/sample-admin-servlet.xml",
            "classpath:/bl-rejoiner-admin-servlet.xml");

    /**
     * The Broadleaf admin at /admin, next to the storefront: a second servlet context that shares the
     * storefront's root Spring context (started first) and adds its own security context
     * ({@code sample-admin-security.xml}) on top, so the two springSecurityFilterChains do not clash.
     */
    private static Handler withAdmin(ServletContextHandler storefront) {
        ServletContextHandler admin = new ServletContextHandler(ServletContextHandler.SESSIONS);
        admin.setContextPath("/admin");
        admin.setErrorHandler(new PlainErrorPage());
        admin.getSessionHandler().setSessionCookie("ADMINSESSIONID");
        admin.addEventListener(new RequestContextListener());
        admin.addEventListener(new HttpSessionEventPublisher());
        admin.addEventListener(new ServletContextListener() {
            private XmlWebApplicationContext security;

            @Override
            public void contextInitialized(ServletContextEvent event) {
                security = new XmlWebApplicationContext();
                security.setParent(WebApplicationContextUtils.getRequiredWebApplicationContext(storefront.getServletContext()));
                security.setServletContext(event.getServletContext());
                security.setConfigLocation("classpath:/sample-admin-security.xml");
                security.refresh();
                event.getServletContext().setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, security);
            }

            @Override
            public void contextDestroyed(ServletContextEvent event) {
                if (security != null) {
                    security.close();
                }
            }
        });

        FilterHolder encoding = new FilterHolder(new CharacterEncodingFilter());
        encoding.setInitParameter("encoding", "UTF-8");
        encoding.setInitParameter("forceEncoding", "true");
        EnumSet<DispatcherType> requests = EnumSet.of(DispatcherType.REQUEST);
        admin.addFilter(encoding, "/*", requests);
        admin.addFilter(new FilterHolder(new DelegatingFilterProxy("openEntityManagerInViewFilter")), "/*", requests);
        admin.addFilter(new FilterHolder(new DelegatingFilterProxy("springSecurityFilterChain")), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        admin.addFilter(new FilterHolder(new DelegatingFilterProxy("blAdminRequestFilter")), "/*", requests);

        ServletHolder dispatcher = new ServletHolder("admin", new DispatcherServlet());
        dispatcher.setInitParameter("contextConfigLocation", ADMIN_SERVLET_CONFIG_LOCATIONS);
        dispatcher.setInitOrder(1);
        admin.addServlet(dispatcher, "/");

        ContextHandlerCollection contexts = new ContextHandlerCollection();
        contexts.setHandlers(new Handler[] {storefront, admin});
        return contexts;
    }

    /**
     * The Rejoiner sandbox at /rejoiner-sandbox, in its own context so that none of Broadleaf's filters
     * apply. The store uses it while no Rejoiner keys are configured (see docs/sandbox.md); with real
     * keys it answers 404.
     */
    private static Handler withSandbox(Handler store, ServletContextHandler storefront) {
        ServletContextHandler sandbox = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        sandbox.setContextPath(RejoinerSandbox.DEFAULT_PATH);
        sandbox.setErrorHandler(new PlainErrorPage());
        sandbox.addFilter(new FilterHolder(new SandboxModeGate(storefront)), "/*", EnumSet.of(DispatcherType.REQUEST));
        sandbox.addServlet(new ServletHolder("rejoiner-sandbox", new SandboxServlet(new RejoinerSandbox())), "/*");
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        contexts.setHandlers(new Handler[] {store, sandbox});
        return contexts;
    }

    public int port() {
        return connector().getLocalPort();
    }

    /** The HTTP connector, e.g. for a benchmark's request listener ({@code connector().addBean(...)}). */
    public ServerConnector connector() {
        return (ServerConnector) server.getConnectors()[0];
    }

    public String baseUrl() {
        return "http://" + SampleSettings.urlHost() + ":" + port() + "/";
    }

    /** A bean of the storefront's root Spring context (Broadleaf's and the module's beans), e.g. for tests. */
    public <T> T bean(String name, Class<T> type) {
        for (Handler handler : server.getChildHandlersByClass(ServletContextHandler.class)) {
            ServletContextHandler context = (ServletContextHandler) handler;
            if ("/".equals(context.getContextPath())) {
                return WebApplicationContextUtils.getRequiredWebApplicationContext(context.getServletContext())
                        .getBean(name, type);
            }
        }
        throw new IllegalStateException("no storefront context");
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
