//! A page of table rows as HTML text, for the app to put into a `<tbody>` in one step.
//!
//! Creating a page of rows element by element from wasm costs hundreds of calls into the DOM
//! per keystroke (about 250 elements and text nodes for 20 rows); one string parsed by the
//! browser costs one. Every piece of data is escaped ([`escape_text`]), so data can never become
//! markup: the markup is the constant tags and classes written here.

use super::{Cell, ColKind, Column, Record};
use crate::format;
use crate::i18n::Lang;
use std::fmt::Write;

/// A cell as shown in the table: money grouped in yuan, dates as published, "—" when empty.
pub fn cell_text(c: Cell<'_>) -> std::borrow::Cow<'_, str> {
    match c {
        Cell::Text(s) => s,
        Cell::Money(f) => format::yuan_grouped(f).into(),
        Cell::Date(d) => d.to_string().into(),
        Cell::Int(n) => n.to_string().into(),
        Cell::Empty => "—".into(),
    }
}

/// Appends a row's note, escaped as [`escape_text`], with each hyphenated code in it (a record
/// id `D2023-00089`, a receipt number: letters, digits and an inner hyphen) kept on one line (`<span class="nobr">`): a narrow card
/// broke them at the hyphen.
pub fn escape_note(s: &str, out: &mut String) {
    let code = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
    let bytes = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !code(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && code(bytes[i]) {
            i += 1;
        }
        let run = &s[start..i];
        if run.trim_matches('-').contains('-') && run.bytes().any(|b| b.is_ascii_digit()) {
            escape_text(&s[last..start], out);
            out.push_str("<span class=\"nobr\">");
            out.push_str(run); // letters, digits and hyphens: nothing to escape
            out.push_str("</span>");
            last = i;
        }
    }
    escape_text(&s[last..], out);
}

/// Appends `s` with `& < > " '` escaped (safe as a text node and as a quoted attribute).
pub fn escape_text(s: &str, out: &mut String) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// The words a page of rows needs besides its data (from the app's strings).
#[derive(Clone, Copy, Debug)]
pub struct RowWords<'a> {
    /// The badge on a generated sample row.
    pub sample_badge: &'a str,
    /// The phone's "show the rest of this row" button.
    pub more: &'a str,
    /// The organisation (its word for a division heads the division column).
    pub org: &'a crate::org::Organisation,
    /// 对此有疑问 on each row that has an id to question it by ([`Record::ask_id`]), when the
    /// organisation publishes an address to write to.
    pub ask: Option<RowAsk<'a>>,
    /// The search to mark in the rows' text (`<mark>`), with the pinyin table when it is in
    /// (what a term spells is marked on the Chinese text).
    pub mark: Option<(&'a crate::search::Query, Option<&'a crate::pinyin::Table>)>,
}

impl<'a> RowWords<'a> {
    /// Words without a question link.
    pub fn new(sample_badge: &'a str, more: &'a str, org: &'a crate::org::Organisation) -> Self {
        RowWords { sample_badge, more, org, ask: None, mark: None }
    }
}

/// A row's 对此有疑问 link: its words, and its address from the row's id (a `mailto:` link
/// the app writes with [`crate::feedback::mailto`]; `None` leaves the row without one).
#[derive(Clone, Copy)]
pub struct RowAsk<'a> {
    pub label: &'a str,
    pub href: &'a dyn Fn(&str) -> Option<String>,
}

impl std::fmt::Debug for RowAsk<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RowAsk").field("label", &self.label).finish_non_exhaustive()
    }
}

/// The `<tr>` elements of `rows[indices]`, in that order, a cell per column in the order of
/// [`Column::ALL`], each the record's cell for that column: the first column a row header
/// (`<th scope="row">`), numbers with class `num`, sample rows with class `sample` and a
/// sample badge, and each row's notes (flags, corrections) as a list in its notes column,
/// followed by its 对此有疑问 link when `words.ask` gives one for it.
///
/// For phones, where a row is laid out as a card: every cell carries its column's label
/// (`data-label`, shown before the value) and the class `col-KEY`; empty cells the class
/// `empty`; the first money column the class `lead` (the card's headline figure); the notes
/// column (when not the row header) the class `main` (what the row is about); cells not in
/// [`Record::phone_columns`] the class `more` (shown once the row is opened); and each row with
/// such cells ends with a cell holding the button that opens it (`row-more`; hidden on wide
/// screens).
pub fn rows_html<R: Record>(rows: &[R], indices: &[u32], lang: Lang, words: RowWords<'_>) -> String {
    rows_html_spans(rows, indices, lang, words).html
}

