package org.desist.db;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Dates and instants are stored as ISO-8601 text, identical on SQLite and PostgreSQL. Instants have a
 * fixed width (microseconds, 'Z') so that text order is time order.
 */
public final class IsoTimeColumns {
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private IsoTimeColumns() {}

    public static String format(Instant instant) {
        return INSTANT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    public static void register(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.VARCHAR) {
            @Override
            protected Argument build(LocalDate value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setString(position, value.toString());
            }
        });
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.VARCHAR) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setString(position, format(value));
            }
        });
        jdbi.registerColumnMapper(LocalDate.class, (rs, column, context) -> {
            String text = rs.getString(column);
            return text == null ? null : LocalDate.parse(text);
        });
        jdbi.registerColumnMapper(Instant.class, (rs, column, context) -> {
            String text = rs.getString(column);
            return text == null ? null : Instant.parse(text);
        });
    }
}
