//! The table engine for large datasets: the same answers as [`crate::table::run`], in time
//! proportional to the rows rather than to rows × comparisons and map lookups.
//!
//! Built once per loaded dataset ([`Index::build`]), then queried on every keystroke:
//! - facet values are stored as dense per-row codes, so counting is array indexing;
//! - search looks up, for each query term, the posting list (rows containing it) of the term's
//!   rarest character and confirms only those rows with a substring test;
//! - each sort order is a permutation of all rows, computed once when first asked for and
//!   cached, so sorting the matches is one pass over the permutation.
//!
//! `table::run` stays the reference implementation: a property test checks that both agree.

use crate::search::Query;
use crate::table::{Cell, ColKind, FacetCounts, Outcome, Record, Sort, TableState};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Mutex;

/// A precomputed index over one slice of records. Keep it together with the rows it was built
/// from (it stores row numbers, not rows).
pub struct Index {
    len: usize,
    /// Per facet: the distinct value codes, ascending.
    values: Vec<Vec<u32>>,
    /// Per facet: each row's position in `values` (dense, so counts are a Vec).
    dense: Vec<Vec<u32>>,
    /// Character → rows whose haystack contains it (ascending row numbers).
    postings: HashMap<char, Vec<u32>, CharHash>,
    /// The last text query and its matches (the next keystroke usually narrows it).
    last: Mutex<Option<(Vec<String>, std::sync::Arc<Vec<u32>>)>>,
    /// (column, descending) → all rows in that order. Filled on first use.
    orders: Mutex<BTreeMap<(usize, bool), std::sync::Arc<Vec<u32>>>>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("rows", &self.len).field("chars", &self.postings.len()).finish()
    }
}

