package org.desist.db;

import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Yes/no columns are INTEGER 0/1 on every database, so one SQL text (`WHERE is_open = 1`, CHECK
 * constraints, sums of answers) serves SQLite and PostgreSQL alike. SQLite stores booleans that way
 * already; PostgreSQL would refuse a boolean bound into an integer column, so Java booleans, boxed or not,
 * are bound as integers everywhere. Reading needs nothing: both drivers read 0/1 as false/true.
 */
final class FlagColumns implements ArgumentFactory.Preparable {
    private FlagColumns() {}

    static void register(Jdbi jdbi) {
        jdbi.registerArgument(new FlagColumns());
    }

    @Override
    public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
        if (type != Boolean.class && type != boolean.class) {
            return Optional.empty();
        }
        return Optional.of(value -> (position, statement, context) -> {
            if (value == null) {
                statement.setNull(position, Types.INTEGER);
            } else {
                statement.setInt(position, (Boolean) value ? 1 : 0);
            }
        });
    }
}
