package org.creditexchange.ingest.stage;

import java.time.LocalDate;
import org.creditexchange.ingest.map.FieldDerivations;
import org.creditexchange.ingest.map.RowMapper;
import org.creditexchange.ingest.read.RawRow;
import org.creditexchange.ingest.validate.RowValidator;
import org.springframework.batch.item.ItemProcessor;

/** Map, derive, cleanse, validate and stage one row. Never filters: every row comes out with its verdict. */
public class RowProcessor implements ItemProcessor<RawRow, StagedRow> {

    private final RowMapper mapper;
    private final FieldDerivations derivations;
    private final RowValidator validator;
    private final StagedRowFactory factory;
    private final LocalDate today;

    public RowProcessor(RowMapper mapper, FieldDerivations derivations, RowValidator validator, StagedRowFactory factory,
                        LocalDate today) {
        this.mapper = mapper;
        this.derivations = derivations;
        this.validator = validator;
        this.factory = factory;
        this.today = today;
    }

    @Override
    public StagedRow process(RawRow row) {
        return factory.stage(validator.validate(derivations.apply(mapper.map(row)), today));
    }
}
