package org.desist.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed only as far as trusted proxies vouch for it, read from the right. */
class ClientAddressesTest {
    private final ClientAddresses none = new ClientAddresses(List.of());
    private final ClientAddresses proxies = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.1"));

    @Test
    void without_trusted_proxies_the_header_is_the_senders_word_and_ignored() {
        assertThat(none.resolve("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(proxies.resolve("203.0.113.9", List.of("198.51.100.1")))
                .as("from a peer nobody trusts")
                .isEqualTo("203.0.113.9");
    }

    @Test
    void the_first_address_from_the_right_that_no_trusted_proxy_owns_is_the_client() {
        assertThat(proxies.resolve("10.1.2.3", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
        // the client wrote a first hop of its own choosing; the proxies' hops end at its real address
        assertThat(proxies.resolve("10.1.2.3", List.of("1.1.1.1, 198.51.100.7, 192.0.2.1")))
                .isEqualTo("198.51.100.7");
        assertThat(proxies.resolve("10.1.2.3", List.of("1.1.1.1", "198.51.100.7")))
                .as("several header lines")
                .isEqualTo("198.51.100.7");
        assertThat(proxies.resolve("10.1.2.3", List.of("[2001:db8::7]:4711"))).isEqualTo("2001:db8::7");
        assertThat(proxies.resolve("10.1.2.3", List.of("198.51.100.7:4711"))).isEqualTo("198.51.100.7");
    }

    @Test
    void a_hop_that_is_not_an_address_stops_the_walk_at_the_last_proxy() {
        assertThat(proxies.resolve("10.1.2.3", List.of("evil\r\nline, unknown")))
                .isEqualTo("10.1.2.3");
        assertThat(proxies.resolve("10.1.2.3", List.of("not-an-address, 10.9.9.9")))
                .isEqualTo("10.9.9.9");
    }

    @Test
    void only_literal_addresses_blocks_and_ranges_are_configured_never_host_names() {
        assertThat(new ClientAddresses(List.of("127.0.0.1", " ::1 ", "10.0.0.1-10.0.0.9", ""))
                        .resolve("10.0.0.5", List.of("198.51.100.7")))
                .isEqualTo("198.51.100.7");
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.example.org")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trustedProxies");
    }
}
