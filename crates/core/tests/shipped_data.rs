//! The data the app ships with validates cleanly and says what the seed says.

use gongshi_core::figures::{self, Value};
use gongshi_core::rectification::{self, Filter, Status};
use gongshi_core::{manifest, Fen};
use std::path::PathBuf;

fn data(file: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data").join(file);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn rectification_has_21_problems_in_3_aspects_and_no_diagnostics() {
    let c = rectification::load(&data("rectification.json")).expect("parses");
    assert!(c.problems.is_empty(), "{:#?}", c.problems);
    let r = c.value;
    assert_eq!(r.problems.len(), 21);
    assert_eq!(r.aspects.len(), 3);
    assert_eq!(r.problems.iter().map(|p| p.no).collect::<Vec<_>>(), (1..=21).collect::<Vec<_>>());
    let per_aspect: Vec<usize> = (1..=3).map(|a| r.problems.iter().filter(|p| p.aspect == a).count()).collect();
    assert_eq!(per_aspect, vec![12, 3, 6]);
    assert_eq!(r.status_counts()[&Status::Done], 21);
    assert_eq!(r.declared.items, Some(11));
    assert_eq!(r.problem(1).unwrap().title, "理论学习不够到位");
    assert_eq!(r.problem(14).unwrap().title, "捐赠款使用不规范");
    assert!(r.problems.iter().all(|p| !p.measures.is_empty()));
    assert_eq!(r.inspection.start.unwrap().to_string(), "2022-07-08");
    assert_eq!(r.published.unwrap().to_string(), "2023-09-18");
    assert_eq!(r.next_steps.len(), 3);
}

#[test]
fn a_word_from_one_problem_finds_only_that_problem() {
    let r = rectification::load(&data("rectification.json")).unwrap().value;
    for (word, no) in [("手套", 9), ("公车运行维护费", 15), ("腾讯公益", 7), ("保密", 12)] {
        let hits: Vec<u32> = r.filter(&Filter { query: word.into(), ..Default::default() }).iter().map(|p| p.no).collect();
        assert_eq!(hits, vec![no], "{word}");
    }
}

#[test]
fn figures_validate_and_hold_the_seed_numbers() {
    let c = figures::load(&data("figures.json")).expect("parses");
    assert!(c.problems.is_empty(), "{:#?}", c.problems);
    let f = c.value;
    assert!(f.figures.len() >= 40, "{}", f.figures.len());
    let money: Vec<Fen> = f.figures.iter().filter_map(|x| match x.value { Value::Money(m) => Some(m), _ => None }).collect();
    assert!(money.contains(&Fen::from_yuan(12_824_000)), "1282.4万元 raised");
    assert!(money.contains(&Fen::from_yuan(396_700)), "2021 non-directed 39.67万元");
    assert!(money.contains(&Fen::from_yuan(16_200)), "over the cap by 1.62万元");
    assert!(f.figures.iter().any(|x| x.value == Value::PercentBp(442) && x.problem == Some(7)));
    assert!(f.figures.iter().any(|x| x.value == Value::PercentBp(350) && x.problem == Some(3)));
    assert!(f.key_figures().count() >= 6);
    // Every figure names where it comes from.
    assert!(f.figures.iter().all(|x| !x.quote.is_empty() && (x.problem.is_some() || !x.section.is_empty())));
}

#[test]
fn cost_cap_reconciles_with_the_seed() {
    let f = figures::load(&data("figures.json")).unwrap().value;
    let find = |yuan: i64| f.figures.iter().any(|x| x.problem == Some(14) && x.value == Value::Money(Fen::from_yuan(yuan)));
    assert!(find(396_700) && find(25_800) && find(42_000) && find(16_200));
    // 39.67万 × 6.5% = 2.578万, which the seed rounds to 2.58万; 4.2 − 2.58 = 1.62.
    let cap = Fen::from_yuan(396_700).percent_bp(650);
    assert_eq!(gongshi_core::format::money_zh(cap), "2.58万元");
    assert_eq!(Fen::from_yuan(42_000) - Fen::from_yuan(25_800), Fen::from_yuan(16_200));
}

#[test]
fn manifest_lists_every_shipped_file() {
    let c = manifest::load(&data("manifest.json")).expect("parses");
    assert!(c.problems.is_empty(), "{:#?}", c.problems);
    for d in &c.value.datasets {
        let text = data(&d.file);
        assert!(!text.is_empty(), "{}", d.file);
    }
    let r = c.value.dataset("rectification").unwrap();
    assert!(!r.sample);
    assert_eq!(r.records, Some(21));
}

#[test]
fn core_crate_names_no_browser_crate() {
    let toml = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    for line in toml.lines() {
        let name = line.split('=').next().unwrap_or("").trim();
        for banned in ["leptos", "web-sys", "wasm-bindgen", "js-sys", "gloo"] {
            assert!(!name.starts_with(banned), "core depends on {name}");
        }
    }
}
