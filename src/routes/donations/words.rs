//! The donations page's own words (strings only this page shows; shared ones are in `crate::i18n`).

use crate::i18n::tr;
use gongshi_core::{format, Fen, Lang};

pub struct Words {
    pub lang: Lang,
    pub loading: &'static str,
    pub heading: &'static str,
    pub lead: &'static str,
    pub sample_data_badge: &'static str,
    pub related_figures: &'static str,
    pub related_figures_caption: &'static str,
    pub flow_chart_file: &'static str,
    /// The flow chart grouped by project (`flow=project`): its file name and the switch.
    pub flow_project_chart_file: &'static str,
    pub flow_by_label: &'static str,
    pub flow_by_channel: &'static str,
    pub flow_by_project: &'static str,
    pub monthly_chart_file: &'static str,
    pub directed_chart_file: &'static str,
    pub channels_chart_file: &'static str,
    pub goods_chart_file: &'static str,
    pub records_noun: &'static str,
    pub dataset_name: &'static str,
    pub search_label: &'static str,
    /// Examples for the search box, short enough to be read whole in large text on a 320 px
    /// phone (tests/e2e/phone.test.mjs).
    pub search_placeholder: &'static str,
    pub table_caption: &'static str,
    pub jump_ledger: &'static str,
    pub jump_charts: &'static str,
    pub jump_years: &'static str,
    pub jump_goods: &'static str,
    pub goods_file_note: &'static str,
    pub money_in: &'static str,
    pub money_out: &'static str,
    pub goods_value: &'static str,
    pub years_table_label: &'static str,
    pub years_table_caption: &'static str,
    /// The yearly summary's one row when the ledger has no year yet.
    pub no_years: &'static str,
    pub col_non_directed: &'static str,
    pub col_online: &'static str,
    pub col_spent: &'static str,
    pub col_project_costs: &'static str,
    pub col_cap: &'static str,
    pub col_over: &'static str,
    pub within_cap: &'static str,
    pub directed_table_label: &'static str,
    pub directed_table_caption: &'static str,
    pub col_purpose: &'static str,
    pub col_count: &'static str,
    pub col_received: &'static str,
    pub col_paid: &'static str,
    pub col_left: &'static str,
    pub col_use_share: &'static str,
    pub goods_table_label: &'static str,
    pub goods_table_caption: &'static str,
    pub col_batch: &'static str,
    pub col_item: &'static str,
    pub col_in: &'static str,
    pub col_out: &'static str,
    pub col_written_off: &'static str,
    pub col_balance: &'static str,
    pub col_flags: &'static str,
    pub col_origin: &'static str,
    pub negative_suffix: &'static str,
}

const ZH: Words = Words {
    lang: Lang::Zh,
    loading: "正在加载捐赠台账…",
    heading: "捐赠款物",
    lead: "每一笔捐款、每一批捐赠物资从哪里来、到哪里去。",
    sample_data_badge: "示例数据",
    related_figures: "报告中与捐赠款物有关的全部数字",
    related_figures_caption: "问题 2、7、8、9、14 中的数字",
    flow_chart_file: "款项流向",
    flow_project_chart_file: "款项流向_按项目",
    flow_by_label: "款项流向的分组方式",
    flow_by_channel: "按渠道和类别",
    flow_by_project: "按项目",
    monthly_chart_file: "每月收支",
    directed_chart_file: "定向与非定向",
    channels_chart_file: "捐款渠道",
    goods_chart_file: "物资去向",
    records_noun: "台账",
    dataset_name: "捐赠",
    search_label: "搜索捐赠方、项目、物资、用途、收据号",
    search_placeholder: "例如：防汛、fangxun",
    table_caption: "捐赠台账（当前页）",
    jump_ledger: "台账",
    jump_charts: "图表",
    jump_years: "年度收支",
    jump_goods: "物资",
    goods_file_note: "物资出库明细与核销记录见数据文件 ",
    money_in: "捐款收入",
    money_out: "款项支出",
    goods_value: "捐赠物资（折价）",
    years_table_label: "按年汇总表",
    years_table_caption: "按年汇总：收入、支出与 6.5% 项目费用上限",
    no_years: "还没有公布任何一年的收入或支出。",
    col_non_directed: "非定向（占比）",
    col_online: "网络募捐（占比）",
    col_spent: "支出",
    col_project_costs: "项目费用",
    col_cap: "上限（非定向×6.5%）",
    col_over: "是否超标",
    within_cap: "未超标",
    directed_table_label: "定向捐赠使用情况表",
    directed_table_caption: "每个定向用途：收到、已支出与结余",
    col_purpose: "定向用途",
    col_count: "笔数",
    col_received: "收到",
    col_paid: "已支出",
    col_left: "结余",
    col_use_share: "使用比例",
    goods_table_label: "捐赠物资结存表",
    goods_table_caption: "每批物资：入库、出库、核销与结存",
    col_batch: "批次",
    col_item: "物资",
    col_in: "入库",
    col_out: "出库",
    col_written_off: "核销",
    col_balance: "结存",
    col_flags: "情况",
    col_origin: "来源",
    negative_suffix: "（负）",
};

