//! The one table engine every dataset page uses: search, facets with live counts, sort, paging.
//!
//! A dataset describes itself through [`Record`]; [`run`] answers a [`TableState`] (which lives
//! in the URL) with the matching row indices in display order and each facet's counts.

use crate::date::PartialDate;
use crate::money::Fen;
use crate::search::Query;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColKind {
    Text,
    Money,
    Date,
    Int,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Identifier used in URLs (`sort=amount`).
    pub key: &'static str,
    pub label: &'static str,
    /// The English label.
    pub en: &'static str,
    pub kind: ColKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    Money(Fen),
    Date(PartialDate),
    Int(i64),
    Empty,
}

impl Cell<'_> {
    fn rank(&self) -> u8 {
        match self {
            Cell::Empty => 1,
            _ => 0,
        }
    }

    pub fn cmp_value(&self, other: &Cell<'_>) -> Ordering {
        match (self, other) {
            (Cell::Text(a), Cell::Text(b)) => a.cmp(b),
            (Cell::Money(a), Cell::Money(b)) => a.cmp(b),
            (Cell::Date(a), Cell::Date(b)) => a.cmp(b),
            (Cell::Int(a), Cell::Int(b)) => a.cmp(b),
            (a, b) => a.rank().cmp(&b.rank()),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FacetDef {
    /// Identifier used in URLs (`year=2020,2021`).
    pub key: &'static str,
    pub label: &'static str,
    /// The English label.
    pub en: &'static str,
}

/// A facet value code meaning "this facet does not apply to the row".
pub const NOT_APPLICABLE: u32 = u32::MAX;

/// A row of a dataset, as the table engine sees it.
pub trait Record {
    fn columns() -> &'static [Column];
    fn facets() -> &'static [FacetDef];
    fn cell(&self, col: usize) -> Cell<'_>;
    /// The cell as shown in `lang`: the app's own words (types, statuses) translated, data text
    /// as published. CSV exports use [`Record::cell`] (Chinese).
    fn cell_lang(&self, col: usize, lang: crate::i18n::Lang) -> Cell<'_> {
        let _ = lang;
        self.cell(col)
    }
    /// The row's value code for facet `f` ([`NOT_APPLICABLE`] when it has none).
    fn facet_value(&self, f: usize) -> u32;
    /// The value code's label for people ("2020年", "银行转账").
    fn facet_label(f: usize, code: u32) -> String;
    /// The value code's label in `lang` (Chinese: [`Record::facet_label`]). Values that are data
    /// text (county names) stay as published.
    fn facet_label_lang(f: usize, code: u32, lang: crate::i18n::Lang) -> String {
        let _ = lang;
        Self::facet_label(f, code)
    }
    /// The value code's identifier in URLs ("2020", "bank_transfer").
    fn facet_key(f: usize, code: u32) -> String;
    fn parse_facet_key(f: usize, key: &str) -> Option<u32>;
    /// Appends the row's normalised searchable text (see [`crate::search::normalize`]) to
    /// `out`: its fields, each followed by `'\n'` (which no query term contains, so no match
    /// spans two fields). Written on demand, so a large dataset need not keep a copy per row.
    fn write_haystack(&self, out: &mut String);
    /// Whether the row is generated sample data (shown with a badge).
    fn is_sample(&self) -> bool {
        false
    }
    /// The column whose cell also shows the row's notes.
    fn notes_column() -> usize {
        0
    }
    /// The columns (keys) a phone shows before the row is opened, the rest appearing on a tap:
    /// what says what the row is. `None`: the first four.
    fn phone_columns() -> Option<&'static [&'static str]> {
        None
    }
    /// Whether column `c` is shown on a phone before the row is opened.
    fn on_phone(c: usize) -> bool {
        match Self::phone_columns() {
            Some(keys) => Self::columns().get(c).is_some_and(|col| keys.contains(&col.key)),
            None => c < 4,
        }
    }
    /// Notes shown with the row: flags, corrections (plain text).
    fn notes(&self) -> Vec<String> {
        Vec::new()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: &'static str,
    pub descending: bool,
}

/// What the user asked for; all of it is kept in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableState {
    pub query: String,
    /// Facet key → selected value keys (as in the URL). Empty set or absent = all.
    pub facets: BTreeMap<String, BTreeSet<String>>,
    /// `(column key, descending)`; `None` = the dataset's default order.
    pub sort: Option<(String, bool)>,
    /// 0-based page.
    pub page: usize,
}

