package org.desist.reference;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(ScreeningQuestion.class)
public interface ScreeningQuestionDao {
    @SqlQuery("SELECT instrument, key, wording FROM screening_question ORDER BY instrument, position")
    List<ScreeningQuestion> all();
}
