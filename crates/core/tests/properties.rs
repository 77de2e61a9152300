//! Property tests (proptest) of the table engine, CSV export and money arithmetic.

use gongshi_core::csv::to_csv;
use gongshi_core::org::Organisation;
use gongshi_core::search::normalize;
use gongshi_core::table::{run, Cell, Column, Record, Sort, TableState};
use gongshi_core::Fen;
use proptest::prelude::*;
use std::borrow::Cow;

#[derive(Clone, Debug)]
struct Row {
    name: String,
    year: u16,
    kind: u32,
    amount: i64,
    hay: String,
}

gongshi_core::table_columns!(
    Col {
        Name => "name", "名称", "Name", Text;
        Amount => "amount", "金额", "Amount", Money;
        Year => "year", "年份", "Year", Int;
    }
);
gongshi_core::table_facets!(
    Facet {
        Year => "year", "年份", "Year";
        Kind => "kind", "类型", "Type";
    }
);

impl Record for Row {
    type Col = Col;
    type Facet = Facet;
    fn cell(&self, col: Col) -> Cell<'_> {
        match col {
            Col::Name => Cell::Text(Cow::Borrowed(&self.name)),
            Col::Amount => Cell::Money(Fen(self.amount)),
            Col::Year => Cell::Int(self.year as i64),
        }
    }
    fn facet_value(&self, f: Facet) -> u32 {
        match f {
            Facet::Year => self.year as u32,
            Facet::Kind => self.kind,
        }
    }
    fn facet_label(_f: Facet, code: u32, _: gongshi_core::Lang, _: &Organisation) -> String {
        code.to_string()
    }
    fn facet_key(_f: Facet, code: u32, _: &Organisation) -> String {
        code.to_string()
    }
    fn parse_facet_key(_f: Facet, key: &str, _: &Organisation) -> Option<u32> {
        key.parse().ok()
    }
    fn write_haystack(&self, out: &mut String) {
        out.push_str(&self.hay);
    }
    /// Some rows are "sample", so the engines' sample counts are compared too.
    fn is_sample(&self) -> bool {
        self.amount % 3 == 0
    }
}

fn row() -> impl Strategy<Value = Row> {
    // Names mix Chinese, Latin, quotes, commas, newlines and formula starters.
    let name = proptest::string::string_regex("[=+@\\-]?[防汛捐赠通山abc ,\"\n\t]{0,12}").unwrap();
    (name, 2019u16..2024, 0u32..4, -1_000_000_000i64..1_000_000_000).prop_map(|(name, year, kind, amount)| Row {
        hay: normalize(&name),
        name,
        year,
        kind,
        amount,
    })
}

fn state() -> impl Strategy<Value = TableState> {
    (
        proptest::option::of(prop_oneof![Just("防"), Just("汛"), Just("a"), Just("通山")]),
        proptest::collection::btree_set(2019u16..2024, 0..3),
        proptest::collection::btree_set(0u32..4, 0..3),
        any::<bool>(),
        0usize..3,
    )
        .prop_map(|(q, years, kinds, desc, col)| {
            let mut st = TableState { query: q.unwrap_or("").to_string(), ..Default::default() };
            for y in years {
                st.toggle("year", &y.to_string());
            }
            for k in kinds {
                st.toggle("kind", &k.to_string());
            }
            st.sort = Some((["name", "amount", "year"][col].to_string(), desc));
            st
        })
}

const SORT: Sort<Col> = Sort { column: Col::Amount, descending: true };

