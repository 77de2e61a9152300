//! The coverage page's own words (strings only this page shows; shared ones are in `crate::i18n`).

use crate::i18n::Tr;
use gongshi_core::{format, Lang};

pub struct Words {
    pub lang: Lang,
    pub loading: &'static str,
    pub heading: &'static str,
    pub lead: &'static str,
    pub totals_label: &'static str,
    pub units: &'static str,
    pub village_level: &'static str,
    pub village_rate: &'static str,
    pub rate_chart_file: &'static str,
    pub levels_chart_file: &'static str,
    pub teams_before_chart_file: &'static str,
    pub teams_after_chart_file: &'static str,
    pub report_text_heading: &'static str,
    pub dataset_name: &'static str,
    pub teams_heading: &'static str,
    pub related_figures: &'static str,
    pub related_figures_caption: &'static str,
    pub all_divisions: &'static str,
}

const ZH: Words = Words {
    lang: Lang::Zh,
    loading: "正在加载组织覆盖数据…",
    heading: "组织覆盖",
    lead: "乡镇（街道）、村（社区）和企事业单位中的基层组织，以及志愿服务队。",
    totals_label: "当前选择的合计",
    units: "基层组织",
    village_level: "村（社区）级",
    village_rate: "村级覆盖率",
    rate_chart_file: "村级覆盖率",
    levels_chart_file: "基层组织层级",
    teams_before_chart_file: "整改前志愿队规模",
    teams_after_chart_file: "整改后志愿服务队",
    report_text_heading: "整改报告中的原文",
    dataset_name: "组织覆盖",
    teams_heading: "志愿服务队",
    related_figures: "报告中与组织覆盖有关的全部数字",
    related_figures_caption: "问题 3、4、6 中的数字",
    all_divisions: "全部",
};

const EN: Words = Words {
    lang: Lang::En,
    loading: "Loading coverage data…",
    heading: "Coverage",
    lead: "Grassroots units in townships, villages and employers, and volunteer teams.",
    totals_label: "Totals for the current selection",
    units: "Grassroots units",
    village_level: "Village level",
    village_rate: "Village coverage",
    rate_chart_file: "village_coverage",
    levels_chart_file: "unit_levels",
    teams_before_chart_file: "teams_before",
    teams_after_chart_file: "teams_after",
    report_text_heading: "From the rectification report",
    dataset_name: "coverage",
    teams_heading: "Volunteer teams",
    related_figures: "All figures in the report on coverage",
    related_figures_caption: "Figures in problems 3, 4 and 6",
    all_divisions: "All",
};

pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&ZH, &EN)
}

impl Words {
    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    /// The teams chart before rectification: real figures of the report.
    pub fn teams_before_source(&self, problem: Option<u32>) -> String {
        match (problem, self.zh()) {
            (Some(n), true) => format!("来源：整改报告问题 {n}（真实）"),
            (None, true) => "来源：整改报告（真实）".to_string(),
            (Some(n), false) => format!("Source: problem {n} of the report (real)"),
            (None, false) => "Source: the report (real)".to_string(),
        }
    }

    /// The teams chart after rectification: a real total split by type in sample data.
    pub fn teams_after_source(&self, problem: Option<u32>, total: Option<u32>) -> String {
        let p = problem.map(|n| if self.zh() { format!("问题 {n}") } else { format!("problem {n} of the report") });
        match (self.zh(), total) {
            (true, Some(t)) => format!("来源：整改报告{}（合计 {t} 支为真实数字；按类型的分布为示例数据）", p.unwrap_or_default()),
            (true, None) => format!("来源：整改报告{}（按类型的分布为示例数据）", p.unwrap_or_default()),
            (false, Some(t)) => format!("Source: {} (the total of {t} is real; the split by type is sample data)", p.unwrap_or_else(|| "the report".into())),
            (false, None) => format!("Source: {} (the split by type is sample data)", p.unwrap_or_else(|| "the report".into())),
        }
    }

    /// "The per-county figures are sample data".
    pub fn sample_note_strong(&self, division: &str) -> String {
        if self.zh() {
            format!("各{division}的逐项数字为示例数据")
        } else {
            format!("The per-{} figures are sample data", division.to_lowercase())
        }
    }

    /// After "the per-county figures are sample data": what the report gives, and whether the
    /// county rows add up to it (said only when they do).
    pub fn sample_note_rest(&self, units: Option<u32>, village_units: Option<u32>, coverage_bp: Option<i64>, agree: bool) -> String {
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

    /// The heading of the coverage page's table of divisions.
    pub fn divisions_heading(&self, division: &str) -> String {
        if self.zh() {
            format!("各{division}")
        } else {
            let d = Tr::divisions_en(division);
            let mut c = d.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        }
    }

    pub fn search_label(&self, division: &str) -> String {
        if self.zh() {
            format!("搜索{division}")
        } else {
            format!("Search {}", Tr::divisions_en(division))
        }
    }

    /// The coverage search box's example: a county of the data.
    pub fn search_placeholder(&self, county: Option<&str>) -> String {
        match (county, self.zh()) {
            (Some(c), true) => format!("例如：{c}"),
            (Some(c), false) => format!("e.g. {c}"),
            (None, _) => String::new(),
        }
    }

    pub fn table_caption(&self, division: &str) -> String {
        if self.zh() {
            format!("各{division}基层组织")
        } else {
            format!("Grassroots units per {}", division.to_lowercase())
        }
    }

    pub fn pick_division(&self, division: &str) -> String {
        if self.zh() {
            format!("选择{division}")
        } else {
            format!("Choose a {}", division.to_lowercase())
        }
    }

    pub fn problem_link(&self, no: u32) -> String {
        if self.zh() {
            format!("（问题 {no}）")
        } else {
            format!(" (problem {no})")
        }
    }

    pub fn villages_of(&self, units: u32, villages: u32) -> String {
        if self.zh() {
            format!("{units} / {villages} 个村（社区）")
        } else {
            format!("{units} / {villages} villages")
        }
    }
}
