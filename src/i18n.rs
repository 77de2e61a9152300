//! Every user-visible UI string, one table per language ([`ZH`], [`EN`]), and the functions for
//! strings with numbers in them. Data text (names, titles, findings, figure labels) is shown as
//! published and never passes through here. Core `Diagnostic` messages (data file problems) carry
//! an English text for file-level problems and the common record checks; the rest are shown in
//! Chinese in the English UI, labelled [`Tr::in_chinese`].

use gongshi_core::date::PartialDate;
use gongshi_core::{format, Fen, Lang};
use leptos::prelude::*;

pub struct Tr {
    pub lang: Lang,
    pub skip: &'static str,
    pub data_updated: &'static str,
    pub reload_to_see: &'static str,
    pub manifest_failed: &'static str,
    pub disclosure: &'static str,
    pub app_name: &'static str,
    pub main_nav: &'static str,
    pub lang_switch: &'static str,
    pub lang_switch_label: &'static str,
    pub view_full: &'static str,
    pub footer_privacy: &'static str,
    pub footer_data: &'static str,
    pub footer_catalogue: &'static str,
    pub filters: &'static str,
    pub clear_all_filters: &'static str,
    pub clear_filters: &'static str,
    pub no_rows: &'static str,
    pub show_sample: &'static str,
    pub only_real: &'static str,
    /// The header's large-text switch (a toggle button) and its tooltip.
    pub text_size_label: &'static str,
    pub text_large: &'static str,
    pub sample_badge: &'static str,
    /// A phone's button that opens a table row's card to show all its fields, and closes it.
    pub row_more: &'static str,
    pub sort_by: &'static str,
    pub row_less: &'static str,
    pub sample_data: &'static str,
    pub real_badge: &'static str,
    pub pager: &'static str,
    pub prev_page: &'static str,
    pub next_page: &'static str,
    pub money_unit: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub copy_image: &'static str,
    pub chart_data_btn: &'static str,
    pub embed_btn: &'static str,
    pub embed_help: &'static str,
    pub chart_data: &'static str,
    pub csv_data_suffix: &'static str,
    pub file_error: &'static str,
    pub file: &'static str,
    pub location: &'static str,
    pub reason: &'static str,
    pub others_unaffected: &'static str,
    pub retry: &'static str,
    pub col_indicator: &'static str,
    pub col_value: &'static str,
    pub col_period: &'static str,
    pub col_source: &'static str,
    pub quote_prefix: &'static str,
    pub note_prefix: &'static str,
    pub loading_rect: &'static str,
    pub loading_figures: &'static str,
    pub loading_summary: &'static str,
    /// A dataset the data folder does not list.
    pub unpublished: &'static str,
    /// A dataset that is published but has no records yet.
    pub no_records_yet: &'static str,
    /// 账目一览 with nothing published yet.
    pub acc_empty: &'static str,
    pub ov_acc_h: &'static str,
    pub ov_acc_note: &'static str,
    pub ov_acc_sample: &'static str,
    pub acc_received: &'static str,
    pub acc_disbursed: &'static str,
    pub acc_relief: &'static str,
    pub acc_units: &'static str,
    pub acc_open_ledger: &'static str,
    pub acc_open_relief: &'static str,
    pub acc_open_coverage: &'static str,
    pub acc_year_caption: &'static str,
    pub loading_ledger: &'static str,
    /// After a data-file message that has no English text yet.
    pub in_chinese: &'static str,
    pub loading_relief: &'static str,
    pub loading_coverage: &'static str,
    pub loading_manifest: &'static str,
    pub ov_rect_h: &'static str,
    pub ov_fig_h: &'static str,
    pub ov_fig_note: &'static str,
    pub figures_caption_all: &'static str,
    pub stem_progress: &'static str,
    pub don_h: &'static str,
    pub don_lead: &'static str,
    pub real_figures_h: &'static str,
    pub don_related: &'static str,
    pub don_related_caption: &'static str,
    pub stem_monthly: &'static str,
    pub stem_directed: &'static str,
    pub stem_channel: &'static str,
    pub stem_goods: &'static str,
    pub ledger_what: &'static str,
    pub don_dataset: &'static str,
    pub don_search: &'static str,
    pub don_placeholder: &'static str,
    pub don_caption: &'static str,
    pub charts_h: &'static str,
    /// The buttons that jump between a long page's sections.
    pub jump_label: &'static str,
    pub jump_ledger: &'static str,
    pub jump_charts: &'static str,
    pub jump_years: &'static str,
    pub jump_goods: &'static str,
    pub goods_file_note: &'static str,
    pub totals_label: &'static str,
    pub money_in: &'static str,
    pub money_out: &'static str,
    pub goods_value: &'static str,
    pub years_label: &'static str,
    pub years_caption: &'static str,
    pub col_year: &'static str,
    pub col_non_directed: &'static str,
    pub col_online: &'static str,
    pub col_spent: &'static str,
    pub col_project_costs: &'static str,
    pub col_cap: &'static str,
    pub col_over: &'static str,
    pub not_over: &'static str,
    pub directed_label: &'static str,
    pub directed_caption: &'static str,
    pub col_purpose: &'static str,
    pub col_count: &'static str,
    pub col_received: &'static str,
    pub col_paid: &'static str,
    pub col_left: &'static str,
    pub col_use_share: &'static str,
    pub goods_label: &'static str,
    pub goods_caption: &'static str,
    pub col_batch: &'static str,
    pub col_item: &'static str,
    pub col_in: &'static str,
    pub col_out: &'static str,
    pub col_written_off: &'static str,
    pub col_balance: &'static str,
    pub col_flags: &'static str,
    pub col_origin: &'static str,
    pub negative: &'static str,
    pub rect_h: &'static str,
    pub print_all: &'static str,
    pub progress_label: &'static str,
    pub rect_search: &'static str,
    pub rect_placeholder: &'static str,
    pub rect_filters: &'static str,
    pub no_problems: &'static str,
    pub progress_chart_h: &'static str,
    pub org_of_work: &'static str,
    pub next_steps: &'static str,
    pub contact: &'static str,
    pub feedback_lead: &'static str,
    pub ask: &'static str,
    pub history_alarm: &'static str,
    pub qr: &'static str,
    pub qr_title: &'static str,
    pub qr_alt: &'static str,
    pub qr_caption: &'static str,
    pub qr_save: &'static str,
    pub qr_file: &'static str,
    pub footer_feedback: &'static str,
    pub phone: &'static str,
    pub address: &'static str,
    pub postcode: &'static str,
    pub email: &'static str,
    pub transcription: &'static str,
    pub finding: &'static str,
    pub measures: &'static str,
    pub dates: &'static str,
    pub relief_h: &'static str,
    pub privacy_h: &'static str,
    pub relief_what: &'static str,
    pub relief_dataset: &'static str,
    pub relief_caption: &'static str,
    pub relief_count: &'static str,
    pub relief_amount: &'static str,
    pub relief_goods: &'static str,
    pub problem5: &'static str,
    pub stem_gap: &'static str,
    pub relief_related: &'static str,
    pub relief_related_caption: &'static str,
    pub agg_file: &'static str,
    pub agg_h: &'static str,
    pub agg_download: &'static str,
    pub agg_label: &'static str,
    pub cov_totals_label: &'static str,
    pub cov_units: &'static str,
    pub cov_village_level: &'static str,
    pub cov_rate: &'static str,
    pub stem_rate: &'static str,
    pub stem_units: &'static str,
    pub stem_before: &'static str,
    pub stem_after: &'static str,
    pub report_text_h: &'static str,
    pub cov_dataset: &'static str,
    pub teams_h: &'static str,
    pub cov_related: &'static str,
    pub cov_related_caption: &'static str,
    pub cov_h: &'static str,
    pub cov_lead: &'static str,
    pub whole_city: &'static str,
    pub data_h: &'static str,
    pub data_lead: &'static str,
    pub data_schema_1: &'static str,
    pub data_schema_2: &'static str,
    pub has_sample: &'static str,
    pub real_data: &'static str,
    pub not_stated: &'static str,
    pub next_due: &'static str,
    pub basis: &'static str,
    pub records: &'static str,
    pub updated: &'static str,
    pub date_range: &'static str,
    pub source: &'static str,
    pub download_json: &'static str,
    pub schema: &'static str,
    pub view_table: &'static str,
    pub cite: &'static str,
    pub copy_cite: &'static str,
    pub rect_csv_header: &'static str,
    pub rect_csv_file: &'static str,
    pub fatal: &'static str,
    pub reload_page: &'static str,
    pub full_stop: &'static str,
    pub rect_csv_btn: &'static str,
}

