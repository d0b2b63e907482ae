package org.desist.attention.sweep;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.desist.attention.AttentionSettings;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every instance tries to sweep every {@code attention.sweepEvery}; ShedLock's row in {@code shedlock} lets one
 * at a time through. The lock is held at least four fifths of a period, so however many instances there are the
 * rules are swept about once a period, not once per instance; and at most ten periods (at least ten minutes), so
 * an instance that dies sweeping holds nobody up for long. The first try comes one period after start.
 */
public final class SweepSchedule implements Managed {
    static final String LOCK = "attention-sweep";
    private static final Logger LOG = LoggerFactory.getLogger(SweepSchedule.class);
    private static final int RUNS_KEPT = 100;

    private final Sweep sweep;
    private final Clock clock;
    private final LockingTaskExecutor locking;
    private final Duration every;
    private final ScheduledExecutorService executor;
    private final AtomicLong attempts = new AtomicLong();
    private final Deque<Run> runs = new ArrayDeque<>();

    /** One sweep this instance ran, from after it took the lock to before it let it go. */
    public record Run(Instant began, Instant ended) {}

    SweepSchedule(Sweep sweep, Clock clock, Jdbi jdbi, Duration every, ScheduledExecutorService executor) {
        this.sweep = sweep;
        this.clock = clock;
        this.locking = new DefaultLockingTaskExecutor(new JdbiLockProvider(jdbi));
        this.every = every;
        this.executor = executor;
    }

    /** Schedules the sweep on this instance, stopped with the service. */
    public static SweepSchedule install(Environment environment, Jdbi jdbi, Clock clock, AttentionSettings settings) {
        ScheduledExecutorService executor = environment
                .lifecycle()
                .scheduledExecutorService("attention-sweep")
                .threads(1)
                .build();
        SweepSchedule schedule = new SweepSchedule(
                new Sweep(jdbi, clock, new HashSet<>(settings.getHolidays())),
                clock,
                jdbi,
                settings.getSweepEvery().toJavaDuration(),
                executor);
        environment.lifecycle().manage(schedule);
        return schedule;
    }

    @Override
    public void start() {
        executor.scheduleWithFixedDelay(this::tryToSweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        executor.shutdownNow(); // the lifecycle stops it too; a sweep cut short is finished by the next
    }

    /** One turn: sweep if no other instance holds the lock, else skip until the next. Never throws. */
    void tryToSweep() {
        attempts.incrementAndGet();
        Duration atLeast = every.multipliedBy(4).dividedBy(5);
        Duration atMost = every.multipliedBy(10).compareTo(Duration.ofMinutes(10)) < 0
                ? Duration.ofMinutes(10)
                : every.multipliedBy(10);
        try {
            locking.executeWithLock(
                    (Runnable) this::sweepHoldingTheLock,
                    new LockConfiguration(clock.instant(), LOCK, atMost, atLeast));
        } catch (RuntimeException e) {
            // class only: a message from the database could quote bound values
            LOG.warn(
                    "The attention sweep failed and will be tried again: {}",
                    e.getClass().getSimpleName());
        }
    }

    private void sweepHoldingTheLock() {
        Instant began = clock.instant();
        List<Sweep.Outcome> outcomes = sweep.run();
        Instant ended = clock.instant();
        synchronized (runs) {
            if (runs.size() == RUNS_KEPT) {
                runs.removeFirst();
            }
            runs.addLast(new Run(began, ended));
        }
        outcomes.stream()
                .filter(Sweep.Outcome::changedAnything)
                .forEach(outcome -> LOG.info(
                        "Attention sweep, {}: raised {}, pointed anew {}, cleared {}",
                        outcome.rule(),
                        outcome.raised(),
                        outcome.pointedAnew(),
                        outcome.cleared()));
    }

    /** How many turns this instance has had, swept or skipped. */
    public long attempts() {
        return attempts.get();
    }

    /** The last hundred sweeps this instance ran. */
    public List<Run> runs() {
        synchronized (runs) {
            return List.copyOf(runs);
        }
    }
}
