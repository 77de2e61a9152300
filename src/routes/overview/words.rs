//! The overview's own words (strings only this page shows; shared ones are in `crate::i18n`).

use gongshi_core::{format, Lang};

pub struct Words {
    pub lang: Lang,
    pub loading_figures: &'static str,
    pub loading_accounts: &'static str,
    /// 账目一览 with nothing published yet.
    pub accounts_empty: &'static str,
    pub accounts_heading: &'static str,
    pub accounts_note: &'static str,
    pub accounts_sample_note: &'static str,
    pub received: &'static str,
    pub disbursed: &'static str,
    pub relief: &'static str,
    pub grassroots_units: &'static str,
    pub open_donations: &'static str,
    pub open_relief: &'static str,
    pub open_coverage: &'static str,
    pub per_year_caption: &'static str,
    pub rectification_heading: &'static str,
    pub figures_heading: &'static str,
    pub figures_note: &'static str,
    pub figures_caption: &'static str,
}

const ZH: Words = Words {
    lang: Lang::Zh,
    loading_figures: "正在加载数字…",
    loading_accounts: "正在加载账目汇总…",
    accounts_empty: "尚无账目记录。捐赠、支出和救助记录按法定周期公布后，这里显示它们的合计；各项数据的下次公开日期见“数据”页。",
    accounts_heading: "账目一览",
    accounts_note: "以下由各台账汇总而来，点击各项可查看明细。",
    accounts_sample_note: "这些台账目前是示例数据（程序生成，不是真实记录），数字只用于演示本站的功能。",
    received: "收到捐赠",
    disbursed: "支出",
    relief: "救助",
    grassroots_units: "基层组织",
    open_donations: "查看捐赠台账",
    open_relief: "查看救助明细",
    open_coverage: "查看组织覆盖",
    per_year_caption: "每年收到与支出",
    rectification_heading: "巡察整改",
    figures_heading: "整改报告中的关键数字",
    figures_note: "以下均为报告原文中的真实数字，点击“出处”可查看所在段落。",
    figures_caption: "整改报告中的数字及出处",
};

const EN: Words = Words {
    lang: Lang::En,
    loading_figures: "Loading figures…",
    loading_accounts: "Loading the accounts summary…",
    accounts_empty: "No accounts yet. Once donations, spending and relief are published on their legal cadence, their totals appear here; the Data page gives each dataset's next due date.",
    accounts_heading: "The accounts at a glance",
    accounts_note: "Totals of the ledgers; follow each item to the records.",
    accounts_sample_note: "These ledgers are sample data for now (generated, not real records); the numbers only demonstrate the site.",
    received: "Donations received",
    disbursed: "Disbursed",
    relief: "Relief",
    grassroots_units: "Grassroots units",
    open_donations: "Open the ledger",
    open_relief: "Open the relief records",
    open_coverage: "Open coverage",
    per_year_caption: "Received and disbursed per year",
    rectification_heading: "Inspection and rectification",
    figures_heading: "Key figures in the rectification report",
    figures_note: "All figures below are real figures from the report's text; follow “Source” to see the paragraph.",
    figures_caption: "Figures in the rectification report and their sources",
};

pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&ZH, &EN)
}

impl Words {
    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    /// A span of years: "2019–2023年" / "2019–2023".
    pub fn years_span(&self, first: u16, last: u16) -> String {
        let span = if first == last { first.to_string() } else { format!("{first}–{last}") };
        if self.zh() {
            format!("{span}年")
        } else {
            span
        }
    }

    /// People helped: "1,234 人次" / "1,234 people".
    pub fn people_helped(&self, n: u64) -> String {
        if self.zh() {
            format!("{} 人次", format::count(n))
        } else {
            format!("{} people", format::count(n))
        }
    }

    /// Village coverage: "村级覆盖率 3.5%".
    pub fn village_coverage(&self, bp: i64) -> String {
        if self.zh() {
            format!("村级覆盖率 {}", format::percent_bp(bp))
        } else {
            format!("village coverage {}", format::percent_bp(bp))
        }
    }

    pub fn inspection(&self, by: &str, start: &str, end: &str, feedback: &str, total: usize) -> String {
        if self.zh() {
            format!("{by}于 {start} 至 {end} 进行巡察，{feedback} 反馈意见，指出 {total} 个问题。")
        } else {
            format!("{by} inspected from {start} to {end} and reported back on {feedback}, finding {total} problems. ")
        }
    }

    pub fn rectified_so_far(&self, published: &str, done: usize) -> String {
        if self.zh() {
            format!("据 {published} 公开稿，已完成整改 {done} 个。")
        } else {
            format!("According to the public release of {published}, {done} have been rectified.")
        }
    }

    pub fn see_all_problems(&self, total: usize) -> String {
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
}
