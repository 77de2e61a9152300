//! 拼音检索 against an independent source (#18): the shipped table (public/pinyin.txt, from the
//! pinyin crate) and the core's matcher find each name of the test set
//! (tests/fixtures/pinyin_names.json: names drawn from the shipped data, their pinyin written by
//! the npm package pinyin-pro, see scripts/pinyin-names.mjs) when typed the ways people type it:
//! whole, syllable by syllable with spaces, by initials, and as its first character followed by
//! initials. Recall must be at least 99% for each way; every reading of the five surnames the
//! issue names must find them.

use gongshi_core::pinyin::Table;
use gongshi_core::search::{normalize, Query};

fn root(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn table() -> Table {
    Table::parse(&std::fs::read_to_string(root("public/pinyin.txt")).expect("public/pinyin.txt")).expect("the shipped table parses")
}

fn fixture() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(root("crates/core/tests/fixtures/pinyin_names.json")).expect("the test set")).expect("JSON")
}

#[test]
fn the_shipped_table_finds_at_least_99_percent_of_the_names_each_way_they_are_typed() {
    let table = table();
    let set = fixture();
    let names = set["names"].as_array().expect("names");
    assert!(names.len() >= 1000, "{} names", names.len());
    let ways: [(&str, fn(&str, &[String]) -> String); 4] = [
        ("whole", |_, p| p.concat()),
        ("syllables with spaces", |_, p| p.join(" ")),
        ("initials", |_, p| p.iter().map(|s| &s[..1]).collect()),
        ("first character, then initials", |t, p| {
            let first: String = t.chars().take(1).collect();
            first + &p[1..].iter().map(|s| &s[..1]).collect::<String>()
        }),
    ];
    for (way, typed) in ways {
        let mut missed = Vec::new();
        let mut tried = 0;
        for n in names {
            let text = n["text"].as_str().expect("text");
            let pinyin: Vec<String> = n["pinyin"].as_array().expect("pinyin").iter().map(|s| s.as_str().expect("syllable").to_string()).collect();
            if way.starts_with("first") && pinyin.len() < 2 {
                continue;
            }
            tried += 1;
            let q = typed(text, &pinyin);
            // As the search box does: the typed text as a query, the name as a row's text.
            if !Query::new(&q).matches_with(&normalize(text), Some(&table)) {
                missed.push(format!("{text} ← {q}"));
            }
        }
        let recall = 1.0 - missed.len() as f64 / tried as f64;
        println!("{way}: {}/{tried} found ({:.2}%)", tried - missed.len(), recall * 100.0);
        assert!(recall >= 0.99, "{way}: recall {:.2}% < 99%; missed: {missed:?}", recall * 100.0);
    }
}

#[test]
fn every_reading_of_the_surnames_the_issue_names_finds_them() {
    let table = table();
    let set = fixture();
    for h in set["heteronyms"].as_array().expect("heteronyms") {
        let c = h["text"].as_str().expect("text");
        for r in h["readings"].as_array().expect("readings") {
            let r = r.as_str().expect("reading");
            for (q, text) in [(r.to_string(), format!("{c}先生")), (format!("{r}xs"), format!("{c}先生")), (format!("{r} xian sheng"), format!("{c}先生"))]
            {
                assert!(Query::new(&q).matches_with(&normalize(&text), Some(&table)), "{q} should find {text}");
            }
        }
    }
    // And what the issue writes out.
    for q in ["zhangxiansheng", "zhang xian sheng", "zxs", "张xs", "ZhangXS"] {
        assert!(Query::new(q).matches_with("张先生", Some(&table)), "{q}");
    }
    for q in ["zhangxs1", "zhangxiansheng2", "xsz"] {
        assert!(!Query::new(q).matches_with("张先生", Some(&table)), "{q}");
    }
}
