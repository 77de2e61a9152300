//! The sample data files shipped in public/data (donations, disbursements, goods, relief,
//! coverage) are exactly what `gongshi sample` writes with its defaults (regenerate with
//! `make sample-data`), and the shipped relief and coverage files load with no problems.

use gongshi_cli::{render_sample, DEFAULT_DONATIONS, DEFAULT_SEED};
use gongshi_core::{coverage, relief};
use std::path::PathBuf;

fn shipped(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data").join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e} (run `make sample-data`)", p.display()))
}

#[test]
fn shipped_sample_files_equal_the_generator_output() {
    let files = render_sample(DEFAULT_SEED, DEFAULT_DONATIONS);
    let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
    assert!(names.contains(&relief::FILE) && names.contains(&coverage::FILE), "{names:?}");
    for (name, expected) in files {
        assert!(shipped(&name) == expected, "{name} differs from `gongshi sample` output: run `make sample-data`");
    }
}

#[test]
fn shipped_relief_and_coverage_load_cleanly() {
    let org = gongshi_core::manifest::load(&shipped("manifest.json")).unwrap().value.organisation;
    let r = relief::load(&shipped(relief::FILE), &org).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert!(r.value.records.iter().all(|x| !x.programme.aggregate_only));
    let c = coverage::load(&shipped(coverage::FILE), &org).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(c.findings.is_empty(), "{:?}", c.findings);
}
