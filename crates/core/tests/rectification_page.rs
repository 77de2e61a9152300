//! The 整改 page's answers on the shipped rectification.json, through the one table engine
//! (`Rectification::run`, `Rectification::facet_values`) from the page's URL: which problems
//! show and what each facet value counts. The expected numbers are written out by hand from
//! the file (each problem's aspect and status, and where the searched words occur), not
//! computed by the code under test.

use gongshi_core::rectification::{self, ProblemFacet, Rectification};
use gongshi_core::view::View;
use std::path::PathBuf;

fn report() -> Rectification {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data/rectification.json");
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    rectification::load(&text).expect("parses").value
}

/// What the page shows for `url`: the problems' numbers, then (code, count, selected) of every
/// aspect and of every status (done, in progress, not started).
type Shown = (Vec<u32>, Vec<(u32, usize, bool)>, Vec<(u32, usize, bool)>);

fn shown(r: &Rectification, url: &str) -> Shown {
    let view = View::from_query(url);
    let o = r.run(&view.rect.table);
    let values = |f| r.facet_values(&o, f).iter().map(|v| (v.code, v.count, v.selected)).collect();
    (o.rows.iter().map(|i| r.problems[*i as usize].no).collect(), values(ProblemFacet::Aspect), values(ProblemFacet::Status))
}

// Status codes: 0 done (已完成整改), 1 in progress, 2 not started.

#[test]
fn no_filter_shows_all_21_with_counts_per_aspect_and_status() {
    let r = report();
    // Aspect 一: problems 1–12, 二: 13–15, 三: 16–21; all 21 are done (the report's 21 of 21).
    let (nos, aspects, statuses) = shown(&r, "?page=rectification");
    assert_eq!(nos, (1..=21).collect::<Vec<u32>>());
    assert_eq!(aspects, vec![(1, 12, false), (2, 3, false), (3, 6, false)]);
    assert_eq!(statuses, vec![(0, 21, false), (1, 0, false), (2, 0, false)]);
}

#[test]
fn an_aspect_narrows_the_list_and_the_status_counts_not_the_aspect_counts() {
    let r = report();
    let (nos, aspects, statuses) = shown(&r, "?page=rectification&aspect=2");
    assert_eq!(nos, vec![13, 14, 15]);
    assert_eq!(aspects, vec![(1, 12, false), (2, 3, true), (3, 6, false)]);
    assert_eq!(statuses, vec![(0, 3, false), (1, 0, false), (2, 0, false)]);
    let (nos, aspects, statuses) = shown(&r, "?page=rectification&aspect=1,3");
    assert_eq!(nos, vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16, 17, 18, 19, 20, 21]);
    assert_eq!(aspects, vec![(1, 12, true), (2, 3, false), (3, 6, true)]);
    assert_eq!(statuses, vec![(0, 18, false), (1, 0, false), (2, 0, false)]);
}

#[test]
fn search_with_facets() {
    let r = report();
    // 捐赠 is in problem 2 (finding, third measure), 8 and 9 (title), 13 (third measure), 14
    // (title) and 18 (finding): aspect 一 2, 8, 9; 二 13, 14; 三 18.
    let (nos, aspects, statuses) = shown(&r, "?page=rectification&q=%E6%8D%90%E8%B5%A0");
    assert_eq!(nos, vec![2, 8, 9, 13, 14, 18]);
    assert_eq!(aspects, vec![(1, 3, false), (2, 2, false), (3, 1, false)]);
    assert_eq!(statuses, vec![(0, 6, false), (1, 0, false), (2, 0, false)]);
    // …in aspects 一 and 三.
    let (nos, aspects, statuses) = shown(&r, "?page=rectification&q=%E6%8D%90%E8%B5%A0&aspect=1,3&status=done");
    assert_eq!(nos, vec![2, 8, 9, 18]);
    assert_eq!(aspects, vec![(1, 3, true), (2, 2, false), (3, 1, true)]);
    assert_eq!(statuses, vec![(0, 4, true), (1, 0, false), (2, 0, false)]);
    // Two words, both in 19 and 20 only (谈话 in their titles, 党组 in 19's finding and 20's
    // third measure).
    let (nos, aspects, _) = shown(&r, "?page=rectification&q=%E8%B0%88%E8%AF%9D+%E5%85%9A%E7%BB%84");
    assert_eq!(nos, vec![19, 20]);
    assert_eq!(aspects, vec![(1, 0, false), (2, 0, false), (3, 2, false)]);
}

#[test]
fn a_status_no_problem_has_shows_none_and_stays_selectable() {
    let r = report();
    let (nos, aspects, statuses) = shown(&r, "?page=rectification&status=in_progress");
    assert!(nos.is_empty());
    assert_eq!(aspects, vec![(1, 0, false), (2, 0, false), (3, 0, false)]);
    assert_eq!(statuses, vec![(0, 21, false), (1, 0, true), (2, 0, false)]);
    // An old hand-edited link: unknown values are dropped, known ones kept.
    let (nos, aspects, statuses) = shown(&r, "?page=rectification&aspect=x,2&status=bogus,done");
    assert_eq!(nos, vec![13, 14, 15]);
    assert_eq!(aspects, vec![(1, 12, false), (2, 3, true), (3, 6, false)]);
    assert_eq!(statuses, vec![(0, 3, true), (1, 0, false), (2, 0, false)]);
    // Nothing known selected is no selection: every problem shows.
    let (nos, aspects, statuses) = shown(&r, "?page=rectification&aspect=x&status=bogus");
    assert_eq!(nos.len(), 21);
    assert_eq!(aspects, vec![(1, 12, false), (2, 3, false), (3, 6, false)]);
    assert_eq!(statuses, vec![(0, 21, false), (1, 0, false), (2, 0, false)]);
}
