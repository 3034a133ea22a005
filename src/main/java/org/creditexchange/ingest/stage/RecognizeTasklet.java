package org.creditexchange.ingest.stage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.ProhibitedData;
import org.creditexchange.feedback.FeedbackReport;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.config.PlatformConfiguration;
import org.creditexchange.ingest.map.HeaderLayout;
import org.creditexchange.ingest.map.HeaderRecognizer;
import org.creditexchange.ingest.read.RawRow;
import org.creditexchange.ingest.read.RowSource;
import org.creditexchange.ingest.read.RowSources;
import org.creditexchange.ingest.read.UnreadableFileException;
import org.creditexchange.ingest.validate.ReasonMessages;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.creditexchange.intake.ProhibitedDataPurge;
import java.util.Set;
import java.util.stream.Collectors;
import org.creditexchange.intake.ChannelDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * First step of the ingest job: opens the landed file, finds its header and recognises the catalog item. A file
 * that cannot be read or recognised is marked REJECTED with the reason for the clerk, and the step exits
 * {@code REJECTED} so that the job goes straight to feedback.
 */
public class RecognizeTasklet implements Tasklet {

    /** Exit code that routes the job to feedback. */
    public static final String REJECTED = "REJECTED";

    private static final Logger log = LoggerFactory.getLogger(RecognizeTasklet.class);

    private final long batchId;
    private final BatchRepository batches;
    private final PlatformConfiguration configuration;
    private final ObjectMapper json;
    private final ProhibitedDataPurge purge;

    public RecognizeTasklet(long batchId, BatchRepository batches, PlatformConfiguration configuration, ObjectMapper json,
                            ProhibitedDataPurge purge) {
        this.batchId = batchId;
        this.batches = batches;
        this.configuration = configuration;
        this.json = json;
        this.purge = purge;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Batch batch = batches.get(batchId);
        String name = IdNumberMasking.maskEmbedded(batch.originalName());
        HeaderRecognizer recognizer = new HeaderRecognizer(configuration.catalog().items(),
                configuration.formats().values(), batch.unitCode(), configuration::sourceMapping);
        try {
            // Workbooks often open with an instructions sheet (填表说明): the first sheet with a header wins.
            List<String> sheets = RowSources.sheetNames(batch.landedPath());
            HeaderRecognizer.MissingColumns missing = null;
            HeaderRecognizer.NoHeader closest = null;
            for (int sheet : sheetOrder(batch.unitCode(), sheets)) {
                try (RowSource source = RowSources.open(batch.landedPath(), sheet)) {
                    List<RawRow> first = new ArrayList<>();
                    RawRow row;
                    while (first.size() < HeaderRecognizer.HEADER_SEARCH_ROWS && (row = source.next()) != null) {
                        first.add(row);
                    }
                    HeaderRecognizer.Recognition recognition = recognizer.recognize(first);
                    if (recognition instanceof HeaderRecognizer.MissingColumns m) {
                        missing = missing == null ? m : missing;
                    } else if (recognition instanceof HeaderRecognizer.NoHeader n && n.closest() != null) {
                        closest = closest == null ? n : closest;
                    } else if (recognition instanceof HeaderRecognizer.Recognized r) {
                        List<FeedbackReport.FileProblem> others = otherSheetsWithData(batch, sheets, sheet, recognizer);
                        return accept(contribution, batch, name, source, first, r.layout().onSheet(sheet),
                                sheets.get(sheet), others);
                    }
                }
            }
            if (missing != null) {
                return reject(contribution, missing.item().id(), "FILE_MISSING_COLUMNS", name, missing.item().title(),
                        String.join("、", missing.missingTitles()));
            }
            if (closest != null && closest.closest() != null) {
                return reject(contribution, null, "FILE_NO_HEADER_CLOSEST", name, closest.closest().title(),
                        String.join("、", closest.missingTitles()), String.valueOf(HeaderRecognizer.HEADER_SEARCH_ROWS));
            }
            return reject(contribution, null, "FILE_NO_HEADER", name, String.valueOf(HeaderRecognizer.HEADER_SEARCH_ROWS));
        } catch (UnreadableFileException e) {
            log.info("Batch {}: unreadable file: {}", batchId, e.getMessage());
            return reject(contribution, null, e.code(), name);
        }
    }

    /** Notices for the other sheets that hold a recognisable header too: they are not processed, and the clerk is told. */
    private List<FeedbackReport.FileProblem> otherSheetsWithData(Batch batch, List<String> sheets, int chosen,
                                                                HeaderRecognizer recognizer) throws UnreadableFileException {
        List<FeedbackReport.FileProblem> notices = new ArrayList<>();
        for (int sheet = 0; sheet < sheets.size(); sheet++) {
            if (sheet == chosen) {
                continue;
            }
            try (RowSource other = RowSources.open(batch.landedPath(), sheet)) {
                List<RawRow> rows = new ArrayList<>();
                RawRow row;
                while (rows.size() < HeaderRecognizer.HEADER_SEARCH_ROWS && (row = other.next()) != null) {
                    rows.add(row);
                }
                if (recognizer.recognize(rows) instanceof HeaderRecognizer.Recognized r) {
                    String title = configuration.catalog().item(r.layout().itemId()).map(CatalogItemDefinition::title)
                            .orElse(r.layout().itemId());
                    notices.add(notice("SHEET_NOT_PROCESSED", sheets.get(sheet), title));
                }
            }
        }
        return notices;
    }

