package org.desist.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import freemarker.template.Configuration;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.DropwizardResourceConfig;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import io.dropwizard.util.Duration;
import io.dropwizard.views.common.ViewMessageBodyWriter;
import io.dropwizard.views.freemarker.FreemarkerViewRenderer;
import jakarta.servlet.DispatcherType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.desist.access.AccessFeature;
import org.desist.access.CallerFilter;
import org.desist.audit.AuditLog;
import org.desist.auth.User;
import org.desist.http.BodyLimit;
import org.desist.http.ClientAddresses;
import org.desist.http.RequestIds;
import org.desist.http.StaticFiles;
import org.desist.secondfactor.SecondFactors;
import org.desist.signin.Assurance;
import org.desist.signin.Authentication;
import org.desist.user.StaffAccounts;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jdbi.v3.core.Jdbi;

/**
 * The screens: server-rendered pages for everyone who does not use the API, served by a Jersey of their own
 * at / beside the API's at /api. They share the API's services, its access check ({@link AccessFeature} with
 * {@link org.desist.access.Requires} on every page method) and its audit; they differ in how a browser signs in
 * (a session cookie, {@link SessionSignInFilter}), in their defence against forged forms
 * ({@link FormTokenFilter}) and in answering failures as pages ({@link PageErrorMapper}).
 */
public final class Screens {
    /** GOV.UK Frontend's compiled files, from its webjar: its styles and scripts, nothing of the GOV.UK brand. */
    static final String GOVUK_ASSETS = "/assets/govuk";

