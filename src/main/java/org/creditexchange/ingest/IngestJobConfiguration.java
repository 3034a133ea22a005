package org.creditexchange.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.LocalDate;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.feedback.FeedbackService;
import org.creditexchange.feedback.FeedbackTasklet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.creditexchange.ingest.map.FieldDerivations;
import org.creditexchange.ingest.map.FormatDefinition;
import org.creditexchange.ingest.map.HeaderLayout;
import org.creditexchange.ingest.map.RowMapper;
import org.creditexchange.ingest.map.SourceMappingDefinition;
import org.creditexchange.ingest.read.RawRow;
import org.creditexchange.ingest.stage.FileRowReader;
import org.creditexchange.ingest.stage.FutureRowWriter;
import org.creditexchange.ingest.stage.InFileDuplicateTasklet;
import org.creditexchange.ingest.stage.ReadAheadStagingReader;
import org.creditexchange.ingest.stage.RecognizeTasklet;
import org.creditexchange.ingest.stage.RowProcessor;
import org.creditexchange.ingest.stage.StageProgressListener;
import org.creditexchange.ingest.stage.StagedRow;
import org.creditexchange.ingest.stage.StagedRowFactory;
import org.creditexchange.ingest.stage.StagedRowWriter;
import org.creditexchange.ingest.stage.StagingWorkers;
import org.creditexchange.ingest.timeliness.DecisionDelays;
import org.creditexchange.ingest.timeliness.TimelinessTasklet;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.ingest.validate.ReasonMessages;
import org.creditexchange.ingest.validate.RowValidator;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.ProhibitedDataPurge;
import org.creditexchange.match.MatchTasklet;
import org.creditexchange.match.SubjectMatcher;
import org.creditexchange.match.SubjectRegistry;
import org.creditexchange.intake.IntakeService;
import org.creditexchange.store.PersonalIdCipher;
import org.creditexchange.store.PersonalIdHasher;
import org.creditexchange.store.RecordMergeTasklet;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job, one run per batch (job parameter {@code batchId}):
 * recognise → stage (chunked: read, map, cleanse, validate, keep every row) → in-file duplicates → match → merge →
 * timeliness (reporting delay per row, late first reports as a file-level notice) → feedback.
 * A file rejected as a whole goes from recognise straight to feedback. Each stage is its own step so that a
 * set-based match step and a COPY-based load can take their places without touching the others.
 */
