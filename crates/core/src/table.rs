//! The one table engine every dataset page uses: search, facets with live counts, sort, paging.
//!
//! A dataset describes itself through [`Record`]: its columns and its facets are enums
//! ([`Column`], [`Facet`]), each declared once, in order, with its descriptor (URL key, labels,
//! kind) by [`table_columns!`](crate::table_columns) and [`table_facets!`](crate::table_facets);
//! a cell is asked for by its column, never by a position. [`run`] answers a [`TableState`]
//! (which lives in the URL) with the matching row indices in display order and each facet's
//! counts.

use crate::date::PartialDate;
use crate::money::Fen;
use crate::org::Organisation;
use crate::search::Query;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// What a column holds: how its cells are written (money grouped, numbers right-aligned),
/// sorted (numbers and dates from largest first) and headed in CSV (money with its unit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColKind {
    Text,
    Money,
    Date,
    Int,
}

/// A column's descriptor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnDef {
    /// Identifier used in URLs (`sort=amount`) and in the cells' classes (`col-amount`).
    pub key: &'static str,
    /// The Chinese label (table header, CSV header, a phone card's labels).
    pub label: &'static str,
    /// The English label.
    pub en: &'static str,
    pub kind: ColKind,
}

/// The key of the column and the facet that name a record's division: their heading is the
/// organisation's own word for a division ([`crate::org::Organisation::division_label_in`]),
/// not the label compiled in.
pub const DIVISION_KEY: &str = "county";

impl ColumnDef {
    /// The column's heading in `lang` (table header, phone card label, CSV header in Chinese).
    pub fn heading<'a>(&'a self, lang: crate::i18n::Lang, org: &'a crate::org::Organisation) -> &'a str {
        if self.key == DIVISION_KEY {
            org.division_label_in(lang)
        } else {
            lang.pick(self.label, self.en)
        }
    }
}

/// The columns of one record type: an enum with a variant per column, declared with
/// [`table_columns!`](crate::table_columns), which writes each column's [`ColumnDef`] beside
/// it. [`Column::ALL`] is the one order of the columns: the table's, the CSV's and the phone
/// card's. Records answer [`Record::cell`] with an exhaustive `match` on it, so a column added
/// here does not compile until it has a cell.
pub trait Column: Copy + Eq + std::fmt::Debug + Send + Sync + 'static {
    /// Every column, in display and CSV order.
    const ALL: &'static [Self];
    /// Its key, labels and kind.
    fn def(self) -> &'static ColumnDef;
    /// Its position in [`Column::ALL`].
    fn index(self) -> usize;
    fn key(self) -> &'static str {
        self.def().key
    }
    fn kind(self) -> ColKind {
        self.def().kind
    }
    /// The column whose key is `key` (`sort=amount` in the URL).
    fn parse(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == key)
    }
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
    /// Cells of different kinds in one column (a withheld aggregate's "不公布" among amounts)
    /// order by kind: numbers and dates first, then text, empty last.
    fn rank(&self) -> u8 {
        match self {
            Cell::Int(_) => 0,
            Cell::Money(_) => 1,
            Cell::Date(_) => 2,
            Cell::Text(_) => 3,
            Cell::Empty => 4,
        }
    }

    /// A total order (std's sorts may panic on one that is not): by value within a kind, by
    /// [`Cell::rank`] across kinds.
    pub fn cmp_value(&self, other: &Cell<'_>) -> Ordering {
        match (self, other) {
            (Cell::Text(a), Cell::Text(b)) => a.cmp(b),
            (Cell::Money(a), Cell::Money(b)) => a.cmp(b),
            (Cell::Date(a), Cell::Date(b)) => a.cmp(b),
            (Cell::Int(a), Cell::Int(b)) => a.cmp(b),
            (a, b) => a.rank().cmp(&b.rank()),
        }
    }

    /// The kind of column this cell belongs in (`None`: empty, which fits any).
    pub fn kind(&self) -> Option<ColKind> {
        match self {
            Cell::Text(_) => Some(ColKind::Text),
            Cell::Money(_) => Some(ColKind::Money),
            Cell::Date(_) => Some(ColKind::Date),
            Cell::Int(_) => Some(ColKind::Int),
            Cell::Empty => None,
        }
    }
}