/// Every property replays the checked-in regressions file first (and records new failures in it).
fn regressions() -> Option<Box<dyn proptest::test_runner::FailurePersistence>> {
    Some(Box::new(proptest::test_runner::FileFailurePersistence::Direct(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/properties.proptest-regressions"))))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: regressions(), ..ProptestConfig::default() })]

    #[test]
    fn facet_counts_sum_to_the_filtered_total(rows in proptest::collection::vec(row(), 0..60), st in state()) {
        let o = run(&rows, &st, SORT, &Organisation::default());
        for fc in &o.facets {
            let selected: usize = fc.values.iter().filter(|v| v.selected).map(|v| v.count).sum();
            let all: usize = fc.values.iter().map(|v| v.count).sum();
            if fc.values.iter().any(|v| v.selected) {
                prop_assert_eq!(selected, o.rows.len(), "{}", fc.facet.key);
            } else {
                prop_assert_eq!(all, o.rows.len(), "{}", fc.facet.key);
            }
        }
    }

    #[test]
    fn sorting_is_a_permutation_of_the_filter(rows in proptest::collection::vec(row(), 0..60), st in state()) {
        let sorted = run(&rows, &st, SORT, &Organisation::default()).rows;
        let mut unsorted = st.clone();
        unsorted.sort = Some(("none".into(), false));
        let mut a = sorted.clone();
        let mut b = run(&rows, &unsorted, SORT, &Organisation::default()).rows;
        a.sort();
        b.sort();
        prop_assert_eq!(a, b);
        // And it is ordered.
        if let Some((col, desc)) = &st.sort {
            let c = Col::parse(col).unwrap();
            for w in sorted.windows(2) {
                let o = rows[w[0] as usize].cell(c).cmp_value(&rows[w[1] as usize].cell(c));
                let in_order = if *desc { o.is_ge() } else { o.is_le() };
                prop_assert!(in_order);
            }
        }
    }

    #[test]
    fn filtering_twice_is_filtering_by_both(rows in proptest::collection::vec(row(), 0..60), a in state(), b in state()) {
        // Rows passing a and b separately = rows passing a's facets with b's facets intersected.
        let pa: std::collections::BTreeSet<u32> = run(&rows, &a, SORT, &Organisation::default()).rows.into_iter().collect();
        let pb: std::collections::BTreeSet<u32> = run(&rows, &b, SORT, &Organisation::default()).rows.into_iter().collect();
        let sub: Vec<Row> = pa.iter().map(|i| rows[*i as usize].clone()).collect();
        let again: std::collections::BTreeSet<u32> = run(&sub, &b, SORT, &Organisation::default()).rows.into_iter().map(|j| *pa.iter().nth(j as usize).unwrap()).collect();
        let both: std::collections::BTreeSet<u32> = pa.intersection(&pb).copied().collect();
        prop_assert_eq!(again, both);
    }

    #[test]
    fn csv_round_trips_through_a_csv_parser(rows in proptest::collection::vec(row(), 0..30)) {
        let idx: Vec<u32> = (0..rows.len() as u32).collect();
        let text = to_csv(&rows, &idx, &Default::default());
        let body = text.strip_prefix('\u{feff}').unwrap();
        let mut rdr = csv::ReaderBuilder::new().has_headers(true).from_reader(body.as_bytes());
        let parsed: Vec<csv::StringRecord> = rdr.records().collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(parsed.len(), rows.len());
        for (r, p) in rows.iter().zip(&parsed) {
            let name = &p[0];
            let expect = if r.name.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{}", r.name) } else { r.name.clone() };
            prop_assert_eq!(name, expect.as_str());
            let money = Fen(r.amount).yuan_decimal();
            let year = r.year.to_string();
            prop_assert_eq!(&p[1], money.as_str());
            prop_assert_eq!(&p[2], year.as_str());
        }
    }

    #[test]
    fn money_sums_never_lose_a_fen(amounts in proptest::collection::vec(-1_000_000_000_000i64..1_000_000_000_000, 0..200)) {
        let sum = Fen::checked_sum(amounts.iter().map(|a| Fen(*a))).unwrap();
        prop_assert_eq!(sum.0 as i128, amounts.iter().map(|a| *a as i128).sum::<i128>());
        // The yuan text is exact: parsing it back in integer arithmetic gives the fen again.
        let s = sum.yuan_decimal();
        let neg = s.starts_with('-');
        let (y, f) = s.trim_start_matches('-').split_once('.').unwrap();
        let back = y.parse::<i64>().unwrap() * 100 + f.parse::<i64>().unwrap();
        prop_assert_eq!(if neg { -back } else { back }, sum.0);
    }

    #[test]
    fn sums_that_would_overflow_say_so(a in i64::MAX / 2..i64::MAX, b in i64::MAX / 2..i64::MAX) {
        prop_assert_eq!(Fen::checked_sum([Fen(a), Fen(b)]), None);
    }
}

fn index_state() -> impl Strategy<Value = TableState> {
    let q = prop_oneof![
        Just(""),
        Just("防"),
        Just("汛"),
        Just("a"),
        Just("通山"),
        Just("防 a"),
        Just("ab"),
        Just("zz"),
        Just(" 捐赠 通 "),
        Just("\""),
        Just("防汛通山"),
        Just("汛通 ab"),
        Just("aba"),
        Just("bab"),
        Just("abab")
    ];
    (q, proptest::collection::btree_set(2017u16..2024, 0..3), proptest::collection::btree_set(0u32..5, 0..3), any::<bool>(), 0usize..4, 0usize..3).prop_map(
        |(q, years, kinds, desc, col, page)| {
            let mut st = TableState { query: q.to_string(), page, ..Default::default() };
            for y in years {
                st.toggle("year", &y.to_string());
            }
            for k in kinds {
                st.toggle("kind", &k.to_string());
            }
            st.sort = [Some("name"), Some("amount"), Some("year"), None][col].map(|c| (c.to_string(), desc));
            st
        },
    )
}

fn tied_row() -> impl Strategy<Value = Row> {
    // Few distinct amounts and names, so sorting has many ties to keep stable.
    let name = proptest::string::string_regex("[防汛通山ab ]{0,4}").unwrap();
    (name, 2019u16..2022, 0u32..3, 0i64..4).prop_map(|(name, year, kind, amount)| Row { hay: normalize(&name), name, year, kind, amount })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: regressions(), ..ProptestConfig::default() })]

    /// The index gives exactly the reference engine's answer (rows in order and every facet
    /// count), also when asked again (cached sort orders) and for states in any order.
    #[test]
    fn the_index_agrees_with_the_reference_engine(
        rows in prop_oneof![proptest::collection::vec(row(), 0..80), proptest::collection::vec(tied_row(), 0..80)],
        states in proptest::collection::vec(index_state(), 1..5),
    ) {
        let index = gongshi_core::index::Index::build(&rows);
        for st in states.iter().chain(states.iter()) {
            prop_assert_eq!(index.run(&rows, st, SORT, &Organisation::default()), run(&rows, st, SORT, &Organisation::default()), "state {:?}", st);
        }
        // No facet, in every sort, twice (the index keeps this answer per sort): no query, and
        // queries that every row (or none, or some) contains.
        for _ in 0..2 {
            for sort in [Some("name"), Some("amount"), Some("year"), None] {
                for desc in [false, true] {
                    for q in ["", "防", "a", "zz"] {
                        let st = TableState { query: q.into(), sort: sort.map(|c| (c.to_string(), desc)), ..Default::default() };
                        prop_assert_eq!(index.run(&rows, &st, SORT, &Organisation::default()), run(&rows, &st, SORT, &Organisation::default()), "state {:?}", st);
                    }
                }
            }
        }
    }
}

