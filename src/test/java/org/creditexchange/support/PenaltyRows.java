package org.creditexchange.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 行政处罚 rows for fixtures, by standard Chinese title: each starts as a complete valid row about an organisation
 * and is changed with {@link #with}.
 */
public final class PenaltyRows {

    public static final List<String> TITLES = List.of("行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)",
            "行政相对人代码_2(工商注册号)", "行政相对人代码_3(组织机构代码)", "行政相对人代码_4(税务登记号)",
            "行政相对人代码_5(事业单位证书号)", "行政相对人代码_6(社会组织登记证号)", "法定代表人", "法定代表人证件类型",
            "法定代表人证件号码", "证件类型", "证件号码", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别",
            "处罚内容", "罚款金额（万元）", "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期",
            "处罚有效期", "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注");

    /** A valid authority code (GB 32100 check passes). */
    public static final String AUTHORITY_CODE = "113301060025000178";
    /** Valid organisation codes. */
    public static final List<String> ORG_CODES = List.of("91330106MA2B3C4D11", "91330106704123455B",
            "91330106MA2H00014Q", "91330106MA2H00022K", "91330106MA2H00030E", "91330106MA27XK9L03");
    /** A valid ID number (GB 11643) of a made-up person, and its masked form. */
    public static final String PERSON_ID = "330106198503121231";
    public static final String PERSON_ID_MASKED = "330106********1231";

    private final Map<String, Object> values = new LinkedHashMap<>();

    private PenaltyRows() {
    }

    /** A valid row about organisation {@code ORG_CODES[i]} with decision number ending in {@code n}. */
    public static PenaltyRows org(int i, String decisionNumber) {
        PenaltyRows r = new PenaltyRows();
        r.values.put("行政相对人名称", "测试企业" + i + "有限公司");
        r.values.put("行政相对人类别", "法人及非法人组织");
        r.values.put("行政相对人代码_1(统一社会信用代码)", ORG_CODES.get(i));
        r.values.put("法定代表人", "王明");
        r.values.put("行政处罚决定书文号", decisionNumber);
        r.values.put("违法行为类型", "虚假宣传");
        r.values.put("违法事实", "发布虚假广告");
        r.values.put("处罚依据", "《中华人民共和国广告法》第五十五条");
        r.values.put("处罚类别", "罚款");
        r.values.put("处罚内容", "罚款二万元");
        r.values.put("罚款金额（万元）", 2.0);
        r.values.put("处罚决定日期", java.time.LocalDate.of(2026, 10, 15));
        r.values.put("处罚有效期", java.time.LocalDate.of(2027, 10, 14));
        r.values.put("处罚机关", "测试区市场监督管理局");
        r.values.put("处罚机关统一社会信用代码", AUTHORITY_CODE);
        r.values.put("数据来源单位", "测试区市场监督管理局");
        r.values.put("数据来源单位统一社会信用代码", AUTHORITY_CODE);
        return r;
    }

    /** A valid row about the natural person {@link #PERSON_ID}. */
    public static PenaltyRows person(String decisionNumber) {
        return org(0, decisionNumber)
                .with("行政相对人名称", "张某某").with("行政相对人类别", "自然人")
                .with("行政相对人代码_1(统一社会信用代码)", "").with("法定代表人", "")
                .with("证件类型", "身份证").with("证件号码", PERSON_ID);
    }

    /** Sets the cell under {@code title}: a String, a Double (numeric cell) or a LocalDate (date cell). */
    public PenaltyRows with(String title, Object value) {
        if (!TITLES.contains(title)) {
            throw new IllegalArgumentException("no such title " + title);
        }
        values.put(title, value);
        return this;
    }

    /** The row's cells in template order ("" or null for empty). */
    public List<Object> cells() {
        List<Object> cells = new ArrayList<>();
        for (String t : TITLES) {
            cells.add(values.getOrDefault(t, ""));
        }
        return cells;
    }
}
