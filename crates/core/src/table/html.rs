//! A page of table rows as HTML text, for the app to put into a `<tbody>` in one step.
//!
//! Creating a page of rows element by element from wasm costs hundreds of calls into the DOM
//! per keystroke (about 300 elements and text nodes for 25 rows); one string parsed by the
//! browser costs one. Every piece of data is escaped ([`escape_text`]), so data can never become
//! markup: the markup is the constant tags and classes written here.

use super::{Cell, ColKind, Record};
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

/// The `<tr>` elements of `rows[indices]`, in that order: the first column a row header
/// (`<th scope="row">`), numbers with class `num`, sample rows with class `sample` and a
/// `sample_badge`, and each row's notes (flags, corrections) as a list in its notes column.
pub fn rows_html<R: Record>(rows: &[R], indices: &[u32], lang: Lang, sample_badge: &str) -> String {
    let cols = R::columns();
    let notes_col = R::notes_column();
    let mut out = String::with_capacity(indices.len() * 400);
    for i in indices {
        let r = &rows[*i as usize];
        let sample = r.is_sample();
        out.push_str(if sample { "<tr class=\"sample\">" } else { "<tr>" });
        let notes = r.notes();
        for (c, col) in cols.iter().enumerate() {
            let tag = if c == 0 { "th" } else { "td" };
            let scope = if c == 0 { " scope=\"row\"" } else { "" };
            let class = if matches!(col.kind, ColKind::Money | ColKind::Int) { " class=\"num\"" } else { "" };
            let _ = write!(out, "<{tag}{scope}{class}>");
            escape_text(&cell_text(r.cell_lang(c, lang)), &mut out);
            if c == notes_col {
                if sample {
                    out.push_str("<span class=\"badge sample\">");
                    escape_text(sample_badge, &mut out);
                    out.push_str("</span>");
                }
                if !notes.is_empty() {
                    out.push_str("<ul class=\"row-notes\">");
                    for n in &notes {
                        out.push_str(if n.starts_with('⚠') { "<li class=\"flag\">" } else { "<li>" });
                        escape_text(n, &mut out);
                        out.push_str("</li>");
                    }
                    out.push_str("</ul>");
                }
            }
            let _ = write!(out, "</{tag}>");
        }
        out.push_str("</tr>");
    }
    out
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
    fn rows_are_written_in_the_given_order_with_data_escaped() {
        let rows = vec![Row::new("<img src=x onerror=alert(1)>", 2020, 0, 12_345), Row::new("张三", 2021, 1, -5)];
        let html = rows_html(&rows, &[1, 0], Lang::Zh, "示例");
        assert_eq!(
            html,
            "<tr><th scope=\"row\">张三</th><td class=\"num\">-0.05</td><td class=\"num\">2021</td></tr>\
             <tr><th scope=\"row\">&lt;img src=x onerror=alert(1)&gt;</th><td class=\"num\">123.45</td><td class=\"num\">2020</td></tr>"
        );
        assert!(!html.contains("<img"), "data never becomes markup");
        assert_eq!(rows_html(&rows, &[], Lang::Zh, "示例"), "");
    }
}