fn repetitive_row() -> impl Strategy<Value = Row> {
    // Few letters, so a term occurs several times in a row and its first occurrence often does
    // not go on the way the longer term does.
    let name = proptest::string::string_regex("[ab防]{0,14}").unwrap();
    (name, 2019u16..2022, 0u32..3, 0i64..4).prop_map(|(name, year, kind, amount)| Row { hay: normalize(&name), name, year, kind, amount })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: regressions(), ..ProptestConfig::default() })]

    /// Typing a term one character at a time (the index then extends its last answer from where
    /// the shorter term first occurred in each row), then clearing it: every answer is the
    /// reference engine's.
    #[test]
    fn typing_one_character_at_a_time_agrees_with_the_reference(
        rows in proptest::collection::vec(repetitive_row(), 0..60),
        term in proptest::string::string_regex("[ab防]{1,8}").unwrap(),
        again in proptest::string::string_regex("[ab防]{1,8}").unwrap(),
    ) {
        let index = gongshi_core::index::Index::build(&rows);
        for t in [&term, &again] {
            let chars: Vec<char> = t.chars().collect();
            for k in 1..=chars.len() {
                let q: String = chars[..k].iter().collect();
                let st = TableState { query: q, ..Default::default() };
                prop_assert_eq!(index.run(&rows, &st, SORT, &Organisation::default()), run(&rows, &st, SORT, &Organisation::default()), "state {:?}", st);
            }
            let st = TableState::default();
            prop_assert_eq!(index.run(&rows, &st, SORT, &Organisation::default()), run(&rows, &st, SORT, &Organisation::default()));
        }
    }
}

/// The normalisation as first written (no fast paths), to check the fast paths against.
fn normalize_reference(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        let ch = match ch {
            '\u{3000}' => ' ',
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(ch as u32 - 0xfee0).unwrap_or(ch),
            _ => ch,
        };
        if ch.is_whitespace() {
            continue;
        }
        out.extend(ch.to_lowercase());
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: regressions(), ..ProptestConfig::default() })]

    #[test]
    fn normalize_fast_paths_change_nothing(s in "[a-zA-Z0-9 \t\n\u{b}\u{c}\r防汛捐赠ＡＢｃ１２\u{3000}ÀÉİẞΣ\u{2028}\u{4e00}\u{9fff}\u{3400}-]{0,24}", t in any::<String>()) {
        prop_assert_eq!(normalize(&s), normalize_reference(&s));
        prop_assert_eq!(normalize(&t), normalize_reference(&t));
    }
}
