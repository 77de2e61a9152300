//! The data page's own words (strings only this page shows; shared ones are in `crate::i18n`).

use gongshi_core::{format, Lang};

pub struct Words {
    pub lang: Lang,
    pub loading: &'static str,
    pub heading: &'static str,
    pub lead: &'static str,
    pub schema_note_before: &'static str,
    pub schema_note_after: &'static str,
    pub has_sample_badge: &'static str,
    pub real_data_badge: &'static str,
    pub not_stated: &'static str,
    pub next_due: &'static str,
    pub legal_basis: &'static str,
    pub records_label: &'static str,
    pub updated_label: &'static str,
    pub date_range_label: &'static str,
    pub source_label: &'static str,
    pub download_json: &'static str,
    pub schema_link: &'static str,
    pub view_table_link: &'static str,
    pub citation_label: &'static str,
    pub copy_citation: &'static str,
    pub rect_csv_header: &'static str,
    pub rect_csv_file: &'static str,
    pub rect_csv_button: &'static str,
}

const ZH: Words = Words {
    lang: Lang::Zh,
    loading: "正在加载数据目录…",
    heading: "数据下载与引用",
    lead: "本站的全部数据都是公开的 JSON 文件，可直接下载、校验和引用。",
    schema_note_before: "每个文件的格式见各自的 JSON Schema；文件的 SHA-256 校验值记录在 ",
    schema_note_after: "，本站加载数据时会逐一核对。",
    has_sample_badge: "含示例数据",
    real_data_badge: "真实数据",
    not_stated: "未注明",
    next_due: "下次应公开",
    legal_basis: "依据",
    records_label: "记录数",
    updated_label: "更新于",
    date_range_label: "数据时间范围",
    source_label: "来源",
    download_json: "下载 JSON",
    schema_link: "格式（JSON Schema）",
    view_table_link: "查看表格 / 下载 CSV",
    citation_label: "引用：",
    copy_citation: "复制引用",
    rect_csv_header: "编号,方面,标题,发现的问题,整改措施,整改状态",
    rect_csv_file: "巡察整改情况_21个问题.csv",
    rect_csv_button: "下载整改情况 CSV（21 个问题及措施）",
};

const EN: Words = Words {
    lang: Lang::En,
    loading: "Loading the data catalogue…",
    heading: "Data downloads and citation",
    lead: "All of this site's data are public JSON files you can download, verify and cite.",
    schema_note_before: "Each file's format is in its JSON Schema; each file's SHA-256 checksum is recorded in ",
    schema_note_after: ", and the site checks every one when it loads the data.",
    has_sample_badge: "Includes sample data",
    real_data_badge: "Real data",
    not_stated: "not stated",
    next_due: "Next publication due",
    legal_basis: "Legal basis",
    records_label: "Records",
    updated_label: "Updated",
    date_range_label: "Date range",
    source_label: "Source",
    download_json: "Download JSON",
    schema_link: "Format (JSON Schema)",
    view_table_link: "View table / download CSV",
    citation_label: "Citation: ",
    copy_citation: "Copy citation",
    rect_csv_header: "No.,Aspect,Title,Finding,Measures,Status",
    rect_csv_file: "rectification_21_problems.csv",
    rect_csv_button: "Download the rectification CSV (21 problems and measures)",
};

pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&ZH, &EN)
}

impl Words {
    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    /// The parts of a dataset published in parts (data page).
    pub fn parts_summary(&self, n: usize) -> String {
        if self.zh() {
            format!("按年度分卷发布：{n} 个分卷（每个分卷有自己的校验值）")
        } else {
            format!("Published in {n} parts (each with its own checksum)")
        }
    }

    pub fn records_count(&self, n: u64) -> String {
        if self.zh() {
            format!("{} 条", format::group_thousands(n))
        } else {
            format!("{} records", format::group_thousands(n))
        }
    }

    /// The overdue badge's word, which stays true until the data is replaced (a static first view
    /// keeps it); [`Self::overdue_days`] follows it in the app.
    pub fn overdue(&self) -> &'static str {
        if self.zh() {
            "已逾期"
        } else {
            "Overdue"
        }
    }

    /// How long overdue, as of the reader's today (the app's view only).
    pub fn overdue_days(&self, days: i64) -> String {
        if self.zh() {
            format!(" {days} 天")
        } else {
            format!(" by {days} days")
        }
    }

    pub fn days_left(&self, days: i64) -> String {
        if self.zh() {
            format!("还有 {days} 天")
        } else {
            format!("{days} days left")
        }
    }

    pub fn emergency_cadence(&self, n: u32) -> String {
        if self.zh() {
            format!("重大突发事件应急处置与救援阶段：至少每 {n} 日公开一次。")
        } else {
            format!("During the emergency response to a major emergency: at least every {n} days.")
        }
    }

    pub fn file_size(&self, b: u64) -> String {
        if self.zh() {
            format!("（{} 字节）", format::group_thousands(b))
        } else {
            format!(" ({} bytes)", format::group_thousands(b))
        }
    }

    pub fn date_span(&self, a: &str, b: &str) -> String {
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