impl TableState {
    pub fn selected(&self, facet: &str) -> Option<&BTreeSet<String>> {
        self.facets.get(facet).filter(|s| !s.is_empty())
    }

    /// Selects only `value` in `facet` when it is not selected, else removes it.
    pub fn toggle(&mut self, facet: &str, value: &str) {
        let set = self.facets.entry(facet.to_string()).or_default();
        if !set.remove(value) {
            set.insert(value.to_string());
        }
        if set.is_empty() {
            self.facets.remove(facet);
        }
        self.page = 0;
    }

    /// A click on a column header: the first click sorts numbers and dates from largest and
    /// text from A; a second click on the same column reverses.
    pub fn click_sort(&mut self, col: &Column, default: Sort) {
        let current = match &self.sort {
            Some((k, d)) => (k.as_str(), *d),
            None => (default.column, default.descending),
        };
        let desc = if current.0 == col.key { !current.1 } else { col.kind != ColKind::Text };
        self.sort = Some((col.key.to_string(), desc));
        self.page = 0;
    }

    /// The effective sort: the state's, or `default`.
    pub fn sort_or(&self, default: Sort) -> (String, bool) {
        self.sort.clone().unwrap_or((default.column.to_string(), default.descending))
    }

    pub fn is_filtered(&self) -> bool {
        !self.query.trim().is_empty() || self.facets.values().any(|s| !s.is_empty())
    }
}

/// One value of a facet as the panel shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FacetValue {
    /// The value's code ([`Record::facet_value`]; [`Record::facet_key`] is its URL key).
    pub code: u32,
    /// How many rows selecting it would show: counted under the query and the *other* facets'
    /// selections.
    pub count: usize,
    /// Whether it is selected (in the URL).
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCounts {
    pub facet: FacetDef,
    /// Every value some row has, and every selected one (count 0 when no row has it), in code
    /// order.
    pub values: Vec<FacetValue>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Indices of matching rows, in display order.
    pub rows: Vec<u32>,
    pub facets: Vec<FacetCounts>,
    /// How many of `rows` are generated sample data ([`Record::is_sample`]).
    pub sample_rows: usize,
}

pub const PAGE_SIZE: usize = 25;

impl Outcome {
    pub fn pages(&self) -> usize {
        self.rows.len().div_ceil(PAGE_SIZE).max(1)
    }

    /// The indices on `page` (clamped to the last page).
    pub fn page(&self, page: usize) -> &[u32] {
        let p = page.min(self.pages() - 1);
        let a = p * PAGE_SIZE;
        &self.rows[a.min(self.rows.len())..(a + PAGE_SIZE).min(self.rows.len())]
    }
}

