package org.creditexchange.ops.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.creditexchange.match.RegistryCode;
import org.creditexchange.match.RegistryImport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import-registry}: bulk-imports enterprise lists (registry extracts) into the subject registry. */
@Command(name = "import-registry", description = "Import enterprise lists (xlsx/xls/csv: 企业名称, 注册号/统一社会信用代码, "
        + "optional 登记机关, 管辖单位, 法定代表人, 登记状态) into the subject registry; print counts in Chinese.")
final class ImportRegistryCommand implements Callable<Integer> {

    /** Row numbers listed per kind of problem; the rest are counted. */
    static final int ROWS_SHOWN = 50;

    @Option(names = "--source", required = true, description = "Name of the registry the lists come from (stored as import:NAME).")
    String source;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Enterprise lists to import.")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (source.isBlank()) {
            err.println("--source must not be blank");
            return CreditExchangeCommand.EXIT_CONFIG;
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                err.println("No such file: " + f);
                return CreditExchangeCommand.EXIT_CONFIG;
            }
        }
        try (ConfigurableApplicationContext ctx = CreditExchangeCommand.startEngine(err)) {
            if (ctx == null) {
                return CreditExchangeCommand.EXIT_CONFIG;
            }
            RegistryImport importer = ctx.getBean(RegistryImport.class);
            int exit = 0;
            for (Path f : files) {
                try {
                    print(out, importer.importFile(source.strip(), f));
                } catch (RegistryImport.ImportException e) {
                    out.printf("文件 %s：未导入。%s%n", f.getFileName(), e.getMessage());
                    exit = CreditExchangeCommand.EXIT_CONFIG;
                }
                out.flush();
            }
            return exit;
        }
    }

    private void print(PrintWriter out, RegistryImport.Summary s) {
        out.printf("文件 %s：读取 %d 行，新增 %d，更新 %d，未变 %d。%n", s.file().getFileName(), s.read(),
                s.counts().added(), s.counts().updated(), s.counts().unchanged());
        out.printf("  代码：统一社会信用代码 %d，15位注册号 %d，其他旧注册号 %d，校验未通过 %d，缺失 %d。%n",
                kind(s, RegistryCode.Kind.USCC), kind(s, RegistryCode.Kind.REG_NUMBER), kind(s, RegistryCode.Kind.LEGACY),
                kind(s, RegistryCode.Kind.INVALID_USCC) + kind(s, RegistryCode.Kind.INVALID_REG_NUMBER),
                kind(s, RegistryCode.Kind.MISSING));
        if (!s.invalidRows().isEmpty()) {
            out.printf("  校验未通过的代码 %d 个（已按原样登记为旧注册号，请核对）：%s%n", s.invalidRows().size(), rows(s.invalidRows()));
        }
        if (!s.skippedRows().isEmpty()) {
            out.printf("  缺少企业名称或代码、未导入 %d 行：%s%n", s.skippedRows().size(), rows(s.skippedRows()));
        }
    }

    private static int kind(RegistryImport.Summary s, RegistryCode.Kind kind) {
        return s.kinds().getOrDefault(kind, 0);
    }

    private static String rows(List<Integer> rows) {
        String shown = rows.stream().limit(ROWS_SHOWN).map(String::valueOf).collect(Collectors.joining("、", "第", "行"));
        return rows.size() > ROWS_SHOWN ? shown + "等" : shown;
    }
}
