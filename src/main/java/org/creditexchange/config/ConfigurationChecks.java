package org.creditexchange.config;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.catalog.CodeTableDefinition;
import org.creditexchange.catalog.ConditionDefinition;
import org.creditexchange.catalog.FieldDefinition;
import org.creditexchange.catalog.FieldTypeName;
import org.creditexchange.catalog.ProhibitedData;
import org.creditexchange.catalog.RuleDefinition;
import org.creditexchange.catalog.code.UsccCheckDigit;
import org.creditexchange.ingest.cleanse.TextNormalization;
import org.creditexchange.ingest.map.FormatDefinition;
import org.creditexchange.ingest.map.SourceMappingDefinition;
import org.creditexchange.intake.ChannelDefinition;
import org.creditexchange.intake.ConnectorDefinition;
import org.creditexchange.intake.DropChannelDefinition;
import org.creditexchange.schedule.CalendarDefinition;
import org.creditexchange.schedule.JobDefinition;
import org.creditexchange.schedule.ScheduleDefinition;
import org.creditexchange.schedule.StepType;

/** The semantic checks of every configuration file and of the references between files. */
final class ConfigurationChecks {

    private static final Set<String> SUBJECT_KINDS = Set.of("法人及非法人组织", "个体工商户", "自然人");
    private static final Set<String> ATTRIBUTES = Set.of("基本", "失信", "守信", "其他");
    private static final Set<String> DISCLOSURES = Set.of("公开", "授权查询", "政务共享");
    private static final Set<String> RETENTION_RULES = Set.of("fixed-years-from", "validity-period", "years-after-termination");
    private static final String KEY_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    private final List<ConfigProblem> problems;
    private final ProhibitedData prohibited;

    ConfigurationChecks(List<ConfigProblem> problems, ProhibitedData prohibited) {
        this.problems = problems;
        this.prohibited = prohibited;
    }

    /** A header or title that names prohibited data may not be declared anywhere. */
    private void notProhibited(YamlFile f, String at, String title, boolean coversPersons) {
        prohibited.category(title, coversPersons).ifPresent(c -> problems.add(f.problem(at,
                "'" + title + "' names data that is never collected (" + c + "): see " + ConfigurationLoader.PROHIBITED)));
    }

    void checkCodeTable(String id, YamlFile.Bound<CodeTableDefinition> bound) {
        CodeTableDefinition t = bound.value();
        YamlFile f = bound.file();
        if (!id.equals(t.id())) {
            problems.add(f.problem("id", "id '" + t.id() + "' must equal the file name '" + id + "'"));
        }
        require(f, "title", t.title());
        if (t.entries().isEmpty()) {
            problems.add(f.problem("entries", "a code table needs at least one entry"));
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < t.entries().size(); i++) {
            CodeTableDefinition.Entry e = t.entries().get(i);
            String at = "entries[" + i + "]";
            if (blank(e.value())) {
                problems.add(f.problem(at + ".value", "value is required"));
                continue;
            }
            claim(f, seen, e.value(), e.value(), at + ".value");
            for (int j = 0; j < e.aliases().size(); j++) {
                claim(f, seen, e.aliases().get(j), e.value(), at + ".aliases[" + j + "]");
            }
        }
    }

    private void claim(YamlFile f, Map<String, String> seen, String form, String value, String at) {
        String key = TextNormalization.forMatching(form);
        String earlier = seen.putIfAbsent(key, value);
        if (earlier != null && !earlier.equals(value)) {
            problems.add(f.problem(at, "'" + form + "' already means '" + earlier + "'"));
        }
    }