    private RepeatStatus accept(StepContribution contribution, Batch batch, String name, RowSource source,
                                List<RawRow> first, HeaderLayout layout, String sheetName,
                                List<FeedbackReport.FileProblem> sheetNotices) throws Exception {
        CatalogItemDefinition item = configuration.catalog().item(layout.itemId()).orElseThrow();
        if (!channelAccepts(batch, item.id())) {
            return reject(contribution, item.id(), "FILE_ITEM_NOT_ALLOWED", name, item.title());
        }
        if (!hasDataBelow(first, source, layout.headerRowNumber())) {
            return reject(contribution, item.id(), "FILE_NO_DATA", name);
        }
        List<FeedbackReport.FileProblem> notices = new ArrayList<>(sheetNotices);
        if (!layout.formatId().isEmpty()) {
            String formatTitle = configuration.formats().get(layout.formatId()).title();
            notices.add(notice("FORMAT_LEGACY", name, formatTitle));
        }
        List<HeaderLayout.RefusedColumn> refused = new ArrayList<>();
        for (int i = 0; i < layout.headers().size(); i++) {
            String title = layout.headers().get(i);
            if (layout.isRepeat(i)) {
                notices.add(notice("REPEATED_COLUMN", title, String.valueOf(i + 1)));
            }
            if (layout.columnFields().get(i).isEmpty()) {
                int index = i;
                configuration.prohibitedData().category(title, ProhibitedData.coversPersons(item)).ifPresent(c -> {
                    refused.add(new HeaderLayout.RefusedColumn(index, title, c));
                    notices.add(notice("PROHIBITED_COLUMN", title, c));
                });
            }
        }
        layout = layout.refusing(refused);
        String format = source.format().name();
        if (!refused.isEmpty()) {
            // Prohibited data is never stored, not even in the landing zone: the data sheet is kept without it.
            Set<Integer> columns = refused.stream().map(HeaderLayout.RefusedColumn::index).collect(Collectors.toSet());
            purge.purge(batchId, batch.landedPath(), layout.sheetIndex(), columns);
            layout = layout.onSheet(0);
            format = "CSV";
        }
        batches.markRecognized(batchId, item.id(), format, json.writeValueAsString(layout),
                json.writeValueAsString(notices));
        if (!refused.isEmpty()) {
            log.info("Batch {}: refused {} column(s) carrying prohibited data: {}", batchId, refused.size(),
                    refused.stream().map(r -> r.category()).toList());
        }
        log.info("Batch {}: {} file recognised as {} (header in row {}{})", batchId, source.format(), item.id(),
                layout.headerRowNumber(), sheetName.isEmpty() ? "" : " of sheet '" + sheetName + "'");
        return RepeatStatus.FINISHED;
    }

    /** Sheet indexes in the order to try: sheets a source mapping of the unit names first, then the rest. */
    private List<Integer> sheetOrder(String unit, List<String> sheets) {
        java.util.Set<String> named = new java.util.HashSet<>();
        configuration.sourceMappings().getOrDefault(unit, java.util.Map.of()).values().forEach(m -> {
            if (m.sheet() != null) {
                named.add(m.sheet());
            }
        });
        List<Integer> first = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < sheets.size(); i++) {
            (named.contains(sheets.get(i)) ? first : rest).add(i);
        }
        first.addAll(rest);
        return first;
    }

    private static FeedbackReport.FileProblem notice(String code, Object... args) {
        return new FeedbackReport.FileProblem(code, ReasonMessages.message(code, args), ReasonMessages.hint(code, args));
    }

    private boolean channelAccepts(Batch batch, String itemId) {
        return configuration.connector(batch.unitCode()).stream()
                .flatMap(c -> c.channels().stream())
                .filter(ch -> ch.id().equals(batch.channelId()))
                .map(ChannelDefinition::items)
                .allMatch(items -> items.isEmpty() || items.contains(itemId));
    }

    private static boolean hasDataBelow(List<RawRow> first, RowSource source, int headerRow) throws UnreadableFileException {
        for (RawRow r : first) {
            if (r.rowNumber() > headerRow && !r.isBlank()) {
                return true;
            }
        }
        RawRow r;
        while ((r = source.next()) != null) {
            if (!r.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private RepeatStatus reject(StepContribution contribution, String itemId, String code, Object... args) {
        batches.markProblem(batchId, BatchStatus.REJECTED, itemId, code, ReasonMessages.message(code, args),
                ReasonMessages.hint(code, args));
        log.info("Batch {}: file rejected as a whole: {}", batchId, code);
        contribution.setExitStatus(new ExitStatus(REJECTED));
        return RepeatStatus.FINISHED;
    }
}
