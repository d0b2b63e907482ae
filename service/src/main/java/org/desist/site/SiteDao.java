package org.desist.site;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Site.class)
public interface SiteDao {

    @SqlUpdate("INSERT INTO site (code, name, model, created_at) VALUES (:code, :name, :model, :createdAt)")
    void insert(@BindMethods Site site);

    @SqlQuery("SELECT code, name, model, created_at FROM site WHERE code = :code")
    Optional<Site> find(@Bind("code") String code);

    @SqlQuery("SELECT code, name, model, created_at FROM site ORDER BY code LIMIT :limit OFFSET :offset")
    List<Site> list(@Bind("limit") int limit, @Bind("offset") int offset);
}