/// [`rows_html`] with where each row and each of its cells is in it: what the app needs to
/// change only the rows and cells that differ from the ones on screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowsHtml {
    pub html: String,
    pub rows: Vec<RowSpan>,
}

/// One row of a [`RowsHtml`]: its row number (into the rows), its `<tr>…</tr>` and each cell's
/// `<td>…</td>` (or `<th>`) as byte ranges of the HTML, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowSpan {
    pub index: u32,
    pub range: std::ops::Range<usize>,
    pub cells: Vec<std::ops::Range<usize>>,
}

impl RowsHtml {
    /// Row `i`'s HTML.
    pub fn row(&self, i: usize) -> &str {
        &self.html[self.rows[i].range.clone()]
    }

    /// Cell `c` of row `i`.
    pub fn cell(&self, i: usize, c: usize) -> &str {
        &self.html[self.rows[i].cells[c].clone()]
    }
}

/// [`rows_html`], with the rows' and cells' places ([`RowsHtml`]).
pub fn rows_html_spans<R: Record>(rows: &[R], indices: &[u32], lang: Lang, words: RowWords<'_>) -> RowsHtml {
    let cols = R::Col::ALL;
    let header = cols[0];
    let notes_col = R::notes_column();
    let lead = cols.iter().copied().find(|c| c.kind() == ColKind::Money);
    // Folded away on a phone until the row is opened.
    let more = |c: R::Col| !R::on_phone(c) && c != notes_col && Some(c) != lead;
    let any_more = cols.iter().any(|c| more(*c));
    // Each column's label, once per page of rows (not once per cell).
    let headings: Vec<&str> = cols.iter().map(|c| c.def().heading(lang, words.org)).collect();
    let mut out = String::with_capacity(indices.len() * 600);
    let mut spans = Vec::with_capacity(indices.len());
    for i in indices {
        let r = &rows[*i as usize];
        let sample = r.is_sample();
        let row_start = out.len();
        let mut cells = Vec::with_capacity(cols.len() + 1);
        out.push_str(if sample { "<tr class=\"sample\">" } else { "<tr>" });
        let notes = r.notes(lang);
        for &c in cols {
            let cell_start = out.len();
            let col = c.def();
            let (tag, scope) = if c == header { ("th", " scope=\"row\"") } else { ("td", "") };
            let cell = r.cell_lang(c, lang);
            let _ = write!(out, "<{tag}{scope} class=\"col-{}", col.key);
            if matches!(col.kind, ColKind::Money | ColKind::Int) {
                out.push_str(" num");
            }
            if Some(c) == lead {
                out.push_str(" lead");
            }
            if c == notes_col && c != header {
                out.push_str(" main");
            }
            if more(c) {
                out.push_str(" more");
            }
            if matches!(cell, Cell::Empty) && c != notes_col {
                out.push_str(" empty");
            }
            out.push_str("\" data-label=\"");
            escape_text(headings[c.index()], &mut out);
            out.push_str("\">");
            match (&cell, words.mark) {
                (Cell::Text(text), Some((q, pinyin))) if !q.is_empty() => marked(text, q, pinyin.filter(|_| R::spelled(c)), &mut out),
                _ => escape_text(&cell_text(cell), &mut out),
            }
            if c == notes_col {
                if sample {
                    out.push_str("<span class=\"badge sample\">");
                    escape_text(words.sample_badge, &mut out);
                    out.push_str("</span>");
                }
                if !notes.is_empty() {
                    out.push_str("<ul class=\"row-notes\">");
                    for n in &notes {
                        out.push_str(if n.starts_with('⚠') { "<li class=\"flag\">" } else { "<li>" });
                        escape_note(n, &mut out);
                        out.push_str("</li>");
                    }
                    out.push_str("</ul>");
                }
                if let Some(href) = words.ask.and_then(|a| r.ask_id().and_then(|id| (a.href)(id)).map(|h| (a.label, h))) {
                    out.push_str("<a class=\"row-ask no-print\" href=\"");
                    escape_text(&href.1, &mut out);
                    out.push_str("\">");
                    escape_text(href.0, &mut out);
                    out.push_str("</a>");
                }
            }
            let _ = write!(out, "</{tag}>");
            cells.push(cell_start..out.len());
        }
        if any_more {
            let cell_start = out.len();
            out.push_str("<td class=\"row-open\"><button type=\"button\" class=\"row-more\" aria-expanded=\"false\">");
            escape_text(words.more, &mut out);
            out.push_str("</button></td>");
            cells.push(cell_start..out.len());
        }
        out.push_str("</tr>");
        spans.push(RowSpan { index: *i, range: row_start..out.len(), cells });
    }
    RowsHtml { html: out, rows: spans }
}

