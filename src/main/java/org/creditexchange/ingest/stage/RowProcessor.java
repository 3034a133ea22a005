package org.creditexchange.ingest.stage;

import java.time.LocalDate;
import org.creditexchange.ingest.map.RowMapper;
import org.creditexchange.ingest.read.RawRow;
import org.creditexchange.ingest.validate.RowValidator;
import org.springframework.batch.item.ItemProcessor;

/** Map, cleanse, validate and stage one row. Never filters: every row comes out with its verdict. */
public class RowProcessor implements ItemProcessor<RawRow, StagedRow> {

    private final RowMapper mapper;
    private final RowValidator validator;
    private final StagedRowFactory factory;
    private final LocalDate today;

    public RowProcessor(RowMapper mapper, RowValidator validator, StagedRowFactory factory, LocalDate today) {
        this.mapper = mapper;
        this.validator = validator;
        this.factory = factory;
        this.today = today;
    }

    @Override
    public StagedRow process(RawRow row) {
        return factory.stage(validator.validate(mapper.map(row), today));
    }
}
