//! Charts as data (specs), drawn over any plotters `DrawingBackend`.
//!
//! data → transform (the page builds a [`BarChart`] from the model) → marks ([`draw`]) → render
//! ([`to_svg`], or any other backend). The same spec also yields the chart's text alternative
//! ([`BarChart::rows`]), so what is drawn and what is read out can never disagree.

use crate::i18n::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub mod flow;
pub use flow::{draw_flow, flow_to_svg, FlowChart, FlowLink, FlowNode};

/// A colour as RGB bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const GREEN: Rgb = Rgb(0x1a, 0x7f, 0x37);
pub const AMBER: Rgb = Rgb(0xb3, 0x59, 0x00);
pub const GREY: Rgb = Rgb(0x6e, 0x77, 0x81);
pub const RED: Rgb = Rgb(0xc8, 0x10, 0x2e);
/// Dark enough for white text on it (a flow chart's middle node on a phone).
pub const SLATE: Rgb = Rgb(0x3d, 0x44, 0x4d);
const INK: RGBColor = RGBColor(0x1f, 0x23, 0x28);
const MUTED: RGBColor = RGBColor(0x57, 0x60, 0x6a);
const TRACK: RGBColor = RGBColor(0xee, 0xf0, 0xf2);

/// Escapes text for an HTML/XML attribute value or text node.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Fonts with a CJK fallback stack, so an exported SVG reads the same on any system.
pub const FONT_STACK: &str = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: i64,
    /// How the value is written next to the bar and in the text alternative.
    pub value_label: String,
    pub color: Rgb,
}

/// A horizontal bar chart, complete with what a reader needs to cite it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarChart {
    pub title: String,
    /// What is counted and over which period.
    pub subtitle: String,
    /// Organisation, dataset, last-updated date.
    pub source: String,
    /// Whether any of the data is generated sample data.
    pub sample: bool,
    pub bars: Vec<Bar>,
    /// The language of the chart's own words (sample note, text alternative).
    pub lang: Lang,
}

/// Width for wide screens and exports.
pub const WIDE: u32 = 640;
/// Width for phones: labels go above their bars.
pub const NARROW: u32 = 360;
const ROW_SIDE: i32 = 40;
const ROW_STACKED: i32 = 50;
/// What a stacked row grows by when its value goes under its label.
const VALUE_LINE: i32 = 18;
/// The least room between a label and its value on one line.
const LABEL_GAP: f64 = 12.0;
const PAD: i32 = 16;

/// Estimated advance of `ch` at font size `size` px (CJK full width, Latin a little over half,
/// a space and narrow punctuation about a third). An estimate is enough: it only decides where
/// lines wrap and whether a value fits beside its label, and it is deterministic; it errs wide.
fn char_w(ch: char, size: f64) -> f64 {
    match ch {
        ' ' | '(' | ')' | '[' | ']' | ',' | '.' | ':' | ';' | '/' | '-' | '\'' | '!' | '|' => size * 0.35,
        _ if (ch as u32) < 0x2e80 => size * 0.58,
        _ => size,
    }
}

/// Estimated width of `text` at `size` px ([`char_w`]).
pub(crate) fn text_w(text: &str, size: f64) -> f64 {
    text.chars().map(|c| char_w(c, size)).sum()
}

/// True for characters that hold a date, a number or a link together: a line never breaks
/// between two of them (`2023-09-18`, `2023年9月18日`, `12.82`, `857,999.5`, `https://…`).
fn glues(prev: char, ch: char) -> bool {
    let joined = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':' | '/' | '_' | '%' | '?' | '&' | '=' | '#' | '+' | '~');
    let date_char = |c: char| matches!(c, '年' | '月' | '日');
    (joined(prev) && joined(ch))
        || (prev.is_ascii_digit() && date_char(ch))
        || (date_char(prev) && ch.is_ascii_digit())
        // A thousands separator ("857,999.5"): a comma followed by a digit stays with both sides.
        || (prev.is_ascii_digit() && ch == ',')
        || (prev == ',' && ch.is_ascii_digit())
}

/// An opening bracket or quote: no line ends with one.
fn opens(c: char) -> bool {
    matches!(c, '(' | '[' | '（' | '【' | '《' | '“' | '‘' | '「')
}

/// A closing bracket or quote, or punctuation that ends a phrase: no line starts with one (in
/// Chinese 避头尾: no ，。 at the start of a line).
fn closes(c: char) -> bool {
    matches!(c, ')' | ']' | '）' | '】' | '》' | '”' | '’' | '」' | ',' | '.' | ';' | ':' | '!' | '?' | '%' | '，' | '。' | '、' | '；' | '：' | '！' | '？')
}