impl Index {
    /// Indexes `rows`: facet codes and the character postings. Sort orders come later, on use.
    pub fn build<R: Record>(rows: &[R]) -> Index {
        let defs = R::facets();
        let mut values = Vec::with_capacity(defs.len());
        let mut dense = Vec::with_capacity(defs.len());
        for f in 0..defs.len() {
            let raw: Vec<u32> = rows.iter().map(|r| r.facet_value(f)).collect();
            let mut distinct: Vec<u32> = raw.clone();
            distinct.sort_unstable();
            distinct.dedup();
            let pos: Vec<u32> = if distinct.len() <= 64 {
                raw.iter().map(|c| distinct.iter().position(|d| d == c).expect("present") as u32).collect()
            } else {
                let map: HashMap<u32, u32> = distinct.iter().enumerate().map(|(i, c)| (*c, i as u32)).collect();
                raw.iter().map(|c| map[c]).collect()
            };
            values.push(distinct);
            dense.push(pos);
        }
        // Two passes, so every list is allocated once at its exact size (growing by doubling
        // would leave up to twice the index in the wasm memory, which never shrinks). ASCII goes
        // in a direct table, the rest is hashed; a row is counted once per character (rows come
        // in order, so "already counted" is "the last row seen for it is this one").
        let mut ascii_count = [(0u32, u32::MAX); 128];
        let mut count: HashMap<char, (u32, u32), CharHash> = HashMap::default();
        for (i, r) in rows.iter().enumerate() {
            let i = i as u32;
            for ch in r.haystack().chars() {
                let c = if ch.is_ascii() { &mut ascii_count[ch as usize] } else { count.entry(ch).or_insert((0, u32::MAX)) };
                if c.1 != i {
                    c.0 += 1;
                    c.1 = i;
                }
            }
        }
        let mut ascii: Vec<Vec<u32>> = ascii_count.iter().map(|(n, _)| Vec::with_capacity(*n as usize)).collect();
        let mut postings: HashMap<char, Vec<u32>, CharHash> = HashMap::with_capacity_and_hasher(count.len() + 128, CharHash::default());
        for (ch, (n, _)) in &count {
            postings.insert(*ch, Vec::with_capacity(*n as usize));
        }
        drop(count);
        for (i, r) in rows.iter().enumerate() {
            let i = i as u32;
            for ch in r.haystack().chars() {
                let list = if ch.is_ascii() { &mut ascii[ch as usize] } else { postings.get_mut(&ch).expect("counted") };
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        for (c, list) in ascii.into_iter().enumerate() {
            if !list.is_empty() {
                postings.insert(char::from(c as u8), list);
            }
        }
        for p in postings.values_mut() {
            p.shrink_to_fit();
        }
        Index { len: rows.len(), values, dense, postings, orders: Mutex::new(BTreeMap::new()), last: Mutex::new(None) }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bytes held by the index (for the memory budget).
    pub fn heap_bytes(&self) -> usize {
        let facets: usize = self.dense.iter().map(|d| d.capacity() * 4).sum::<usize>() + self.values.iter().map(|v| v.capacity() * 4).sum::<usize>();
        let posts: usize = self.postings.values().map(|p| p.capacity() * 4 + 32).sum();
        let orders: usize = self.orders.lock().map(|o| o.values().map(|v| v.capacity() * 4).sum()).unwrap_or(0);
        facets + posts + orders
    }

    /// Rows matching the text query, ascending; `None` = every row (empty query).
    fn text_matches<R: Record>(&self, rows: &[R], q: &Query) -> Option<std::sync::Arc<Vec<u32>>> {
        if q.is_empty() {
            return None;
        }
        // The same query again (a facet click, a sort, a page): its matches as they were.
        // Typing usually extends the last query: start from its matches when it can only narrow.
        let last = self.last.lock().ok().and_then(|l| l.clone());
        if let Some((terms, m)) = &last {
            if terms.as_slice() == q.terms() {
                return Some(m.clone());
            }
        }
        let previous = last.filter(|(terms, _)| narrows(terms, q.terms())).map(|(_, m)| m);
        let mut current: Option<Vec<u32>> = previous.map(|m| m.as_ref().clone());
        // Per term: the rows containing every character of it (intersected posting lists), then
        // confirmed with a substring search when the term is longer than one character.
        let mut terms: Vec<&str> = q.terms().iter().map(|t| t.as_str()).collect();
        terms.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
        for term in terms {
            let mut chars: Vec<char> = term.chars().collect();
            chars.sort_unstable();
            chars.dedup();
            let mut lists: Vec<&[u32]> = chars.iter().map(|c| self.postings.get(c).map(|p| p.as_slice()).unwrap_or(&[])).collect();
            lists.sort_by_key(|l| l.len());
            let mut cand: Vec<u32> = match current.take() {
                Some(cur) => cur,
                None => lists[0].to_vec(),
            };
            for l in &lists {
                if cand.is_empty() {
                    break;
                }
                intersect(&mut cand, l);
            }
            if term.chars().nth(1).is_some() {
                let needle = term.as_bytes();
                if needle.len() <= 8 {
                    // Haystacks are short (tens of bytes): a plain scan beats setting up a search.
                    cand.retain(|i| contains_short(rows[*i as usize].haystack().as_bytes(), needle));
                } else {
                    let finder = memchr::memmem::Finder::new(needle);
                    cand.retain(|i| finder.find(rows[*i as usize].haystack().as_bytes()).is_some());
                }
            }
            current = Some(cand);
        }
        let result = std::sync::Arc::new(current.unwrap_or_default());
        if let Ok(mut l) = self.last.lock() {
            *l = Some((q.terms().to_vec(), result.clone()));
        }
        Some(result)
    }

    /// All rows in the order of `col`, as `table::run` sorts them (stable; empty cells last
    /// whichever the direction).
    fn order<R: Record>(&self, rows: &[R], col: usize, desc: bool) -> std::sync::Arc<Vec<u32>> {
        if let Some(o) = self.orders.lock().ok().and_then(|m| m.get(&(col, desc)).cloned()) {
            return o;
        }
        let kind = R::columns()[col].kind;
        let mut all: Vec<u32> = (0..self.len as u32).collect();
        // Numbers and dates: sort by an integer key (fast); text: by the cell.
        let key = |i: u32| -> Option<i64> {
            match rows[i as usize].cell(col) {
                Cell::Money(m) => Some(m.0),
                Cell::Int(n) => Some(n),
                // Ord of PartialDate: year, then month (None first), then day (None first).
                Cell::Date(d) => Some(d.year as i64 * 10_000 + d.month.map_or(0, |m| m as i64 + 1) * 100 + d.day.map_or(0, |x| x as i64 + 1)),
                _ => None,
            }
        };
        if kind != ColKind::Text {
            // One sort gives both directions: ascending by (key, row), empty cells last; the
            // descending order is the runs of equal keys taken from the end, each run kept in
            // row order (as a stable sort with the reversed comparison leaves ties), empty
            // cells still last. Both are cached, so the first click either way costs no sort.
            let mut keyed: Vec<(u8, i64, u32)> = all
                .iter()
                .map(|i| match key(*i) {
                    Some(k) => (0, k, *i),
                    // Empty (or, never in practice, a text cell in a numeric column): last.
                    None => (1, 0, *i),
                })
                .collect();
            keyed.sort_unstable();
            let numeric = keyed.iter().take_while(|x| x.0 == 0).count();
            let asc: Vec<u32> = keyed.iter().map(|x| x.2).collect();
            let mut dsc: Vec<u32> = Vec::with_capacity(keyed.len());
            let mut end = numeric;
            while end > 0 {
                let k = keyed[end - 1].1;
                let mut start = end - 1;
                while start > 0 && keyed[start - 1].1 == k {
                    start -= 1;
                }
                dsc.extend(keyed[start..end].iter().map(|x| x.2));
                end = start;
            }
            dsc.extend(keyed[numeric..].iter().map(|x| x.2));
            drop(keyed);
            let (asc, dsc) = (std::sync::Arc::new(asc), std::sync::Arc::new(dsc));
            if let Ok(mut m) = self.orders.lock() {
                m.insert((col, false), asc.clone());
                m.insert((col, true), dsc.clone());
            }
            return if desc { dsc } else { asc };
        } else {
            all.sort_by(|a, b| cmp_rows(rows, col, desc, *a, *b));
        }
        let all = std::sync::Arc::new(all);
        if let Ok(mut m) = self.orders.lock() {
            m.insert((col, desc), all.clone());
        }
        all
    }

    /// Computes sort orders now, during loading, so that no click pays for a sort of every
    /// row: the default sort, and both directions of every number and date column (one sort
    /// each). Text columns are sorted on first use.
    pub fn prepare_sort<R: Record>(&self, rows: &[R], sort: Sort) {
        if let Some(col) = R::columns().iter().position(|c| c.key == sort.column) {
            self.order(rows, col, sort.descending);
        }
        for (col, c) in R::columns().iter().enumerate() {
            if c.kind != ColKind::Text {
                self.order(rows, col, false);
            }
        }
    }

    /// Filters, counts and sorts like [`crate::table::run`] (same result), using the index.
    pub fn run<R: Record>(&self, rows: &[R], state: &TableState, default_sort: Sort) -> Outcome {
        debug_assert_eq!(rows.len(), self.len, "an index is used with the rows it was built from");
        let q = Query::new(&state.query);
        let defs = R::facets();
        let nf = defs.len();
        // Per facet: which dense positions are selected (None = no restriction), and selected
        // codes that no row has (shown with 0 so they can be unselected).
        let mut selected: Vec<Option<Vec<bool>>> = Vec::with_capacity(nf);
        let mut absent: Vec<BTreeSet<u32>> = vec![BTreeSet::new(); nf];
        for (f, d) in defs.iter().enumerate() {
            match state.selected(d.key) {
                None => selected.push(None),
                Some(keys) => {
                    let mut mask = vec![false; self.values[f].len()];
                    for code in keys.iter().filter_map(|k| R::parse_facet_key(f, k)) {
                        match self.values[f].binary_search(&code) {
                            Ok(p) => mask[p] = true,
                            Err(_) => {
                                absent[f].insert(code);
                            }
                        }
                    }
                    selected.push(Some(mask));
                }
            }
        }
        let mut counts: Vec<Vec<usize>> = self.values.iter().map(|v| vec![0usize; v.len()]).collect();
        let mut hit = vec![false; self.len];
        let mut nhits = 0usize;
        let matches = self.text_matches(rows, &q);
        let mut visit = |i: usize| {
            let mut fails = 0;
            let mut failed = 0;
            for f in 0..nf {
                if let Some(mask) = &selected[f] {
                    if !mask[self.dense[f][i] as usize] {
                        fails += 1;
                        failed = f;
                    }
                }
            }
            match fails {
                0 => {
                    hit[i] = true;
                    nhits += 1;
                    for f in 0..nf {
                        counts[f][self.dense[f][i] as usize] += 1;
                    }
                }
                1 => counts[failed][self.dense[failed][i] as usize] += 1,
                _ => {}
            }
        };
        match &matches {
            None => (0..self.len).for_each(&mut visit),
            Some(m) => m.iter().for_each(|i| visit(*i as usize)),
        }
        let cols = R::columns();
        let (col_key, desc) = match &state.sort {
            Some((k, d)) => (k.as_str(), *d),
            None => (default_sort.column, default_sort.descending),
        };
        let mut out: Vec<u32> = Vec::with_capacity(nhits);
        match cols.iter().position(|c| c.key == col_key) {
            Some(col) if nhits > 0 => {
                // Few matches: sorting them directly beats a pass over every row.
                if nhits.saturating_mul(16) < self.len && !self.orders.lock().map(|m| m.contains_key(&(col, desc))).unwrap_or(false) {
                    out.extend((0..self.len as u32).filter(|i| hit[*i as usize]));
                    let order = self.order_small(rows, col, desc, &mut out);
                    return self.finish::<R>(order, counts, selected, absent);
                }
                let order = self.order(rows, col, desc);
                out.extend(order.iter().copied().filter(|i| hit[*i as usize]));
            }
            _ => out.extend((0..self.len as u32).filter(|i| hit[*i as usize])),
        }
        self.finish::<R>(out, counts, selected, absent)
    }

    /// Sorts a few row numbers (ascending on entry) the way `table::run` does.
    fn order_small<R: Record>(&self, rows: &[R], col: usize, desc: bool, out: &mut Vec<u32>) -> Vec<u32> {
        out.sort_by(|a, b| cmp_rows(rows, col, desc, *a, *b));
        std::mem::take(out)
    }

    fn finish<R: Record>(&self, rows: Vec<u32>, counts: Vec<Vec<usize>>, selected: Vec<Option<Vec<bool>>>, absent: Vec<BTreeSet<u32>>) -> Outcome {
        let facets = R::facets()
            .iter()
            .enumerate()
            .map(|(f, d)| {
                let mut values: Vec<(u32, usize, bool)> = self.values[f]
                    .iter()
                    .enumerate()
                    .map(|(p, code)| (*code, counts[f][p], selected[f].as_ref().is_some_and(|m| m[p])))
                    .collect();
                if !absent[f].is_empty() {
                    values.extend(absent[f].iter().map(|c| (*c, 0, true)));
                    values.sort_by_key(|v| v.0);
                }
                FacetCounts { facet: *d, values }
            })
            .collect();
        Outcome { rows, facets }
    }
}

/// A multiplicative hash for `char` keys (the default SipHash costs more than the rest of
/// indexing; keys here are not attacker-chosen in a way that matters: one table per page view).
type CharHash = std::hash::BuildHasherDefault<MulHasher>;

#[derive(Default)]
pub struct MulHasher(u64);

impl std::hash::Hasher for MulHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, x: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(x)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Whether a query with `new` terms can only match rows that `old` terms matched: each old term
/// is contained in some new term.
fn narrows(old: &[String], new: &[String]) -> bool {
    !old.is_empty() && old.iter().all(|o| new.iter().any(|n| n.contains(o.as_str())))
}

/// Two rows compared on `col` as `table::run` sorts them: by value (reversed when `desc`), empty
/// cells last whichever the direction.
fn cmp_rows<R: Record>(rows: &[R], col: usize, desc: bool, a: u32, b: u32) -> std::cmp::Ordering {
    let (ca, cb) = (rows[a as usize].cell(col), rows[b as usize].cell(col));
    match (matches!(ca, Cell::Empty), matches!(cb, Cell::Empty)) {
        (false, false) => {
            let o = ca.cmp_value(&cb);
            if desc { o.reverse() } else { o }
        }
        (x, y) => x.cmp(&y),
    }
}

/// Whether `needle` (2–8 bytes) occurs in `hay`: first byte, then the rest.
fn contains_short(hay: &[u8], needle: &[u8]) -> bool {
    let (first, rest) = (needle[0], &needle[1..]);
    let last = match hay.len().checked_sub(needle.len()) {
        Some(l) => l,
        None => return false,
    };
    let mut i = 0;
    while i <= last {
        if hay[i] == first && &hay[i + 1..i + needle.len()] == rest {
            return true;
        }
        i += 1;
    }
    false
}

/// Keeps the rows of `cand` (ascending) that are also in `list` (ascending).
fn intersect(cand: &mut Vec<u32>, list: &[u32]) {
    if list.len() >= cand.len() * 8 {
        // Much longer list: binary-search each candidate in it.
        let mut lo = 0;
        cand.retain(|x| match list[lo..].binary_search(x) {
            Ok(p) => {
                lo += p + 1;
                true
            }
            Err(p) => {
                lo += p;
                false
            }
        });
    } else {
        let mut j = 0;
        cand.retain(|x| {
            while j < list.len() && list[j] < *x {
                j += 1;
            }
            j < list.len() && list[j] == *x
        });
    }
}