/// A facet's descriptor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FacetDef {
    /// Identifier used in URLs (`year=2020,2021`).
    pub key: &'static str,
    /// The Chinese label (the facet's legend).
    pub label: &'static str,
    /// The English label.
    pub en: &'static str,
}

impl FacetDef {
    /// The facet's legend in `lang` (see [`ColumnDef::heading`]).
    pub fn heading<'a>(&'a self, lang: crate::i18n::Lang, org: &'a crate::org::Organisation) -> &'a str {
        if self.key == DIVISION_KEY {
            org.division_label_in(lang)
        } else {
            lang.pick(self.label, self.en)
        }
    }
}

/// The facets of one record type: an enum with a variant per facet, declared with
/// [`table_facets!`](crate::table_facets) beside each one's [`FacetDef`]. [`Facet::ALL`] is the
/// facets' order (the panel's, and [`Outcome::facets`]'s).
pub trait Facet: Copy + Eq + std::fmt::Debug + Send + Sync + 'static {
    /// Every facet, in display order.
    const ALL: &'static [Self];
    /// Its key and labels.
    fn def(self) -> &'static FacetDef;
    /// Its position in [`Facet::ALL`] (and in [`Outcome::facets`]).
    fn index(self) -> usize;
    fn key(self) -> &'static str {
        self.def().key
    }
}

/// A facet value code meaning "this facet does not apply to the row".
pub const NOT_APPLICABLE: u32 = u32::MAX;

/// A row of a dataset, as the table engine sees it.
pub trait Record {
    /// The columns, in display and CSV order.
    type Col: Column;
    /// The facets, in display order.
    type Facet: Facet;
    fn cell(&self, col: Self::Col) -> Cell<'_>;
    /// The cell as shown in `lang`: the app's own words (types, statuses) translated, data text
    /// as published. CSV exports use [`Record::cell`] (Chinese).
    fn cell_lang(&self, col: Self::Col, lang: crate::i18n::Lang) -> Cell<'_> {
        let _ = lang;
        self.cell(col)
    }
    /// The row's value code for facet `f` ([`NOT_APPLICABLE`] when it has none).
    fn facet_value(&self, f: Self::Facet) -> u32;
    /// The value code's label for people in `lang` ("2020年", "银行转账"). Values that are data
    /// text (division names) come from `org`, as published.
    fn facet_label(f: Self::Facet, code: u32, lang: crate::i18n::Lang, org: &Organisation) -> String;
    /// The value code's identifier in URLs ("2020", "bank_transfer").
    fn facet_key(f: Self::Facet, code: u32, org: &Organisation) -> String;
    fn parse_facet_key(f: Self::Facet, key: &str, org: &Organisation) -> Option<u32>;
    /// Appends the row's normalised searchable text (see [`crate::search::normalize`]) to
    /// `out`: its fields, each followed by `'\n'` (which no query term contains, so no match
    /// spans two fields). Written on demand, so a large dataset need not keep a copy per row.
    /// Fields that [`Record::spelled`] columns show come first: a term of letters is spelled in
    /// pinyin only up to [`crate::pinyin::END`], when the row writes one (codes and the app's
    /// own words after it are matched as typed).
    fn write_haystack(&self, out: &mut String);
    /// Whether a search spelled in pinyin is marked in this column's cells: the columns whose
    /// text the row's spelled part holds (the data's own words, not codes or the app's words).
    fn spelled(col: Self::Col) -> bool {
        let _ = col;
        true
    }
    /// Whether the row is generated sample data (shown with a badge).
    fn is_sample(&self) -> bool {
        false
    }
    /// The column whose cell also shows the row's notes: the first unless said otherwise.
    fn notes_column() -> Self::Col {
        Self::Col::ALL[0]
    }
    /// The columns a phone shows before the row is opened, the rest appearing on a tap: what
    /// says what the row is. `None`: the first four.
    fn phone_columns() -> Option<&'static [Self::Col]> {
        None
    }
    /// Whether column `c` is shown on a phone before the row is opened.
    fn on_phone(c: Self::Col) -> bool {
        match Self::phone_columns() {
            Some(cols) => cols.contains(&c),
            None => c.index() < 4,
        }
    }
    /// Notes shown with the row, in the reader's language: flags, corrections (plain text).
    fn notes(&self, _lang: crate::i18n::Lang) -> Vec<String> {
        Vec::new()
    }
    /// The id a reader can question this row by (对此有疑问: the e-mail names it, and its link
    /// finds it): records with an id of their own; `None` for aggregate rows.
    fn ask_id(&self) -> Option<&str> {
        None
    }
}

