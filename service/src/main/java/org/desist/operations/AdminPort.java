package org.desist.operations;

import io.dropwizard.core.setup.AdminEnvironment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;

/**
 * The admin port serves health, metrics and thread dumps to operators on the machine (config.yml binds it to
 * loopback). It runs no tasks: Dropwizard's log-level task takes no credentials and could raise Jetty to DEBUG,
 * where it prints request headers; the gc task is a denial of service on a shared host. Dropwizard registers both
 * and offers no way to remove them, so their address answers 404.
 */
public final class AdminPort {
    private AdminPort() {}

    public static void withoutTasks(AdminEnvironment admin) {
        admin.addFilter("no-tasks", new NoTasks())
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/tasks", "/tasks/*");
    }

    private static final class NoTasks implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(HttpServletResponse.SC_NOT_FOUND);
            http.setContentType("text/plain;charset=utf-8");
            http.getWriter().write("Not found\n");
        }
    }
}