/// Wraps `text` into lines no wider than `max_px` at `size` px. `\n` starts a new line. A line
/// breaks between any two CJK characters or at a space, but never inside a run of glued
/// characters ([`glues`]: a date, a number, a word, a link) unless the run alone is wider than a
/// line; such a run (a long link) breaks after a `/`, `?`, `&` or `=` where it can, else anywhere.
/// Where a line would end with an opening bracket, or the next start with closing punctuation,
/// the bracket, or the word the punctuation follows, goes down to the next line with it.
pub fn wrap(text: &str, max_px: f64, size: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        // Units that stay together.
        let mut units: Vec<String> = Vec::new();
        let mut prev: Option<char> = None;
        for ch in para.chars() {
            match (prev, units.last_mut()) {
                (Some(p), Some(u)) if glues(p, ch) => u.push(ch),
                _ => units.push(ch.to_string()),
            }
            prev = Some(ch);
        }
        let width = |s: &str| text_w(s, size);
        let mut line = String::new();
        // Where each whole unit on `line` starts.
        let mut starts: Vec<usize> = Vec::new();
        let mut w = 0.0;
        for unit in units {
            let uw = width(&unit);
            if w + uw > max_px && !line.is_empty() {
                // The units that go down with this one: the word a closing mark follows, and an
                // opening bracket the line would end with; only if they fit on the next line.
                let mut k = starts.len();
                if unit.starts_with(closes) {
                    // Back past closing marks already on the line ("),"), to the word before.
                    while k > 1 && line[starts[k - 1]..].starts_with(closes) {
                        k -= 1;
                    }
                    k = k.saturating_sub(1).max(1);
                }
                while k > 1 && line[starts[k - 1]..].chars().next().is_some_and(opens) {
                    k -= 1;
                }
                let carry = if k < starts.len() && width(&line[starts[k]..]) + uw <= max_px { line.split_off(starts[k]) } else { String::new() };
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                starts.clear();
                w = width(&carry);
                if !carry.is_empty() {
                    starts.push(0);
                }
                line = carry;
                if line.is_empty() && (unit == " " || unit == "\u{3000}") {
                    continue;
                }
            }
            if uw <= max_px {
                starts.push(line.len());
                line.push_str(&unit);
                w += uw;
                continue;
            }
            // Not a whole unit that can go down to another line.
            starts.clear();
            // A run wider than a line: break it, after a link's separators where possible.
            let mut piece = String::new();
            let mut pw = 0.0;
            let mut last_sep: Option<usize> = None;
            for ch in unit.chars() {
                let cw = char_w(ch, size);
                if w + pw + cw > max_px && !(line.is_empty() && piece.is_empty()) {
                    let cut = last_sep.filter(|&k| k > 0 && k < piece.len()).unwrap_or(piece.len());
                    let rest = piece.split_off(cut);
                    line.push_str(&piece);
                    lines.push(std::mem::take(&mut line));
                    piece = rest;
                    pw = width(&piece);
                    w = 0.0;
                    last_sep = None;
                }
                piece.push(ch);
                pw += cw;
                if matches!(ch, '/' | '?' | '&' | '=') {
                    last_sep = Some(piece.len());
                }
            }
            line.push_str(&piece);
            w += pw;
        }
        lines.push(line);
    }
    lines
}

/// Who published a chart's data, for the footer of a downloaded chart: the organisation, the
/// dataset, the date the data is as of, and the link that reopens the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credit {
    pub publisher: String,
    pub dataset: String,
    pub as_of: String,
    pub permalink: String,
}

impl Credit {
    /// The footer lines in `lang`.
    pub fn lines(&self, lang: Lang) -> String {
        let as_of =
            if self.as_of.is_empty() { String::new() } else { lang.pick(format!(" · 数据截至 {}", self.as_of), format!(" · data as of {}", self.as_of)) };
        match lang {
            Lang::Zh => format!("发布：{} · {}{as_of}\n链接：{}", self.publisher, self.dataset, self.permalink),
            Lang::En => format!("Published by {} · {}{as_of}\nLink: {}", self.publisher, self.dataset, self.permalink),
        }
    }
}

/// Where things go, for a given width.
struct Layout {
    width: i32,
    stacked: bool,
    title: Vec<String>,
    subtitle: Vec<String>,
    source: Vec<String>,
    top: i32,
    /// Each bar's row height: on a phone a row whose label and value do not fit side by side
    /// on one line puts the value on a line of its own (an English channel's name and amount).
    rows: Vec<i32>,
    /// A row's usual height (and where "nothing to draw" goes).
    row: i32,
}

const TITLE: f64 = 18.0;
const SUB: f64 = 13.0;
const LABEL: f64 = 14.0;
const SOURCE: f64 = 12.0;

impl Layout {
    fn new(chart: &BarChart, width: u32) -> Layout {
        let width = width.clamp(280, 1600) as i32;
        let inner = (width - 2 * PAD) as f64;
        let reserve = if chart.sample { 150.0 } else { 0.0 };
        let title = wrap(&chart.title, inner - reserve, TITLE);
        let subtitle = wrap(&chart.subtitle, inner, SUB);
        let source = wrap(&chart.source_line(), inner, SOURCE);
        let top = 14 + title.len() as i32 * 26 + subtitle.len() as i32 * 18 + 12;
        let stacked = width < 520;
        let row = if stacked { ROW_STACKED } else { ROW_SIDE };
        let rows = chart.bars.iter().map(|b| if stacked && value_below(b, inner) { row + VALUE_LINE } else { row }).collect();
        Layout { width, stacked, title, subtitle, source, top, rows, row }
    }

    /// Where the bars end.
    fn bars_bottom(&self) -> i32 {
        self.top + if self.rows.is_empty() { self.row } else { self.rows.iter().sum() }
    }

    fn height(&self) -> i32 {
        self.bars_bottom() + 14 + self.source.len() as i32 * 17 + 10
    }
}

/// In the stacked layout, whether `bar`'s value goes under its label: side by side, with the
/// least gap, they would be wider than the chart's `inner` width.
fn value_below(bar: &Bar, inner: f64) -> bool {
    text_w(&bar.label, LABEL) + LABEL_GAP + text_w(&bar.value_label, LABEL) > inner
}

impl BarChart {
    /// Height of the chart drawn at `width`.
    pub fn height(&self, width: u32) -> u32 {
        Layout::new(self, width).height() as u32
    }

    /// The text alternative: one (label, value) row per bar.
    pub fn rows(&self) -> Vec<(String, String)> {
        self.bars.iter().map(|b| (b.label.clone(), b.value_label.clone())).collect()
    }