    void checkCatalogItem(String id, YamlFile.Bound<CatalogItemDefinition> bound, Map<String, CodeTableDefinition> codes) {
        CatalogItemDefinition item = bound.value();
        YamlFile f = bound.file();
        if (!id.equals(item.id())) {
            problems.add(f.problem("id", "id '" + item.id() + "' must equal the file name '" + id + "'"));
        }
        require(f, "title", item.title());
        if (item.subjectKinds().isEmpty()) {
            problems.add(f.problem("subject-kinds", "subject-kinds is required"));
        }
        for (int i = 0; i < item.subjectKinds().size(); i++) {
            if (!SUBJECT_KINDS.contains(item.subjectKinds().get(i))) {
                problems.add(f.problem("subject-kinds[" + i + "]", "unknown subject kind '" + item.subjectKinds().get(i)
                        + "', expected one of " + SUBJECT_KINDS));
            }
        }
        oneOf(f, "attribute", item.attribute(), ATTRIBUTES);
        oneOf(f, "disclosure", item.disclosure(), DISCLOSURES);
        if (item.fields().isEmpty()) {
            problems.add(f.problem("fields", "a catalog item needs fields"));
            return;
        }
        Set<String> keys = new HashSet<>();
        Map<String, String> headerForms = new HashMap<>();
        for (int i = 0; i < item.fields().size(); i++) {
            FieldDefinition fd = item.fields().get(i);
            String at = "fields[" + i + "]";
            if (blank(fd.key()) || !fd.key().matches(KEY_PATTERN)) {
                problems.add(f.problem(at + ".key", "key '" + fd.key() + "' must be kebab-case (a-z, 0-9, -)"));
            } else if (!keys.add(fd.key())) {
                problems.add(f.problem(at + ".key", "duplicate field key '" + fd.key() + "'"));
            }
            if (blank(fd.title())) {
                problems.add(f.problem(at + ".title", "title is required"));
            } else {
                header(f, headerForms, fd.title(), fd.key(), at + ".title");
                notProhibited(f, at + ".title", fd.title(), ProhibitedData.coversPersons(item));
            }
            if (!blank(fd.column())) {
                header(f, headerForms, fd.column(), fd.key(), at + ".column");
            }
            for (int j = 0; j < fd.aliases().size(); j++) {
                header(f, headerForms, fd.aliases().get(j), fd.key(), at + ".aliases[" + j + "]");
                notProhibited(f, at + ".aliases[" + j + "]", fd.aliases().get(j), ProhibitedData.coversPersons(item));
            }
            if (fd.type() == FieldTypeName.CODE) {
                if (blank(fd.codeTable())) {
                    problems.add(f.problem(at + ".code-table", "a field of type code needs code-table"));
                } else if (!codes.containsKey(fd.codeTable())) {
                    problems.add(f.problem(at + ".code-table", "unknown code table '" + fd.codeTable()
                            + "' (no mappings/codes/" + fd.codeTable() + ".yaml)"));
                }
            } else if (!blank(fd.codeTable())) {
                problems.add(f.problem(at + ".code-table", "code-table is only for fields of type code"));
            }
            if (fd.pattern() != null) {
                try {
                    java.util.regex.Pattern.compile(fd.pattern());
                } catch (java.util.regex.PatternSyntaxException e) {
                    problems.add(f.problem(at + ".pattern", "not a regular expression: " + e.getDescription()));
                }
                if (blank(fd.patternTitle())) {
                    problems.add(f.problem(at + ".pattern-title", "a pattern needs pattern-title (what it means, for the clerk)"));
                }
            }
            if (fd.maxLength() < 0) {
                problems.add(f.problem(at + ".max-length", "max-length must not be negative"));
            }
            if (fd.required() && fd.requiredIf() != null) {
                problems.add(f.problem(at + ".required-if", "a field is either required or required-if, not both"));
            }
        }
        for (int i = 0; i < item.fields().size(); i++) {
            FieldDefinition fd = item.fields().get(i);
            condition(f, "fields[" + i + "].required-if", fd.requiredIf(), keys);
            condition(f, "fields[" + i + "].check-if", fd.checkIf(), keys);
        }
        if (item.businessKey().isEmpty()) {
            problems.add(f.problem("business-key", "business-key is required (the fields that identify a record)"));
        }
        for (int i = 0; i < item.businessKey().size(); i++) {
            known(f, "business-key[" + i + "]", item.businessKey().get(i), keys);
        }
        if (item.subject() == null) {
            problems.add(f.problem("subject", "subject is required (name-field and code-field or id-number-field)"));
        } else {
            var s = item.subject();
            if (blank(s.nameField())) {
                problems.add(f.problem("subject.name-field", "name-field is required"));
            } else {
                known(f, "subject.name-field", s.nameField(), keys);
            }
            if (blank(s.codeField()) && blank(s.idNumberField())) {
                problems.add(f.problem("subject", "code-field or id-number-field is required"));
            }
            if (!blank(s.codeField())) {
                known(f, "subject.code-field", s.codeField(), keys);
            }
            if (!blank(s.idNumberField())) {
                known(f, "subject.id-number-field", s.idNumberField(), keys);
                item.field(s.idNumberField()).filter(fd -> !fd.isPersonal()).ifPresent(fd -> problems.add(f.problem(
                        "subject.id-number-field", "field '" + fd.key() + "' holds ID numbers: it must be of type "
                                + "id-number (or personal: true) so that it is masked, hashed and encrypted")));
            }
            if (!blank(s.kindField())) {
                known(f, "subject.kind-field", s.kindField(), keys);
            }
        }
        if (item.retention() != null) {
            oneOf(f, "retention.rule", item.retention().rule(), RETENTION_RULES);
            if (blank(item.retention().field())) {
                problems.add(f.problem("retention.field", "retention needs the date field it counts from or ends at"));
            } else {
                known(f, "retention.field", item.retention().field(), keys);
                ofType(f, "retention.field", item, item.retention().field(), FieldTypeName.DATE);
            }
            if (!"validity-period".equals(item.retention().rule()) && item.retention().years() <= 0) {
                problems.add(f.problem("retention.years", "rule " + item.retention().rule() + " needs years > 0"));
            }
            if (!blank(item.retention().deadlineField())) {
                known(f, "retention.deadline-field", item.retention().deadlineField(), keys);
                ofType(f, "retention.deadline-field", item, item.retention().deadlineField(), FieldTypeName.DATE);
            }
        }
        if (item.timelinessField() != null) {
            known(f, "timeliness-field", item.timelinessField(), keys);
            ofType(f, "timeliness-field", item, item.timelinessField(), FieldTypeName.DATE);
        }
        condition(f, "ends-when", item.endsWhen(), keys);
        for (int i = 0; i < item.rules().size(); i++) {
            checkRule(f, "rules[" + i + "]", item, item.rules().get(i), keys);
        }
    }