pub static ZH: Tr = Tr {
    lang: Lang::Zh,
    skip: "跳到正文",
    data_updated: "数据已更新。",
    reload_to_see: "刷新查看",
    manifest_failed: "数据目录（manifest.json）无法读取",
    disclosure: " 信息公开",
    app_name: "公示",
    main_nav: "主导航",
    lang_switch: "English",
    lang_switch_label: "Switch to English",
    view_full: "在完整页面查看 ↗",
    footer_privacy: "本站只公开已发布的文件和数据，不收集任何个人信息。标注“示例数据”的记录为演示用生成数据，不是真实记录。",
    footer_data: "数据下载与引用",
    footer_catalogue: "数据目录（JSON）",
    filters: "筛选",
    clear_all_filters: "清除全部筛选",
    clear_filters: "清除筛选",
    no_rows: "没有符合条件的记录。请换个词或清除筛选。",
    show_sample: "显示示例数据",
    only_real: "只看真实记录",
    text_size_label: "大字模式：字号更大、行距更宽、对比更强",
    text_large: "大字",
    sample_badge: "示例",
    row_more: "展开全部信息",
    sort_by: "排序：",
    row_less: "收起",
    sample_data: "示例数据",
    real_badge: "真实",
    pager: "分页",
    prev_page: "上一页",
    next_page: "下一页",
    money_unit: "（元）",
    copied: "已复制",
    copy_failed: "复制失败",
    copy_image: "复制图片",
    chart_data_btn: "数据",
    embed_btn: "嵌入",
    embed_help: "把下面的代码粘贴到网页中，即可嵌入这张图（不需要脚本）：",
    chart_data: "图表数据（文字版）",
    csv_data_suffix: "_数据",
    file_error: "数据文件无法读取",
    file: "文件",
    location: "位置",
    reason: "原因",
    others_unaffected: "其他页面和数据不受影响。",
    retry: "重试",
    col_indicator: "指标",
    col_value: "数值",
    col_period: "期间",
    col_source: "出处",
    quote_prefix: "原文：",
    note_prefix: "说明：",
    loading_rect: "正在加载整改情况…",
    loading_figures: "正在加载数字…",
    loading_summary: "正在加载账目汇总…",
    acc_empty: "尚无账目记录。捐赠、支出和救助记录按法定周期公布后，这里显示它们的合计；各项数据的下次公开日期见“数据”页。",
    no_records_yet: "尚无记录。这项数据按法定周期公开，记录公布后会显示在这里，可以搜索、筛选和下载；下次公开日期见“数据”页。",
    unpublished: "本机构尚未在这里发布这项数据。发布后，它会显示在这里；已发布的数据见“数据”页。",
    ov_acc_h: "账目一览",
    ov_acc_note: "以下由各台账汇总而来，点击各项可查看明细。",
    ov_acc_sample: "这些台账目前是示例数据（程序生成，不是真实记录），数字只用于演示本站的功能。",
    acc_received: "收到捐赠",
    acc_disbursed: "支出",
    acc_relief: "救助",
    acc_units: "基层组织",
    acc_open_ledger: "查看捐赠台账",
    acc_open_relief: "查看救助明细",
    acc_open_coverage: "查看组织覆盖",
    acc_year_caption: "每年收到与支出",
    loading_ledger: "正在加载捐赠台账…",
    in_chinese: "",
    loading_relief: "正在加载救助数据…",
    loading_coverage: "正在加载组织覆盖数据…",
    loading_manifest: "正在加载数据目录…",
    ov_rect_h: "巡察整改",
    ov_fig_h: "整改报告中的关键数字",
    ov_fig_note: "以下均为报告原文中的真实数字，点击“出处”可查看所在段落。",
    figures_caption_all: "整改报告中的数字及出处",
    stem_progress: "整改进度",
    don_h: "捐赠款物",
    don_lead: "每一笔捐款、每一批捐赠物资从哪里来、到哪里去。",
    real_figures_h: "整改报告中的真实数字",
    don_related: "报告中与捐赠款物有关的全部数字",
    don_related_caption: "问题 2、7、8、9、14 中的数字",
    stem_monthly: "每月收支",
    stem_directed: "定向与非定向",
    stem_channel: "捐款渠道",
    stem_goods: "物资去向",
    ledger_what: "台账",
    don_dataset: "捐赠",
    don_search: "搜索捐赠方、项目、物资、用途、收据号",
    don_placeholder: "例如：防汛、腾讯公益、手套",
    don_caption: "捐赠台账（当前页）",
    charts_h: "图表（随筛选变化）",
    jump_label: "本页各部分",
    jump_ledger: "台账",
    jump_charts: "图表",
    jump_years: "年度收支",
    jump_goods: "物资",
    goods_file_note: "物资出库明细与核销记录见数据文件 ",
    totals_label: "当前筛选的合计",
    money_in: "捐款收入",
    money_out: "款项支出",
    goods_value: "捐赠物资（折价）",
    years_label: "按年汇总表",
    years_caption: "按年汇总：收入、支出与 6.5% 项目费用上限",
    col_year: "年份",
    col_non_directed: "非定向（占比）",
    col_online: "网络募捐（占比）",
    col_spent: "支出",
    col_project_costs: "项目费用",
    col_cap: "上限（非定向×6.5%）",
    col_over: "是否超标",
    not_over: "未超标",
    directed_label: "定向捐赠使用情况表",
    directed_caption: "每个定向用途：收到、已支出与结余",
    col_purpose: "定向用途",
    col_count: "笔数",
    col_received: "收到",
    col_paid: "已支出",
    col_left: "结余",
    col_use_share: "使用比例",
    goods_label: "捐赠物资结存表",
    goods_caption: "每批物资：入库、出库、核销与结存",
    col_batch: "批次",
    col_item: "物资",
    col_in: "入库",
    col_out: "出库",
    col_written_off: "核销",
    col_balance: "结存",
    col_flags: "情况",
    col_origin: "来源",
    negative: "（负）",
    rect_h: "巡察整改情况",
    print_all: "打印 / 存为 PDF（全部问题及措施）",
    progress_label: "整改进度",
    rect_search: "搜索问题、发现的情况和整改措施",
    rect_placeholder: "例如：募捐、手套、保密",
    rect_filters: "按方面、整改状态筛选",
    no_problems: "没有符合条件的问题。请换个词或清除筛选。",
    progress_chart_h: "整改进度图",
    org_of_work: "整改工作组织情况",
    next_steps: "下一步工作计划",
    contact: "监督与反馈",
    feedback_lead:
        "对整改落实情况或本站公布的数据有疑问、意见或线索，欢迎通过以下方式联系。点“对此有疑问”会用您自己的邮件程序写一封邮件，本站不收集也不发送任何信息。",
    ask: "对此有疑问",
    history_alarm: "注意：本站当前的数据与发布记录不符。",
    qr: "本页二维码",
    qr_title: "本页链接的二维码",
    qr_alt: "本页链接的二维码：扫码打开与此处相同的页面和筛选",
    qr_caption: "扫码打开本页（相同的筛选和排序）：",
    qr_save: "保存二维码（SVG）",
    qr_file: "本页二维码.svg",
    footer_feedback: "监督与反馈：",
    phone: "联系电话：",
    address: "邮寄地址：",
    postcode: "邮政编码：",
    email: "电子邮箱：",
    transcription: "关于本页的转录",
    finding: "发现的问题",
    measures: "整改措施",
    dates: "时间节点",
    relief_h: "救助",
    privacy_h: "隐私保护：",
    relief_what: "救助记录",
    relief_dataset: "救助",
    relief_caption: "救助记录（当前页；受助人已脱敏）",
    relief_count: "救助人次",
    relief_amount: "救助金额",
    relief_goods: "含物资的救助",
    problem5: "（问题 5）",
    stem_gap: "申报与备案",
    relief_related: "报告中与救助有关的全部数字",
    relief_related_caption: "问题 2、5 中的数字",
    agg_file: "大病救助汇总",
    agg_h: "儿童和大病救助（仅公布汇总）",
    agg_download: "下载汇总 CSV（不含少于 5 人的格子）",
    agg_label: "儿童和大病救助汇总表",
    cov_totals_label: "当前选择的合计",
    cov_units: "基层组织",
    cov_village_level: "村（社区）级",
    cov_rate: "村级覆盖率",
    stem_rate: "村级覆盖率",
    stem_units: "基层组织层级",
    stem_before: "整改前志愿队规模",
    stem_after: "整改后志愿服务队",
    report_text_h: "整改报告中的原文",
    cov_dataset: "组织覆盖",
    teams_h: "志愿服务队",
    cov_related: "报告中与组织覆盖有关的全部数字",
    cov_related_caption: "问题 3、4、6 中的数字",
    cov_h: "组织覆盖",
    cov_lead: "乡镇（街道）、村（社区）和企事业单位中的基层组织，以及志愿服务队。",
    whole_city: "全部",
    data_h: "数据下载与引用",
    data_lead: "本站的全部数据都是公开的 JSON 文件，可直接下载、校验和引用。",
    data_schema_1: "每个文件的格式见各自的 JSON Schema；文件的 SHA-256 校验值记录在 ",
    data_schema_2: "，本站加载数据时会逐一核对。",
    has_sample: "含示例数据",
    real_data: "真实数据",
    not_stated: "未注明",
    next_due: "下次应公开",
    basis: "依据",
    records: "记录数",
    updated: "更新于",
    date_range: "数据时间范围",
    source: "来源",
    download_json: "下载 JSON",
    schema: "格式（JSON Schema）",
    view_table: "查看表格 / 下载 CSV",
    cite: "引用：",
    copy_cite: "复制引用",
    rect_csv_header: "编号,方面,标题,发现的问题,整改措施,整改状态",
    rect_csv_file: "巡察整改情况_21个问题.csv",
    fatal: "抱歉，页面出现了错误。请刷新页面重试；数据文件仍可在“数据”页或 data/ 目录下载。",
    reload_page: "刷新页面",
    full_stop: "。",
    rect_csv_btn: "下载整改情况 CSV（21 个问题及措施）",
};