    /// One sentence describing the chart, for `alt` / `aria-label`.
    pub fn description(&self) -> String {
        let parts: Vec<String> = self.bars.iter().map(|b| format!("{} {}", b.label, b.value_label)).collect();
        match self.lang {
            _ if parts.is_empty() => nothing_described(&self.title, &self.subtitle, self.lang),
            Lang::Zh => format!("{}：{}。{}", self.title, parts.join("，"), self.subtitle),
            Lang::En => format!("{}: {}. {}", self.title, parts.join(", "), self.subtitle),
        }
    }

    pub fn source_line(&self) -> String {
        source_with_sample(&self.source, self.sample, self.lang)
    }
}

/// The source line, saying "sample" unless the source already does.
fn source_with_sample(source: &str, sample: bool, lang: Lang) -> String {
    match lang {
        Lang::Zh if sample && !source.contains("示例") => format!("{source}　（含示例数据，非真实记录）"),
        Lang::En if sample && !source.contains("sample") => format!("{source} (includes sample data, not real records)"),
        _ => source.to_string(),
    }
}

/// What a chart with nothing to draw says where its bars would be (an empty selection, or an
/// organisation's first ledger), instead of an empty track or an axis of zeros.
pub(crate) fn nothing_to_draw(lang: Lang) -> &'static str {
    lang.pick("当前筛选中没有可以画出的数据", "Nothing to draw in the current filter")
}

/// The one-sentence description of a chart with nothing to draw.
fn nothing_described(title: &str, subtitle: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{title}：{}。{subtitle}", nothing_to_draw(lang)),
        Lang::En => format!("{title}: {}. {subtitle}", nothing_to_draw(lang)),
    }
}

/// A font of `px` pixels as rendered (plotters' SVG backend writes size / 1.24).
fn font(px: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(FONT_STACK), px * 1.24, FontStyle::Normal)
}

/// Draws `chart` onto `area`, laid out for `width` (the area should be `width` × `chart.height(width)`).
pub fn draw<DB: DrawingBackend>(chart: &BarChart, area: &DrawingArea<DB, Shift>, width: u32) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let l = Layout::new(chart, width);
    area.fill(&WHITE)?;
    let w = l.width;
    let left = |c: RGBColor, size: f64| font(size).color(&c).pos(Pos::new(HPos::Left, VPos::Center));
    let right = |c: RGBColor, size: f64| font(size).color(&c).pos(Pos::new(HPos::Right, VPos::Center));
    let mut y = 14 + 13;
    for line in &l.title {
        area.draw(&Text::new(line.clone(), (PAD, y), font(TITLE).style(FontStyle::Bold).color(&INK).pos(Pos::new(HPos::Left, VPos::Center))))?;
        y += 26;
    }
    y -= 26 - 22;
    for line in &l.subtitle {
        area.draw(&Text::new(line.clone(), (PAD, y), left(MUTED, SUB)))?;
        y += 18;
    }
    if chart.sample {
        area.draw(&Text::new(
            "示例数据 SAMPLE DATA".to_string(),
            (w - PAD, 27),
            font(13.0).style(FontStyle::Bold).color(&RGBColor(RED.0, RED.1, RED.2)).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }

    if chart.bars.is_empty() {
        area.draw(&Text::new(nothing_to_draw(chart.lang).to_string(), (PAD, l.top + l.row / 2), left(MUTED, LABEL)))?;
    }
    let max = chart.bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    // Side by side: columns sized to the longest label and value (estimated), within limits.
    let longest = |f: fn(&Bar) -> &str| chart.bars.iter().map(|b| text_w(f(b), LABEL)).fold(0.0, f64::max);
    let label_w = (longest(|b| &b.label) as i32 + 14).clamp(80, 220);
    let value_w = (longest(|b| &b.value_label) as i32 + 16).clamp(90, 260);
    let mut y = l.top;
    for (b, row) in chart.bars.iter().zip(&l.rows) {
        let (x0, track_w, bar_top, bar_bottom) = if l.stacked {
            // The value under the label when the row is taller for it.
            let below = row - l.row;
            area.draw(&Text::new(b.label.clone(), (PAD, y + 10), left(INK, LABEL)))?;
            area.draw(&Text::new(b.value_label.clone(), (w - PAD, y + 10 + below), right(INK, LABEL)))?;
            (PAD, w - 2 * PAD, y + 22 + below, y + 40 + below)
        } else {
            let mid = y + l.row / 2;
            area.draw(&Text::new(b.label.clone(), (PAD, mid), left(INK, LABEL)))?;
            let tw = w - PAD - label_w - value_w;
            area.draw(&Text::new(b.value_label.clone(), (PAD + label_w + tw + 10, mid), left(INK, LABEL)))?;
            (PAD + label_w, tw, y + 8, y + row - 8)
        };
        area.draw(&Rectangle::new([(x0, bar_top), (x0 + track_w, bar_bottom)], TRACK.filled()))?;
        let bw = ((b.value.max(0) as i128 * track_w as i128) / max as i128) as i32;
        if bw > 0 {
            let c = RGBColor(b.color.0, b.color.1, b.color.2);
            area.draw(&Rectangle::new([(x0, bar_top), (x0 + bw, bar_bottom)], c.filled()))?;
        }
        y += row;
    }
    let mut y = l.bars_bottom() + 14 + 8;
    for line in &l.source {
        area.draw(&Text::new(line.clone(), (PAD, y), left(MUTED, SOURCE)))?;
        y += 17;
    }
    Ok(())
}

/// A chart as a standalone SVG document: `width` clamped to 280–1600 px, `height(width)` tall,
/// drawn by `draw` (every kind of chart goes through here).
pub(crate) fn svg_document(
    width: u32,
    height: impl FnOnce(u32) -> u32,
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>, u32) -> Result<(), DrawingAreaErrorKind<std::io::Error>>,
) -> String {
    let width = width.clamp(280, 1600);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height(width))).into_drawing_area();
        // Drawing into a String cannot fail for I/O reasons; a failure here is a bug in `draw`.
        draw(&root, width).expect("drawing a chart into a string");
        root.present().expect("finishing the SVG");
    }
    out
}

