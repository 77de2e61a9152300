//! The sample ledger files shipped in public/data are exactly what `gongshi sample` writes
//! with its defaults (regenerate with `make sample-data`).

use gongshi_cli::{render_sample, DEFAULT_DONATIONS, DEFAULT_SEED};
use std::path::PathBuf;

#[test]
fn shipped_sample_files_equal_the_generator_output() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    for (name, expected) in render_sample(DEFAULT_SEED, DEFAULT_DONATIONS) {
        let p = dir.join(&name);
        let shipped = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e} (run `make sample-data`)", p.display()));
        assert!(shipped == expected, "{name} differs from `gongshi sample` output: run `make sample-data`");
    }
}