pub static EN: Tr = Tr {
    lang: Lang::En,
    skip: "Skip to content",
    data_updated: "The data has been updated.",
    reload_to_see: "Reload to see it",
    manifest_failed: "The data catalogue (manifest.json) could not be read",
    disclosure: " · Public disclosure",
    app_name: "Gongshi",
    main_nav: "Main navigation",
    lang_switch: "中文",
    lang_switch_label: "切换到中文",
    view_full: "View the full page ↗",
    footer_privacy: "This site publishes only released documents and data and collects no personal information. Records marked “sample data” are generated for demonstration and are not real records.",
    footer_data: "Data downloads and citation",
    footer_catalogue: "Data catalogue (JSON)",
    filters: "Filters",
    clear_all_filters: "Clear all filters",
    clear_filters: "Clear filters",
    no_rows: "No matching records. Try another word or clear the filters.",
    show_sample: "Show sample data",
    only_real: "Real records only",
    text_size_label: "Large text: bigger type, wider line spacing, stronger contrast",
    text_large: "Large text",
    sample_badge: "Sample",
    row_more: "Show all details",
    sort_by: "Sort by:",
    row_less: "Show less",
    sample_data: "Sample data",
    real_badge: "Real",
    pager: "Pages",
    prev_page: "Previous",
    next_page: "Next",
    money_unit: " (CNY)",
    copied: "Copied",
    copy_failed: "Copy failed",
    copy_image: "Copy image",
    chart_data_btn: "Data",
    embed_btn: "Embed",
    embed_help: "Paste this code into a web page to embed this chart (no script needed):",
    chart_data: "Chart data (text)",
    csv_data_suffix: "_data",
    file_error: "A data file could not be used",
    file: "File",
    location: "Location",
    reason: "Reason",
    others_unaffected: "Other pages and data are not affected.",
    retry: "Retry",
    col_indicator: "Indicator",
    col_value: "Value",
    col_period: "Period",
    col_source: "Source",
    quote_prefix: "Original text: ",
    note_prefix: "Note: ",
    loading_rect: "Loading the rectification report…",
    loading_figures: "Loading figures…",
    loading_summary: "Loading the accounts summary…",
    acc_empty: "No accounts yet. Once donations, spending and relief are published on their legal cadence, their totals appear here; the Data page gives each dataset's next due date.",
    no_records_yet: "No records yet. This dataset is published on a legal cadence; once records are published they appear here, to search, filter and download. The Data page gives its next due date.",
    unpublished: "This organisation has not published this data here yet. Once it does, it will appear here; what is published is listed on the Data page.",
    ov_acc_h: "The accounts at a glance",
    ov_acc_note: "Totals of the ledgers; follow each item to the records.",
    ov_acc_sample: "These ledgers are sample data for now (generated, not real records); the numbers only demonstrate the site.",
    acc_received: "Donations received",
    acc_disbursed: "Disbursed",
    acc_relief: "Relief",
    acc_units: "Grassroots units",
    acc_open_ledger: "Open the ledger",
    acc_open_relief: "Open the relief records",
    acc_open_coverage: "Open coverage",
    acc_year_caption: "Received and disbursed per year",
    loading_ledger: "Loading the donations ledger…",
    in_chinese: " (message in Chinese)",
    loading_relief: "Loading relief data…",
    loading_coverage: "Loading coverage data…",
    loading_manifest: "Loading the data catalogue…",
    ov_rect_h: "Inspection and rectification",
    ov_fig_h: "Key figures in the rectification report",
    ov_fig_note: "All figures below are real figures from the report's text; follow “Source” to see the paragraph.",
    figures_caption_all: "Figures in the rectification report and their sources",
    stem_progress: "rectification_progress",
    don_h: "Donations of money and goods",
    don_lead: "Where every donation of money and every batch of donated goods came from and where it went.",
    real_figures_h: "Real figures in the rectification report",
    don_related: "All figures in the report on donations",
    don_related_caption: "Figures in problems 2, 7, 8, 9 and 14",
    stem_monthly: "monthly_in_out",
    stem_directed: "directed_non_directed",
    stem_channel: "donation_channels",
    stem_goods: "goods_issued",
    ledger_what: "ledger records",
    don_dataset: "donations",
    don_search: "Search donors, projects, goods, purposes, receipt numbers",
    don_placeholder: "e.g. 防汛, 腾讯公益, 手套",
    don_caption: "Donations ledger (this page)",
    charts_h: "Charts (follow the filters)",
    jump_label: "Sections of this page",
    jump_ledger: "Ledger",
    jump_charts: "Charts",
    jump_years: "Per year",
    jump_goods: "Goods",
    goods_file_note: "Goods issue and write-off details are in the data file ",
    totals_label: "Totals for the current filter",
    money_in: "Money received",
    money_out: "Money spent",
    goods_value: "Donated goods (valued)",
    years_label: "Yearly summary table",
    years_caption: "By year: income, spending and the 6.5% project-cost cap",
    col_year: "Year",
    col_non_directed: "Non-directed (share)",
    col_online: "Online fundraising (share)",
    col_spent: "Spent",
    col_project_costs: "Project costs",
    col_cap: "Cap (non-directed × 6.5%)",
    col_over: "Over the cap?",
    not_over: "Within the cap",
    directed_label: "Directed donations use table",
    directed_caption: "Each directed purpose: received, spent and remaining",
    col_purpose: "Directed purpose",
    col_count: "Donations",
    col_received: "Received",
    col_paid: "Spent",
    col_left: "Remaining",
    col_use_share: "Share used",
    goods_label: "Donated goods balances table",
    goods_caption: "Each batch: received, issued, written off and in stock",
    col_batch: "Batch",
    col_item: "Goods",
    col_in: "Received",
    col_out: "Issued",
    col_written_off: "Written off",
    col_balance: "In stock",
    col_flags: "Notes",
    col_origin: "Source",
    negative: " (negative)",
    rect_h: "Inspection and rectification",
    print_all: "Print / save as PDF (all problems and measures)",
    progress_label: "Rectification progress",
    rect_search: "Search problems, findings and measures",
    rect_placeholder: "e.g. 募捐, 手套, 保密",
    rect_filters: "Filter by aspect and status",
    no_problems: "No matching problems. Try another word or clear the filters.",
    progress_chart_h: "Progress chart",
    org_of_work: "How the rectification was organised",
    next_steps: "Next steps",
    contact: "Oversight and feedback",
    feedback_lead: "Questions, comments or tips about the rectification or the data published here are welcome by these channels. “Question this” opens an e-mail in your own mail program; this site collects and sends nothing.",
    ask: "Question this",
    history_alarm: "Warning: the data on this site does not match its publication record.",
    qr: "QR code of this page",
    qr_title: "QR code of this page's link",
    qr_alt: "QR code of this page's link: scan it to open the same page with the same filters",
    qr_caption: "Scan to open this page (same filters and sort):",
    qr_save: "Save the QR code (SVG)",
    qr_file: "qr-code.svg",
    footer_feedback: "Oversight and feedback: ",
    phone: "Phone: ",
    address: "Postal address: ",
    postcode: "Postcode: ",
    email: "Email: ",
    transcription: "About this transcription",
    finding: "What was found",
    measures: "Measures taken",
    dates: "Dates",
    relief_h: "Relief",
    privacy_h: "Privacy: ",
    relief_what: "relief records",
    relief_dataset: "relief",
    relief_caption: "Relief records (this page; recipients masked)",
    relief_count: "Relief cases",
    relief_amount: "Relief paid",
    relief_goods: "Cases with goods",
    problem5: " (problem 5)",
    stem_gap: "applications_vs_records",
    relief_related: "All figures in the report on relief",
    relief_related_caption: "Figures in problems 2 and 5",
    agg_file: "serious_illness_relief_summary",
    agg_h: "Children's and serious-illness relief (aggregates only)",
    agg_download: "Download the summary CSV (without cells under 5 people)",
    agg_label: "Children's and serious-illness relief summary table",
    cov_totals_label: "Totals for the current selection",
    cov_units: "Grassroots units",
    cov_village_level: "Village level",
    cov_rate: "Village coverage",
    stem_rate: "village_coverage",
    stem_units: "unit_levels",
    stem_before: "teams_before",
    stem_after: "teams_after",
    report_text_h: "From the rectification report",
    cov_dataset: "coverage",
    teams_h: "Volunteer teams",
    cov_related: "All figures in the report on coverage",
    cov_related_caption: "Figures in problems 3, 4 and 6",
    cov_h: "Coverage",
    cov_lead: "Grassroots units in townships, villages and employers, and volunteer teams.",
    whole_city: "All",
    data_h: "Data downloads and citation",
    data_lead: "All of this site's data are public JSON files you can download, verify and cite.",
    data_schema_1: "Each file's format is in its JSON Schema; each file's SHA-256 checksum is recorded in ",
    data_schema_2: ", and the site checks every one when it loads the data.",
    has_sample: "Includes sample data",
    real_data: "Real data",
    not_stated: "not stated",
    next_due: "Next publication due",
    basis: "Legal basis",
    records: "Records",
    updated: "Updated",
    date_range: "Date range",
    source: "Source",
    download_json: "Download JSON",
    schema: "Format (JSON Schema)",
    view_table: "View table / download CSV",
    cite: "Citation: ",
    copy_cite: "Copy citation",
    rect_csv_header: "No.,Aspect,Title,Finding,Measures,Status",
    rect_csv_file: "rectification_21_problems.csv",
    fatal: "Sorry, something went wrong on this page. Please reload; the data files can still be downloaded from the “Data” page or the data/ folder.",
    reload_page: "Reload the page",
    full_stop: ". ",
    rect_csv_btn: "Download the rectification CSV (21 problems and measures)",
};