    static final String OWN_ASSETS = "/assets/desist";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Screens.class);
    private static final java.time.Duration SWEEP_EVERY = java.time.Duration.ofMinutes(5);

    private final DropwizardResourceConfig pages;
    private final FormBinding forms;
    private final BrowserSessions sessions;
    private final SessionRenewal renewal;
    private final SessionCookie cookie;
    private final SignInResource signIn;

    private Screens(
            DropwizardResourceConfig pages,
            FormBinding forms,
            BrowserSessions sessions,
            SessionRenewal renewal,
            SessionCookie cookie,
            SignInResource signIn) {
        this.pages = pages;
        this.forms = forms;
        this.sessions = sessions;
        this.renewal = renewal;
        this.cookie = cookie;
        this.signIn = signIn;
    }

    /** How browser sessions behave: {@code web:} in config.yml. */
    public static class Settings {
        private Duration idleTimeout = Duration.minutes(30);
        private Duration absoluteTimeout = Duration.hours(10);
        private boolean behindTlsProxy = false;

        @JsonProperty
        public Duration getIdleTimeout() {
            return idleTimeout;
        }

        @JsonProperty
        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        @JsonProperty
        public Duration getAbsoluteTimeout() {
            return absoluteTimeout;
        }

        @JsonProperty
        public void setAbsoluteTimeout(Duration absoluteTimeout) {
            this.absoluteTimeout = absoluteTimeout;
        }

        /** True when a TLS proxy is in front: the cookie is then Secure, with the __Host- prefix. */
        @JsonProperty
        public boolean isBehindTlsProxy() {
            return behindTlsProxy;
        }

        @JsonProperty
        public void setBehindTlsProxy(boolean behindTlsProxy) {
            this.behindTlsProxy = behindTlsProxy;
        }
    }

    public static Screens install(
            io.dropwizard.core.Configuration configuration,
            Environment environment,
            Settings settings,
            Jdbi jdbi,
            Clock clock,
            AuditLog audit,
            Authentication authentication,
            StaffAccounts.Services accounts,
            List<String> trustedProxies) {
        BrowserSessions sessions = new BrowserSessions(
                jdbi,
                clock,
                settings.getIdleTimeout().toJavaDuration(),
                settings.getAbsoluteTimeout().toJavaDuration());
        SessionCookie cookie = new SessionCookie(settings.isBehindTlsProxy());
        SessionRenewal renewal = new SessionRenewal(sessions, cookie);
        SecondFactors secondFactors = accounts.secondFactors();
        sweepEndedSessions(environment, sessions);
        FreemarkerViewRenderer templates = new FreemarkerViewRenderer(Configuration.VERSION_2_3_34);
        templates.configure(Map.of(
                "template_exception_handler", "rethrow",
                "new_builtin_class_resolver", "safer",
                "api_builtin_enabled", "false",
                "url_escaping_charset", "UTF-8",
                "log_template_exceptions", "false"));

        DropwizardResourceConfig pages = new DropwizardResourceConfig(environment.metrics());
        pages.register(new ViewMessageBodyWriter(environment.metrics(), List.of(templates)));
        pages.register(new RequestIds());
        pages.register(new ClientAddresses(trustedProxies));
        pages.register(new BodyLimit());
        pages.register(new PageHeaders());
        pages.register(new CallerFilter());
        pages.register(new CallerFilter.Binder());
        pages.register(new AccessFeature(
                audit,
                new SessionSignInFilter(sessions, cookie, jdbi, secondFactors),
                clock,
                secondFactors,
                request -> Assurance.of(request) == Assurance.TWO_FACTORS));
        pages.register(new FormTokenFilter());
        pages.register(new PageErrorMapper(cookie));
        SignInResource signIn = new SignInResource(authentication.passwords(), sessions, cookie, secondFactors);
        pages.register(signIn);
        pages.register(new SignInCodePage(secondFactors, renewal));
        // the home page is registered by the application, which gives it the caseload (issue 17)
        pages.register(new PasswordPage(accounts.own(), renewal, secondFactors));
        pages.register(new EmailPage(accounts.own())); // issue 17
        pages.register(new SessionsPage(accounts.sessions(), cookie, accounts.own(), secondFactors));
        SetupLink setup = new SetupLink(jdbi, clock, accounts.accounts());
        pages.register(new SetupResource(setup, sessions, cookie));
        environment.lifecycle().addServerLifecycleListener(new ServerLifecycleListener() {
            @Override
            public void serverStarted(org.eclipse.jetty.server.Server server) {
                setup.offerIfNoAccounts(getLocalPort(server));
            }
        });
        environment
                .servlets()
                .addServlet("screens", new ServletContainer(pages))
                .addMapping("/*");

        new AssetsBundle(
                        "/META-INF/resources/webjars/govuk-frontend/"
                                + StaticFiles.webjarVersion("org.webjars.npm", "govuk-frontend") + "/dist/govuk",
                        GOVUK_ASSETS,
                        null,
                        "govuk-frontend")
                .run(configuration, environment);
        new AssetsBundle("/pages/assets", OWN_ASSETS, null, "desist-assets").run(configuration, environment);
        environment
                .servlets()
                .addFilter(
                        "asset-headers",
                        // GOV.UK Frontend's styles and script; not its fonts or crown, which belong to GOV.UK
                        new StaticFiles(
                                PageHeaders.CONTENT_SECURITY_POLICY,
                                GOVUK_ASSETS,
                                Set.of("/govuk-frontend.min.css", "/govuk-frontend.min.js")))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/assets/*");
        return new Screens(
                pages,
                new FormBinding(environment.getObjectMapper(), environment.getValidator()),
                sessions,
                renewal,
                cookie,
                signIn);
    }

    /**
     * Ended sessions are refused whenever they are shown, but their rows would stay: every instance deletes them
     * every few minutes (a DELETE that any instance may run; two at once delete nothing twice).
     */
    private static void sweepEndedSessions(Environment environment, BrowserSessions sessions) {
        environment
                .lifecycle()
                .scheduledExecutorService("browser-session-sweep")
                .threads(1)
                .build()
                .scheduleWithFixedDelay(
                        () -> {
                            try {
                                sessions.sweep();
                            } catch (RuntimeException e) {
                                LOG.warn(
                                        "Could not remove ended browser sessions: {}",
                                        e.getClass().getSimpleName());
                            }
                        },
                        SWEEP_EVERY.toMinutes(),
                        SWEEP_EVERY.toMinutes(),
                        TimeUnit.MINUTES);
    }

    /** Adds a feature's pages (a resource class whose methods each carry {@code @Requires}). */
    public void register(Object pageResource) {
        pages.register(pageResource);
    }

    /** Reads a submitted form as the API reads the same request's JSON body. */
    public FormBinding forms() {
        return forms;
    }

    public BrowserSessions sessions() {
        return sessions;
    }

    /** Replaces a browser's session by a new one, for pages that make it stronger. */
    public SessionRenewal renewal() {
        return renewal;
    }

    /** The sign-in page offers the organisation's identity provider too, on a button with this text. */
    public void offerIdentityProvider(String buttonText) {
        signIn.offerIdentityProvider(buttonText);
    }

    /**
     * Signs in a browser that proved who it is another way (the organisation's identity provider): any session
     * it held ends, and a new one starts. The cookie to set; empty if the account is disabled.
     */
    public Optional<NewCookie> startSession(ContainerRequestContext request, String username, boolean twoFactors) {
        sessions.end(cookie.read(request));
        return sessions.start(username, twoFactors, ClientAddresses.of(request))
                .map(session -> cookie.issue(request, session));
    }

    /** Whether the browser reached the service over TLS (its own, or a TLS proxy's): its cookies are then Secure. */
    public boolean secure(ContainerRequestContext request) {
        return cookie.secure(request);
    }

    /** A page of this service to go to after signing in: {@code next} if it is one, else the start page. */
    public static String returnTo(String next) {
        return SignInResource.returnTo(next);
    }

    /** The viewer of the page being answered: the signed-in user and their forms' token, or nobody. */
    public static Viewer viewer(ContainerRequestContext request) {
        Object principal = request.getSecurityContext() == null
                ? null
                : request.getSecurityContext().getUserPrincipal();
        return SessionSignInFilter.of(request)
                .filter(session -> principal instanceof User)
                .map(session ->
                        new Viewer((User) principal, session.csrfToken(), SessionSignInFilter.secondStepDue(request)))
                .orElse(Viewer.ANONYMOUS);
    }

    /** After a form that changed something: GET the page that shows it (POST, redirect, GET). */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
