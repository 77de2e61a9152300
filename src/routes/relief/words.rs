//! The relief page's own words (strings only this page shows; shared ones are in `crate::i18n`).

use crate::i18n::{tr, Tr};
use gongshi_core::Lang;

/// The report's own words are quoted as published, in Chinese in both languages: several quotes
/// are joined with the Chinese semicolon.
pub const QUOTES_JOINED_BY: &str = "；";

pub struct Words {
    pub lang: Lang,
    pub loading: &'static str,
    pub heading: &'static str,
    pub privacy_heading: &'static str,
    pub records_noun: &'static str,
    pub dataset_name: &'static str,
    pub table_caption: &'static str,
    pub total_cases: &'static str,
    pub total_paid: &'static str,
    pub total_with_goods: &'static str,
    pub problem_5_link: &'static str,
    pub gap_chart_file: &'static str,
    pub related_figures: &'static str,
    pub related_figures_caption: &'static str,
    pub aggregates_file: &'static str,
    pub aggregates_heading: &'static str,
    pub aggregates_download: &'static str,
    pub aggregates_table_label: &'static str,
}

const ZH: Words = Words {
    lang: Lang::Zh,
    loading: "正在加载救助数据…",
    heading: "救助",
    privacy_heading: "隐私保护：",
    records_noun: "救助记录",
    dataset_name: "救助",
    table_caption: "救助记录（当前页；受助人已脱敏）",
    total_cases: "救助人次",
    total_paid: "救助金额",
    total_with_goods: "含物资的救助",
    problem_5_link: "（问题 5）",
    gap_chart_file: "申报与备案",
    related_figures: "报告中与救助有关的全部数字",
    related_figures_caption: "问题 2、5 中的数字",
    aggregates_file: "大病救助汇总",
    aggregates_heading: "儿童和大病救助（仅公布汇总）",
    aggregates_download: "下载汇总 CSV（不含少于 5 人的格子）",
    aggregates_table_label: "儿童和大病救助汇总表",
};

const EN: Words = Words {
    lang: Lang::En,
    loading: "Loading relief data…",
    heading: "Relief",
    privacy_heading: "Privacy: ",
    records_noun: "relief records",
    dataset_name: "relief",
    table_caption: "Relief records (this page; recipients masked)",
    total_cases: "Relief cases",
    total_paid: "Relief paid",
    total_with_goods: "Cases with goods",
    problem_5_link: " (problem 5)",
    gap_chart_file: "applications_vs_records",
    related_figures: "All figures in the report on relief",
    related_figures_caption: "Figures in problems 2 and 5",
    aggregates_file: "serious_illness_relief_summary",
    aggregates_heading: "Children's and serious-illness relief (aggregates only)",
    aggregates_download: "Download the summary CSV (without cells under 5 people)",
    aggregates_table_label: "Children's and serious-illness relief summary table",
};

pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&ZH, &EN)
}

impl Words {
    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    /// The relief page's lead, naming the data's programmes of individual records.
    pub fn lead(&self, programmes: &[String]) -> String {
        match (programmes.is_empty(), self.zh()) {
            (true, true) => "救助的发放情况。".to_string(),
            (true, false) => "What was paid out in relief.".to_string(),
            (false, true) => format!("{}等救助的发放情况。", tr(self.lang).list(programmes)),
            (false, false) => format!("What was paid out in {}.", tr(self.lang).list(programmes)),
        }
    }

    /// What the relief page publishes and withholds, naming the data's aggregate-only programmes.
    pub fn privacy_text(&self, aggregate_programmes: &[String], division: &str) -> String {
        let names = tr(self.lang).list(aggregate_programmes);
        let short = division.split('（').next().unwrap_or(division);
        if self.zh() {
            let which = if names.is_empty() { String::new() } else { format!("（{names}）") };
            format!("受助人只公布“姓＋某”；儿童和大病救助{which}只公布按{short}、年份汇总的人数和金额，少于 5 人的格子（以及能由合计推算出它们的格子）不公布人数和金额，也不写入下载文件；不公布身份证号、电话、银行卡号和详细地址。")
        } else {
            let which = if names.is_empty() { String::new() } else { format!(" ({names})") };
            format!("Recipients are shown only as “surname + 某”; children's and serious-illness relief{which} is published only as people and amounts per {} and year, cells with fewer than 5 people (and cells a total would give them away by) publish no count or amount and are left out of downloads; no ID, phone or bank card numbers or street addresses are published.", division.to_lowercase())
        }
    }

    /// The relief search box's examples, from the data: a county and a masked name (with a
    /// programme's name as well the examples did not fit a 320 px phone's box, in either
    /// language; the label names programmes).
    pub fn search_placeholder(&self, county: Option<&str>) -> String {
        let mut words: Vec<&str> = county.into_iter().collect();
        words.push("张某");
        if self.zh() {
            format!("例如：{}", words.join("、"))
        } else {
            format!("e.g. {}", words.join(", "))
        }
    }

    /// The relief page's search hint; `division` is the organisation's word for a division.
    pub fn search_label(&self, division: &str) -> String {
        match (self.zh(), division.starts_with("乡镇")) {
            (true, false) => format!("搜索项目、{division}、乡镇、受助人（姓氏）"),
            (true, true) => format!("搜索项目、{division}、受助人（姓氏）"),
            (false, _) => {
                format!("Search programmes, {}, townships, recipients (surname)", Tr::divisions_en(division)).replace("townships, townships", "townships")
            }
        }
    }

    /// The aggregates table's caption, naming its programmes.
    pub fn aggregates_caption(&self, programmes: &[String]) -> String {
        match (programmes.is_empty(), self.zh()) {
            (true, true) => "汇总".to_string(),
            (true, false) => "Summary".to_string(),
            (false, true) => format!("{}汇总", tr(self.lang).list(programmes)),
            (false, false) => format!("{} summary", tr(self.lang).list(programmes)),
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

    /// The file name of the relief-per-division chart.
    pub fn by_division_chart_file(&self, division: &str) -> String {
        let short = division.split('（').next().unwrap_or(division);
        if self.zh() {
            format!("各{short}救助金额")
        } else {
            format!("relief_by_{}", division.to_lowercase().replace(' ', "_"))
        }
    }

    pub fn cases(&self, n: usize) -> String {
        if self.zh() {
            format!("{n} 人次")
        } else {
            format!("{n} cases")
        }
    }

    pub fn aggregates_summary(&self, cells: usize, withheld: usize) -> String {
        if self.zh() {
            format!("汇总表：{cells} 个单元格，其中 {withheld} 个不公布（不足 5 人，或可由合计推算出不足 5 人的格子）")
        } else {
            format!("Summary table: {cells} cells, {withheld} of them not published (under 5 people, or a total would give such a cell away)")
        }
    }

    pub fn aggregates_note(&self, min: u32, division: &str) -> String {
        let short = division.split('（').next().unwrap_or(division);
        if self.zh() {
            format!("按{division}、年份和项目汇总；少于 {min} 人的格子，以及能由合计推算出它们的格子，人数和金额都不公布（显示“不公布”），也不写入下载文件。上方的{short}和年份筛选同样作用于此表。")
        } else {
            let d = division.to_lowercase();
            format!("Totals per {d}, year and programme; cells with fewer than {min} people, and cells a total would give them away by, publish neither count nor amount (shown as “not published”) and are left out of downloads. The {d} and year filters above apply here too.")
        }
    }
}