impl Tr {
    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    pub fn money(&self, fen: Fen) -> String {
        format::money(self.lang, fen)
    }

    /// Totals lines: 万元 in Chinese, whole CNY in English.
    pub fn money_total(&self, fen: Fen) -> String {
        format::money_total(self.lang, fen)
    }

    /// Exact amount: "12,345.00 元" / "CNY 12,345.00".
    pub fn yuan(&self, fen: Fen) -> String {
        if self.zh() {
            format!("{} 元", format::yuan_grouped(fen))
        } else {
            format!("CNY {}", format::yuan_grouped(fen))
        }
    }

    /// A list as written in each language: "甲、乙、丙" / "A, B and C".
    fn list(&self, items: &[String]) -> String {
        if self.zh() {
            return items.join("、");
        }
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// The relief page's lead, naming the data's programmes of individual records.
    pub fn relief_lead(&self, programmes: &[String]) -> String {
        match (programmes.is_empty(), self.zh()) {
            (true, true) => "救助的发放情况。".to_string(),
            (true, false) => "What was paid out in relief.".to_string(),
            (false, true) => format!("{}等救助的发放情况。", self.list(programmes)),
            (false, false) => format!("What was paid out in {}.", self.list(programmes)),
        }
    }

    /// What the relief page publishes and withholds, naming the data's aggregate-only programmes.
    pub fn privacy_text(&self, aggregate_programmes: &[String], division: &str) -> String {
        let names = self.list(aggregate_programmes);
        let short = division.split('（').next().unwrap_or(division);
        if self.zh() {
            let which = if names.is_empty() { String::new() } else { format!("（{names}）") };
            format!("受助人只公布“姓＋某”；儿童和大病救助{which}只公布按{short}、年份汇总的人数和金额，少于 5 人的格子（以及能由合计推算出它们的格子）不公布人数和金额，也不写入下载文件；不公布身份证号、电话、银行卡号和详细地址。")
        } else {
            let which = if names.is_empty() { String::new() } else { format!(" ({names})") };
            format!("Recipients are shown only as “surname + 某”; children's and serious-illness relief{which} is published only as people and amounts per {} and year, cells with fewer than 5 people (and cells a total would give them away by) publish no count or amount and are left out of downloads; no ID, phone or bank card numbers or street addresses are published.", division.to_lowercase())
        }
    }

    /// The relief search box's examples, from the data: a programme, a county and a masked name.
    pub fn relief_placeholder(&self, programme: Option<&str>, county: Option<&str>) -> String {
        let mut words: Vec<&str> = programme.into_iter().chain(county).collect();
        words.push("张某");
        if self.zh() {
            format!("例如：{}", words.join("、"))
        } else {
            format!("e.g. {}", words.join(", "))
        }
    }

    /// The aggregates table's caption, naming its programmes.
    pub fn agg_caption(&self, programmes: &[String]) -> String {
        match (programmes.is_empty(), self.zh()) {
            (true, true) => "汇总".to_string(),
            (true, false) => "Summary".to_string(),
            (false, true) => format!("{}汇总", self.list(programmes)),
            (false, false) => format!("{} summary", self.list(programmes)),
        }
    }

    /// A chart's source line for one problem of a report: "来源：《…》，问题 5".
    pub fn source_of_problem(&self, source: &str, problem: u32) -> String {
        if self.zh() {
            format!("来源：{source}，问题 {problem}")
        } else {
            format!("Source: {source}, problem {problem}")
        }
    }

    /// The teams chart before rectification: real figures of the report.
    pub fn cov_before_src(&self, problem: Option<u32>) -> String {
        match (problem, self.zh()) {
            (Some(n), true) => format!("来源：整改报告问题 {n}（真实）"),
            (None, true) => "来源：整改报告（真实）".to_string(),
            (Some(n), false) => format!("Source: problem {n} of the report (real)"),
            (None, false) => "Source: the report (real)".to_string(),
        }
    }

    /// The teams chart after rectification: a real total split by type in sample data.
    pub fn cov_after_src(&self, problem: Option<u32>, total: Option<u32>) -> String {
        let p = problem.map(|n| if self.zh() { format!("问题 {n}") } else { format!("problem {n} of the report") });
        match (self.zh(), total) {
            (true, Some(t)) => format!("来源：整改报告{}（合计 {t} 支为真实数字；按类型的分布为示例数据）", p.unwrap_or_default()),
            (true, None) => format!("来源：整改报告{}（按类型的分布为示例数据）", p.unwrap_or_default()),
            (false, Some(t)) => format!("Source: {} (the total of {t} is real; the split by type is sample data)", p.unwrap_or_else(|| "the report".into())),
            (false, None) => format!("Source: {} (the split by type is sample data)", p.unwrap_or_else(|| "the report".into())),
        }
    }

    /// `division` ("县（市、区）", "Township") in the plural, for English headings.
    fn divisions_en(division: &str) -> String {
        let d = division.to_lowercase();
        match d.strip_suffix('y') {
            Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
            _ => format!("{d}s"),
        }
    }

    /// The e-mail "对此有疑问" opens for problem `no`: its subject and body (the problem, its
    /// permalink, and room for the question).
    pub fn ask_problem(&self, no: u32, title: &str, link: &str) -> (String, String) {
        if self.zh() {
            (format!("关于整改问题 {no} 的疑问"), format!("问题 {no}：{title}\n链接：{link}\n\n我的疑问：\n\n\n（可留下您的联系方式，便于回复。）"))
        } else {
            (
                format!("A question about problem {no}"),
                format!("Problem {no}: {title}\nLink: {link}\n\nMy question:\n\n\n(You may leave a way to reach you for a reply.)"),
            )
        }
    }

    /// The relief page's search hint; `division` is the organisation's word for a division.
    pub fn relief_search(&self, division: &str) -> String {
        match (self.zh(), division.starts_with("乡镇")) {
            (true, false) => format!("搜索项目、{division}、乡镇、受助人（姓氏）"),
            (true, true) => format!("搜索项目、{division}、受助人（姓氏）"),
            (false, _) => {
                format!("Search programmes, {}, townships, recipients (surname)", Self::divisions_en(division)).replace("townships, townships", "townships")
            }
        }
    }

    /// The file name of the relief-per-division chart.
    pub fn stem_county(&self, division: &str) -> String {
        let short = division.split('（').next().unwrap_or(division);
        if self.zh() {
            format!("各{short}救助金额")
        } else {
            format!("relief_by_{}", division.to_lowercase().replace(' ', "_"))
        }
    }

    /// "The per-county figures are sample data".
    pub fn cov_sample_strong(&self, division: &str) -> String {
        if self.zh() {
            format!("各{division}的逐项数字为示例数据")
        } else {
            format!("The per-{} figures are sample data", division.to_lowercase())
        }
    }

    /// The heading of the coverage page's table of divisions.
    pub fn counties_h(&self, division: &str) -> String {
        if self.zh() {
            format!("各{division}")
        } else {
            let d = Self::divisions_en(division);
            let mut c = d.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        }
    }

    pub fn cov_search(&self, division: &str) -> String {
        if self.zh() {
            format!("搜索{division}")
        } else {
            format!("Search {}", Self::divisions_en(division))
        }
    }

    pub fn cov_caption(&self, division: &str) -> String {
        if self.zh() {
            format!("各{division}基层组织")
        } else {
            format!("Grassroots units per {}", division.to_lowercase())
        }
    }

    pub fn pick_county(&self, division: &str) -> String {
        if self.zh() {
            format!("选择{division}")
        } else {
            format!("Choose a {}", division.to_lowercase())
        }
    }

    /// After "the per-county figures are sample data": what the report gives, and whether the
    /// county rows add up to it (said only when they do).
    pub fn cov_sample_rest(&self, units: Option<u32>, village_units: Option<u32>, coverage_bp: Option<i64>, agree: bool) -> String {
        let mut parts = Vec::new();
        if let Some(u) = units {
            parts.push(if self.zh() { format!("{u} 个组织") } else { format!("{u} units") });
        }
        if let Some(v) = village_units {
            parts.push(if self.zh() { format!("村级 {v} 个") } else { format!("{v} at village level") });
        }
        if let Some(bp) = coverage_bp {
            let pct = format::percent_bp(bp);
            parts.push(if self.zh() { format!("覆盖率 {pct}") } else { format!("{pct} coverage") });
        }
        let figures = if self.zh() { parts.join("、") } else { parts.join(", ") };
        match (self.zh(), agree && !parts.is_empty()) {
            (true, true) => format!("（报告只给出合计），其合计与报告的数字（{figures}）一致。"),
            (true, false) => "（报告只给出合计）。".to_string(),
            (false, true) => format!(" (the report gives only totals); they add up to the report's figures ({figures})."),
            (false, false) => " (the report gives only totals).".to_string(),
        }
    }

    /// The coverage search box's example: a county of the data.
    pub fn cov_placeholder(&self, county: Option<&str>) -> String {
        match (county, self.zh()) {
            (Some(c), true) => format!("例如：{c}"),
            (Some(c), false) => format!("e.g. {c}"),
            (None, _) => String::new(),
        }
    }

    /// A span of years: "2019–2023年" / "2019–2023".
    pub fn acc_years(&self, first: u16, last: u16) -> String {
        let span = if first == last { first.to_string() } else { format!("{first}–{last}") };
        if self.zh() {
            format!("{span}年")
        } else {
            span
        }
    }

    /// People helped: "1,234 人次" / "1,234 people".
    pub fn acc_people(&self, n: u64) -> String {
        if self.zh() {
            format!("{} 人次", format::count(n))
        } else {
            format!("{} people", format::count(n))
        }
    }

    /// Village coverage: "村级覆盖率 3.5%".
    pub fn acc_village_coverage(&self, bp: i64) -> String {
        if self.zh() {
            format!("村级覆盖率 {}", format::percent_bp(bp))
        } else {
            format!("village coverage {}", format::percent_bp(bp))
        }
    }

    pub fn date(&self, d: PartialDate) -> String {
        format::date(self.lang, d)
    }

    pub fn year(&self, y: impl std::fmt::Display) -> String {
        if self.zh() {
            format!("{y}年")
        } else {
            y.to_string()
        }
    }

    /// The site's title: the organisation's own (`site_title` in the manifest), else its name
    /// with 信息公开 / "Public disclosure"; the words alone while the name is unknown.
    pub fn site_title(&self, org: Option<&str>, own: Option<&str>) -> String {
        if let Some(own) = own.filter(|s| !s.trim().is_empty()) {
            return own.to_string();
        }
        match (org, self.zh()) {
            (Some(o), true) => format!("{o}信息公开"),
            (Some(o), false) => format!("{o} · Public disclosure"),
            (None, true) => "信息公开".to_string(),
            (None, false) => "Public disclosure".to_string(),
        }
    }

    /// The document title of a page: "捐赠 · 某会信息公开".
    pub fn page_title(&self, page: gongshi_core::view::Page, org: Option<&str>, own: Option<&str>) -> String {
        match page {
            gongshi_core::view::Page::Overview => format!("{} · {}", self.app_name, self.site_title(org, own)),
            p => format!("{} · {}", p.label(self.lang), self.site_title(org, own)),
        }
    }

    pub fn updated_on(&self, d: PartialDate) -> String {
        if self.zh() {
            format!("数据更新于 {}", d.zh())
        } else {
            format!("Data updated {}", d.en())
        }
    }

    /// Progress of a ledger published in parts.
    pub fn parts_progress(&self, done: usize, parts: usize, bytes_done: u64, bytes: u64, rows: usize) -> String {
        let mb = |b: u64| format!("{:.1}", b as f64 / 1_048_576.0);
        if self.zh() {
            format!("正在加载捐赠台账：{done}/{parts} 个分卷，{} / {} MB，已读 {rows} 条", mb(bytes_done), mb(bytes))
        } else {
            format!("Loading the donations ledger: part {done} of {parts}, {} of {} MB, {} records read", mb(bytes_done), mb(bytes), format::count(rows as u64))
        }
    }

    /// Only some years of a partitioned ledger were loaded.
    pub fn partial_years(&self, loaded: &[u16], all: usize) -> String {
        let ys = loaded.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(if self.zh() { "、" } else { ", " });
        if self.zh() {
            format!("只加载了 {ys} 年的分卷（共 {all} 个年度）：搜索、筛选和合计只包括已加载的记录。")
        } else {
            format!("Only the parts for {ys} are loaded ({all} years in all): search, filters and totals cover the loaded records only.")
        }
    }

    pub fn load_all_years(&self) -> &'static str {
        if self.zh() {
            "加载全部年度"
        } else {
            "Load every year"
        }
    }

