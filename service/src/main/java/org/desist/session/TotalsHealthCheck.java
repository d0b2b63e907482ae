package org.desist.session;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.annotation.Async;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * The running attendance totals against a recount ({@link TotalsVerification}). The recount reads every
 * session (about 2.5 million at 50,000 participants), so it runs in the background every quarter of an
 * hour, first a minute after start, and /healthcheck answers with the last result instead of recounting
 * on each probe. Unhealthy names the first mismatches; {@code verify-totals} lists them all.
 */
@Async(period = 15, initialDelay = 1, unit = TimeUnit.MINUTES, scheduleType = Async.ScheduleType.FIXED_DELAY)
public class TotalsHealthCheck extends HealthCheck {
    static final int NAMED = 5;
    private final Jdbi jdbi;

    public TotalsHealthCheck(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    protected Result check() {
        List<TotalsVerification.Mismatch> mismatches = TotalsVerification.check(jdbi);
        if (mismatches.isEmpty()) {
            return Result.healthy("The attendance totals equal a recount of the sessions");
        }
        return Result.unhealthy(mismatches.size() + " rows of attendance totals differ from a recount (run"
                + " verify-totals for all of them): "
                + String.join(
                        "; ",
                        mismatches.stream().limit(NAMED).map(Object::toString).toList()));
    }
}