/// Renders `chart` at `width` as a standalone SVG document.
pub fn to_svg(chart: &BarChart, width: u32) -> String {
    svg_document(width, |w| chart.height(w), |root, w| draw(chart, root, w))
}

// ---------------------------------------------------------------- column charts (time series)

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    pub name: String,
    pub color: Rgb,
    /// One value per category.
    pub values: Vec<i64>,
}

/// How values are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Values are fen; written as 万元/元.
    Money,
    Count,
}

impl Unit {
    pub fn fmt(self, v: i64) -> String {
        self.fmt_in(Lang::Zh, v)
    }

    pub fn fmt_in(self, lang: Lang, v: i64) -> String {
        match self {
            Unit::Money => crate::format::money(lang, crate::Fen(v)),
            Unit::Count => crate::format::group_thousands(v.max(0) as u64),
        }
    }
}

/// Grouped vertical columns over categories (months, years), one colour per series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnChart {
    pub title: String,
    pub subtitle: String,
    pub source: String,
    pub sample: bool,
    /// (full label for the text alternative, axis label or "" to skip).
    pub categories: Vec<(String, String)>,
    pub series: Vec<Series>,
    pub unit: Unit,
    /// Stack the series in one column per category (parts of a whole) instead of side by side.
    pub stacked: bool,
    /// The language of the chart's own words (sample note, text alternative, axis values).
    pub lang: Lang,
}

/// Rounds up to 1, 2 or 5 × 10^k.
fn nice_ceiling(v: i64) -> i64 {
    let v = v.max(1);
    let mut p = 1i64;
    while p.saturating_mul(10) <= v {
        p *= 10;
    }
    for m in [1, 2, 5, 10] {
        if p.saturating_mul(m) >= v {
            return p.saturating_mul(m);
        }
    }
    p.saturating_mul(10)
}

impl ColumnChart {
    fn layout(&self, width: u32) -> (i32, Vec<String>, Vec<String>, Vec<String>, i32) {
        let width = width.clamp(280, 1600) as i32;
        let inner = (width - 2 * PAD) as f64;
        let reserve = if self.sample { 150.0 } else { 0.0 };
        let title = wrap(&self.title, inner - reserve, TITLE);
        let subtitle = wrap(&self.subtitle, inner, SUB);
        let source = wrap(&self.source_line(), inner, SOURCE);
        // title + subtitle + legend rows
        let legend_rows = self.legend(width).last().map_or(1, |&(_, row)| row + 1);
        let top = 14 + title.len() as i32 * 26 + subtitle.len() as i32 * 18 + 8 + 22 * legend_rows;
        (width, title, subtitle, source, top)
    }

    /// Each series' legend entry: its x and its row, a new row when the next entry would run
    /// past the right edge (six series' names do not fit one row on a phone).
    fn legend(&self, width: i32) -> Vec<(i32, i32)> {
        let (mut x, mut row) = (PAD, 0);
        let mut out = Vec::with_capacity(self.series.len());
        for s in &self.series {
            let advance = 30 + (s.name.chars().count() as i32) * 14;
            if x > PAD && x + advance - 12 > width - PAD {
                x = PAD;
                row += 1;
            }
            out.push((x, row));
            x += advance;
        }
        out
    }

    pub fn height(&self, width: u32) -> u32 {
        let (_, _, _, source, top) = self.layout(width);
        (top + 200 + 30 + source.len() as i32 * 17 + 12) as u32
    }

    pub fn source_line(&self) -> String {
        source_with_sample(&self.source, self.sample, self.lang)
    }

    /// Whether no value is above zero (nothing to draw: no scale, a line saying so).
    fn nothing_to_draw(&self) -> bool {
        !self.series.iter().flat_map(|s| &s.values).any(|v| *v > 0)
    }

    pub fn description(&self) -> String {
        let total = |s: &Series| self.unit.fmt_in(self.lang, s.values.iter().sum());
        if self.nothing_to_draw() {
            return nothing_described(&self.title, &self.subtitle, self.lang);
        }
        match self.lang {
            Lang::Zh => {
                let totals: Vec<String> = self.series.iter().map(|s| format!("{}合计 {}", s.name, total(s))).collect();
                format!("{}：{}。{}", self.title, totals.join("，"), self.subtitle)
            }
            Lang::En => {
                let totals: Vec<String> = self.series.iter().map(|s| format!("{} total {}", s.name, total(s))).collect();
                format!("{}: {}. {}", self.title, totals.join(", "), self.subtitle)
            }
        }
    }

    /// Header and rows of the text alternative.
    pub fn table(&self) -> (Vec<String>, Vec<Vec<String>>) {
        let mut head = vec!["".to_string()];
        head.extend(self.series.iter().map(|s| s.name.clone()));
        let rows = self
            .categories
            .iter()
            .enumerate()
            .map(|(i, (full, _))| {
                let mut r = vec![full.clone()];
                r.extend(self.series.iter().map(|s| self.unit.fmt_in(self.lang, s.values.get(i).copied().unwrap_or(0))));
                r
            })
            .collect();
        (head, rows)
    }
}

