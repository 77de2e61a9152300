//! The rectification page's own words (strings only this page shows; shared ones are in `crate::i18n`).

use gongshi_core::Lang;

pub struct Words {
    pub lang: Lang,
    pub heading: &'static str,
    pub clear_filters: &'static str,
    pub print_all: &'static str,
    pub progress_label: &'static str,
    pub search_label: &'static str,
    /// Examples for the search box, short enough to be read whole in large text on a 320 px
    /// phone (tests/e2e/phone.test.mjs).
    pub search_placeholder: &'static str,
    pub filters_label: &'static str,
    pub no_problems: &'static str,
    pub progress_chart_heading: &'static str,
    pub work_organisation: &'static str,
    pub next_steps: &'static str,
    pub feedback_heading: &'static str,
    pub feedback_lead: &'static str,
    pub ask_link: &'static str,
    pub phone_label: &'static str,
    pub address_label: &'static str,
    pub postcode_label: &'static str,
    pub email_label: &'static str,
    pub about_transcription: &'static str,
    pub finding_heading: &'static str,
    pub measures_heading: &'static str,
    pub dates_heading: &'static str,
}

const ZH: Words = Words {
    lang: Lang::Zh,
    heading: "巡察整改情况",
    clear_filters: "清除筛选",
    print_all: "打印 / 存为 PDF（全部问题及措施）",
    progress_label: "整改进度",
    search_label: "搜索问题、发现的情况和整改措施",
    search_placeholder: "例如：募捐、baomi",
    filters_label: "按方面、整改状态筛选",
    no_problems: "没有符合条件的问题。请换个词或清除筛选。",
    progress_chart_heading: "整改进度图",
    work_organisation: "整改工作组织情况",
    next_steps: "下一步工作计划",
    feedback_heading: "监督与反馈",
    feedback_lead:
        "对整改落实情况或本站公布的数据有疑问、意见或线索，欢迎通过以下方式联系。点“对此有疑问”会用您自己的邮件程序写一封邮件，本站不收集也不发送任何信息。",
    ask_link: "对此有疑问",
    phone_label: "联系电话：",
    address_label: "邮寄地址：",
    postcode_label: "邮政编码：",
    email_label: "电子邮箱：",
    about_transcription: "关于本页的转录",
    finding_heading: "发现的问题",
    measures_heading: "整改措施",
    dates_heading: "时间节点",
};

const EN: Words = Words {
    lang: Lang::En,
    heading: "Inspection and rectification",
    clear_filters: "Clear filters",
    print_all: "Print / save as PDF (all problems and measures)",
    progress_label: "Rectification progress",
    search_label: "Search problems, findings and measures",
    search_placeholder: "e.g. 募捐 or baomi",
    filters_label: "Filter by aspect and status",
    no_problems: "No matching problems. Try another word or clear the filters.",
    progress_chart_heading: "Progress chart",
    work_organisation: "How the rectification was organised",
    next_steps: "Next steps",
    feedback_heading: "Oversight and feedback",
    feedback_lead: "Questions, comments or tips about the rectification or the data published here are welcome by these channels. “Question this” opens an e-mail in your own mail program; this site collects and sends nothing.",
    ask_link: "Question this",
    phone_label: "Phone: ",
    address_label: "Postal address: ",
    postcode_label: "Postcode: ",
    email_label: "Email: ",
    about_transcription: "About this transcription",
    finding_heading: "What was found",
    measures_heading: "Measures taken",
    dates_heading: "Dates",
};

pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&ZH, &EN)
}

impl Words {
    fn zh(&self) -> bool {
        self.lang == Lang::Zh
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

    /// The measure's ordinal: 一是, 二是 … in Chinese, "1." in English.
    pub fn measure_ordinal(&self, i: usize) -> String {
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

    /// The e-mail "对此有疑问" opens for problem `no`: its subject and body (the problem, its
    /// permalink, and room for the question).
    pub fn ask_email(&self, no: u32, title: &str, link: &str) -> (String, String) {
        if self.zh() {
            (format!("关于整改问题 {no} 的疑问"), format!("问题 {no}：{title}\n链接：{link}\n\n我的疑问：\n\n\n（可留下您的联系方式，便于回复。）"))
        } else {
            (
                format!("A question about problem {no}"),
                format!("Problem {no}: {title}\nLink: {link}\n\nMy question:\n\n\n(You may leave a way to reach you for a reply.)"),
            )
        }
    }
}