    private void checkRule(YamlFile f, String at, CatalogItemDefinition item, RuleDefinition rule, Set<String> keys) {
        for (String field : rule.fields()) {
            if (blank(field)) {
                problems.add(f.problem(at, "a rule names an empty field"));
            } else if (!keys.contains(field)) {
                problems.add(f.problem(at, "unknown field '" + field + "'"));
            }
        }
        if (rule instanceof RuleDefinition.DateOrder r) {
            ofType(f, at, item, r.earlier(), FieldTypeName.DATE);
            ofType(f, at, item, r.later(), FieldTypeName.DATE);
        } else if (rule instanceof RuleDefinition.NotFuture r) {
            r.dates().forEach(d -> ofType(f, at, item, d, FieldTypeName.DATE));
        } else if (rule instanceof RuleDefinition.PositiveIfContains r) {
            ofType(f, at, item, r.field(), FieldTypeName.DECIMAL);
            if (r.contains().isEmpty()) {
                problems.add(f.problem(at + ".contains", "contains needs at least one value"));
            }
        } else if (rule instanceof RuleDefinition.PresentIfContains r) {
            if (r.contains().isEmpty()) {
                problems.add(f.problem(at + ".contains", "contains needs at least one value"));
            }
        } else if (rule instanceof RuleDefinition.CodePrefix r) {
            if (blank(r.prefix())) {
                problems.add(f.problem(at + ".prefix", "prefix is required"));
            }
            condition(f, at + ".when", r.when(), keys);
        } else if (rule instanceof RuleDefinition.AmountUnit r) {
            r.amounts().forEach(a -> ofType(f, at, item, a, FieldTypeName.DECIMAL));
            if (r.threshold() == null || r.threshold().signum() <= 0) {
                problems.add(f.problem(at + ".threshold", "threshold must be a positive number"));
            }
        }
    }

