//! The UI strings more than one place needs, one table per language ([`ZH`], [`EN`]): the shell's
//! (`app.rs`, `main.rs`), the components', those several pages share (loading, badges, headings,
//! chart file names), and the formatting every page uses (money, dates, years, lists). A page's
//! own words live beside it (`routes/<page>/words.rs`, or inside `routes/history.rs`): a private
//! `Words` table per language, chosen with `words(lang)`, with that page's formatting methods.
//! Data text (names, titles, findings, figure labels) is shown as published and never passes
//! through here. Core `Diagnostic` messages (data file problems) carry an English text for
//! file-level problems and the common record checks; the rest are shown in Chinese in the English
//! UI, labelled [`Tr::in_chinese`].

use gongshi_core::date::PartialDate;
use gongshi_core::{format, Fen, Lang};
use leptos::prelude::*;

pub struct Tr {
    pub lang: Lang,
    /// The skip link to the main content.
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
    /// A record's 对此有疑问 link (an e-mail to the organisation about it).
    pub ask_record: &'static str,
    /// Under the search box when the pinyin table could not be loaded.
    pub pinyin_failed: &'static str,
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
    pub loading_rectification: &'static str,
    /// A dataset the data folder does not list.
    pub unpublished: &'static str,
    /// A dataset that is published but has no records yet.
    pub no_records_yet: &'static str,
    /// After a data-file message that has no English text yet.
    pub in_chinese: &'static str,
    /// The file name (without extension) a chart of the rectification progress downloads as.
    pub progress_chart_file: &'static str,
    /// The heading of a page's section of real figures from the report.
    pub real_figures_heading: &'static str,
    /// The heading of a page's charts that follow its filters.
    pub charts_heading: &'static str,
    /// The buttons that jump between a long page's sections.
    pub jump_label: &'static str,
    pub totals_label: &'static str,
    pub col_year: &'static str,
    pub history_alarm: &'static str,
    pub qr: &'static str,
    pub qr_title: &'static str,
    pub qr_alt: &'static str,
    pub qr_caption: &'static str,
    pub qr_save: &'static str,
    pub qr_file: &'static str,
    pub footer_feedback: &'static str,
    pub fatal: &'static str,
    pub reload_page: &'static str,
    /// A sentence's end (。 / ". ") where a sentence is built from parts.
    pub full_stop: &'static str,
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
    no_rows: "没有符合条件的记录。请换个词或清除筛选。",
    show_sample: "显示示例数据",
    only_real: "只看真实记录",
    text_size_label: "大字模式：字号更大、行距更宽、对比更强",
    text_large: "大字",
    sample_badge: "示例",
    row_more: "详情",
    sort_by: "排序：",
    row_less: "收起",
    ask_record: "对此有疑问",
    pinyin_failed: "拼音检索暂不可用（拼音表未能下载），请用汉字检索。",
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
    loading_rectification: "正在加载整改情况…",
    no_records_yet: "尚无记录。这项数据按法定周期公开，记录公布后会显示在这里，可以搜索、筛选和下载；下次公开日期见“数据”页。",
    unpublished: "本机构尚未在这里发布这项数据。发布后，它会显示在这里；已发布的数据见“数据”页。",
    in_chinese: "",
    progress_chart_file: "整改进度",
    real_figures_heading: "整改报告中的真实数字",
    charts_heading: "图表（随筛选变化）",
    jump_label: "本页各部分",
    totals_label: "当前筛选的合计",
    col_year: "年份",
    history_alarm: "注意：本站当前的数据与发布记录不符。",
    qr: "本页二维码",
    qr_title: "本页链接的二维码",
    qr_alt: "本页链接的二维码：扫码打开与此处相同的页面和筛选",
    qr_caption: "扫码打开本页（相同的筛选和排序）：",
    qr_save: "保存二维码（SVG）",
    qr_file: "本页二维码.svg",
    footer_feedback: "监督与反馈：",
    fatal: "抱歉，页面出现了错误。请刷新页面重试；数据文件仍可在“数据”页或 data/ 目录下载。",
    reload_page: "刷新页面",
    full_stop: "。",
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
    no_rows: "No matching records. Try another word or clear the filters.",
    show_sample: "Show sample data",
    only_real: "Real records only",
    text_size_label: "Large text: bigger type, wider line spacing, stronger contrast",
    text_large: "Large text",
    sample_badge: "Sample",
    row_more: "Details",
    sort_by: "Sort by:",
    row_less: "Less",
    ask_record: "Question this",
    pinyin_failed: "Pinyin search is unavailable (its table could not be downloaded); search in Chinese characters.",
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
    loading_rectification: "Loading the rectification report…",
    no_records_yet: "No records yet. This dataset is published on a legal cadence; once records are published they appear here, to search, filter and download. The Data page gives its next due date.",
    unpublished: "This organisation has not published this data here yet. Once it does, it will appear here; what is published is listed on the Data page.",
    in_chinese: " (message in Chinese)",
    progress_chart_file: "rectification_progress",
    real_figures_heading: "Real figures from the report",
    charts_heading: "Charts (follow the filters)",
    jump_label: "Sections of this page",
    totals_label: "Totals for the current filter",
    col_year: "Year",
    history_alarm: "Warning: the data on this site does not match its publication record.",
    qr: "QR code of this page",
    qr_title: "QR code of this page's link",
    qr_alt: "QR code of this page's link: scan it to open the same page with the same filters",
    qr_caption: "Scan to open this page (same filters and sort):",
    qr_save: "Save the QR code (SVG)",
    qr_file: "qr-code.svg",
    footer_feedback: "Oversight and feedback: ",
    fatal: "Sorry, something went wrong on this page. Please reload; the data files can still be downloaded from the “Data” page or the data/ folder.",
    reload_page: "Reload the page",
    full_stop: ". ",
};