/// Filters, counts and sorts `rows` for `state`. `default_sort` applies when the state has none.
pub fn run<R: Record>(rows: &[R], state: &TableState, default_sort: Sort) -> Outcome {
    let q = Query::new(&state.query);
    let defs = R::facets();
    // Selected codes per facet (None = no restriction).
    let selected: Vec<Option<BTreeSet<u32>>> =
        defs.iter().enumerate().map(|(f, d)| state.selected(d.key).map(|keys| keys.iter().filter_map(|k| R::parse_facet_key(f, k)).collect())).collect();
    let mut counts: Vec<BTreeMap<u32, usize>> = vec![BTreeMap::new(); defs.len()];
    // A selected value always shows (with 0 when no row has it), so it can be unselected.
    for (f, sel) in selected.iter().enumerate() {
        for code in sel.iter().flatten() {
            counts[f].insert(*code, 0);
        }
    }
    let mut hits: Vec<u32> = Vec::new();
    let mut codes = vec![0u32; defs.len()];
    let mut hay = String::new();
    for (i, r) in rows.iter().enumerate() {
        let mut failed: Option<usize> = None;
        let mut fails = 0;
        for f in 0..defs.len() {
            let c = r.facet_value(f);
            codes[f] = c;
            counts[f].entry(c).or_insert(0);
            if let Some(sel) = &selected[f] {
                if !sel.contains(&c) {
                    fails += 1;
                    failed = Some(f);
                }
            }
        }
        if fails > 1 {
            continue;
        }
        hay.clear();
        r.write_haystack(&mut hay);
        if !q.matches(&hay) {
            continue;
        }
        match failed {
            None => {
                hits.push(i as u32);
                for f in 0..defs.len() {
                    *counts[f].get_mut(&codes[f]).expect("inserted above") += 1;
                }
            }
            Some(f) => *counts[f].get_mut(&codes[f]).expect("inserted above") += 1,
        }
    }
    let cols = R::columns();
    let (col_key, desc) = match &state.sort {
        Some((k, d)) => (k.as_str(), *d),
        None => (default_sort.column, default_sort.descending),
    };
    if let Some(col) = cols.iter().position(|c| c.key == col_key) {
        hits.sort_by(|a, b| {
            let (ca, cb) = (rows[*a as usize].cell(col), rows[*b as usize].cell(col));
            // Empty cells stay last whichever the direction.
            match (ca.rank(), cb.rank()) {
                (0, 0) => {
                    let o = ca.cmp_value(&cb);
                    if desc {
                        o.reverse()
                    } else {
                        o
                    }
                }
                (x, y) => x.cmp(&y),
            }
        });
    }
    let facets = defs
        .iter()
        .enumerate()
        .map(|(f, d)| FacetCounts {
            facet: *d,
            values: counts[f]
                .iter()
                .map(|(code, n)| FacetValue { code: *code, count: *n, selected: selected[f].as_ref().is_some_and(|s| s.contains(code)) })
                .collect(),
        })
        .collect();
    let sample_rows = hits.iter().filter(|i| rows[**i as usize].is_sample()).count();
    Outcome { rows: hits, facets, sample_rows }
}