    /// The parts of a dataset published in parts (data page).
    pub fn parts_summary(&self, n: usize) -> String {
        if self.zh() {
            format!("按年度分卷发布：{n} 个分卷（每个分卷有自己的校验值）")
        } else {
            format!("Published in {n} parts (each with its own checksum)")
        }
    }

    pub fn records_n(&self, n: u64) -> String {
        if self.zh() {
            format!("{} 条", format::group_thousands(n))
        } else {
            format!("{} records", format::group_thousands(n))
        }
    }

    pub fn more_problems(&self, n: usize) -> String {
        if self.zh() {
            format!("……另有 {n} 处，完整清单请用 gongshi check 查看")
        } else {
            format!("…and {n} more; `gongshi check` lists them all")
        }
    }

    pub fn count_rows(&self, n: usize) -> String {
        if self.zh() {
            format!("共 {n} 条记录")
        } else {
            format!("{} records", format::count(n as u64))
        }
    }

    pub fn sample_rows(&self, n: usize) -> String {
        if self.zh() {
            format!("（其中示例 {n} 条）")
        } else {
            format!(" ({n} of them sample data)")
        }
    }

    pub fn download_csv(&self, n: usize) -> String {
        if self.zh() {
            format!("下载 CSV（{n} 条）")
        } else {
            format!("Download CSV ({n} rows)")
        }
    }

