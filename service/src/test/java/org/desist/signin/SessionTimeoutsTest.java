package org.desist.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.desist.config.DesistConfiguration;
import org.junit.jupiter.api.Test;

/**
 * ASVS V7.1.1: the timeouts are those docs/security.md justifies against NIST SP 800-63B AAL2 (30 minutes idle,
 * 12 hours at most), in config.yml and in the code's own defaults alike.
 */
class SessionTimeoutsTest {

    @Test
    void tokens_idle_out_after_30_minutes_by_default() throws IOException {
        assertThat(new DesistConfiguration().getTokenIdleTimeout().toMinutes()).isEqualTo(30);
        String config = Files.readString(Path.of("..", "config.yml"));
        assertThat(config)
                .contains("${DESIST_TOKEN_IDLE_TIMEOUT:-30 minutes}")
                .contains("${DESIST_TOKEN_LIFETIME:-8 hours}")
                .contains("${DESIST_WEB_IDLE_TIMEOUT:-30 minutes}")
                .contains("${DESIST_WEB_ABSOLUTE_TIMEOUT:-10 hours}");
        String security = Files.readString(Path.of("..", "docs", "security.md"));
        assertThat(security).contains("NIST SP 800-63B").contains("AAL2");
    }
}
