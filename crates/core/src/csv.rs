//! CSV export of exactly the rows on screen: UTF-8 with BOM (Excel opens Chinese correctly),
//! RFC 4180 quoting, CRLF line ends, money in 元 with two decimals computed from fen, and text
//! cells neutralised against formula injection.

use crate::table::{Cell, ColKind, Column, Record};

/// Escapes one text field: neutralises formulas, quotes when needed.
pub fn text_field(s: &str) -> String {
    let mut v = String::with_capacity(s.len() + 3);
    if starts_like_formula(s) {
        v.push('\'');
    }
    v.push_str(s);
    // `;` and tab separate fields in some locales' CSV readers, so they are quoted too.
    if v.contains([',', ';', '\t', '"', '\r', '\n']) || v.starts_with(char::is_whitespace) || v.ends_with(char::is_whitespace) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// True when a spreadsheet could read `s` as a formula: its first character other than
/// whitespace (ASCII, NBSP, the ideographic space U+3000 …) is `=`, `+`, `-`, `@` or one of their
/// full-width forms `＝＋－＠` (Excel and WPS fold full-width to ASCII), or it starts with a tab
/// or CR.
fn starts_like_formula(s: &str) -> bool {
    if s.starts_with(['\t', '\r']) {
        return true;
    }
    s.trim_start_matches(char::is_whitespace).starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠', '\u{2212}', '\u{FE62}', '\u{FE63}', '\u{FE66}'])
}

pub fn cell_field(c: &Cell<'_>) -> String {
    match c {
        Cell::Text(s) => text_field(s),
        Cell::Money(f) => f.yuan_decimal(),
        Cell::Date(d) => d.to_string(),
        Cell::Int(n) => n.to_string(),
        Cell::Empty => String::new(),
    }
}

/// The CSV for `rows[indices]`, every column in the order of [`Column::ALL`], with a header
/// of column labels (money columns say their unit; the division column the organisation's word
/// for a division).
pub fn to_csv<R: Record>(rows: &[R], indices: &[u32], org: &crate::org::Organisation) -> String {
    let cols = R::Col::ALL;
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = cols
        .iter()
        .map(|c| match c.def() {
            d if d.kind == ColKind::Money => text_field(&format!("{}（元）", d.label)),
            d => text_field(d.heading(crate::i18n::Lang::Zh, org)),
        })
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for i in indices {
        let r = &rows[*i as usize];
        let line: Vec<String> = cols.iter().map(|c| cell_field(&r.cell(*c))).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A file name that says what was filtered: `捐赠_2020_防汛_共3条.csv`.
pub fn file_name(dataset: &str, parts: &[String], count: usize) -> String {
    file_name_in(crate::i18n::Lang::Zh, dataset, parts, count)
}

/// [`file_name`] with the row count in `lang`: "…_共12条.csv" / "…_12_rows.csv".
pub fn file_name_in(lang: crate::i18n::Lang, dataset: &str, parts: &[String], count: usize) -> String {
    let mut name = String::from(dataset);
    for p in parts.iter().filter(|p| !p.trim().is_empty()) {
        name.push('_');
        name.extend(p.chars().filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\r' | '\n' | '\t')).take(24));
    }
    name.push_str(&match lang {
        crate::i18n::Lang::Zh => format!("_共{count}条.csv"),
        crate::i18n::Lang::En => format!("_{count}_rows.csv"),
    });
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::tests::{rows, Row};

    #[test]
    fn bom_crlf_header_and_money() {
        let rows = rows();
        let csv = to_csv(&rows, &[0, 3], &Default::default());
        assert!(csv.starts_with('\u{feff}'));
        assert_eq!(csv, "\u{feff}名称,金额（元）,年份\r\n咸安防汛,5.00,2020\r\n博爱送万家,1.00,2021\r\n");
    }

    #[test]
    fn quoting_per_rfc_4180() {
        assert_eq!(text_field("a,b"), "\"a,b\"");
        assert_eq!(text_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text_field("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(text_field("普通文本"), "普通文本");
    }

    #[test]
    fn formula_injection_is_neutralised() {
        assert_eq!(text_field("=HYPERLINK(\"http://x\",\"点我\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"");
        for s in [
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "＝1+1",
            "＋1",
            "－1",
            "＠SUM(A1)",
            " =1+1",
            "\u{3000}=1+1",
            "\u{a0}+1",
            "  \u{3000}＝HYPERLINK(\"x\")",
            "\u{2212}1",
        ] {
            assert!(text_field(s).trim_start_matches('"').starts_with('\''), "{s:?} gave {:?}", text_field(s));
        }
        for s in ["1+1", "a=b", "张三-李四", "＝"] {
            let f = text_field(s);
            assert_eq!(f.starts_with('\''), s == "＝", "{s:?} gave {f:?}");
        }
        // `;` and tab separate fields for some readers: quoted.
        assert_eq!(text_field("a;b"), "\"a;b\"");
        assert_eq!(text_field("a\tb"), "\"a\tb\"");
        assert_eq!(text_field("\u{3000}前导"), "\"\u{3000}前导\"");
        // Money stays a number even when negative.
        assert_eq!(cell_field(&Cell::Money(crate::Fen(-5))), "-0.05");
    }

    #[test]
    fn file_names_say_what_was_filtered() {
        assert_eq!(file_name("捐赠", &["2020".into(), "防汛".into(), "".into()], 3), "捐赠_2020_防汛_共3条.csv");
        assert_eq!(file_name("捐赠", &["a/b:c".into()], 1), "捐赠_abc_共1条.csv");
        assert_eq!(file_name_in(crate::i18n::Lang::En, "donations", &["2020".into()], 3), "donations_2020_3_rows.csv");
    }

    #[allow(dead_code)]
    fn uses(_: Row) {}
}