impl Tr {
    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    /// The e-mail questioning record `id` (subject, body): the record and the link that shows
    /// it, then room for the question (the reader's own mail program writes and sends it).
    pub fn ask_record_email(&self, id: &str, link: &str) -> (String, String) {
        if self.zh() {
            (format!("关于记录 {id} 的疑问"), format!("记录：{id}\n链接：{link}\n\n我的疑问：\n\n\n（可留下您的联系方式，便于回复。）"))
        } else {
            (
                format!("A question about record {id}"),
                format!("Record: {id}\nLink: {link}\n\nMy question:\n\n\n(You may leave a way to reach you for a reply.)"),
            )
        }
    }

    pub fn money(&self, fen: Fen) -> String {
        format::money(self.lang, fen)
    }

    /// Totals lines: 万元 in Chinese, whole CNY in English.
    pub fn money_total(&self, fen: Fen) -> String {
        format::money_total(self.lang, fen)
    }

    /// An exact sum's reading aid, the size at a glance: 万元 in Chinese ("4,271.20万元"); in
    /// English millions from a million yuan ("CNY 42.71 million"), and none below, where the
    /// exact sum reads as it is (whole yuan would only repeat it).
    pub fn reading(&self, fen: Fen) -> Option<String> {
        match self.lang {
            Lang::Zh => Some(format::money_total(self.lang, fen)),
            Lang::En => (fen.0.unsigned_abs() >= 100_000_000).then(|| format::money_en(fen)),
        }
    }

    /// Exact amount: "12,345.00 元" / "CNY 12,345.00".
    pub fn yuan(&self, fen: Fen) -> String {
        if self.zh() {
            format!("{} 元", format::yuan_grouped(fen))
        } else {
            format!("CNY {}", format::yuan_grouped(fen))
        }
    }

    /// A finding as one line: "file (place): reason", in the UI's punctuation; a reason the core
    /// has only in Chinese is followed, in English, by [`Tr::in_chinese`].
    pub fn problem_line(&self, file: &str, place: &str, reason: &str, translated: bool) -> String {
        match (place.is_empty(), self.zh()) {
            (true, true) => format!("{file}：{reason}"),
            (false, true) => format!("{file}（{place}）：{reason}"),
            (true, false) => format!("{file}: {reason}{}", if translated { "" } else { self.in_chinese }),
            (false, false) => format!("{file} ({place}): {reason}{}", if translated { "" } else { self.in_chinese }),
        }
    }

    /// A list as written in each language: "甲、乙、丙" / "A, B and C".
    pub fn list(&self, items: &[String]) -> String {
        if self.zh() {
            return items.join("、");
        }
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// `division` ("县（市、区）", "Township") in the plural, for English headings.
    pub fn divisions_en(division: &str) -> String {
        let d = division.to_lowercase();
        match d.strip_suffix('y') {
            Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
            _ => format!("{d}s"),
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

    /// The CSV button's words without the count (a phone shows the count beside it, in the
    /// result line; the button's name keeps it, [`Tr::download_csv`]).
    pub fn download_csv_short(&self) -> &'static str {
        if self.zh() {
            "下载 CSV"
        } else {
            "Download CSV"
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
                format!(" (generated for demonstration, not real records); the {real} real records are from the rectification report."),
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

    pub fn units_n(&self, n: u32) -> String {
        if self.zh() {
            format!("{n} 个")
        } else {
            n.to_string()
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