    pub fn selected(&self, n: usize) -> String {
        if self.zh() {
            format!("（已选 {n}）")
        } else {
            format!(" ({n} selected)")
        }
    }

    pub fn sample_notice(&self, what: &str, sample: usize, real: usize) -> (String, String) {
        if self.zh() {
            (format!("以下{what}中有 {sample} 条是示例数据"), format!("（由程序按固定规则生成，用于演示，不是真实记录）；真实记录 {real} 条来自整改报告。"))
        } else {
            (
                format!("{sample} of the {what} below are sample data"),
                format!(" (generated by a program with fixed rules for demonstration, not real records); the {real} real records come from the rectification report."),
            )
        }
    }

    pub fn page_pos(&self, page: usize, pages: usize) -> String {
        if self.zh() {
            format!("第 {page} / {pages} 页")
        } else {
            format!("Page {page} of {pages}")
        }
    }

    pub fn chart_table_label(&self, title: &str) -> String {
        if self.zh() {
            format!("{title}：数据表")
        } else {
            format!("{title}: data table")
        }
    }

    pub fn chart_tools_label(&self, title: &str) -> String {
        if self.zh() {
            format!("{title}：下载与分享")
        } else {
            format!("{title}: download and share")
        }
    }

    pub fn embed_title(&self, id: &str) -> String {
        if self.zh() {
            format!("公示图表 {id}")
        } else {
            format!("Gongshi chart {id}")
        }
    }