pub mod html;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::search::normalize;

    /// A tiny dataset for engine tests.
    pub struct Row {
        pub name: String,
        pub year: u16,
        pub kind: u32,
        pub amount: i64,
        hay: String,
    }

    impl Row {
        pub fn new(name: &str, year: u16, kind: u32, amount: i64) -> Row {
            Row { name: name.into(), year, kind, amount, hay: normalize(name) }
        }
    }

    const COLS: &[Column] = &[
        Column { key: "name", label: "名称", en: "Name", kind: ColKind::Text },
        Column { key: "amount", label: "金额", en: "Amount", kind: ColKind::Money },
        Column { key: "year", label: "年份", en: "Year", kind: ColKind::Int },
    ];
    const FACETS: &[FacetDef] = &[FacetDef { key: "year", label: "年份", en: "Year" }, FacetDef { key: "kind", label: "类型", en: "Type" }];

    impl Record for Row {
        fn columns() -> &'static [Column] {
            COLS
        }
        fn facets() -> &'static [FacetDef] {
            FACETS
        }
        fn cell(&self, col: usize) -> Cell<'_> {
            match col {
                0 => Cell::Text(Cow::Borrowed(&self.name)),
                1 => Cell::Money(Fen(self.amount)),
                _ => Cell::Int(self.year as i64),
            }
        }
        fn facet_value(&self, f: usize) -> u32 {
            if f == 0 {
                self.year as u32
            } else {
                self.kind
            }
        }
        fn facet_label(f: usize, code: u32) -> String {
            if f == 0 {
                format!("{code}年")
            } else {
                ["甲", "乙", "丙"][code as usize].to_string()
            }
        }
        fn facet_key(_f: usize, code: u32) -> String {
            code.to_string()
        }
        fn parse_facet_key(_f: usize, key: &str) -> Option<u32> {
            key.parse().ok()
        }
        fn write_haystack(&self, out: &mut String) {
            out.push_str(&self.hay);
        }
    }

    pub fn rows() -> Vec<Row> {
        vec![
            Row::new("咸安防汛", 2020, 0, 500),
            Row::new("通山防汛", 2020, 1, 300),
            Row::new("疫情防控", 2020, 0, 900),
            Row::new("博爱送万家", 2021, 2, 100),
            Row::new("防汛物资", 2021, 1, 700),
        ]
    }

    const BY_AMOUNT: Sort = Sort { column: "amount", descending: true };

    /// A facet value with its count and whether it is selected.
    fn v(code: u32, count: usize, selected: bool) -> FacetValue {
        FacetValue { code, count, selected }
    }

    #[test]
    fn search_facets_and_counts() {
        let rows = rows();
        let mut st = TableState { query: "防汛".into(), ..Default::default() };
        let o = run(&rows, &st, BY_AMOUNT);
        assert_eq!(o.rows, vec![4, 0, 1]);
        assert_eq!(o.facets[0].values, vec![v(2020, 2, false), v(2021, 1, false)]);
        st.toggle("year", "2020");
        let o = run(&rows, &st, BY_AMOUNT);
        assert_eq!(o.rows, vec![0, 1]);
        // The year facet still counts 2021 (selecting it would add a row)…
        assert_eq!(o.facets[0].values, vec![v(2020, 2, true), v(2021, 1, false)]);
        // …and the kind facet counts only within 2020.
        assert_eq!(o.facets[1].values, vec![v(0, 1, false), v(1, 1, false), v(2, 0, false)]);
    }

    #[test]
    fn each_facet_count_equals_the_rows_its_value_selects() {
        let rows = rows();
        let base = TableState { query: "防".into(), ..Default::default() };
        let o = run(&rows, &base, BY_AMOUNT);
        for fc in &o.facets {
            for FacetValue { code, count, .. } in &fc.values {
                let mut st = base.clone();
                st.toggle(fc.facet.key, &code.to_string());
                assert_eq!(run(&rows, &st, BY_AMOUNT).rows.len(), *count, "{} = {code}", fc.facet.key);
            }
        }
    }

    #[test]
    fn sorting_and_paging() {
        let rows = rows();
        let mut st = TableState { sort: Some(("name".into(), false)), ..Default::default() };
        let names = |o: &Outcome| o.rows.iter().map(|i| rows[*i as usize].name.clone()).collect::<Vec<_>>();
        let asc = names(&run(&rows, &st, BY_AMOUNT));
        st.sort = Some(("name".into(), true));
        let mut desc = names(&run(&rows, &st, BY_AMOUNT));
        desc.reverse();
        assert_eq!(asc, desc);
        let o = run(&rows, &TableState::default(), BY_AMOUNT);
        assert_eq!(o.rows, vec![2, 4, 0, 1, 3]);
        assert_eq!(o.pages(), 1);
        assert_eq!(o.page(7), &o.rows[..], "pages clamp to the last one");
    }

    #[test]
    fn header_clicks_sort_then_reverse() {
        let mut st = TableState { page: 3, ..Default::default() };
        st.click_sort(&COLS[1], BY_AMOUNT);
        assert_eq!(st.sort, Some(("amount".into(), false)), "default is amount desc, so a click reverses it");
        assert_eq!(st.page, 0);
        st.click_sort(&COLS[0], BY_AMOUNT);
        assert_eq!(st.sort, Some(("name".into(), false)));
        st.click_sort(&COLS[2], BY_AMOUNT);
        assert_eq!(st.sort, Some(("year".into(), true)));
    }

    #[test]
    fn unknown_facet_values_select_nothing() {
        let rows = rows();
        let mut st = TableState::default();
        st.toggle("year", "1999");
        let o = run(&rows, &st, BY_AMOUNT);
        assert!(o.rows.is_empty());
        assert!(o.facets[0].values.contains(&v(1999, 0, true)), "a selected value with no rows still shows, to be unselected");
        st.toggle("year", "1999");
        assert_eq!(run(&rows, &st, BY_AMOUNT).rows.len(), 5);
    }
}
