package org.desist;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.jersey.errors.EarlyEofExceptionMapper;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.migrations.MigrationsBundle;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JasperReportsContext;
import org.desist.access.AccessFeature;
import org.desist.access.CallerFilter;
import org.desist.access.Visibility;
import org.desist.agenda.AgendaPages;
import org.desist.agenda.AgendaPdf;
import org.desist.agenda.ReviewAgendaResource;
import org.desist.agenda.ReviewAgendas;
import org.desist.assessment.Assessment;
import org.desist.assessment.AssessmentPages;
import org.desist.assessment.AssessmentResource;
import org.desist.assessment.Assessments;
import org.desist.assessment.NewAssessment;
import org.desist.attention.AlertInbox;
import org.desist.attention.AlertPages;
import org.desist.attention.AlertResource;
import org.desist.attention.atonce.AtOnceRules;
import org.desist.attention.sweep.SweepSchedule;
import org.desist.audit.AuditChain;
import org.desist.audit.AuditHeadExport;
import org.desist.audit.AuditHeadExportSettings;
import org.desist.audit.AuditKeys;
import org.desist.audit.AuditLog;
import org.desist.audit.AuditRole;
import org.desist.audit.ReadAuditWriter;
import org.desist.audit.trail.AuditPages;
import org.desist.audit.trail.AuditResource;
import org.desist.audit.trail.AuditTrail;
import org.desist.backup.BackupCommand;
import org.desist.backup.CopyDatabaseCommand;
import org.desist.breakglass.BreakGlass;
import org.desist.breakglass.BreakGlassPages;
import org.desist.breakglass.BreakGlassResource;
import org.desist.caserecord.CaseRecords;
import org.desist.caserecord.RecordKeeper;
import org.desist.caserecord.RecordPageKind;
import org.desist.caserecord.RecordPages;
import org.desist.cases.CaseFile;
import org.desist.cases.CasePages;
import org.desist.cli.AddUserCommand;
import org.desist.cli.AuditVerifyCommand;
import org.desist.cli.SeedCommand;
import org.desist.cli.ServeCommand;
import org.desist.cli.VerifyTotalsCommand;
import org.desist.cohort.CohortResource;
import org.desist.cohort.CohortService;
import org.desist.cohortreport.CohortFigures;
import org.desist.cohortreport.CohortReportPdf;
import org.desist.cohortreport.CohortReportResource;
import org.desist.cohortreport.FigureDocuments;
import org.desist.cohortreport.ProgrammeExport;
import org.desist.cohortreport.ProgrammeReportPdf;
import org.desist.cohortreport.ProgrammeResource;
import org.desist.cohortreport.Pseudonyms;
import org.desist.config.DesistConfiguration;
import org.desist.dashboard.ProgrammePages;
import org.desist.db.Databases;
import org.desist.db.Dialect;
import org.desist.db.Migrations;
import org.desist.desistance.DesistanceReview;
import org.desist.desistance.DesistanceReviewPages;
import org.desist.desistance.DesistanceReviewResource;
import org.desist.desistance.DesistanceReviews;
import org.desist.desistance.NewDesistanceReview;
import org.desist.disclosure.DisclosurePages;
import org.desist.disclosure.DisclosureResource;
import org.desist.disclosure.Disclosures;
import org.desist.enrolment.EnrolmentResource;
import org.desist.enrolment.EnrolmentService;
import org.desist.http.BodyLimit;
import org.desist.http.ClientAddresses;
import org.desist.http.ContentEncodings;
import org.desist.http.FourDigitYears;
import org.desist.http.HealthcheckServlet;
import org.desist.http.JsonProblemMapper;
import org.desist.http.JsonPropertyNames;
import org.desist.http.NoNulCharacters;
import org.desist.http.ParameterConverters;
import org.desist.http.ProblemAccept;
import org.desist.http.ProblemErrorHandler;
import org.desist.http.ProblemExceptionMapper;
import org.desist.http.RefusalMapper;
import org.desist.http.RequestIds;
import org.desist.http.RequestProblemMapper;
import org.desist.http.SecurityHeaders;
import org.desist.http.ServerErrorMapper;
import org.desist.http.TermsOutOfAddresses;
import org.desist.http.TrailingNewline;
import org.desist.http.WebProblemMapper;
import org.desist.http.openapi.ApiDescription;
import org.desist.http.openapi.ApiPage;
import org.desist.identityprovider.IdentityProvider;
import org.desist.incident.Incident;
import org.desist.incident.IncidentPages;
import org.desist.incident.IncidentResource;
import org.desist.incident.Incidents;
import org.desist.incident.NewIncident;
import org.desist.json.MergePatch;
import org.desist.legal.LegalMeasure;
import org.desist.legal.LegalMeasurePages;
import org.desist.legal.LegalMeasureResource;
import org.desist.legal.LegalMeasures;
import org.desist.legal.NewLegalMeasure;
import org.desist.onward.NewServiceReferral;
import org.desist.onward.ServiceReferral;
import org.desist.onward.ServiceReferralPages;
import org.desist.onward.ServiceReferralResource;
import org.desist.onward.ServiceReferrals;
import org.desist.operations.AdminPort;
import org.desist.operations.CredentialFreeLogs;
import org.desist.operations.TransportSecurity;
import org.desist.participant.ParticipantResource;
import org.desist.participant.ParticipantService;
import org.desist.participant.merge.ParticipantMerge;
import org.desist.participant.merge.ParticipantMergeResource;
import org.desist.pdf.PdfExport;
import org.desist.pdf.RenderRehearsal;
import org.desist.pdf.ReportTemplates;
import org.desist.progress.ProgressReport;
import org.desist.progress.ProgressResource;
import org.desist.quota.QuotaFeature;
import org.desist.quota.RequestQuotas;
import org.desist.quota.UnusualReading;
import org.desist.reference.ReferenceResource;
import org.desist.referral.ReferralPages;
import org.desist.referral.ReferralResource;
import org.desist.referral.ReferralService;
import org.desist.referral.ReviewPages;
import org.desist.restriction.RestrictionResource;
import org.desist.restriction.Restrictions;
import org.desist.retention.LegalHoldResource;
import org.desist.retention.RetentionDecisionResource;
import org.desist.retention.RetentionPages;
import org.desist.retention.RetentionService;
import org.desist.retention.ReviewQueueResource;
import org.desist.riskplan.NewPlanAction;
import org.desist.riskplan.PlanAction;
import org.desist.riskplan.PlanActionResource;
import org.desist.riskplan.PlanActions;
import org.desist.secondfactor.SecondFactorResource;
import org.desist.secondfactor.SecondFactors;
import org.desist.secondfactor.pages.SecondFactorPages;
import org.desist.session.Session;
import org.desist.session.SessionBody;
import org.desist.session.SessionPages;
import org.desist.session.SessionResource;
import org.desist.session.Sessions;
import org.desist.session.TotalsHealthCheck;
import org.desist.signin.Assurance;
import org.desist.signin.Authentication;
import org.desist.signin.PasswordHashingBusyMapper;
import org.desist.signin.Passwords;
import org.desist.signin.TokenCap;
import org.desist.signin.TokenResource;
import org.desist.signin.TokensOnlyInHeaders;
import org.desist.site.SiteResource;
import org.desist.site.SiteService;
import org.desist.subject.SubjectAccess;
import org.desist.subject.SubjectAccessResource;
import org.desist.summary.CaseSummaries;
import org.desist.summary.SummaryPdf;
import org.desist.summary.SummaryReportResource;
import org.desist.summary.SummaryResource;
import org.desist.team.CaseTeams;
import org.desist.team.Caseload;
import org.desist.team.CaseloadResource;
import org.desist.team.ReallocationPages;
import org.desist.team.ReallocationResource;
import org.desist.team.TeamPages;
import org.desist.team.TeamResource;
import org.desist.time.ProgrammeClock;
import org.desist.timeline.Timeline;
import org.desist.timeline.TimelineResource;
import org.desist.user.AccountSessions;
import org.desist.user.StaffAccounts;
import org.desist.user.pages.AccountPages;
import org.desist.victimsafety.NewVictimSafetyConcern;
import org.desist.victimsafety.VictimSafetyConcern;
import org.desist.victimsafety.VictimSafetyConcerns;
import org.desist.victimsafety.VictimSafetyPages;
import org.desist.victimsafety.VictimSafetyResource;
import org.desist.web.HomeResource;
import org.desist.web.Screens;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class DesistApplication extends Application<DesistConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(DesistApplication.class);
    /** Queries of cohort figures that may run at once, across all requests. */
    private static final int FIGURE_QUERIES = 4;
    /** How long an instance that does not migrate waits for the one that does (or for db migrate). */
    private static final java.time.Duration MIGRATION_PATIENCE = java.time.Duration.ofMinutes(5);

    static final int MAX_JSON_DEPTH = 64;
    static final int MAX_JSON_NUMBER_DIGITS = 100;

    public static void main(String[] args) throws Exception {
        // Before anything touches AWT: a stray DISPLAY must not break PDF rendering.
        System.setProperty("java.awt.headless", "true");
        // Liquibase would otherwise try to reach the network at start-up.
        System.setProperty("liquibase.analytics.enabled", "false");
        new DesistApplication().run(args);
    }

    @Override
    public String getName() {
        return "desist";
    }

    /** Dropwizard's server command, but a refusal to start is said in one line (see {@link StartRefused}). */
    @Override
    protected void addDefaultCommands(Bootstrap<DesistConfiguration> bootstrap) {
        bootstrap.addCommand(new ServeCommand(this));
        bootstrap.addCommand(new CheckCommand<>(this));
    }

    /**
     * The service's clock (London's dates). Tests of what happens years later (retention reviews) start the service
     * with a clock they move; the validator's clock (in initialize) stays the system's.
     */
    protected Clock clock() {
        return ProgrammeClock.system();
    }

    @Override
    public void initialize(Bootstrap<DesistConfiguration> bootstrap) {
        CredentialFreeLogs.install();
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        Clock clock = ProgrammeClock.system();
        bootstrap.setValidatorFactory(Validators.newConfiguration()
                .clockProvider(() -> clock)
                .propertyNodeNameProvider(new JsonPropertyNames())
                .buildValidatorFactory());
        bootstrap.addCommand(new AddUserCommand());
        bootstrap.addCommand(new AuditVerifyCommand());
        bootstrap.addCommand(new BackupCommand());
        bootstrap.addCommand(new CopyDatabaseCommand());
        bootstrap.addBundle(new ApiPage());
        bootstrap.addCommand(new SeedCommand());
        bootstrap.addCommand(new VerifyTotalsCommand());
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(DesistConfiguration configuration) {
                Dialect.prepare(configuration.getDatabase());
                return configuration.getDatabase();
            }

            @Override
            public String getMigrationsFileName() {
                return Migrations.CHANGELOG;
            }
        });
    }

    @Override
    public void run(DesistConfiguration configuration, Environment environment) throws Exception {
        // no plain HTTP off loopback, TLS 1.2+ with strong suites on https connectors: before anything else starts
        TransportSecurity.require(
                configuration.getServerFactory(), configuration.getWeb().isBehindTlsProxy());
        // the PDFs: one Jasper context, the templates the build compiled, loaded once; the rehearsal renders
        // meanwhile, and the start waits for it at the end (a machine that cannot render does not start)
        JasperReportsContext jasper = PdfExport.desistContext();
        ReportTemplates templates = new ReportTemplates(jasper);
        PdfExport pdfExport = new PdfExport(jasper);
        SummaryPdf summaryPdf = new SummaryPdf(templates, pdfExport);
        AgendaPdf agendaPdf = new AgendaPdf(templates, pdfExport);
        RenderRehearsal rehearsal = new RenderRehearsal(
                Stream.concat(summaryPdf.rehearsals().stream(), Stream.of(agendaPdf.rehearsal()))
                        .toList(),
                configuration.getPdfRehearsal());
        rehearsal.beginAtStart();

        DataSourceFactory database = configuration.getDatabase();
        Dialect dialect = Dialect.prepare(database);
        dialect.checkAtStart(database); // the files' modes (and the audit key file's) before the key is read
        AuditKeys auditKeys = configuration.auditKeys(true); // before migrating: no key, no start
        if (configuration.isMigrateOnStart()) {
            Migrations.apply(database);
        } else {
            Migrations.awaitApplied(database, MIGRATION_PATIENCE);
        }
        Jdbi jdbi = Databases.configure(new JdbiFactory().build(environment, database, "database"), dialect);
        dialect.checkBeforeServing(jdbi, environment.healthChecks());
        environment.healthChecks().register("attendance-totals", new TotalsHealthCheck(jdbi));
        // the recount runs on a scheduler of the registry's own, which nothing else stops: left running, it would
        // reopen the closed connection pool a minute after the service stopped, and keep it open
        environment.lifecycle().manage(new io.dropwizard.lifecycle.Managed() {
            @Override
            public void stop() {
                environment.healthChecks().shutdown();
            }
        });
        environment
                .admin()
                .addServlet(
                        "healthcheck",
                        new HealthcheckServlet(environment.healthChecks(), environment.getObjectMapper()))
                .addMapping("/healthcheck");
        AuditChain.requireSealedHead(jdbi, auditKeys.installOn(jdbi));
        AuditRole.warnIfItCouldRewrite(jdbi);

        CredentialFreeLogs.install();
        AdminPort.withoutTasks(environment.admin());
        configureJson(environment.getObjectMapper());
        configureErrors(configuration, environment);
        JerseyEnvironment jersey = environment.jersey();
        jersey.setUrlPattern("/api/*");
        jersey.register(new RequestIds());
        jersey.register(new TokensOnlyInHeaders());
        jersey.register(new TermsOutOfAddresses(configuration.getApi().isSearchTermsInQuery()));
        jersey.register(new ClientAddresses(configuration.getTrustedProxies()));
        jersey.register(new NoNulCharacters());
        jersey.register(new BodyLimit());
        jersey.register(new ContentEncodings());
        jersey.register(new SecurityHeaders());
        jersey.register(new TrailingNewline());
        jersey.register(new ProblemAccept());
        jersey.register(new ParameterConverters());

        Clock clock = clock();
        ReadAuditWriter auditWriter = new ReadAuditWriter(jdbi);
        environment.lifecycle().manage(auditWriter);
        AuditLog audit = new AuditLog(clock, auditWriter);
        // issue 17: alert email from the outbox (off, said once, without email.host)
        environment.lifecycle().manage(new org.desist.email.EmailDispatch(jdbi, configuration.getEmail(), clock));
        Visibility visibility = new Visibility(audit);

        // issue 20: argon2 hashes at once in this process, and quotas on reads, PDFs and exports (API and screens)
        Passwords.boundConcurrency(
                configuration.getQuotas().passwordHashesAtOnce(),
                configuration.getQuotas().getPasswordHashWait().toJavaDuration());
        environment.metrics().registerGauge("org.desist.signin.Passwords.inProgress", Passwords::inProgress);
        environment.metrics().registerGauge("org.desist.signin.Passwords.peak", Passwords::peak);
        jersey.register(new PasswordHashingBusyMapper());
        QuotaFeature quotas = new QuotaFeature(
                new RequestQuotas(jdbi, clock, configuration.getQuotas()),
                new UnusualReading(jdbi, clock, audit, configuration.getQuotas().getUnusualReading()),
                audit);
        jersey.register(quotas);

        IdentityProvider identityProvider =
                IdentityProvider.configure(configuration.getIdentityProvider(), jdbi, clock, audit);
        Authentication authentication = Authentication.install(
                jdbi,
                clock,
                audit,
                configuration.getSignInFailuresPerAddress(),
                configuration.getTokenIdleTimeout().toJavaDuration(),
                identityProvider.tokens());
        jersey.register(new CallerFilter());
        jersey.register(new CallerFilter.Binder());
        SecondFactors secondFactors = new SecondFactors(
                jdbi,
                clock,
                audit,
                authentication.throttle(),
                configuration.getSecondFactor(),
                StaffAccounts.administeredChange(jdbi, clock, audit));
        if (!secondFactors.required()) {
            LOG.warn("secondFactor.required is false (DESIST_MFA_REQUIRED): accounts without a second factor sign in"
                    + " with a password alone and reach case data with it");
        }
        jersey.register(new AccessFeature(
                audit,
                authentication.filter(),
                clock,
                secondFactors,
                request -> Assurance.of(request) == Assurance.TWO_FACTORS));
        jersey.register(new SecondFactorResource(secondFactors));

        MergePatch patches = new MergePatch(environment.getObjectMapper(), environment.getValidator());
        ParticipantService participants = new ParticipantService(jdbi, clock, patches, audit, visibility);
        EnrolmentService enrolments = new EnrolmentService(jdbi, clock, audit, visibility);
        SiteService sites = new SiteService(jdbi, clock);
        jersey.register(new SiteResource(sites));
        CohortService cohorts = new CohortService(jdbi, clock);
        jersey.register(new CohortResource(cohorts));
        ReferralService referrals = new ReferralService(jdbi, clock, audit, visibility);
        jersey.register(new ReferralResource(referrals));
        jersey.register(new ParticipantResource(participants));
        jersey.register(
                new ParticipantMergeResource(new ParticipantMerge(jdbi, clock, audit, visibility, participants)));
        jersey.register(new EnrolmentResource(enrolments));
        // issue 17: the case team and each person's caseload
        CaseTeams caseTeams = new CaseTeams(jdbi, clock, audit, participants);
        Caseload caseload = new Caseload(jdbi, clock, audit);
        jersey.register(new TeamResource(caseTeams));
        jersey.register(new ReallocationResource(caseTeams));
        jersey.register(new CaseloadResource(caseload));
        ReferenceResource reference = new ReferenceResource(jdbi);
        jersey.register(reference);
        // issue 19: the ledger of disclosures, written by every download of a document
        Disclosures disclosures = new Disclosures(jdbi, clock, audit, participants);
        jersey.register(new DisclosureResource(disclosures));
        jersey.register(new SubjectAccessResource(
                new SubjectAccess(jdbi, clock, participants, enrolments, environment.getObjectMapper(), disclosures)));
        jersey.register(new TokenResource(
                jdbi,
                clock,
                configuration.getTokenLifetime().toJavaDuration(),
                secondFactors.atTokenIssue(),
                new TokenCap(
                        configuration.getMaxTokensPerAccount(),
                        configuration.getTokenIdleTimeout().toJavaDuration(),
                        audit)));
        StaffAccounts.Services accounts = StaffAccounts.register(
                jersey,
                jdbi,
                clock,
                audit,
                configuration.getTemporaryPasswordLifetime().toJavaDuration(),
                authentication.throttle(),
                secondFactors,
                new AccountSessions.Limits(
                        configuration.getWeb().getIdleTimeout().toJavaDuration(),
                        configuration.getWeb().getAbsoluteTimeout().toJavaDuration(),
                        configuration.getTokenIdleTimeout().toJavaDuration()));
        AuditTrail auditTrail = new AuditTrail(jdbi, audit);
        exportAuditHead(configuration.getAuditHeadExport(), environment, jdbi, clock);
        jersey.register(new AuditResource(auditTrail));
        CaseRecords records = new CaseRecords(jdbi, clock, audit, participants, patches, environment.getObjectMapper());
        // issue 17 (attention-core): the at-once attention rules, in the transaction of each write
        AtOnceRules atOnce = new AtOnceRules(configuration.getAttention().isEvaluateOnWrite());
        RecordKeeper<Incident, NewIncident> incidents = records.keeper(new Incidents(), atOnce.incidents());
        jersey.register(new IncidentResource(incidents));
        RecordKeeper<Session, SessionBody> sessions = records.keeper(new Sessions(), atOnce.sessions());
        jersey.register(new SessionResource(sessions));
        RecordKeeper<ServiceReferral, NewServiceReferral> serviceReferrals = records.keeper(new ServiceReferrals());
        jersey.register(new ServiceReferralResource(serviceReferrals));
        RecordKeeper<PlanAction, NewPlanAction> planActions = records.keeper(new PlanActions(clock));
        jersey.register(new PlanActionResource(planActions));
        RecordKeeper<Assessment, NewAssessment> assessments =
                records.keeper(new Assessments(environment.getObjectMapper()));
        jersey.register(new AssessmentResource(assessments));
        RecordKeeper<LegalMeasure, NewLegalMeasure> legalMeasures = records.keeper(new LegalMeasures());
        jersey.register(new LegalMeasureResource(legalMeasures));
        RecordKeeper<VictimSafetyConcern, NewVictimSafetyConcern> victimSafety =
                records.keeper(new VictimSafetyConcerns(), atOnce.victimSafety());
        jersey.register(new VictimSafetyResource(victimSafety));
        RecordKeeper<DesistanceReview, NewDesistanceReview> desistanceReviews =
                records.keeper(new DesistanceReviews(), atOnce.desistanceReviews());
        jersey.register(new DesistanceReviewResource(desistanceReviews));
        AlertInbox alerts = new AlertInbox(jdbi, clock, audit, participants);
        jersey.register(new AlertResource(alerts));
        Timeline timeline = new Timeline(jdbi, audit, participants);
        jersey.register(new TimelineResource(timeline));
        ProgressReport progress = new ProgressReport(jdbi, clock, audit, participants);
        jersey.register(new ProgressResource(progress));
        CaseSummaries summaries = new CaseSummaries(jdbi, clock, audit, participants, summaryPdf, disclosures);
        jersey.register(new SummaryResource(summaries));
        jersey.register(new SummaryReportResource(summaries));
        // the daily review agenda (issue 17): each part only for roles that may read its kind
        ReviewAgendas agendas = new ReviewAgendas(jdbi, clock, audit, visibility, agendaPdf, disclosures);
        jersey.register(new ReviewAgendaResource(agendas));
        // a report's queries run side by side, each on a connection of its own (CohortFiguresDao)
        CohortFigures figures = new CohortFigures(
                jdbi,
                clock,
                audit,
                cohorts,
                environment
                        .lifecycle()
                        .executorService("cohort-figures-%d")
                        .minThreads(FIGURE_QUERIES)
                        .maxThreads(FIGURE_QUERIES)
                        .build());
        Pseudonyms pseudonyms = new Pseudonyms(configuration.getPseudonymKey());
        if (!pseudonyms.configured()) {
            LOG.warn(
                    "pseudonymKey (DESIST_PSEUDONYM_KEY) {}: the evaluation export answers 503 until it is set",
                    pseudonyms.problem());
        }
        FigureDocuments figureDocuments = new FigureDocuments(
                figures,
                new CohortReportPdf(templates, pdfExport),
                new ProgrammeReportPdf(templates, pdfExport),
                disclosures,
                clock);
        jersey.register(new CohortReportResource(figures, figureDocuments));
        jersey.register(new ProgrammeResource(
                figures, new ProgrammeExport(jdbi, clock, disclosures, pseudonyms), figureDocuments));
        // issue 19: the data protection officer's retention review, decisions, legal holds and disposal
        RetentionService retention = new RetentionService(jdbi, clock, audit, configuration.getRetention());
        jersey.register(new ReviewQueueResource(retention));
        jersey.register(new RetentionDecisionResource(retention));
        jersey.register(new LegalHoldResource(retention));
        // issue 19 (access): another site's case by break-glass; restriction of processing
        BreakGlass breakGlass = new BreakGlass(jdbi, clock, audit);
        jersey.register(new BreakGlassResource(breakGlass));
        jersey.register(new RestrictionResource(new Restrictions(jdbi, clock, audit, participants)));
        jersey.register(ApiDescription.resource());
        // issue 17 (attention-sweep): the time-based attention rules, every attention.sweepEvery, one instance at a
        // time
        SweepSchedule.install(environment, jdbi, clock, configuration.getAttention());
        Screens screens = Screens.install(
                configuration,
                environment,
                configuration.getWeb(),
                jdbi,
                clock,
                audit,
                authentication,
                accounts,
                configuration.getTrustedProxies());
        identityProvider.install(jersey, screens, accounts.accounts());
        screens.register(quotas);
        screens.register(new PasswordHashingBusyMapper());
        screens.register(new ReferralPages(referrals, screens.forms(), clock));
        screens.register(new ReviewPages(referrals, reference, screens.forms(), clock));
        DisclosurePages downloads = new DisclosurePages(disclosures);
        screens.register(new AgendaPages(agendas, downloads));
        screens.register(new BreakGlassPages(breakGlass, screens.forms()));
        screens.register(new RetentionPages(retention, screens.forms())); // issue 19
        screens.register(new TermsOutOfAddresses(configuration.getApi().isSearchTermsInQuery()));
        screens.register(new CasePages(
                participants,
                new CaseFile(
                        participants,
                        enrolments,
                        referrals,
                        new CaseFile.Records(
                                sessions,
                                assessments,
                                desistanceReviews,
                                serviceReferrals,
                                planActions,
                                legalMeasures,
                                victimSafety,
                                incidents),
                        timeline,
                        progress),
                summaries,
                screens.forms(),
                alerts,
                caseTeams,
                downloads));
        screens.register(new AlertPages(alerts, screens.forms()));
        screens.register(new TeamPages(caseTeams, screens.forms()));
        screens.register(new ReallocationPages(caseTeams, screens.forms()));
        screens.register(new HomeResource(caseload::rows));
        screens.register(new ProgrammePages(sites, cohorts, figures, figureDocuments, screens.forms(), downloads));
        screens.register(
                new AccountPages(accounts.accounts(), accounts.sessions(), sites, screens.forms(), secondFactors));
        screens.register(new SecondFactorPages(secondFactors, screens.renewal()));
        screens.register(new AuditPages(auditTrail));
        screens.register(new SessionPages(sessions, participants, screens.forms()));
        screens.register(new AssessmentPages(assessments, participants, screens.forms()));
        screens.register(new DesistanceReviewPages(desistanceReviews, participants, screens.forms()));
        screens.register(new ServiceReferralPages(serviceReferrals, participants, screens.forms()));
        screens.register(new VictimSafetyPages(victimSafety, participants, screens.forms()));
        screens.register(new LegalMeasurePages(legalMeasures, participants, screens.forms()));
        screens.register(new IncidentPages(incidents, participants, screens.forms()));
        screens.register(new RecordPages(
                Map.of(
                        RecordPageKind.SESSIONS, sessions,
                        RecordPageKind.ASSESSMENTS, assessments,
                        RecordPageKind.SERVICE_REFERRALS, serviceReferrals,
                        RecordPageKind.PLAN_ACTIONS, planActions,
                        RecordPageKind.LEGAL_MEASURES, legalMeasures,
                        RecordPageKind.VICTIM_SAFETY, victimSafety,
                        RecordPageKind.DESISTANCE_REVIEWS, desistanceReviews,
                        RecordPageKind.INCIDENTS, incidents),
                environment.getObjectMapper()));
        rehearsal.awaitAtStart();
        environment.lifecycle().manage(rehearsal);
        environment.lifecycle().addServerLifecycleListener(rehearsal);
    }

    /** Strict JSON: no unknown fields (no mass assignment), no coercion of "20" to 20, exact enums, ISO dates out. */
    static void configureJson(ObjectMapper json) {
        // Bounds on what the parser reads, far above any real body (the deepest nests four levels, the longest
        // number has 19 digits) and far below what would cost real time or stack: past them it is 400.
        json.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_JSON_DEPTH)
                        .maxNumberLength(MAX_JSON_NUMBER_DIGITS)
                        .build());
        json.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        json.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        json.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // Enums exactly as spelt: this turns off Dropwizard's FuzzyEnumModule, which would take "srp" for "SRP"
        // and "intimacy-seeking" for "intimacy_seeking". Jackson then reads a constant by its @JsonProperty
        // spelling where it has one, else by toString(), which no enum here overrides: its name.
        json.enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING);
        json.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        json.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        json.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // ...nor of 42 or true to "42" or "true": that feature covers text to numbers only, and a client that
        // sends a number for a name or a note has a bug worth telling it about
        json.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        json.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        json.registerModule(NoNulCharacters.json());
        json.registerModule(FourDigitYears.json());
    }

    /** One set of mappers, all answering application/problem+json; Dropwizard's defaults are replaced. */
    /** A copy of the audit chain's head outside the database on a schedule, when configured (issue 20, item 8). */
    private static void exportAuditHead(
            AuditHeadExportSettings settings, Environment environment, Jdbi jdbi, Clock clock) {
        if (!settings.enabled()) {
            return;
        }
        long every = settings.getEvery().toMilliseconds();
        environment
                .lifecycle()
                .scheduledExecutorService("audit-head-export")
                .threads(1)
                .build()
                .scheduleWithFixedDelay(
                        new AuditHeadExport(
                                jdbi, clock, settings.getFile() == null ? null : Path.of(settings.getFile())),
                        0,
                        every,
                        TimeUnit.MILLISECONDS);
    }

    private static void configureErrors(DesistConfiguration configuration, Environment environment) {
        if (configuration.getServerFactory() instanceof AbstractServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        // and what Jetty refuses before Jersey sees it (undecodable addresses, methods outside Dropwizard's
        // allowed list, unparseable requests): in the application's context, and at the server for the rest
        environment.getApplicationContext().setErrorHandler(new ProblemErrorHandler());
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(new ProblemErrorHandler());
                }
            }
        });
        environment.jersey().register(new EarlyEofExceptionMapper());
        environment.jersey().register(new ProblemExceptionMapper());
        environment.jersey().register(new RefusalMapper());
        environment.jersey().register(new RequestProblemMapper());
        environment.jersey().register(new JsonProblemMapper());
        environment.jersey().register(new WebProblemMapper());
        environment.jersey().register(new ServerErrorMapper());
    }
}