    pub fn validation_summary(&self, errors: usize, warnings: usize) -> String {
        match (self.zh(), errors, warnings) {
            (true, 0, w) => format!("数据文件有 {w} 处需要注意"),
            (true, e, 0) => format!("数据文件有 {e} 处错误，相关记录未显示"),
            (true, e, w) => format!("数据文件有 {e} 处错误（相关记录未显示）、{w} 处需要注意"),
            (false, 0, w) => format!("The data file has {w} point(s) to note"),
            (false, e, 0) => format!("The data file has {e} error(s); the records concerned are not shown"),
            (false, e, w) => format!("The data file has {e} error(s) (records not shown) and {w} point(s) to note"),
        }
    }

    pub fn source_problem(&self, no: u32) -> String {
        if self.zh() {
            format!("出处：问题 {no}")
        } else {
            format!("Source: problem {no}")
        }
    }

    pub fn source_section(&self, section: &str) -> String {
        if self.zh() {
            format!("出处：{section}")
        } else {
            format!("Source: {section}")
        }
    }

    /// "来源：…" / "Source: …".
    pub fn source_of(&self, src: &str) -> String {
        if self.zh() {
            format!("来源：{src}")
        } else {
            format!("Source: {src}")
        }
    }

    pub fn source_dated(&self, src: &str, updated: &str) -> String {
        if self.zh() {
            format!("来源：{src}（{updated}）")
        } else {
            format!("Source: {src} ({updated})")
        }
    }

    pub fn inspection(&self, by: &str, start: &str, end: &str, feedback: &str, total: usize) -> String {
        if self.zh() {
            format!("{by}于 {start} 至 {end} 进行巡察，{feedback} 反馈意见，指出 {total} 个问题。")
        } else {
            format!("{by} inspected from {start} to {end} and reported back on {feedback}, finding {total} problems. ")
        }
    }

    pub fn published_done(&self, published: &str, done: usize) -> String {
        if self.zh() {
            format!("据 {published} 公开稿，已完成整改 {done} 个。")
        } else {
            format!("According to the public release of {published}, {done} have been rectified.")
        }
    }

    pub fn view_all_problems(&self, total: usize) -> String {
        if self.zh() {
            format!("查看全部 {total} 个问题及整改措施")
        } else {
            format!("See all {total} problems and measures")
        }
    }

    pub fn all_figures(&self, n: usize) -> String {
        if self.zh() {
            format!("报告中的全部 {n} 个数字")
        } else {
            format!("All {n} figures in the report")
        }
    }

    pub fn rows_money(&self, n: usize, fen: Fen) -> String {
        if self.zh() {
            format!("{n} 笔 · {}", self.yuan(fen))
        } else {
            format!("{n} · {}", self.yuan(fen))
        }
    }

    pub fn batches_money(&self, n: usize, fen: Fen) -> String {
        if self.zh() {
            format!("{n} 批 · {}", self.yuan(fen))
        } else {
            format!("{n} batches · {}", self.yuan(fen))
        }
    }

    pub fn with_share(&self, money: String, share: String) -> String {
        if self.zh() {
            format!("{money}（{share}）")
        } else {
            format!("{money} ({share})")
        }
    }

    /// The cap column of a year the data does not yet cover to its end.
    pub fn year_partial(&self, until: &str) -> String {
        if self.zh() {
            format!("年度未完（数据截至{until}），年末再判断")
        } else {
            format!("Year not over (data to {until}); judged at year end")
        }
    }

    pub fn over_by(&self, fen: Fen) -> String {
        if self.zh() {
            format!("超标 {}", self.money(fen))
        } else {
            format!("Over by {}", self.money(fen))
        }
    }