@Configuration
public class IngestJobConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IngestJobConfiguration.class);

    public static final String JOB_NAME = "ingest";
    public static final String BATCH_ID = "batchId";
    static final int CHUNK_SIZE = 500;

    @Bean
    public Job ingestJob(JobRepository repository, Step recognizeStep, Step stageStep, Step duplicateStep,
                         Step matchStep, Step mergeStep, Step timelinessStep, Step feedbackStep) {
        return new JobBuilder(JOB_NAME, repository)
                .start(recognizeStep).on(RecognizeTasklet.REJECTED).to(feedbackStep)
                .from(recognizeStep).on("*").to(stageStep).next(duplicateStep).next(matchStep).next(mergeStep)
                .next(timelinessStep).next(feedbackStep)
                .end()
                .build();
    }

    @Bean
    public Step recognizeStep(JobRepository repository, PlatformTransactionManager tx, Tasklet recognizeTasklet) {
        return new StepBuilder("recognize", repository).tasklet(recognizeTasklet, tx).build();
    }

    @Bean
    @StepScope
    public Tasklet recognizeTasklet(@Value("#{jobParameters['batchId']}") Long batchId, BatchRepository batches,
                                    PlatformConfiguration configuration, ObjectMapper json, ProhibitedDataPurge purge) {
        return new RecognizeTasklet(batchId, batches, configuration, json, purge);
    }

    @Bean
    public Step stageStep(JobRepository repository, PlatformTransactionManager tx, ReadAheadStagingReader stagingReader,
                          StagedRowWriter stagedRowWriter) {
        StageProgressListener progress = new StageProgressListener();
        return new StepBuilder("stage", repository)
                .<Future<StagedRow>, Future<StagedRow>>chunk(CHUNK_SIZE, tx)
                .reader(stagingReader)
                .writer(new FutureRowWriter(stagedRowWriter))
                .listener((org.springframework.batch.core.ChunkListener) progress)
                .listener((org.springframework.batch.core.StepExecutionListener) progress)
                .build();
    }

    @Bean
    @StepScope
    public ReadAheadStagingReader stagingReader(@Value("#{jobParameters['batchId']}") Long batchId,
                                                BatchRepository batches, PlatformConfiguration configuration,
                                                PersonalIdHasher hasher, PersonalIdCipher cipher, ObjectMapper json,
                                                StagingWorkers workers, StagedRowWriter stagedRowWriter)
            throws SQLException {
        Batch batch = batches.get(batchId);
        CatalogItemDefinition item = configuration.catalog().item(batch.itemId()).orElseThrow();
        HeaderLayout layout = layout(batches, batchId, json);
        Map<String, Map<String, String>> translations = new HashMap<>();
        FormatDefinition format = layout.formatId().isEmpty() ? null : configuration.formats().get(layout.formatId());
        if (format != null) {
            translations.putAll(format.codeTranslations());
        }
        configuration.sourceMapping(batch.unitCode(), item.id()).ifPresent(m -> translations.putAll(m.codeTranslations()));
        ConnectorDefinition unit = configuration.connector(batch.unitCode()).orElseThrow();
        FieldDerivations derivations = new FieldDerivations(item, format == null ? List.of() : format.derive(),
                unit.name(), unit.uscc());
        Set<String> relaxed = format == null ? Set.of() : Set.copyOf(format.relaxed());
        // The processor itself, not a step-scoped proxy: the workers run outside the step's scope.
        RowProcessor processor = new RowProcessor(new RowMapper(item, layout), derivations,
                new RowValidator(configuration.catalog(), item, translations, relaxed,
                        configuration.sourceMapping(batch.unitCode(), item.id())
                                .map(SourceMappingDefinition::dateFormats).orElse(List.of())),
                new StagedRowFactory(item, layout, hasher, cipher, new DecisionDelays(configuration.calendar(),
                        batch.receivedAt().atZoneSameInstant(IntakeService.ZONE).toLocalDate())),
                LocalDate.now(IntakeService.ZONE));
        String name = IdNumberMasking.maskEmbedded(batch.originalName());
        FileRowReader.DamageHandler damaged = (lastGood, e) -> {
            log.warn("Batch {}: file damaged after row {}: {}", batchId, lastGood, e.getMessage());
            batches.markProblem(batchId, org.creditexchange.intake.BatchStatus.REJECTED, null, "FILE_CORRUPT_AT_ROW",
                    ReasonMessages.message("FILE_CORRUPT_AT_ROW", name, String.valueOf(lastGood)),
                    ReasonMessages.hint("FILE_CORRUPT_AT_ROW", name, String.valueOf(lastGood)));
        };
        // On PostgreSQL the workers also encode each row's COPY line: the writer's thread only sends it.
        Function<RawRow, StagedRow> compute = stagedRowWriter.copies()
                ? row -> StagedRowWriter.prepared(batchId, processor.process(row))
                : processor::process;
        return new ReadAheadStagingReader("batch-" + batchId, batch.landedPath(), layout.sheetIndex(),
                layout.headerRowNumber(), damaged, compute, workers.executor(), 2 * CHUNK_SIZE);
    }

    @Bean
    @StepScope
    public StagedRowWriter stagedRowWriter(@Value("#{jobParameters['batchId']}") Long batchId, JdbcTemplate jdbc) {
        return new StagedRowWriter(jdbc, batchId);
    }

    @Bean
    public Step duplicateStep(JobRepository repository, PlatformTransactionManager tx, Tasklet duplicateTasklet) {
        return new StepBuilder("in-file-duplicates", repository).tasklet(duplicateTasklet, tx).build();
    }

    @Bean
    @StepScope
    public Tasklet duplicateTasklet(@Value("#{jobParameters['batchId']}") Long batchId, BatchRepository batches,
                                    PlatformConfiguration configuration, JdbcTemplate jdbc) {
        CatalogItemDefinition item = configuration.catalog().item(batches.get(batchId).itemId()).orElseThrow();
        return new InFileDuplicateTasklet(batchId, item, jdbc);
    }

    @Bean
    public Step matchStep(JobRepository repository, PlatformTransactionManager tx, Tasklet matchTasklet) {
        return new StepBuilder("match", repository).tasklet(matchTasklet, tx).build();
    }

    @Bean
    @StepScope
    public Tasklet matchTasklet(@Value("#{jobParameters['batchId']}") Long batchId, BatchRepository batches,
                                PlatformConfiguration configuration, JdbcTemplate jdbc, SubjectRegistry registry,
                                SubjectMatcher matcher) {
        Batch batch = batches.get(batchId);
        CatalogItemDefinition item = configuration.catalog().item(batch.itemId()).orElseThrow();
        return new MatchTasklet(batchId, item, jdbc, registry, matcher,
                org.creditexchange.intake.IntakeService.DRY_RUN_CHANNEL.equals(batch.channelId()));
    }

    @Bean
    public Step mergeStep(JobRepository repository, PlatformTransactionManager tx, Tasklet mergeTasklet) {
        return new StepBuilder("merge", repository).tasklet(mergeTasklet, tx).build();
    }

    @Bean
    @StepScope
    public Tasklet mergeTasklet(@Value("#{jobParameters['batchId']}") Long batchId, BatchRepository batches,
                                PlatformConfiguration configuration, JdbcTemplate jdbc) {
        Batch batch = batches.get(batchId);
        if (org.creditexchange.intake.IntakeService.DRY_RUN_CHANNEL.equals(batch.channelId())) {
            return (contribution, context) -> {
                log.info("Batch {}: dry run, nothing merged", batchId);
                return org.springframework.batch.repeat.RepeatStatus.FINISHED;
            };
        }
        boolean hold = configuration.catalog().item(batch.itemId()).map(CatalogItemDefinition::holdUnknownSubjects).orElse(false);
        return new RecordMergeTasklet(batchId, batch.itemId(), batch.unitCode(), hold, jdbc);
    }

    @Bean
    public Step timelinessStep(JobRepository repository, PlatformTransactionManager tx, Tasklet timelinessTasklet) {
        return new StepBuilder("timeliness", repository).tasklet(timelinessTasklet, tx).build();
    }

    @Bean
    @StepScope
    public Tasklet timelinessTasklet(@Value("#{jobParameters['batchId']}") Long batchId, BatchRepository batches,
                                     PlatformConfiguration configuration, JdbcTemplate jdbc, ObjectMapper json) {
        CatalogItemDefinition item = configuration.catalog().item(batches.get(batchId).itemId()).orElseThrow();
        return new TimelinessTasklet(batchId, item, configuration.calendar(), batches, jdbc, json);
    }

    @Bean
    public Step feedbackStep(JobRepository repository, PlatformTransactionManager tx, Tasklet feedbackTasklet) {
        return new StepBuilder("feedback", repository).tasklet(feedbackTasklet, tx).build();
    }

    @Bean
    @StepScope
    public Tasklet feedbackTasklet(@Value("#{jobParameters['batchId']}") Long batchId, BatchRepository batches,
                                   FeedbackService feedback, JdbcTemplate jdbc) {
        return new FeedbackTasklet(batchId, batches, feedback, jdbc);
    }

    private static HeaderLayout layout(BatchRepository batches, long batchId, ObjectMapper json) {
        String text = batches.layoutJson(batchId).orElseThrow(() -> new IllegalStateException("batch " + batchId + " not recognised"));
        try {
            return json.readValue(text, HeaderLayout.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