/// A table's order: a column and its direction (a dataset's default order is one of these).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort<C> {
    pub column: C,
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
    pub fn click_sort<C: Column>(&mut self, col: C, default: Sort<C>) {
        let current = match &self.sort {
            Some((k, d)) => (k.as_str(), *d),
            None => (default.column.key(), default.descending),
        };
        let desc = if current.0 == col.key() { !current.1 } else { col.kind() != ColKind::Text };
        self.sort = Some((col.key().to_string(), desc));
        self.page = 0;
    }

    /// The effective sort as written in the URL (column key, descending): the state's, or
    /// `default`.
    pub fn sort_or<C: Column>(&self, default: Sort<C>) -> (String, bool) {
        self.sort.clone().unwrap_or((default.column.key().to_string(), default.descending))
    }

    /// The effective sort's column (`None`: the URL names no column of `C`, so rows keep their
    /// order) and direction.
    pub fn sort_column<C: Column>(&self, default: Sort<C>) -> (Option<C>, bool) {
        match &self.sort {
            Some((k, d)) => (C::parse(k), *d),
            None => (Some(default.column), default.descending),
        }
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

/// One facet's values with their counts ([`Outcome::facets`] holds one per [`Facet`], in
/// [`Facet::ALL`]'s order).
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

/// Two cells in a table's sort order: by value (reversed when `desc`), empty cells last whichever
/// the direction. The one comparison of [`run`] and of `index::Index`'s orders.
pub(crate) fn cmp_cells(a: &Cell<'_>, b: &Cell<'_>, desc: bool) -> std::cmp::Ordering {
    match (matches!(a, Cell::Empty), matches!(b, Cell::Empty)) {
        (false, false) if desc => a.cmp_value(b).reverse(),
        (false, false) => a.cmp_value(b),
        (x, y) => x.cmp(&y),
    }
}

/// Rows per page: on a phone each is a card of about 150 px, so a page of them is about 3.5
/// screens, and each keystroke redraws at most this many.
pub const PAGE_SIZE: usize = 20;

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
/// `org` names the values that come from the data (divisions, programmes).
pub fn run<R: Record>(rows: &[R], state: &TableState, default_sort: Sort<R::Col>, org: &Organisation) -> Outcome {
    run_with(rows, state, default_sort, org, None)
}

/// [`run`], where a term of letters may also be spelled in pinyin when a table is given.
pub fn run_with<R: Record>(rows: &[R], state: &TableState, default_sort: Sort<R::Col>, org: &Organisation, pinyin: Option<&crate::pinyin::Table>) -> Outcome {
    let q = Query::new(&state.query);
    let defs = R::Facet::ALL;
    // Selected codes per facet (None = no restriction).
    let selected: Vec<Option<BTreeSet<u32>>> =
        defs.iter().map(|f| state.selected(f.key()).map(|keys| keys.iter().filter_map(|k| R::parse_facet_key(*f, k, org)).collect())).collect();
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
        for (f, facet) in defs.iter().enumerate() {
            let c = r.facet_value(*facet);
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
        if !q.matches_with(&hay, pinyin) {
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
    if let (Some(col), desc) = state.sort_column(default_sort) {
        // The core's one sort (compiled once, not per call site: the 整改 page runs this in the app).
        crate::sort::sort_by(&mut hits, |a, b| cmp_cells(&rows[*a as usize].cell(col), &rows[*b as usize].cell(col), desc));
    }
    let facets = defs
        .iter()
        .enumerate()
        .map(|(f, d)| FacetCounts {
            facet: *d.def(),
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

    crate::table_columns!(
        pub RowCol {
            Name => "name", "名称", "Name", Text;
            Amount => "amount", "金额", "Amount", Money;
            Year => "year", "年份", "Year", Int;
        }
    );
    crate::table_facets!(
        pub RowFacet {
            Year => "year", "年份", "Year";
            Kind => "kind", "类型", "Type";
        }
    );

    impl Record for Row {
        type Col = RowCol;
        type Facet = RowFacet;
        fn ask_id(&self) -> Option<&str> {
            Some(&self.name)
        }
        fn cell(&self, col: RowCol) -> Cell<'_> {
            match col {
                RowCol::Name => Cell::Text(Cow::Borrowed(&self.name)),
                RowCol::Amount => Cell::Money(Fen(self.amount)),
                RowCol::Year => Cell::Int(self.year as i64),
            }
        }
        fn facet_value(&self, f: RowFacet) -> u32 {
            match f {
                RowFacet::Year => self.year as u32,
                RowFacet::Kind => self.kind,
            }
        }
        fn facet_label(f: RowFacet, code: u32, _: crate::i18n::Lang, _: &Organisation) -> String {
            match f {
                RowFacet::Year => format!("{code}年"),
                RowFacet::Kind => ["甲", "乙", "丙"][code as usize].to_string(),
            }
        }
        fn facet_key(_f: RowFacet, code: u32, _: &Organisation) -> String {
            code.to_string()
        }
        fn parse_facet_key(_f: RowFacet, key: &str, _: &Organisation) -> Option<u32> {
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

    const BY_AMOUNT: Sort<RowCol> = Sort { column: RowCol::Amount, descending: true };

    /// A facet value with its count and whether it is selected.
    fn v(code: u32, count: usize, selected: bool) -> FacetValue {
        FacetValue { code, count, selected }
    }

    #[test]
    fn search_facets_and_counts() {
        let rows = rows();
        let mut st = TableState { query: "防汛".into(), ..Default::default() };
        let o = run(&rows, &st, BY_AMOUNT, &Organisation::default());
        assert_eq!(o.rows, vec![4, 0, 1]);
        assert_eq!(o.facets[0].values, vec![v(2020, 2, false), v(2021, 1, false)]);
        st.toggle("year", "2020");
        let o = run(&rows, &st, BY_AMOUNT, &Organisation::default());
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
        let o = run(&rows, &base, BY_AMOUNT, &Organisation::default());
        for fc in &o.facets {
            for FacetValue { code, count, .. } in &fc.values {
                let mut st = base.clone();
                st.toggle(fc.facet.key, &code.to_string());
                assert_eq!(run(&rows, &st, BY_AMOUNT, &Organisation::default()).rows.len(), *count, "{} = {code}", fc.facet.key);
            }
        }
    }

    #[test]
    fn sorting_and_paging() {
        let rows = rows();
        let mut st = TableState { sort: Some(("name".into(), false)), ..Default::default() };
        let names = |o: &Outcome| o.rows.iter().map(|i| rows[*i as usize].name.clone()).collect::<Vec<_>>();
        let asc = names(&run(&rows, &st, BY_AMOUNT, &Organisation::default()));
        st.sort = Some(("name".into(), true));
        let mut desc = names(&run(&rows, &st, BY_AMOUNT, &Organisation::default()));
        desc.reverse();
        assert_eq!(asc, desc);
        let o = run(&rows, &TableState::default(), BY_AMOUNT, &Organisation::default());
        assert_eq!(o.rows, vec![2, 4, 0, 1, 3]);
        assert_eq!(o.pages(), 1);
        assert_eq!(o.page(7), &o.rows[..], "pages clamp to the last one");
    }

    #[test]
    fn header_clicks_sort_then_reverse() {
        let mut st = TableState { page: 3, ..Default::default() };
        st.click_sort(RowCol::Amount, BY_AMOUNT);
        assert_eq!(st.sort, Some(("amount".into(), false)), "default is amount desc, so a click reverses it");
        assert_eq!(st.page, 0);
        st.click_sort(RowCol::Name, BY_AMOUNT);
        assert_eq!(st.sort, Some(("name".into(), false)));
        st.click_sort(RowCol::Year, BY_AMOUNT);
        assert_eq!(st.sort, Some(("year".into(), true)));
    }

    #[test]
    fn unknown_facet_values_select_nothing() {
        let rows = rows();
        let mut st = TableState::default();
        st.toggle("year", "1999");
        let o = run(&rows, &st, BY_AMOUNT, &Organisation::default());
        assert!(o.rows.is_empty());
        assert!(o.facets[0].values.contains(&v(1999, 0, true)), "a selected value with no rows still shows, to be unselected");
        st.toggle("year", "1999");
        assert_eq!(run(&rows, &st, BY_AMOUNT, &Organisation::default()).rows.len(), 5);
    }
}
