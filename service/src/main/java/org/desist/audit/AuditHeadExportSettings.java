package org.desist.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;

/**
 * {@code auditHeadExport}: how often the audit chain's head is copied out of the database, and to which file.
 * Off while {@code every} is unset; without a file the line goes to the logger {@value AuditHeadExport#LOGGER}
 * alone (route it to syslog).
 */
public class AuditHeadExportSettings {
    private String file;
    private Duration every;

    @JsonProperty
    public String getFile() {
        return file == null || file.isBlank() ? null : file;
    }

    @JsonProperty
    public void setFile(String file) {
        this.file = file;
    }

    @JsonProperty
    public Duration getEvery() {
        return every;
    }

    @JsonProperty
    public void setEvery(Duration every) {
        this.every = every;
    }

    public boolean enabled() {
        return every != null && every.toMilliseconds() > 0;
    }
}