pub fn draw_columns<DB: DrawingBackend>(c: &ColumnChart, area: &DrawingArea<DB, Shift>, width: u32) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, title, subtitle, source, top) = c.layout(width);
    area.fill(&WHITE)?;
    let left = |col: RGBColor, size: f64| font(size).color(&col).pos(Pos::new(HPos::Left, VPos::Center));
    let mut y = 27;
    for line in &title {
        area.draw(&Text::new(line.clone(), (PAD, y), font(TITLE).style(FontStyle::Bold).color(&INK).pos(Pos::new(HPos::Left, VPos::Center))))?;
        y += 26;
    }
    y -= 4;
    for line in &subtitle {
        area.draw(&Text::new(line.clone(), (PAD, y), left(MUTED, SUB)))?;
        y += 18;
    }
    if c.sample {
        area.draw(&Text::new(
            "示例数据 SAMPLE DATA".to_string(),
            (w - PAD, 27),
            font(13.0).style(FontStyle::Bold).color(&RGBColor(RED.0, RED.1, RED.2)).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    // Legend.
    let placed = c.legend(w);
    let rows = placed.last().map_or(1, |&(_, row)| row + 1);
    for (s, (x, row)) in c.series.iter().zip(placed) {
        let ly = top - 16 - 22 * (rows - 1 - row);
        let col = RGBColor(s.color.0, s.color.1, s.color.2);
        area.draw(&Rectangle::new([(x, ly - 6), (x + 12, ly + 6)], col.filled()))?;
        area.draw(&Text::new(s.name.clone(), (x + 18, ly), left(INK, 13.0)))?;
    }
    // Plot area.
    let top_value = if c.stacked {
        (0..c.categories.len()).map(|i| c.series.iter().map(|s| s.values.get(i).copied().unwrap_or(0).max(0)).sum::<i64>()).max().unwrap_or(0)
    } else {
        c.series.iter().flat_map(|s| s.values.iter().copied()).max().unwrap_or(0)
    };
    let max = nice_ceiling(top_value);
    // Nothing above zero: no scale of zeros, a line saying so.
    let ticks: Vec<String> = if c.nothing_to_draw() { Vec::new() } else { (0..=4).map(|k| c.unit.fmt_in(c.lang, max / 4 * k)).collect() };
    // The value axis is as wide as its widest label ("CNY 37.5 million" needs more than "3,750万").
    let axis_w = ticks.iter().map(|t| text_w(t, 11.0).ceil() as i32 + 10).max().unwrap_or(0).max(64);
    let (px0, px1) = (PAD + axis_w, w - PAD);
    let (py0, py1) = (top + 6, top + 200);
    if c.nothing_to_draw() {
        area.draw(&Text::new(nothing_to_draw(c.lang).to_string(), (PAD, (py0 + py1) / 2), left(MUTED, LABEL)))?;
    }
    for (k, tick) in ticks.into_iter().enumerate() {
        let gy = py1 - ((py1 - py0) as i64 * k as i64 / 4) as i32;
        area.draw(&PathElement::new(vec![(px0, gy), (px1, gy)], TRACK.stroke_width(1)))?;
        area.draw(&Text::new(tick, (px0 - 6, gy), font(11.0).color(&MUTED).pos(Pos::new(HPos::Right, VPos::Center))))?;
    }
    let n = c.categories.len().max(1) as i32;
    let slot = ((px1 - px0) as f64) / n as f64;
    let ns = if c.stacked { 1.0 } else { c.series.len().max(1) as f64 };
    let bar = ((slot * 0.8) / ns).max(1.0);
    for (i, (_, axis)) in c.categories.iter().enumerate() {
        let sx = px0 as f64 + slot * i as f64 + slot * 0.1;
        if c.stacked {
            let mut base = 0i64;
            for s in &c.series {
                let v = s.values.get(i).copied().unwrap_or(0).max(0);
                let y0 = py1 - ((base as i128 * (py1 - py0) as i128) / max.max(1) as i128) as i32;
                let y1 = py1 - (((base + v) as i128 * (py1 - py0) as i128) / max.max(1) as i128) as i32;
                if y0 > y1 {
                    let col = RGBColor(s.color.0, s.color.1, s.color.2);
                    area.draw(&Rectangle::new([(sx as i32, y1), ((sx + bar) as i32, y0)], col.filled()))?;
                }
                base += v;
            }
        }
        for (j, s) in c.series.iter().enumerate().filter(|_| !c.stacked) {
            let v = s.values.get(i).copied().unwrap_or(0).max(0);
            let h = ((v as i128 * (py1 - py0) as i128) / max.max(1) as i128) as i32;
            if h > 0 {
                let bx = (sx + bar * j as f64) as i32;
                let col = RGBColor(s.color.0, s.color.1, s.color.2);
                area.draw(&Rectangle::new([(bx, py1 - h), ((sx + bar * (j as f64 + 1.0)) as i32, py1)], col.filled()))?;
            }
        }
        if !axis.is_empty() {
            let tx = (px0 as f64 + slot * i as f64) as i32;
            area.draw(&PathElement::new(vec![(tx, py1), (tx, py1 + 5)], MUTED.stroke_width(1)))?;
            area.draw(&Text::new(axis.clone(), (tx + 2, py1 + 16), left(MUTED, 11.0)))?;
        }
    }
    area.draw(&PathElement::new(vec![(px0, py1), (px1, py1)], MUTED.stroke_width(1)))?;
    let mut y = py1 + 30 + 8;
    for line in &source {
        area.draw(&Text::new(line.clone(), (PAD, y), left(MUTED, SOURCE)))?;
        y += 17;
    }
    Ok(())
}

// ---------------------------------------------------------------- any chart

/// Every chart kind the app draws, behind one interface for the UI and exports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chart {
    Bars(BarChart),
    Columns(ColumnChart),
    Flow(FlowChart),
}

impl Chart {
    pub fn title(&self) -> &str {
        match self {
            Chart::Bars(c) => &c.title,
            Chart::Columns(c) => &c.title,
            Chart::Flow(c) => &c.title,
        }
    }
    pub fn height(&self, width: u32) -> u32 {
        match self {
            Chart::Bars(c) => c.height(width),
            Chart::Columns(c) => c.height(width),
            Chart::Flow(c) => c.height(width),
        }
    }
    pub fn description(&self) -> String {
        match self {
            Chart::Bars(c) => c.description(),
            Chart::Columns(c) => c.description(),
            Chart::Flow(c) => c.description(),
        }
    }
    pub fn source_line(&self) -> String {
        match self {
            Chart::Bars(c) => c.source_line(),
            Chart::Columns(c) => c.source_line(),
            Chart::Flow(c) => c.source_line(),
        }
    }
    /// The language of the chart's own words.
    pub fn lang(&self) -> Lang {
        match self {
            Chart::Bars(c) => c.lang,
            Chart::Columns(c) => c.lang,
            Chart::Flow(c) => c.lang,
        }
    }
    /// The text alternative as a table: header, rows.
    pub fn table(&self) -> (Vec<String>, Vec<Vec<String>>) {
        match self {
            Chart::Bars(c) => {
                (vec![c.lang.pick("项目", "Item").into(), c.lang.pick("数值", "Value").into()], c.rows().into_iter().map(|(a, b)| vec![a, b]).collect())
            }
            Chart::Columns(c) => c.table(),
            Chart::Flow(c) => c.table(),
        }
    }
    /// The chart as downloaded: its source line followed by who published it ([`Credit`]).
    pub fn credited(&self, credit: &Credit) -> Chart {
        let mut c = self.clone();
        let footer = format!("{}\n{}", self.source_line(), credit.lines(self.lang()));
        match &mut c {
            Chart::Bars(b) => b.source = footer,
            Chart::Columns(k) => k.source = footer,
            Chart::Flow(f) => f.source = footer,
        }
        c
    }

    pub fn to_svg(&self, width: u32) -> String {
        match self {
            Chart::Bars(c) => to_svg(c, width),
            Chart::Columns(c) => svg_document(width, |w| c.height(w), |root, w| draw_columns(c, root, w)),
            Chart::Flow(c) => flow_to_svg(c, width),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(label: &str) -> BarChart {
        BarChart {
            title: "整改进度".into(),
            subtitle: "21 个问题按整改状态计数".into(),
            source: "来源：测试".into(),
            sample: false,
            bars: vec![
                Bar { label: label.into(), value: 21, value_label: "21 个".into(), color: GREEN },
                Bar { label: "正在推进整改".into(), value: 0, value_label: "0 个".into(), color: AMBER },
            ],
            lang: Lang::Zh,
        }
    }

    #[test]
    fn svg_is_complete() {
        // (Determinism is held by the snapshot files in tests/chart_snapshots.rs.)
        let a = to_svg(&chart("已完成整改"), WIDE);
        assert!(a.starts_with("<svg"), "{}", &a[..80]);
        assert!(a.contains("整改进度") && a.contains("来源：测试") && a.contains("21 个"));
        assert!(a.contains("Noto Sans CJK SC"));
        assert!(!a.contains("示例数据"), "real data must not be labelled sample");
        let mut s = chart("x");
        s.sample = true;
        assert!(to_svg(&s, WIDE).contains("示例数据"));
    }

    #[test]
    fn no_line_ends_with_an_opening_bracket_or_starts_with_closing_punctuation() {
        let texts = [
            "43 batches in the current filter; 12 shown (flagged and latest first), all of them in the goods table; red marks something to explain (such as no issue records)",
            "当前筛选中 5 笔已到账捐款（428.2万元）按渠道，3 笔支出（257万元）按类别；结余为收入减支出。不含已退回、已取消的捐款和捐赠物资",
            "来源：中共咸宁市红十字会党组关于巡察整改情况的社会公开稿（2023年9月18日），“真实”数据",
        ];
        for text in texts {
            // From about twelve characters a line up: below that a date fills a line by itself
            // and a bracket beside it has nowhere to go (the charts' lines are at least 248 px).
            for px in (160..=400).step_by(3) {
                let lines = wrap(text, px as f64, SUB);
                assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""), "{px} px lost text: {lines:?}");
                for (i, line) in lines.iter().enumerate() {
                    assert!(!line.ends_with(opens), "{px} px: {line:?} ends with an opening bracket: {lines:?}");
                    assert!(i == 0 || !line.starts_with(closes), "{px} px: {line:?} starts with closing punctuation: {lines:?}");
                }
            }
        }
    }

    #[test]
    fn wrapping_never_breaks_a_date_or_a_number() {
        let text = "来源：中共咸宁市红十字会党组关于巡察整改情况的社会公开稿（2023年9月18日），数据截至 2023-09-18，合计 1282.40 万元";
        // From the narrowest a date fits in (85 px at this size) to wider than any export.
        for px in (90..=600).step_by(7) {
            let lines = wrap(text, px as f64, SOURCE);
            for unit in ["2023年9月18日", "2023-09-18", "1282.40"] {
                assert!(lines.iter().any(|l| l.contains(unit)), "{px} px broke {unit}: {lines:?}");
            }
            let joined: String = lines.concat();
            assert_eq!(joined.replace(' ', ""), text.replace(' ', ""), "{px} px lost text: {lines:?}");
            for l in &lines {
                let w = text_w(l, SOURCE);
                assert!(
                    w <= px as f64 || l.chars().count() == 1 || ["2023年9月18日", "2023-09-18", "1282.40"].iter().any(|u| l.contains(u)),
                    "{px} px: {l:?} is {w} wide"
                );
            }
        }
        // Nor a number with thousands separators, in a sentence's commas.
        let text = "more was spent than received: the difference, CNY 857,999.5, is drawn from other balances";
        for px in (120..=600).step_by(7) {
            let lines = wrap(text, px as f64, SOURCE);
            assert!(lines.iter().any(|l| l.contains("857,999.5")), "{px} px broke 857,999.5: {lines:?}");
            assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""), "{px} px lost text: {lines:?}");
        }
        // A link longer than a line breaks after its separators, and loses nothing.
        let url = "https://www.example.org.cn/some/deep/sub-path/gongshi/?page=donations&q=%E9%98%B2%E6%B1%9B&year=2020";
        let lines = wrap(url, 300.0, SOURCE);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), url);
        assert!(lines[..lines.len() - 1].iter().all(|l| l.ends_with(['/', '?', '&', '='])), "{lines:?}");
        assert_eq!(wrap("甲\n乙", 600.0, SOURCE), vec!["甲", "乙"], "a newline starts a line");
    }

    #[test]
    fn a_downloaded_chart_names_its_publisher_dataset_date_and_link() {
        let credit = Credit {
            publisher: "咸宁市红十字会".into(),
            dataset: "捐赠收入".into(),
            as_of: "2023-12-31".into(),
            permalink: "https://example.org/gongshi/?page=donations&year=2021".into(),
        };
        for width in [NARROW, WIDE] {
            let c = Chart::Bars(chart("已完成整改")).credited(&credit);
            let svg = c.to_svg(width);
            for piece in ["来源：测试", "发布：咸宁市红十字会", "捐赠收入", "数据截至", "2023-12-31"] {
                assert!(svg.contains(piece), "{width}: {piece} missing");
            }
            let text: String = svg.split('>').filter_map(|p| p.split('<').next()).map(str::trim).collect();
            assert!(text.replace("&amp;", "&").contains("https://example.org/gongshi/?page=donations&year=2021"), "{width}: the link, in order: {text}");
            assert!(c.height(width) > Chart::Bars(chart("已完成整改")).height(width), "the footer gets its own lines");
        }
        let en = Credit { publisher: "Xianning Red Cross".into(), ..credit };
        let mut c = chart("x");
        c.lang = Lang::En;
        c.sample = true;
        let svg = Chart::Bars(c).credited(&en).to_svg(WIDE);
        assert!(svg.contains("Published by Xianning Red Cross") && svg.contains("data as of 2023-12-31"), "{svg}");
        assert_eq!(svg.matches("includes sample data").count(), 1, "the sample note once");
    }

    #[test]
    fn hostile_text_is_escaped() {
        let svg = to_svg(&chart("</text><script>alert(1)</script>&"), NARROW);
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;") || svg.contains("&#60;script"), "{svg}");
    }

    #[test]
    fn narrow_layout_wraps_long_text_and_grows() {
        let mut c = chart("已完成整改");
        c.source = "来源：中共咸宁市红十字会党组关于巡察整改情况的社会公开稿（2023年9月18日）".into();
        assert!(c.height(NARROW) > c.height(WIDE), "stacked rows and wrapped source need more height");
        let lines = wrap(&c.source, (NARROW as i32 - 2 * PAD) as f64, SOURCE);
        assert!(lines.len() >= 2);
        assert_eq!(lines.concat(), c.source, "wrapping loses nothing");
        let svg = to_svg(&c, NARROW);
        assert!(svg.contains(&format!("width=\"{NARROW}\"")), "{}", &svg[..120]);
        for line in lines {
            assert!(svg.contains(&line));
        }
    }

    #[test]
    fn column_chart_draws_every_series_and_its_table() {
        let c = ColumnChart {
            title: "每月收支".into(),
            subtitle: "按月".into(),
            source: "来源：测试".into(),
            sample: true,
            categories: vec![("2020-01".into(), "2020".into()), ("2020-02".into(), "".into())],
            series: vec![
                Series { name: "收入".into(), color: GREEN, values: vec![1_000_000, 0] },
                Series { name: "支出".into(), color: RED, values: vec![250_000, 500_000] },
            ],
            unit: Unit::Money,
            stacked: false,
            lang: Lang::Zh,
        };
        let mut stacked = c.clone();
        stacked.stacked = true;
        let svg = Chart::Columns(stacked).to_svg(NARROW);
        assert_eq!(svg.matches("<rect").count(), 1 + 2 + 3, "stacked: same segments, one column per category");
        let chart = Chart::Columns(c);
        let svg = chart.to_svg(NARROW);
        assert!(svg.contains("收入") && svg.contains("支出") && svg.contains("示例数据"));
        assert_eq!(svg.matches("<rect").count(), 1 + 2 + 3, "background, two legend keys, three non-zero columns");
        let (head, rows) = chart.table();
        assert_eq!(head, vec!["", "收入", "支出"]);
        assert_eq!(rows[1], vec!["2020-02", "0元", "5,000元"]);
        assert!(chart.description().contains("收入合计 1万元"));
        assert_eq!(nice_ceiling(1_000_000), 1_000_000);
        assert_eq!(nice_ceiling(1_000_001), 2_000_000);
        assert_eq!(nice_ceiling(0), 1);
    }

    #[test]
    fn a_legend_too_wide_for_one_row_wraps_inside_the_chart() {
        let names = ["乡镇（街道）", "村（社区）", "医院", "学校", "企业等其他单位", "红十字会"];
        let c = ColumnChart {
            title: "各县（市、区）红十字基层组织".into(),
            subtitle: "个".into(),
            source: "来源：测试".into(),
            sample: false,
            categories: vec![("咸安区".into(), "咸安区".into())],
            series: names.iter().map(|n| Series { name: n.to_string(), color: GREEN, values: vec![1] }).collect(),
            unit: Unit::Count,
            stacked: true,
            lang: Lang::Zh,
        };
        let width = NARROW as i32;
        let placed = c.legend(width);
        assert!(placed.last().unwrap().1 >= 1, "six names take more than one row at {width} px: {placed:?}");
        for ((x, _), n) in placed.iter().zip(names) {
            let right = x + 30 + n.chars().count() as i32 * 14 - 12;
            assert!(right <= width - PAD, "{n} ends at {right}, past the chart's right edge {}", width - PAD);
        }
        let svg = Chart::Columns(c.clone()).to_svg(NARROW);
        assert!(names.iter().all(|n| svg.contains(n)));
        // One row fits when it can: the two-series charts keep theirs.
        let mut two = c;
        two.series.truncate(2);
        assert!(two.legend(width).iter().all(|(_, row)| *row == 0));
    }

    #[test]
    fn value_axis_labels_fit_left_of_the_plot_in_english() {
        // CNY 37.5 million, 25 million, …: wider than the 64 px a Chinese axis ("3,750万") needs.
        let c = ColumnChart {
            title: "Directed and non-directed donations".into(),
            subtitle: "per year".into(),
            source: "Source: test".into(),
            sample: false,
            categories: vec![("2020".into(), "2020".into()), ("2021".into(), "2021".into())],
            series: vec![Series { name: "Directed".into(), color: GREEN, values: vec![4_000_000_000, 500_000_000] }],
            unit: Unit::Money,
            stacked: false,
            lang: Lang::En,
        };
        let svg = Chart::Columns(c).to_svg(NARROW);
        let mut seen = 0;
        for (x, _, at_end, text) in svg_texts(&svg) {
            if !text.starts_with("CNY") || !at_end {
                continue;
            }
            seen += 1;
            let width = text_w(&text, 11.0);
            assert!(x - width >= 0.0, "the tick label {text:?} ends at x={x}, {width:.0} px wide: cut off at the left edge");
        }
        assert_eq!(seen, 5, "the five ticks (zero included) are money in English: {svg}");
    }

    /// Every `<text>` of an SVG: (x, y, anchored at its end, text).
    fn svg_texts(svg: &str) -> Vec<(f64, f64, bool, String)> {
        let attr = |attrs: &str, name: &str| -> f64 { attrs.split(&format!(" {name}=\"")).nth(1).unwrap().split('"').next().unwrap().parse().unwrap() };
        svg.split("<text")
            .skip(1)
            .map(|piece| {
                let (attrs, rest) = piece.split_once('>').unwrap();
                let text = rest.split("</text>").next().unwrap().trim().to_string();
                (attr(attrs, "x"), attr(attrs, "y"), attrs.contains("text-anchor=\"end\""), text)
            })
            .collect()
    }

    #[test]
    fn on_a_phone_a_value_that_does_not_fit_beside_its_label_goes_under_it() {
        // An English channel chart as the donations page draws it: its longest label and value
        // ran into each other on one line (Online fundraising platformCNY 780,932.50 (1.83%)).
        let bar = |label: &str, value_label: &str| Bar { label: label.into(), value: 78_093_250, value_label: value_label.into(), color: GREEN };
        let c = BarChart {
            title: "Donation channels".into(),
            subtitle: "Donations received in the current filter, per channel".into(),
            source: "Source: test".into(),
            sample: false,
            bars: vec![
                bar("Cash", "CNY 1.16 million (2.71%)"),
                bar("Online fundraising platform", "CNY 780,932.50 (1.83%)"),
                bar("WeChat", "CNY 437,132.50 (1.02%)"),
            ],
            lang: Lang::En,
        };
        let svg = to_svg(&c, NARROW);
        let texts = svg_texts(&svg);
        for (i, a) in texts.iter().enumerate() {
            for b in &texts[i + 1..] {
                if (a.1 - b.1).abs() >= LABEL {
                    continue;
                }
                let extent = |t: &(f64, f64, bool, String)| {
                    let w = text_w(&t.3, if t.3 == "Donation channels" { TITLE } else { LABEL });
                    if t.2 {
                        (t.0 - w, t.0)
                    } else {
                        (t.0, t.0 + w)
                    }
                };
                let (ea, eb) = (extent(a), extent(b));
                assert!(ea.1 <= eb.0 || eb.1 <= ea.0, "{:?} and {:?} overlap on one line", a.3, b.3);
            }
        }
        for b in &c.bars {
            assert!(texts.iter().any(|t| t.3 == b.value_label), "{} is drawn", b.value_label);
        }
        let y_of = |text: &str| texts.iter().find(|t| t.3 == text).unwrap().1;
        assert!(y_of("CNY 780,932.50 (1.83%)") > y_of("Online fundraising platform"), "the value under its label");
        assert_eq!(y_of("CNY 1.16 million (2.71%)"), y_of("Cash"), "a value that fits stays beside its label");
        // Only that row grew; wide charts and Chinese labels keep one line per row.
        let mut short = c.clone();
        short.bars[1].label = "Online".into();
        assert_eq!(c.height(NARROW), short.height(NARROW) + VALUE_LINE as u32);
        assert_eq!(c.height(WIDE), short.height(WIDE));
        assert_eq!(chart("已完成整改").height(NARROW), chart("已").height(NARROW));
    }

    #[test]
    fn text_alternative_matches_bars() {
        let c = chart("已完成整改");
        assert_eq!(c.rows(), vec![("已完成整改".to_string(), "21 个".to_string()), ("正在推进整改".to_string(), "0 个".to_string())]);
        assert!(c.description().starts_with("整改进度：已完成整改 21 个"));
    }
}