    pub fn directed_summary(&self, n: usize) -> String {
        if self.zh() {
            format!("定向捐赠的使用情况（{n} 个定向用途）")
        } else {
            format!("Use of directed donations ({n} purposes)")
        }
    }

    pub fn goods_summary(&self, n: usize, flagged: usize) -> String {
        if self.zh() {
            format!("捐赠物资结存（{n} 批，其中 {flagged} 批有需要说明的情况）")
        } else {
            format!("Donated goods in stock ({n} batches, {flagged} with something to explain)")
        }
    }

    pub fn cancelled(&self, reason: &str) -> String {
        if self.zh() {
            format!("已取消：{reason}")
        } else {
            format!("Cancelled: {reason}")
        }
    }

    pub fn item_unit(&self, item: &str, unit: &str) -> String {
        if self.zh() {
            format!("{item}（{unit}）")
        } else {
            format!("{item} ({unit})")
        }
    }

    pub fn problems_count(&self, total: usize, shown: usize, filtered: bool) -> String {
        match (self.zh(), filtered) {
            (true, true) => format!("共 {total} 个问题，显示 {shown} 个"),
            (true, false) => format!("共 {total} 个问题"),
            (false, true) => format!("{shown} of {total} problems"),
            (false, false) => format!("{total} problems"),
        }
    }

    pub fn print_line(&self, publisher: &str, date: &str) -> String {
        if self.zh() {
            format!("{publisher}，{date}。本打印件由公示网站生成。")
        } else {
            format!("{publisher}, {date}. Printed from the Gongshi website.")
        }
    }

    pub fn problem_no(&self, no: u32) -> String {
        if self.zh() {
            format!("问题 {no}")
        } else {
            format!("Problem {no}")
        }
    }

    pub fn problem_figures(&self, no: u32) -> String {
        if self.zh() {
            format!("问题 {no} 中的数字")
        } else {
            format!("Figures in problem {no}")
        }
    }

    pub fn problem_link(&self, no: u32) -> String {
        if self.zh() {
            format!("（问题 {no}）")
        } else {
            format!(" (problem {no})")
        }
    }

    /// The measure's ordinal: 一是, 二是 … in Chinese, "1." in English.
    pub fn ordinal(&self, i: usize) -> String {
        const CN_NUM: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        match (self.zh(), i) {
            (true, 1..=9) => format!("{}是", CN_NUM[i]),
            (true, 10) => "十是".to_string(),
            _ => format!("{i}."),
        }
    }

    /// An aspect of the report with its number: "一、…" / "1. …".
    pub fn aspect_label(&self, no: u32, title: &str) -> String {
        const CN_NUM: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        if self.zh() {
            format!("{}、{title}", CN_NUM[(no as usize).min(9)])
        } else {
            format!("{no}. {title}")
        }
    }

    pub fn cases(&self, n: usize) -> String {
        if self.zh() {
            format!("{n} 人次")
        } else {
            format!("{n} cases")
        }
    }

    pub fn agg_summary(&self, cells: usize, withheld: usize) -> String {
        if self.zh() {
            format!("汇总表：{cells} 个单元格，其中 {withheld} 个不公布（不足 5 人，或可由合计推算出不足 5 人的格子）")
        } else {
            format!("Summary table: {cells} cells, {withheld} of them not published (under 5 people, or a total would give such a cell away)")
        }
    }

    pub fn agg_note(&self, min: u32, division: &str) -> String {
        let short = division.split('（').next().unwrap_or(division);
        if self.zh() {
            format!("按{division}、年份和项目汇总；少于 {min} 人的格子，以及能由合计推算出它们的格子，人数和金额都不公布（显示“不公布”），也不写入下载文件。上方的{short}和年份筛选同样作用于此表。")
        } else {
            let d = division.to_lowercase();
            format!("Totals per {d}, year and programme; cells with fewer than {min} people, and cells a total would give them away by, publish neither count nor amount (shown as “not published”) and are left out of downloads. The {d} and year filters above apply here too.")
        }
    }

    pub fn units_n(&self, n: u32) -> String {
        if self.zh() {
            format!("{n} 个")
        } else {
            n.to_string()
        }
    }

    pub fn villages_of(&self, units: u32, villages: u32) -> String {
        if self.zh() {
            format!("{units} / {villages} 个村（社区）")
        } else {
            format!("{units} / {villages} villages")
        }
    }

    /// The link to the report's problem about the cost cap (its number from figures.json).
    pub fn cost_cap_link(&self, problem: u32) -> String {
        if self.zh() {
            format!("关于 6.5% 项目费用上限：见整改报告问题 {problem}")
        } else {
            format!("On the 6.5% project-cost cap: see problem {problem} of the report")
        }
    }

    pub fn overdue(&self, days: i64) -> String {
        if self.zh() {
            format!("已逾期 {days} 天")
        } else {
            format!("{days} days overdue")
        }
    }

    pub fn days_left(&self, days: i64) -> String {
        if self.zh() {
            format!("还有 {days} 天")
        } else {
            format!("{days} days left")
        }
    }

    pub fn emergency(&self, n: u32) -> String {
        if self.zh() {
            format!("重大突发事件应急处置与救援阶段：至少每 {n} 日公开一次。")
        } else {
            format!("During the emergency response to a major emergency: at least every {n} days.")
        }
    }

    pub fn bytes(&self, b: u64) -> String {
        if self.zh() {
            format!("（{} 字节）", format::group_thousands(b))
        } else {
            format!(" ({} bytes)", format::group_thousands(b))
        }
    }

    pub fn range(&self, a: &str, b: &str) -> String {
        if self.zh() {
            format!("{a} 至 {b}")
        } else {
            format!("{a} to {b}")
        }
    }

    pub fn citation(&self, org: &str, title: &str, sample: bool, file: &str, updated: &str, link: &str) -> String {
        if self.zh() {
            format!("{org}：《{title}》，{}数据文件 {file}，更新于 {updated}。{link}", if sample { "含示例数据的" } else { "" })
        } else {
            format!("{org}: “{title}”, {}data file {file}, updated {updated}. {link}", if sample { "includes sample data, " } else { "" })
        }
    }
}

pub fn tr(lang: Lang) -> &'static Tr {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The language the app is shown in, provided by the shell (`app.rs`, from the view in the URL)
/// as context, so that this module needs nothing of the navigation.
#[derive(Clone, Copy)]
pub struct UiLang(pub Signal<Lang>);

/// The strings of the current language. Read once when a component is built: the app rebuilds
/// everything when the language changes.
pub fn use_tr() -> &'static Tr {
    tr(use_lang())
}

/// The current language (see [`use_tr`]).
pub fn use_lang() -> Lang {
    expect_context::<UiLang>().0.get_untracked()
}