/// `text` escaped, with the runs the query matches (or spells in pinyin) in `<mark>`.
fn marked(text: &str, q: &crate::search::Query, pinyin: Option<&crate::pinyin::Table>, out: &mut String) {
    for (run, hit) in crate::search::highlight_with(text, q, pinyin) {
        if hit {
            out.push_str("<mark>");
            escape_text(&run, out);
            out.push_str("</mark>");
        } else {
            escape_text(&run, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::tests::Row;

    #[test]
    fn escapes_every_markup_character_and_keeps_the_rest() {
        let mut out = String::new();
        escape_text("<script>alert('x') & \"y\"</script> 防汛", &mut out);
        assert_eq!(out, "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt; 防汛");
        let mut out = String::new();
        escape_text("", &mut out);
        assert_eq!(out, "");
    }

    #[test]
    fn the_spans_are_each_row_and_cell_of_the_html() {
        let rows = vec![Row::new("<b>", 2020, 0, 12_345), Row::new("张三", 2021, 1, -5)];
        let org = crate::org::Organisation::default();
        let words = RowWords::new("示例", "更多", &org);
        let h = rows_html_spans(&rows, &[1, 0], Lang::Zh, words);
        assert_eq!(h.html, rows_html(&rows, &[1, 0], Lang::Zh, words));
        assert_eq!(h.rows.iter().map(|r| r.index).collect::<Vec<_>>(), [1, 0]);
        assert_eq!(h.rows.iter().map(|r| h.html[r.range.clone()].to_string()).collect::<String>(), h.html, "the rows tile the HTML");
        for (i, r) in h.rows.iter().enumerate() {
            assert!(h.row(i).starts_with("<tr") && h.row(i).ends_with("</tr>"));
            assert_eq!(r.cells.len(), 3);
            let inner: String = (0..3).map(|c| h.cell(i, c)).collect();
            assert_eq!(format!("<tr>{inner}</tr>"), h.row(i), "the cells tile the row");
        }
        assert_eq!(h.cell(1, 0), "<th scope=\"row\" class=\"col-name\" data-label=\"名称\">&lt;b&gt;</th>");
    }

    #[test]
    fn a_notes_codes_stay_whole_and_the_rest_is_escaped() {
        let mut out = String::new();
        escape_note("资金来源：定向捐赠 D2023-00089、D2023-00090 <b>&", &mut out);
        assert_eq!(out, "资金来源：定向捐赠 <span class=\"nobr\">D2023-00089</span>、<span class=\"nobr\">D2023-00090</span> &lt;b&gt;&amp;");
        let mut out = String::new();
        escape_note("Paid from non-directed funds - 6.5% cap, 2023-", &mut out);
        assert_eq!(out, "Paid from non-directed funds - 6.5% cap, 2023-", "a lone or trailing hyphen is not a code");
    }

    #[test]
    fn rows_are_written_in_the_given_order_with_data_escaped() {
        let rows = vec![Row::new("<img src=x onerror=alert(1)>", 2020, 0, 12_345), Row::new("张三", 2021, 1, -5)];
        let org = crate::org::Organisation::default();
        let words = RowWords::new("示例", "更多", &org);
        let html = rows_html(&rows, &[1, 0], Lang::Zh, words);
        assert_eq!(
            html,
            "<tr><th scope=\"row\" class=\"col-name\" data-label=\"名称\">张三</th><td class=\"col-amount num lead\" data-label=\"金额\">-0.05</td><td class=\"col-year num\" data-label=\"年份\">2021</td></tr>\
             <tr><th scope=\"row\" class=\"col-name\" data-label=\"名称\">&lt;img src=x onerror=alert(1)&gt;</th><td class=\"col-amount num lead\" data-label=\"金额\">123.45</td><td class=\"col-year num\" data-label=\"年份\">2020</td></tr>"
        );
        assert!(!html.contains("<img"), "data never becomes markup");
        assert_eq!(rows_html(&rows, &[], Lang::Zh, words), "");
        // With an address to write to: each row its own link, its id in it, escaped.
        let href = |id: &str| (id != "none").then(|| format!("mailto:a@b.cn?subject={id}&x=\"<"));
        let ask = RowWords { ask: Some(RowAsk { label: "对此有疑问", href: &href }), ..RowWords::new("示例", "更多", &org) };
        let two = rows_html(&rows, &[0, 1], Lang::Zh, ask);
        for r in &rows[..2] {
            let mut id = String::new();
            escape_text(&r.name, &mut id);
            let want = format!("<a class=\"row-ask no-print\" href=\"mailto:a@b.cn?subject={id}&amp;x=&quot;&lt;\">对此有疑问</a>");
            assert_eq!(two.matches(&want).count(), 1, "{want} in {two}");
        }
        assert!(!two.contains("<img"), "data never becomes markup, in a link either");
        // The search marked in the text, escaped; in pinyin too once the table is given.
        let q = crate::search::Query::new("张");
        let marked = rows_html(&rows, &[1, 0], Lang::Zh, RowWords { mark: Some((&q, None)), ..RowWords::new("示例", "更多", &org) });
        assert!(marked.contains("data-label=\"名称\"><mark>张</mark>三</th>"), "{marked}");
        assert!(marked.contains("&lt;img src=x onerror=alert(1)&gt;</th>"), "unmatched text stays escaped: {marked}");
        let table = crate::pinyin::Table::parse(&format!("{}\nsan 三\nzhang 张\n", crate::pinyin::HEADER)).unwrap();
        let zs = crate::search::Query::new("zs");
        let spelled = rows_html(&rows, &[1], Lang::Zh, RowWords { mark: Some((&zs, Some(&table))), ..RowWords::new("示例", "更多", &org) });
        assert!(spelled.contains("><mark>张三</mark></th>"), "{spelled}");
        // Numbers are never marked (a search for 12 does not cut 12,345.00 apart).
        let n = crate::search::Query::new("12");
        assert!(!rows_html(&rows, &[0], Lang::Zh, RowWords { mark: Some((&n, None)), ..RowWords::new("示例", "更多", &org) }).contains("<mark>"));
    }

    #[test]
    fn phones_get_labels_and_a_button_for_the_rest_of_a_row() {
        use crate::ledger::rows::LedgerCol;
        // The shipped sample ledger (public/data).
        let data = |file: &str| std::fs::read_to_string(format!("{}/../../public/data/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let c = crate::ledger::load_donations(&data("donations.json")).unwrap();
        let d = crate::ledger::load_disbursements(&data("disbursements.json")).unwrap();
        let g = crate::ledger::load_goods(&data("goods.json")).unwrap();
        let rows = crate::ledger::rows::ledger_rows(&c.value, &d.value, &g.value);
        let org = crate::org::Organisation::default();
        let html = rows_html(&rows, &[0], Lang::Zh, RowWords::new("示例", "更多", &org));
        let shown = ["date", "party", "amount", "flow", "status"];
        for col in LedgerCol::ALL.iter().map(|c| c.def()) {
            let at = html.find(&format!("class=\"col-{}", col.key)).unwrap_or_else(|| panic!("{} missing: {html}", col.key));
            let tag_end = at + html[at..].find('>').unwrap();
            let tag = &html[at..tag_end];
            assert!(tag.contains(&format!("data-label=\"{}\"", col.label)), "{tag}");
            let more = tag.contains(" more");
            assert_eq!(more, !shown.contains(&col.key), "{tag}");
        }
        assert!(html.ends_with("<td class=\"row-open\"><button type=\"button\" class=\"row-more\" aria-expanded=\"false\">更多</button></td></tr>"), "{html}");
        assert!(!html.contains("row-ask"), "no question link unless asked for");
        // A ledger row is questioned by its id.
        let href = |id: &str| Some(format!("mailto:a@b.cn?subject={id}"));
        let ask = RowWords { ask: Some(RowAsk { label: "对此有疑问", href: &href }), ..RowWords::new("示例", "更多", &org) };
        let one = rows_html(&rows, &[0], Lang::Zh, ask);
        assert!(one.contains(&format!("<a class=\"row-ask no-print\" href=\"mailto:a@b.cn?subject={}\">对此有疑问</a>", rows[0].id)), "{one}");
        // A hostile label could not break out of the attribute: labels are escaped like data.
        let mut out = String::new();
        escape_text("a\"><b>", &mut out);
        assert_eq!(out, "a&quot;&gt;&lt;b&gt;");
    }
}
