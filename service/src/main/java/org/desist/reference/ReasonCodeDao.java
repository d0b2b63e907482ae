package org.desist.reference;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(ReasonCode.class)
public interface ReasonCodeDao {
    @SqlQuery("SELECT code, category, reason, label FROM reason_code ORDER BY category, reason")
    List<ReasonCode> all();

    @SqlQuery("SELECT code, category, reason, label FROM reason_code WHERE code = :code")
    Optional<ReasonCode> find(@Bind("code") String code);
}