const EN: Words = Words {
    lang: Lang::En,
    loading: "Loading the donations ledger…",
    heading: "Donated money and goods",
    lead: "Where every donation of money or goods came from, and where it went.",
    sample_data_badge: "Sample data",
    related_figures: "All figures in the report on donations",
    related_figures_caption: "Figures in problems 2, 7, 8, 9 and 14",
    flow_chart_file: "where_the_money_went",
    flow_project_chart_file: "where_the_money_went_by_project",
    flow_by_label: "How the flow is grouped",
    flow_by_channel: "By channel & use",
    flow_by_project: "By project",
    monthly_chart_file: "monthly_in_out",
    directed_chart_file: "directed_non_directed",
    channels_chart_file: "donation_channels",
    goods_chart_file: "goods_issued",
    records_noun: "ledger records",
    dataset_name: "donations",
    search_label: "Search donors, projects, goods",
    search_placeholder: "e.g. 防汛 or fangxun",
    table_caption: "Donations ledger (this page)",
    jump_ledger: "Ledger",
    jump_charts: "Charts",
    jump_years: "Per year",
    jump_goods: "Goods",
    goods_file_note: "Goods issue and write-off details are in the data file ",
    money_in: "Money received",
    money_out: "Money spent",
    goods_value: "Donated goods (valued)",
    years_table_label: "Yearly summary table",
    years_table_caption: "By year: income, spending and the project-cost cap (6.5% of non-directed income)",
    no_years: "No year's income or spending has been published yet.",
    col_non_directed: "Non-directed",
    col_online: "Online fundraising",
    col_spent: "Spent",
    col_project_costs: "Project costs",
    col_cap: "Cap (6.5%)",
    col_over: "Over the cap?",
    within_cap: "Within the cap",
    directed_table_label: "Directed donations use table",
    directed_table_caption: "Each directed purpose: received, spent and remaining",
    col_purpose: "Directed purpose",
    col_count: "Donations",
    col_received: "Received",
    col_paid: "Spent",
    col_left: "Remaining",
    col_use_share: "Share used",
    goods_table_label: "Donated goods balances table",
    goods_table_caption: "Each batch: received, issued, written off and in stock",
    col_batch: "Batch",
    col_item: "Goods",
    col_in: "Received",
    col_out: "Issued",
    col_written_off: "Written off",
    col_balance: "In stock",
    col_flags: "Notes",
    col_origin: "Source",
    negative_suffix: " (negative)",
};

pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&ZH, &EN)
}

impl Words {
    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    /// Progress of a ledger published in parts.
    pub fn loading_parts(&self, done: usize, parts: usize, bytes_done: u64, bytes: u64, rows: usize) -> String {
        let mb = |b: u64| format!("{:.1}", b as f64 / 1_048_576.0);
        if self.zh() {
            format!("正在加载捐赠台账：{done}/{parts} 个分卷，{} / {} MB，已读 {rows} 条", mb(bytes_done), mb(bytes))
        } else {
            format!("Loading the donations ledger: part {done} of {parts}, {} of {} MB, {} records read", mb(bytes_done), mb(bytes), format::count(rows as u64))
        }
    }

    /// Only some years of a partitioned ledger were loaded.
    pub fn partial_years_note(&self, loaded: &[u16], all: usize) -> String {
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

    pub fn source_dated(&self, src: &str, updated: &str) -> String {
        if self.zh() {
            format!("来源：{src}（{updated}）")
        } else {
            format!("Source: {src} ({updated})")
        }
    }

    pub fn count_money(&self, n: usize, fen: Fen) -> String {
        if self.zh() {
            format!("{n} 笔 · {}", tr(self.lang).yuan(fen))
        } else {
            format!("{n} · {}", tr(self.lang).yuan(fen))
        }
    }

    pub fn batches_money(&self, n: usize, fen: Fen) -> String {
        if self.zh() {
            format!("{n} 批 · {}", tr(self.lang).yuan(fen))
        } else {
            format!("{n} batches · {}", tr(self.lang).yuan(fen))
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
    pub fn year_not_over(&self, until: &str) -> String {
        if self.zh() {
            format!("年度未完（数据截至{until}），年末再判断")
        } else {
            format!("Year not over (data to {until}); judged at year end")
        }
    }

    pub fn over_by(&self, fen: Fen) -> String {
        if self.zh() {
            format!("超标 {}", tr(self.lang).money(fen))
        } else {
            format!("Over by {}", tr(self.lang).money(fen))
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
            format!("Goods in stock ({n} batches, {flagged} flagged)")
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

    /// The link to the report's problem about the cost cap (its number from figures.json).
    pub fn cost_cap_link(&self, problem: u32) -> String {
        if self.zh() {
            format!("关于 6.5% 项目费用上限：见整改报告问题 {problem}")
        } else {
            format!("The 6.5% cap: problem {problem} of the report")
        }
    }
}