    void checkConnector(String code, YamlFile.Bound<ConnectorDefinition> bound, Set<String> items) {
        ConnectorDefinition c = bound.value();
        YamlFile f = bound.file();
        if (!code.equals(c.code())) {
            problems.add(f.problem("code", "code '" + c.code() + "' must equal the file name '" + code + "'"));
        }
        require(f, "name", c.name());
        if (!blank(c.uscc()) && !UsccCheckDigit.isValid(c.uscc())) {
            problems.add(f.problem("uscc", "'" + c.uscc() + "' is not a valid 统一社会信用代码"));
        }
        if (c.channels().isEmpty()) {
            problems.add(f.problem("channels", "a connector needs at least one channel"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < c.channels().size(); i++) {
            ChannelDefinition ch = c.channels().get(i);
            String at = "channels[" + i + "]";
            if (blank(ch.id()) || !ch.id().matches(KEY_PATTERN)) {
                problems.add(f.problem(at + ".id", "id '" + ch.id() + "' must be kebab-case (a-z, 0-9, -)"));
            } else if (!ids.add(ch.id())) {
                problems.add(f.problem(at + ".id", "duplicate channel id '" + ch.id() + "'"));
            }
            for (int j = 0; j < ch.items().size(); j++) {
                if (!items.contains(ch.items().get(j))) {
                    problems.add(f.problem(at + ".items[" + j + "]", "unknown catalog item '" + ch.items().get(j) + "'"));
                }
            }
            if (ch instanceof DropChannelDefinition d) {
                require(f, at + ".path", d.path());
                if (d.settle().toMillis() < 100 || d.poll().toMillis() < 100) {
                    problems.add(f.problem(at, "settle and poll must be at least 100ms (a file still being copied "
                            + "must not be taken, and a folder must not be scanned in a busy loop)"));
                }
                escapes(f, at + ".path", d.path());
            }
            if (ch instanceof org.creditexchange.intake.JdbcChannelDefinition j) {
                for (int k = 0; k < j.pulls().size(); k++) {
                    var pull = j.pulls().get(k);
                    if (pull != null && pull.item() != null && !items.contains(pull.item())) {
                        problems.add(f.problem(at + ".pulls[" + k + "].item", "unknown catalog item '" + pull.item() + "'"));
                    }
                }
            }
            for (org.creditexchange.intake.ChannelProblem p : ch.problems()) {
                problems.add(f.problem(p.path().isEmpty() ? at : at + "." + p.path(), p.message()));
            }
        }
        if (c.feedback() != null) {
            if (!"folder".equals(c.feedback().type())) {
                problems.add(f.problem("feedback.type", "unknown feedback type '" + c.feedback().type() + "', expected folder"));
            }
            require(f, "feedback.path", c.feedback().path());
            escapes(f, "feedback.path", c.feedback().path());
        }
        // Without a feedback folder and a drop channel, a unit's feedback is kept in <data>/feedback/<unit>.
    }

    /** A relative folder must stay inside the data directory. */
    private void escapes(YamlFile f, String at, String path) {
        if (!blank(path) && !Path.of(path).isAbsolute() && Path.of(path).normalize().startsWith("..")) {
            problems.add(f.problem(at, "'" + path + "' leaves the data directory: write an absolute path for a folder "
                    + "outside it"));
        }
    }

    /**
     * No drop folder inside another, and no feedback folder inside an inbox (feedback would be taken as a new
     * file, and its feedback too, without end).
     */
    void checkFoldersApart(Map<String, YamlFile.Bound<ConnectorDefinition>> connectors) {
        List<String[]> drops = new java.util.ArrayList<>();
        connectors.forEach((code, b) -> b.value().channels().stream()
                .filter(ch -> ch instanceof DropChannelDefinition d && !blank(d.path()))
                .forEach(ch -> drops.add(new String[] {code + "/" + ch.id(),
                        Path.of(((DropChannelDefinition) ch).path()).normalize().toString()})));
        connectors.forEach((code, b) -> {
            List<ChannelDefinition> channels = b.value().channels();
            for (int i = 0; i < channels.size(); i++) {
                if (channels.get(i) instanceof DropChannelDefinition d && !blank(d.path())) {
                    Path mine = Path.of(d.path()).normalize();
                    for (String[] other : drops) {
                        Path theirs = Path.of(other[1]);
                        if (!other[0].equals(code + "/" + d.id()) && !mine.equals(theirs)
                                && (mine.startsWith(theirs) || theirs.startsWith(mine))) {
                            problems.add(b.file().problem("channels[" + i + "].path", "drop folder '" + d.path()
                                    + "' and the drop folder of " + other[0] + " lie inside one another"));
                        }
                    }
                }
            }
            if (b.value().feedback() != null && !blank(b.value().feedback().path())) {
                Path feedback = Path.of(b.value().feedback().path()).normalize();
                for (String[] drop : drops) {
                    Path inbox = Path.of(drop[1]).resolve("inbox");
                    if (feedback.startsWith(inbox) || inbox.startsWith(feedback)) {
                        problems.add(b.file().problem("feedback.path", "feedback folder '" + b.value().feedback().path()
                                + "' overlaps the inbox of " + drop[0] + ": feedback would be taken as a new file"));
                    }
                }
            }
        });
    }

    void checkDropPathsUnique(Map<String, YamlFile.Bound<ConnectorDefinition>> connectors) {
        Map<String, String> owners = new HashMap<>();
        connectors.forEach((code, b) -> {
            List<ChannelDefinition> channels = b.value().channels();
            for (int i = 0; i < channels.size(); i++) {
                if (channels.get(i) instanceof DropChannelDefinition d && !blank(d.path())) {
                    String norm = Path.of(d.path()).normalize().toString();
                    String owner = owners.putIfAbsent(norm, code + "/" + d.id());
                    if (owner != null) {
                        problems.add(b.file().problem("channels[" + i + "].path",
                                "drop folder '" + d.path() + "' is already watched by " + owner));
                    }
                }
            }
        });
    }

    void checkSourceMapping(String unit, String itemId, YamlFile.Bound<SourceMappingDefinition> bound, Set<String> units,
                            Set<String> itemFiles, Map<String, CatalogItemDefinition> items,
                            Map<String, CodeTableDefinition> codes) {
        SourceMappingDefinition m = bound.value();
        YamlFile f = bound.file();
        if (!units.contains(unit)) {
            problems.add(f.problem("", "no connector '" + unit + "' (the folder name under mappings/sources/ is the unit code)"));
        }
        if (m.unit() != null && !m.unit().equals(unit)) {
            problems.add(f.problem("unit", "unit '" + m.unit() + "' does not match the folder '" + unit + "'"));
        }
        if (m.item() != null && !m.item().equals(itemId)) {
            problems.add(f.problem("item", "item '" + m.item() + "' does not match the file name '" + itemId + "'"));
        }
        if (m.headerRow() != null && m.headerRow() < 1) {
            problems.add(f.problem("header-row", "header-row counts from 1"));
        }
        for (int i = 0; i < m.dateFormats().size(); i++) {
            try {
                java.time.format.DateTimeFormatter.ofPattern(m.dateFormats().get(i));
            } catch (IllegalArgumentException e) {
                problems.add(f.problem("date-formats[" + i + "]", "not a date pattern: " + e.getMessage()));
            }
        }
        CatalogItemDefinition item = items.get(itemId);
        if (item == null) {
            // An item whose file exists but failed to bind has been reported already.
            if (!itemFiles.contains(itemId)) {
                problems.add(f.problem("", "unknown catalog item '" + itemId + "' (the file name is the item id)"));
            }
            return;
        }
        m.headerAliases().forEach((k, aliases) -> {
            if (item.field(k).isEmpty()) {
                problems.add(f.problem("header-aliases." + k, "unknown field '" + k + "' of " + itemId));
            }
            for (int i = 0; i < aliases.size(); i++) {
                notProhibited(f, "header-aliases." + k + "[" + i + "]", aliases.get(i), ProhibitedData.coversPersons(item));
            }
        });
        m.constants().keySet().forEach(k -> {
            if (item.field(k).isEmpty()) {
                problems.add(f.problem("constants." + k, "unknown field '" + k + "' of " + itemId));
            }
        });
        m.codeTranslations().forEach((k, translation) -> {
            var fd = item.field(k);
            if (fd.isEmpty()) {
                problems.add(f.problem("code-translations." + k, "unknown field '" + k + "' of " + itemId));
            } else if (fd.get().type() != FieldTypeName.CODE) {
                problems.add(f.problem("code-translations." + k, "field '" + k + "' is not of type code"));
            } else {
                // A code field without code-table has been reported already (and TreeMap.get(null) throws).
                CodeTableDefinition table = blank(fd.get().codeTable()) ? null : codes.get(fd.get().codeTable());
                if (table != null) {
                    translation.forEach((from, to) -> {
                        boolean known = table.entries().stream().anyMatch(e -> e.value().equals(to));
                        if (!known) {
                            problems.add(f.problem("code-translations." + k + "." + from, "'" + to
                                    + "' is not a value of code table " + table.id()));
                        }
                    });
                }
            }
        });
    }

    void checkFormat(String id, YamlFile.Bound<FormatDefinition> bound, Set<String> itemFiles,
                     Map<String, CatalogItemDefinition> items, Map<String, CodeTableDefinition> codes) {
        FormatDefinition fmt = bound.value();
        YamlFile f = bound.file();
        if (!id.equals(fmt.id())) {
            problems.add(f.problem("id", "id '" + fmt.id() + "' must equal the file name '" + id + "'"));
        }
        require(f, "title", fmt.title());
        if (blank(fmt.item())) {
            problems.add(f.problem("item", "item is required"));
            return;
        }
        CatalogItemDefinition item = items.get(fmt.item());
        if (item == null) {
            if (!itemFiles.contains(fmt.item())) {
                problems.add(f.problem("item", "unknown catalog item '" + fmt.item() + "'"));
            }
            return;
        }
        if (fmt.columns().isEmpty()) {
            problems.add(f.problem("columns", "a format needs columns"));
        }
        Map<String, String> seen = new HashMap<>();
        fmt.columns().forEach((key, titles) -> {
            if (item.field(key).isEmpty()) {
                problems.add(f.problem("columns." + key, "unknown field '" + key + "' of " + item.id()));
            }
            for (int i = 0; i < titles.size(); i++) {
                header(f, seen, titles.get(i), key, "columns." + key + "[" + i + "]");
                notProhibited(f, "columns." + key + "[" + i + "]", titles.get(i), ProhibitedData.coversPersons(item));
            }
        });
        for (int i = 0; i < fmt.ignored().size(); i++) {
            header(f, seen, fmt.ignored().get(i), "(ignored)", "ignored[" + i + "]");
        }
        for (int i = 0; i < fmt.derive().size(); i++) {
            FormatDefinition.DerivedField d = fmt.derive().get(i);
            String at = "derive[" + i + "]";
            if (blank(d.field()) || item.field(d.field()).isEmpty()) {
                problems.add(f.problem(at + ".field", "unknown field '" + d.field() + "' of " + item.id()));
            }
            if (!FormatDefinition.DerivedField.RULES.contains(d.rule())) {
                problems.add(f.problem(at + ".rule", "unknown rule '" + d.rule() + "', expected one of "
                        + FormatDefinition.DerivedField.RULES));
            } else if ((d.rule().equals("copy") || d.rule().equals("constant-when-present"))
                    && (blank(d.from()) || item.field(d.from()).isEmpty())) {
                problems.add(f.problem(at + ".from", "rule " + d.rule() + " needs 'from', a field of " + item.id()));
            } else if ((d.rule().startsWith("constant")) && blank(d.value())) {
                problems.add(f.problem(at + ".value", "rule " + d.rule() + " needs 'value'"));
            }
        }
        for (int i = 0; i < fmt.relaxed().size(); i++) {
            if (item.field(fmt.relaxed().get(i)).isEmpty()) {
                problems.add(f.problem("relaxed[" + i + "]", "unknown field '" + fmt.relaxed().get(i) + "' of " + item.id()));
            }
        }
        fmt.codeTranslations().forEach((key, translation) -> {
            var fd = item.field(key);
            if (fd.isEmpty() || fd.get().type() != FieldTypeName.CODE) {
                problems.add(f.problem("code-translations." + key, "'" + key + "' is not a code field of " + item.id()));
            } else if (codes.containsKey(fd.get().codeTable())) {
                CodeTableDefinition table = codes.get(fd.get().codeTable());
                translation.forEach((from, to) -> {
                    if (table.entries().stream().noneMatch(e -> e.value().equals(to))) {
                        problems.add(f.problem("code-translations." + key + "." + from, "'" + to
                                + "' is not a value of code table " + table.id()));
                    }
                });
            }
        });
    }

    /**
     * A job: its id is the file name, it has steps, and every step names a known step type.
     */
    void checkJob(String fileId, YamlFile.Bound<JobDefinition> bound) {
        JobDefinition job = bound.value();
        YamlFile f = bound.file();
        if (blank(job.id())) {
            problems.add(f.problem("id", "id is required (it equals the file name '" + fileId + "')"));
        } else if (!fileId.equals(job.id())) {
            problems.add(f.problem("id", "id '" + job.id() + "' must equal the file name '" + fileId + "'"));
        }
        if (job.steps().isEmpty()) {
            problems.add(f.problem("steps", "a job needs at least one step (step types: "
                    + String.join(", ", new java.util.TreeSet<>(StepType.AVAILABLE)) + ")"));
        }
        for (int i = 0; i < job.steps().size(); i++) {
            JobDefinition.Step step = job.steps().get(i);
            String at = "steps[" + i + "].type";
            if (step == null || blank(step.type())) {
                problems.add(f.problem("steps[" + i + "]", "type is required"));
            } else if (!StepType.AVAILABLE.contains(step.type())) {
                problems.add(f.problem(at, "unknown step type '" + step.type() + "' (available: "
                        + String.join(", ", new java.util.TreeSet<>(StepType.AVAILABLE)) + ")"));
            }
        }
    }

    /** A Quartz trigger: id is the file name, the job exists, the cron expression parses, the zone is known. */
    void checkSchedule(String fileId, YamlFile.Bound<ScheduleDefinition> bound, Set<String> jobIds) {
        ScheduleDefinition s = bound.value();
        YamlFile f = bound.file();
        if (blank(s.id())) {
            problems.add(f.problem("id", "id is required (it equals the file name '" + fileId + "')"));
        } else if (!fileId.equals(s.id())) {
            problems.add(f.problem("id", "id '" + s.id() + "' must equal the file name '" + fileId + "'"));
        }
        if (blank(s.job())) {
            problems.add(f.problem("job", "job is required (a file of jobs/)"));
        } else if (!jobIds.contains(s.job())) {
            problems.add(f.problem("job", "unknown job '" + s.job() + "': no jobs/" + s.job() + ".yaml"));
        }
        if (blank(s.cron())) {
            problems.add(f.problem("cron", "cron is required, e.g. '0 0 2 * * ?' (seconds minutes hours day month weekday)"));
        } else {
            try {
                new org.quartz.CronExpression(s.cron());
            } catch (java.text.ParseException e) {
                problems.add(f.problem("cron", "not a Quartz cron expression ('" + s.cron() + "'): " + e.getMessage()
                        + " (six or seven fields: seconds minutes hours day-of-month month day-of-week [year], e.g. '0 0 2 * * ?')"));
            }
        }
        try {
            s.zone();
        } catch (java.time.DateTimeException e) {
            problems.add(f.problem("time-zone", "unknown time zone '" + s.timeZone() + "' (e.g. Asia/Shanghai)"));
        }
        if (!ScheduleDefinition.FIRE_ONCE.equals(s.misfire()) && !ScheduleDefinition.SKIP.equals(s.misfire())) {
            problems.add(f.problem("misfire", "misfire is fire-once or skip, not '" + s.misfire() + "'"));
        }
    }

    /**
     * A working-day calendar: its year is the file name's, every date lies in that year, ranges run forwards, no day
     * is listed twice, and an adjusted working day is a weekend day that is not also a holiday.
     */
    void checkCalendar(int fileYear, YamlFile.Bound<CalendarDefinition> bound) {
        CalendarDefinition c = bound.value();
        YamlFile f = bound.file();
        if (c.year() == null) {
            problems.add(f.problem("year", "year is required"));
        } else if (c.year() != fileYear) {
            problems.add(f.problem("year", "year " + c.year() + " must equal the file name's year " + fileYear));
        }
        require(f, "source", c.source());
        Map<LocalDate, String> holidays = new HashMap<>();
        for (int i = 0; i < c.holidays().size(); i++) {
            CalendarDefinition.Holiday h = c.holidays().get(i);
            String at = "holidays[" + i + "]";
            require(f, at + ".name", h.name());
            if (h.from() == null) {
                problems.add(f.problem(at + ".from", "from is required (the first day off)"));
                continue;
            }
            boolean inYear = inYear(f, at + ".from", h.from(), fileYear);
            if (h.to() != null) {
                inYear &= inYear(f, at + ".to", h.to(), fileYear);
                if (h.to().isBefore(h.from())) {
                    problems.add(f.problem(at + ".to", "to " + h.to() + " is before from " + h.from()));
                    continue;
                }
            }
            if (!inYear) {
                continue;
            }
            String shown = at + (blank(h.name()) ? "" : " " + h.name());
            for (LocalDate day = h.from(); !day.isAfter(h.last()); day = day.plusDays(1)) {
                String earlier = holidays.putIfAbsent(day, shown);
                if (earlier != null) {
                    problems.add(f.problem(at, day + " is already a holiday (" + earlier + ")"));
                    break;
                }
            }
        }
        Map<LocalDate, String> adjusted = new HashMap<>();
        for (int i = 0; i < c.adjustedWorkingDays().size(); i++) {
            LocalDate day = c.adjustedWorkingDays().get(i).date();
            String at = "adjusted-working-days[" + i + "]";
            if (day == null) {
                problems.add(f.problem(at + ".date", "date is required"));
                continue;
            }
            if (!inYear(f, at + ".date", day, fileYear)) {
                continue;
            }
            String earlier = adjusted.putIfAbsent(day, at);
            if (earlier != null) {
                problems.add(f.problem(at + ".date", day + " is already listed (" + earlier + ")"));
            } else if (holidays.containsKey(day)) {
                problems.add(f.problem(at + ".date", day + " is both a holiday (" + holidays.get(day)
                        + ") and an adjusted working day"));
            } else if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.add(f.problem(at + ".date", day + " is a " + day.getDayOfWeek().getDisplayName(TextStyle.FULL,
                        Locale.ENGLISH) + ": an adjusted working day (调休上班) is a Saturday or Sunday"));
            }
        }
    }

    private boolean inYear(YamlFile f, String at, LocalDate day, int year) {
        if (day.getYear() != year) {
            problems.add(f.problem(at, day + " is not in " + year + " (one file per year: calendar-" + year + ".yaml)"));
            return false;
        }
        return true;
    }

    private void header(YamlFile f, Map<String, String> seen, String title, String key, String at) {
        String form = TextNormalization.forMatching(title);
        String earlier = seen.putIfAbsent(form, key);
        if (earlier != null && !earlier.equals(key)) {
            problems.add(f.problem(at, "header '" + title + "' already names field '" + earlier + "'"));
        }
    }

    private void condition(YamlFile f, String at, ConditionDefinition c, Set<String> keys) {
        if (c == null) {
            return;
        }
        if (blank(c.field())) {
            problems.add(f.problem(at + ".field", "field is required"));
        } else {
            known(f, at + ".field", c.field(), keys);
        }
        if (c.in().isEmpty() && !c.filled()) {
            problems.add(f.problem(at + ".in", "in needs at least one value (or filled: true)"));
        } else if (!c.in().isEmpty() && c.filled()) {
            problems.add(f.problem(at + ".filled", "a condition is either in: [values] or filled: true, not both"));
        }
    }

    private void ofType(YamlFile f, String at, CatalogItemDefinition item, String key, FieldTypeName type) {
        item.field(key).filter(fd -> fd.type() != type).ifPresent(fd ->
                problems.add(f.problem(at, "field '" + key + "' must be of type " + type.yamlName())));
    }

    private void known(YamlFile f, String at, String key, Set<String> keys) {
        if (!keys.contains(key)) {
            problems.add(f.problem(at, "unknown field '" + key + "'"));
        }
    }

    private void oneOf(YamlFile f, String at, String value, Set<String> allowed) {
        if (blank(value)) {
            problems.add(f.problem(at, at + " is required, one of " + allowed));
        } else if (!allowed.contains(value)) {
            problems.add(f.problem(at, "unknown value '" + value + "', expected one of " + allowed));
        }
    }

    private void require(YamlFile f, String at, String value) {
        if (blank(value)) {
            problems.add(f.problem(at, at.substring(at.lastIndexOf('.') + 1) + " is required"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
